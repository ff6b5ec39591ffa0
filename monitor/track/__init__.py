"""Stage 3: what changed: snapshots and diffs between versions, and the timeline reconciled across versions
and sources."""
