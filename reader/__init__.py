"""Richtlijnenlezer: offline reader for Dutch government guideline corpora."""
__version__ = "0.1.0"
