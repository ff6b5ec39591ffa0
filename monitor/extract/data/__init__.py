"""Bundled lexicon data (YAML), loaded by monitor.extract.lexicon."""
