"""``python -m kg`` runs the bskg command line."""
from kg.cli import main

main()
