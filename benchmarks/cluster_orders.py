"""Whether the clusters' timelines hang on the order their pages arrive in (issue 13).

Each cluster of tests/fixtures/clusters (or of --clusters DIR) is read as `monitor check` reads it (the text
stage, then the items with undated reports), once per page, and then reconciled in-process in every order of
its pages (the first 24 orders of a cluster of five pages or more): one version a source, one after another,
as outlets publishing one after another would bring them. Printed per cluster: the least and the most of its
`shared` happenings that are one row over those orders, and the most `apart` pairs joined; with --show, each
shared happening that is one row in some orders only, with an order that leaves it apart.

    .venv/bin/python benchmarks/cluster_orders.py                   # every cluster
    .venv/bin/python benchmarks/cluster_orders.py --show meth       # the clusters named with "meth"
    .venv/bin/python benchmarks/cluster_orders.py --clusters DIR    # clusters of other pages (as
                                                                    # cluster_misses.py reads them)

`cluster_misses.py` runs `monitor check` once, its pages checked one at a time in the order they are claimed:
its score is one of the orders here. Without --clusters it needs ../shared (the pages).
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the acceptance test's helpers (tests/) are this benchmark's

from cluster_misses import cluster_arguments, clusters_to_run  # noqa: E402

from monitor.extract.text import extract_document  # noqa: E402
from monitor.run.story import Extracted, StoryRules, extract_text  # noqa: E402
from monitor.store.records import SourceRef  # noqa: E402
from monitor.track.timeline import TimelineEntry, reconcile  # noqa: E402
from tests.integration.test_clusters import _rows, apart_rows  # noqa: E402

MAX_ORDERS = 24
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the fetch time, and the check times an hour apart from it


def read_pages(cluster: dict[str, Any], corpus: Path) -> list[Extracted]:
    """Each page's first version as `monitor check` extracts it (`monitor.run.story.extract_text`)."""
    truth = json.loads((corpus / "ground-truth.json").read_text("utf-8"))
    names = {name[:12]: name for name in truth}
    rules = StoryRules()
    pages = []
    for page in cluster["pages"]:
        page_id = str(page["id"])
        name = names[page_id]
        url = truth[name].get("url") or f"http://127.0.0.1/{page_id}"
        document = extract_document(gzip.decompress((corpus / "html" / f"{name}.html.gz").read_bytes()),
                                    url=url)
        source = SourceRef(0, "cluster", url, "page", "config", 86400.0)
        extracted = extract_text(source, 1, document.text, document.published, NOW, rules)
        if extracted is None:
            sys.exit(f"{page_id}: the extractor failed (logged above)")
        pages.append(extracted)
    return pages


def one_row(cluster: dict[str, Any], timeline: list[TimelineEntry], urls: dict[str, str]) -> list[bool]:
    """For each `shared` happening, whether its reports are in one row."""
    return [bool(set.intersection(*(_rows(timeline, urls[str(p)], w, row.get("figure"), "figure" in row)
                                    for p, w in row["reports"].items())))
            for row in cluster["shared"]]


def main() -> None:
    args = cluster_arguments(__doc__.splitlines()[0],
                             "print each shared happening that is one row in some orders only").parse_args()
    least = most = shared = varying = 0
    for name, path, corpus in clusters_to_run(args.clusters, args.names):
        cluster = yaml.safe_load(path.read_text(encoding="utf-8"))
        pages = read_pages(cluster, corpus)
        urls = {str(page["id"]): read.url for page, read in zip(cluster["pages"], pages, strict=True)}
        orders = list(itertools.islice(itertools.permutations(range(len(pages))), MAX_ORDERS))
        merged: list[list[bool]] = []
        joined = 0
        for order in orders:
            timeline: tuple[TimelineEntry, ...] = ()
            for n, i in enumerate(order):
                read = pages[i]
                timeline = reconcile(timeline, "cluster", read.url, 1, read.published, read.items,
                                     NOW + dt.timedelta(hours=n)).timeline
            merged.append(one_row(cluster, list(timeline), urls))
            joined = max(joined, sum(1 for _pair, a, b in apart_rows(cluster, list(timeline), urls) if a & b))
        counts = [sum(m) for m in merged]
        moving = [n for n in range(len(cluster["shared"])) if len({m[n] for m in merged}) > 1]
        least, most = least + min(counts), most + max(counts)
        shared, varying = shared + len(cluster["shared"]), varying + len(moving)
        print(f"{name}: {min(counts)}..{max(counts)} of {len(cluster['shared'])} shared happenings one row "
              f"over {len(orders)} orders of its {len(pages)} pages; {joined} apart pairs joined at most")
        for n in moving if args.show else ():
            apart = next(order for order, m in zip(orders, merged, strict=True) if not m[n])
            ids = ", ".join(str(cluster["pages"][i]["id"]) for i in apart)
            print(f"    apart in {sum(not m[n] for m in merged)} of {len(orders)} orders, e.g. {ids}: "
                  f"{cluster['shared'][n]['what']}")
    print(f"\n{least}..{most} of {shared} shared happenings one row; {varying} of them hang on the order")


if __name__ == "__main__":
    main()
