"""Data of the track stage: how reports from different sources are matched (matching.yaml)."""
