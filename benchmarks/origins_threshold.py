"""The near-duplicate thresholds of monitor/track/origins.py, measured on real pages.

For every pair of the 181 pages of ../shared/data/article-html (different articles; several tell one story
in different outlets' words), prints how many long sentences the two share and what share of the shorter
page's that is, highest first: the thresholds (MIN_SHARED, MIN_CONTAINMENT) must leave every such pair
apart, while a wire story republished with another site's furniture shares nearly all its sentences.

    python benchmarks/origins_threshold.py [--corpus DIR] [--top N]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from pathlib import Path

from monitor.extract.text import extract_document
from monitor.track.origins import MIN_CONTAINMENT, MIN_SHARED, _hashes, fingerprint

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    truth = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    sets = {}
    for key, page in sorted(truth.items()):
        raw = gzip.decompress((args.corpus / "html" / f"{key}.html.gz").read_bytes())
        sets[key[:12]] = _hashes(fingerprint(extract_document(raw, url=page["url"]).text))
    pairs = []
    for a, b in itertools.combinations(sorted(sets), 2):
        shared = len(sets[a] & sets[b])
        if shared:
            pairs.append((shared / min(len(sets[a]), len(sets[b])), shared, a, b))
    pairs.sort(reverse=True)
    copies = sum(1 for c, n, _, _ in pairs if n >= MIN_SHARED and c >= MIN_CONTAINMENT)
    print(f"pages {len(sets)}, pairs {len(sets) * (len(sets) - 1) // 2}, "
          f"sharing a long sentence {len(pairs)}, "
          f"copies by the thresholds (>= {MIN_SHARED} and >= {MIN_CONTAINMENT}) {copies}")
    for c, n, a, b in pairs[: args.top]:
        print(f"{c:.2f}  {n:3d}  {a} {b}")


if __name__ == "__main__":
    main()
