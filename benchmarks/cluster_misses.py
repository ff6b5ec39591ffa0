"""Why the clusters' shared happenings stay apart (issue 13): each missed row of the clusters, by its cause.

Runs every cluster of tests/fixtures/clusters as tests/integration/test_clusters.py does (its pages served on
127.0.0.1 as the sources of one story, one `monitor check`) and prints how many of its `shared` happenings are
one row and how many `apart` pairs joined. Then, for each shared happening that is not one row, the furthest
any two outlets' rows of it got through the cross-source rules (monitor.track.matching) names its cause:

    no row     an outlet's sentence of it gave no row: the extractor read no item there
    date       no two outlets' rows of it have dates that nest or are adjacent days
    kind       dates agree; the kinds are never compatible, not even by wording
    actors     dates and kinds agree; the actors conflict
    wording    dates and kinds agree, actors do not conflict; the sentences are worded below what joins them
               (matching.yaml wording_threshold; the lower thresholds of its other rules are not tried here)
    value      figures: no two of the same value
    subject    figures of one value whose subjects or metrics conflict and whose sentences are not alike
    elsewhere  a pair of rows passes every test above: each joined another row first (a source's rows are
               its own happenings), or a third outlet's row of it is missing from the one they make

The first causes are the extractor's (what a page reads), the last ones matching's. The pages are checked one
at a time, in the order they are claimed, as the acceptance test checks them: which joins a row first may
decide the others (benchmarks/cluster_orders.py tries every order).

    .venv/bin/python benchmarks/cluster_misses.py                  # every cluster
    .venv/bin/python benchmarks/cluster_misses.py --show nasa      # the clusters named with "nasa", each
                                                                   # miss with its rows
    .venv/bin/python benchmarks/cluster_misses.py --clusters DIR   # clusters of other pages: DIR/<name>/
                                                                   # cluster.yaml beside its ground-truth.json
                                                                   # and html/<key>.html.gz

The pairing of rows uses the acceptance test's own helpers. Without --clusters it needs ../shared (the pages).
With --clusters, each cluster is read with its own pages (laid out as ../shared/data/article-html is), so that
clusters written blind from pages no rule was written on can be scored the same way.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the acceptance test's harness (tests/) is this benchmark's

from monitor.extract.spans import date_span, nested  # noqa: E402
from monitor.track.figure_matching import figures_agree  # noqa: E402
from monitor.track.matching import (  # noqa: E402
    actors_agree,
    adjacent_days,
    kinds_compatible,
    kinds_compatible_by_wording,
    same_wording,
)
from monitor.track.timeline import TimelineEntry  # noqa: E402
from tests.integration.test_clusters import (  # noqa: E402
    CLUSTERS,
    CORPUS,
    _rows,
    _timeline,
    apart_rows,
    score,
)
from tests.pageserver import PageServer  # noqa: E402

# The tests a pair of rows goes through, in order; a miss is named by the first its best pair fails.
EVENT_STAGES = ("date", "kind", "actors", "wording")
FIGURE_STAGES = ("value", "subject")
CAUSES = ("no row", *EVENT_STAGES, *FIGURE_STAGES, "elsewhere")


def _evidence(entry: TimelineEntry, url: str) -> str:
    return next(s.evidence for s in entry.sources if s.source_url == url)


def _stages_passed(x: TimelineEntry, y: TimelineEntry, ex: str, ey: str) -> int:
    """How many of the tests (EVENT_STAGES or FIGURE_STAGES) two outlets' rows pass, in order."""
    if x.is_figure:
        if x.value != y.value:
            return 0
        agree = figures_agree(x.subject, x.metric, x.value, x.unit, y.subject, y.metric, y.value, y.unit,
                              evidence=(ex, ey), by_wording=True)
        return 2 if agree else 1
    sx, sy = date_span(x.date), date_span(y.date)
    if not (nested(sx, sy) or adjacent_days(sx, sy)):
        return 0
    if not (kinds_compatible(x.kind, y.kind) or kinds_compatible_by_wording(x.kind, y.kind)):
        return 1
    agree = actors_agree(x.actors, y.actors)
    if agree is False:
        return 2
    typed = kinds_compatible(x.kind, y.kind) and agree is True and nested(sx, sy)
    return 4 if typed or same_wording(ex, ey) else 3


def cause_of_miss(row: dict[str, Any], found: dict[str, set[str]], by_id: dict[str, TimelineEntry],
                  urls: dict[str, str]) -> str:
    """The cause (CAUSES) of a shared happening that is not one row, given each outlet's rows of it."""
    if not all(found.values()):
        return "no row"
    stages = FIGURE_STAGES if "figure" in row else EVENT_STAGES
    best = 0
    for (pa, ia), (pb, ib) in itertools.combinations(found.items(), 2):
        for x, y in itertools.product((by_id[i] for i in ia), (by_id[i] for i in ib)):
            best = max(best, _stages_passed(x, y, _evidence(x, urls[pa]), _evidence(y, urls[pb])))
    return stages[best] if best < len(stages) else "elsewhere"


def _apart(cluster: dict[str, Any], timeline: list[TimelineEntry], urls: dict[str, str],
           ) -> tuple[list[str], int]:
    """(the `apart` pairs that are one row, how many pairs have a report read as no row): the acceptance
    test asserts every apart report is read; a cluster written blind may name one that is not."""
    found = apart_rows(cluster, timeline, urls)
    return [pair["what"] for pair, a, b in found if a & b], sum(1 for _pair, a, b in found if not (a and b))


def _show_miss(row: dict[str, Any], cause: str, found: dict[str, set[str]], by_id: dict[str, TimelineEntry],
               urls: dict[str, str]) -> None:
    print(f"  {cause:9}  {row['what']}")
    reports = {str(p): w for p, w in row["reports"].items()}
    for page, ids in found.items():
        print(f"      {page}: {reports[page][:90]!r}")
        for i in ids:
            e = by_id[i]
            told = f"{e.subject} / {e.metric} = {e.value}" if e.is_figure else ", ".join(e.actors)
            print(f"          {e.kind} {e.date} [{told}] {_evidence(e, urls[page])[:110]!r}")


def cluster_arguments(description: str, show: str) -> argparse.ArgumentParser:
    """The command line of the cluster benchmarks: cluster names, `--show` (help `show`), `--clusters`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("names", nargs="*", help="only the clusters whose file name holds one of these")
    parser.add_argument("--show", action="store_true", help=show)
    parser.add_argument("--clusters", type=Path,
                        help="a folder of clusters of other pages: <name>/cluster.yaml, each beside its "
                             "pages (ground-truth.json, html/<key>.html.gz)")
    return parser


def clusters_to_run(clusters: Path | None, names: list[str]) -> list[tuple[str, Path, Path]]:
    """(name, cluster file, the folder of its pages) of the clusters asked for: tests/fixtures/clusters with
    ../shared's pages, or `clusters`' own (<name>/cluster.yaml beside its pages)."""
    if clusters is not None:
        found = {p.parent.name: (p, p.parent) for p in sorted(clusters.glob("*/cluster.yaml"))}
    else:
        if not (CORPUS / "ground-truth.json").is_file():
            sys.exit(f"{CORPUS} is absent: the clusters' pages are read from there")
        found = {p.stem: (p, CORPUS) for p in sorted(CLUSTERS.glob("*.yaml")) if p.stem != "floors"}
    return [(name, path, corpus) for name, (path, corpus) in found.items()
            if not names or any(n in name for n in names)]


def main() -> None:
    show = "print each miss with every outlet's rows of it"
    args = cluster_arguments(__doc__.splitlines()[0], show).parse_args()
    paths = clusters_to_run(args.clusters, args.names)
    causes: Counter[str] = Counter()
    shared = merged = joined = 0
    for name, path, corpus in paths:
        cluster = yaml.safe_load(path.read_text(encoding="utf-8"))
        with PageServer() as site, tempfile.TemporaryDirectory() as tmp:
            timeline, urls = _timeline(cluster, site, Path(tmp), corpus)
        by_id = {e.event_id: e for e in timeline}
        one_row, _ = score({**cluster, "apart": []}, timeline, urls)
        apart_joined, unread = _apart(cluster, timeline, urls)
        print(f"{name}: {one_row} of {len(cluster['shared'])} shared happenings one row; "
              f"{len(apart_joined)} of {len(cluster['apart'])} apart pairs joined"
              + (f" ({unread} with a report the extractor reads no item of)" if unread else ""))
        shared, merged, joined = shared + len(cluster["shared"]), merged + one_row, joined + len(apart_joined)
        for row in cluster["shared"]:
            figure = "figure" in row
            found = {str(p): _rows(timeline, urls[str(p)], w, row.get("figure"), figure)
                     for p, w in row["reports"].items()}
            if set.intersection(*found.values()):
                continue
            cause = cause_of_miss(row, found, by_id, {p: urls[p] for p in found})
            causes[cause] += 1
            if args.show:
                _show_miss(row, cause, found, by_id, {p: urls[p] for p in found})
    print(f"\n{len(paths)} clusters: {merged} of {shared} shared happenings one row, "
          f"{joined} apart pairs joined")
    print("misses by cause: " + ", ".join(f"{c} {causes[c]}" for c in CAUSES if causes[c]))


if __name__ == "__main__":
    main()
