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

`cluster_misses.py` runs `monitor check` once, with its pages fetched at once: its score is one of the orders
here. Without --clusters it needs ../shared (the pages).
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

from monitor.extract.items import Item, extract_items, load_lexicon, published_from_dateline  # noqa: E402
from monitor.extract.text import extract_document  # noqa: E402
from monitor.track.timeline import TimelineEntry, reconcile  # noqa: E402
from tests.integration.test_clusters import _rows, apart_rows  # noqa: E402

MAX_ORDERS = 24
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the check times: an hour apart from here


def read_pages(cluster: dict[str, Any], corpus: Path) -> list[tuple[str, str, str | None, list[Item]]]:
    """(page id, URL, publication day, items) of each page, as `monitor check` extracts a version."""
    truth = json.loads((corpus / "ground-truth.json").read_text("utf-8"))
    names = {name[:12]: name for name in truth}
    pages = []
    for page in cluster["pages"]:
        page_id = str(page["id"])
        name = names[page_id]
        url = truth[name].get("url") or f"http://127.0.0.1/{page_id}"
        raw = gzip.decompress((corpus / "html" / f"{name}.html.gz").read_bytes())
        document = extract_document(raw, url=url)
        published = document.published or published_from_dateline(document.text)
        anchor = published or NOW.date()  # relative dates need some anchor, as in monitor.run.story
        items = extract_items(document.text, anchor, lexicon=load_lexicon(), latent=True)
        pages.append((page_id, url, published.isoformat() if published else None, items))
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
        urls = {page_id: url for page_id, url, _published, _items in pages}
        orders = list(itertools.islice(itertools.permutations(range(len(pages))), MAX_ORDERS))
        merged: list[list[bool]] = []
        joined = 0
        for order in orders:
            timeline: tuple[TimelineEntry, ...] = ()
            for n, i in enumerate(order):
                _page_id, url, published, items = pages[i]
                timeline = reconcile(timeline, "cluster", url, 1, published, items,
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
            print(f"    apart in {sum(not m[n] for m in merged)} of {len(orders)} orders, e.g. "
                  f"{', '.join(pages[i][0] for i in apart)}: {cluster['shared'][n]['what']}")
    print(f"\n{least}..{most} of {shared} shared happenings one row; {varying} of them hang on the order")


if __name__ == "__main__":
    main()
