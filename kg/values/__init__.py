"""Value normalisers: dates, money, numbers and names, each a small module."""
