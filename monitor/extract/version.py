"""Which extractor read a page: a version number for the code and a digest of the data it read with.

Every timeline row a page's extraction wrote carries the stamp of its extractor, so `monitor timeline` and
`monitor sources` can say which rows an older extractor made and `monitor reextract` can rebuild them.

    >>> extractor_stamp({}, {}).startswith(f"{EXTRACTOR_VERSION}+")
    True

The digest covers the bundled lexicons and temporal rules (`monitor/extract/data/`,
`monitor/extract/timex/data/`) and the config's `extraction.kinds` and `extraction.metrics`, so editing a data
file or the config changes the stamp by itself; a change to the extraction *code* that changes what it
reads raises `EXTRACTOR_VERSION`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

# Raised by hand when the extraction code changes what it reads from a page; each raise, with what changed,
# is listed in docs/extractor-versions.md.
EXTRACTOR_VERSION = "317"
_DATA_PACKAGES = ("monitor.extract.data", "monitor.extract.timex.data")


def extractor_stamp(kinds: Mapping[str, Sequence[str]], metrics: Mapping[str, Sequence[str]]) -> str:
    """`<EXTRACTOR_VERSION>+<12 hex digits>`: the code's version and a digest of its data and extensions."""
    digest = hashlib.sha256(_bundled_digest().encode())
    extensions = {"kinds": {k: list(v) for k, v in kinds.items()},
                  "metrics": {k: list(v) for k, v in metrics.items()}}
    digest.update(json.dumps(extensions, sort_keys=True, ensure_ascii=False).encode())
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:12]}"


@cache
def _bundled_digest() -> str:
    """SHA-256 over every bundled data file (its path and bytes), read once per process."""
    digest = hashlib.sha256()
    for package in _DATA_PACKAGES:
        for path, data in sorted(_data_files(files(package), package)):
            digest.update(path.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def _data_files(folder: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for child in folder.iterdir():
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                found.extend(_data_files(child, name))
        elif child.name.endswith((".yaml", ".yml", ".txt", ".json")):
            found.append((name, child.read_bytes()))
    return found
