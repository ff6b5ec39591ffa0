"""The command line the generated word tables share (build_cities.py, build_given_names.py): write the table
beside the lexicon, or with `--check` compare the shipped one with a fresh build (exit 1 when they differ)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def table_text(header: list[str], rows: list[str]) -> str:
    """A table's text: its "#" comment lines, then one entry a line."""
    return "\n".join([*header, *rows]) + "\n"


def table_main(description: str, out: Path, build: Callable[[], str], entries: str) -> int:
    """Run a table builder: `build()` gives the table's text (`table_text`); `entries` names what its lines
    that are no comment hold ("cities", "names") for the message."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="compare with the shipped table, write nothing")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{out.name}: {'up to date' if same else 'differs from a fresh build'}")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    rows = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"wrote {out} ({rows} {entries})")
    return 0
