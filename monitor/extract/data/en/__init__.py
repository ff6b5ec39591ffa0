"""English lexicon data."""
