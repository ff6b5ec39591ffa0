"""Bundled lexicon data (YAML), loaded by monitor.lexicon."""
