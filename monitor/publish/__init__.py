"""Stage 4: what people see: alerts on the log, CSV/JSON exports, the terminal table and the HTML report."""
