"""Extraction stages: a Document in, Mentions and Facts out (see kg.pipeline)."""
