"""Stage 1: fetching pages and feeds over HTTP (client, model), their bytes as text (decode), and the
address guard (guard)."""
