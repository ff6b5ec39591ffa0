"""Memory of the extract step in one process: RSS and Python allocations after the lexicon is loaded and
after the 181 real news bodies are extracted (issue 17: every process under 150 MB RSS).

    python benchmarks/extract_memory.py            (needs psutil: pip install -e '.[bench]')

The bodies and their publication dates are read from ../shared/data/article-html by a child process first
(reading HTML loads trafilatura and lxml, which are not the extract step's memory); then two fresh
processes measure: one the RSS (psutil) at each stage, one the Python allocations (tracemalloc, which slows
the run and adds its own bookkeeping to the RSS, hence apart). Exit 2 when the pages are absent.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
# Measured before the word table (lemminflect's dictionaries loaded in every process), same machine.
BASELINE = {"rss_extracted": 99.2, "traced_extracted": 65.6}  # 2026-12-01, main 5c41cf1, 2 cores
TARGET_RSS_MB = 150


def _dump_corpus(path: str) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from extract_speed import load_news

    news = load_news()
    if not news:
        return 2
    with open(path, "wb") as fh:
        pickle.dump(news, fh)
    return 0


def _measure(path: str, mode: str) -> None:
    """One stage line a stage: after imports, after load_lexicon(), after extracting every body."""
    if mode == "tracemalloc":
        import tracemalloc

        tracemalloc.start()
    with open(path, "rb") as fh:
        news = pickle.load(fh)

    def figure() -> float:
        if mode == "tracemalloc":
            return tracemalloc.get_traced_memory()[0] / MB
        import psutil

        return float(psutil.Process().memory_info().rss) / MB

    from monitor.extract.items import extract_items
    from monitor.extract.lexicon import load_lexicon

    print(f"imports {figure():.1f}")
    load_lexicon()
    print(f"lexicon {figure():.1f}")
    items = sum(len(extract_items(body, published)) for _key, body, published in news)
    print(f"extracted {figure():.1f} {len(news)} {items}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("PATH", "MODE"), help=argparse.SUPPRESS)
    parser.add_argument("--dump", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        return _dump_corpus(args.dump)
    if args.child:
        _measure(*args.child)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "news.pickle")
        if subprocess.run([sys.executable, __file__, "--dump", corpus], check=False).returncode:
            print("article-html set not found (../shared/data/article-html): skipped", file=sys.stderr)
            return 2
        results = {}
        for mode in ("rss", "tracemalloc"):
            child = [sys.executable, __file__, "--child", corpus, mode]
            out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            results[mode] = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
    rss, traced = results["rss"], results["tracemalloc"]
    pages, items = rss["extracted"][1:]
    print(f"extract step in one process, {pages} real news bodies, {items} items")
    for label, got, key, target in (
        ("RSS MB:        ", rss, "rss_extracted", f"target < {TARGET_RSS_MB}; "),
        ("tracemalloc MB:", traced, "traced_extracted", ""),
    ):
        print(
            f"  {label} after imports {got['imports'][0]}, after load_lexicon() {got['lexicon'][0]}, "
            f"after extracting {got['extracted'][0]}  ({target}before the word table {BASELINE[key]})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
