"""The wording threshold of cross-source matching (monitor/track/data/matching.yaml), measured on real pages.

For every pair of items from two different pages of ../shared/data/article-html that reconciliation would
compare by wording (compatible kinds, nested dates, not figures, a side naming nobody who acts, none or only
places; with --reported, the pairs of a reported kind such as `statement` and another kind whose actors do
not conflict; with --agreeing, only those whose actors agree), prints the wording similarity
(monitor.track.matching.wording_similarity). Pages of one
cluster (the same story by several outlets, tests/fixtures/clusters/) give the pairs that may be one
happening; pairs of pages of different stories are different happenings, and how many of them reach each
threshold is the false-match rate.

    python benchmarks/matching_threshold.py [--corpus DIR] [--show] [--reported [--agreeing]]
    python benchmarks/matching_threshold.py --figures [--digits 3] [--show]
    python benchmarks/matching_threshold.py --adjacent [--show]
    python benchmarks/matching_threshold.py --away [--show]
    python benchmarks/matching_threshold.py --named [--show]
    python benchmarks/matching_threshold.py --speakers [--show]
    python benchmarks/matching_threshold.py --past-year [--show]
    python benchmarks/matching_threshold.py --silent [--show]
    python benchmarks/matching_threshold.py --clauses [--show]
    python benchmarks/matching_threshold.py --verb-object [--show]

With --figures it counts instead the figure pairs of two different pages that `figures_agree` joins only by
the distinctive-value rule (matching.yaml `distinctive_digits`, `distinctive_shared_words`) or only by the
wording of their sentences (`wording_threshold`).

With --adjacent it counts the event pairs of two different pages dated on single days one day apart
(matching.yaml `adjacent_days`) whose kinds may match: those whose actors agree (`actors_agree`), and those
whose sentences are worded alike with actors not conflicting (what reconciliation joins).

With --away it prints the wording similarity of the event pairs dated alike on one day or month away from both
pages' publication days (matching.yaml `away_days`, `matching.away_from_news`) that reconciliation compares
by wording (as without --away, and --reported's pairs too) and that the usual threshold leaves apart: the
pairs `away_wording_threshold` decides.

With --named it counts the event pairs of two pages, dated alike or a day apart, whose kinds may match and
whose actors conflict though each side's actors are named in the other's sentence (what
`corroboration.named_by_each_other` hands to the wording), and of those the pairs worded alike: what
reconciliation joins that it kept apart before.

With --speakers it counts the statement pairs of two pages that `corroboration.same_speaker` joins: a page's
first undated statement of a speaker named in full (`first_of_each_speaker`, read as `monitor check` reads,
with undated reports) and another page's statement dated its publication day or the day before, the speaker
agreeing.

With --past-year it prints the wording similarity of the event pairs dated alike by a year alone, before both
pages' publication years (`matching.in_a_past_year`), that reconciliation compares by wording: the pairs
`past_year_wording_threshold` decides.

With --clauses it counts the event pairs of two pages compared by wording (either kind of pair above), dates
nested or a day apart, that the whole sentences leave apart and the clause telling one of them joins (an
item's summary worded like the other sentence: matching.yaml `clause_wording_threshold`, with
`clause_sentence_floor` in common for the sentences; `matching.same_wording`'s `clauses`).

With --verb-object it counts the pairs of a page's undated report (read as `monitor check` reads) and another
page's report of its kind that `corroboration.corroborates` joins only because the actors agree and both tell
it with one verb acting upon one thing (`told_by_verb_and_object`), not by their wording.

With --silent it prints the wording similarity of the event pairs of two pages, dates nested and kinds
compatible, where one side names nobody who acts and the other's actors are all named in its sentence
(`corroboration.named_by_the_silent`): the pairs `named_wording_threshold` decides.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from monitor.extract.items import extract_items, published_from_dateline
from monitor.extract.spans import date_span, nested
from monitor.extract.text import extract_document
from monitor.track.corroboration import (
    corroborates,
    first_of_each_speaker,
    named_by_the_silent,
    same_speaker,
    told_clause,
    worded_alike,
)
from monitor.track.figure_matching import figures_agree
from monitor.track.matching import (
    actors_agree,
    adjacent_days,
    away_from_news,
    in_a_past_year,
    kinds_compatible,
    kinds_compatible_by_wording,
    named_in,
    rules,
    same_wording,
    who_acts,
    wording_similarity,
)
from monitor.track.timeline import TimelineEntry, reconcile

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "article-html"
CLUSTERS = ROOT / "tests" / "fixtures" / "clusters"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def _items(corpus: Path, figures: bool = False, published: dict[str, str | None] | None = None,
           latent: bool = False) -> dict[str, list[object]]:
    """Each page's items (figures or events; with `latent`, undated reports too) by page id; `published`,
    when given, gets each page's day."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    out: dict[str, list[object]] = {}
    for key, page in sorted(truth.items()):
        raw = gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes())
        doc = extract_document(raw, url=page["url"])
        day = doc.published or published_from_dateline(doc.text)
        found = extract_items(doc.text, day, latent=latent)
        out[key[:12]] = [i for i in found if (i.kind == "figure") == figures]
        if published is not None:
            published[key[:12]] = day.isoformat()[:10] if day else None
    return out


def _cluster_of() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(p for p in CLUSTERS.glob("*.yaml") if p.stem != "floors"):
        for page in yaml.safe_load(path.read_text(encoding="utf-8"))["pages"]:
            found[str(page["id"])] = path.stem
    return found


def _compared(x: object, y: object, reported: bool) -> bool:
    """Whether reconciliation compares the two items by wording (see the module docstring)."""
    kx, ky = x.kind, y.kind  # type: ignore[attr-defined]
    ax, ay = x.actors, y.actors  # type: ignore[attr-defined]
    agree = actors_agree(ax, ay)  # None: a side names nobody who acts (none, or only places)
    if reported:
        return not kinds_compatible(kx, ky) and kinds_compatible_by_wording(kx, ky) and agree is not False
    return agree is None and kinds_compatible(kx, ky)


def _why_figures_agree(x: object, y: object) -> str | None:
    """None, or the rule that alone makes the two figures one: "value" (distinctive) or "wording"."""
    def agree(by_wording: bool) -> bool:
        return figures_agree(x.subject, x.metric, x.value, x.unit,  # type: ignore[attr-defined]
                             y.subject, y.metric, y.value, y.unit,  # type: ignore[attr-defined]
                             evidence=(x.evidence, y.evidence), by_wording=by_wording)  # type: ignore[attr-defined]
    if not agree(True):
        return None
    if not agree(False):
        return "wording"
    digits = rules().distinctive_digits
    object.__setattr__(rules(), "distinctive_digits", 10**6)  # the rule off, for this one comparison
    try:
        return None if agree(False) else "value"
    finally:
        object.__setattr__(rules(), "distinctive_digits", digits)


def _figure_pairs(items: dict[str, list[object]], cluster: dict[str, str], show: bool) -> None:
    counts = {(rule, together): 0 for rule in ("value", "wording") for together in (True, False)}
    for a, b in itertools.combinations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for x, y in itertools.product(items[a], items[b]):
            rule = _why_figures_agree(x, y)
            if rule is None:
                continue
            counts[rule, together] += 1
            if show:
                print(f"{rule}, {'same' if together else 'other'} story, {x.value} {x.unit}:"  # type: ignore[attr-defined]
                      f"\n      {x.evidence[:100]}\n      {y.evidence[:100]}")  # type: ignore[attr-defined]
    r = rules()
    print(f"distinctive_digits {r.distinctive_digits}, shared words {r.distinctive_shared_words}, wording "
          f"{r.wording_threshold}: figure pairs joined only by a distinctive value: same story "
          f"{counts['value', True]}, different stories {counts['value', False]}; only by wording: same story "
          f"{counts['wording', True]}, different stories {counts['wording', False]}")


def _show(label: str, together: bool, x: Any, y: Any) -> None:
    """One pair of items, for --show: why it counts, whether its pages are one story, both sentences."""
    story = "same" if together else "other"
    print(f"{label}, {story} story:\n      {x.evidence[:100]}\n      {y.evidence[:100]}")


def _adjacent_pairs(items: dict[str, list[object]], published: dict[str, str | None],
                    cluster: dict[str, str], show: bool) -> None:
    counts = {(rule, together): 0 for rule in ("actors", "wording") for together in (True, False)}
    for a, b in itertools.combinations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for x, y in itertools.product(items[a], items[b]):
            kx, ky, ax, ay = x.kind, y.kind, x.actors, y.actors  # type: ignore[attr-defined]
            if not adjacent_days(date_span(x.date), date_span(y.date)):  # type: ignore[attr-defined]
                continue
            if not (kinds_compatible(kx, ky) or kinds_compatible_by_wording(kx, ky)):
                continue
            agree = actors_agree(ax, ay)
            worded = agree is not False and same_wording(x.evidence, y.evidence)  # type: ignore[attr-defined]
            for rule, joined in (("actors", agree is True), ("wording", worded)):
                if joined:
                    counts[rule, together] += 1
                    if show:
                        _show(rule, together, x, y)
    print(f"adjacent_days {rules().adjacent_days}: event pairs one day apart whose actors agree: same story "
          f"{counts['actors', True]}, different stories {counts['actors', False]}; worded alike "
          f"({rules().wording_threshold}), actors not conflicting: same story {counts['wording', True]}, "
          f"different stories {counts['wording', False]}")


def _print_scores(same: list[tuple[float, str, str]], other: list[tuple[float, str, str]],
                  thresholds: tuple[float, ...], shown_from: float | None) -> None:
    """How many same-story and different-story pairs reach each threshold; with `shown_from`, the pairs
    scoring at least that, both sentences."""
    print("threshold  same-story pairs at or above  different-story pairs at or above")
    for t in thresholds:
        print(f"{t:9.2f}  {sum(s >= t for s, _, _ in same):29d}  {sum(s >= t for s, _, _ in other):33d}")
    if shown_from is None:
        return
    for label, pairs in (("same", same), ("other", other)):
        for score, x, y in sorted(pairs, reverse=True):
            if score >= shown_from:
                print(f"{label} {score:.2f}  {x[:110]}\n      {y[:110]}")


def _dated_alike_pairs(items: dict[str, list[object]], published: dict[str, str | None],
                       cluster: dict[str, str], dated_alike: Callable[..., bool], below: float = 2.0,
                       ) -> tuple[list[tuple[float, str, str]], list[tuple[float, str, str]]]:
    """(same-story, different-story) scored pairs of event items of two pages that `dated_alike` accepts
    (their dates and the pages' days) and reconciliation compares by wording, scoring below `below`."""
    same: list[tuple[float, str, str]] = []
    other: list[tuple[float, str, str]] = []
    for a, b in itertools.combinations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for x, y in itertools.product(items[a], items[b]):
            if not dated_alike(x.date, y.date, (published[a], published[b])):  # type: ignore[attr-defined]
                continue
            if not (_compared(x, y, reported=False) or _compared(x, y, reported=True)):
                continue
            score = wording_similarity(x.evidence, y.evidence)  # type: ignore[attr-defined]
            if score < below:
                (same if together else other).append((score, x.evidence, y.evidence))  # type: ignore[attr-defined]
    return same, other


def _away_pairs(items: dict[str, list[object]], published: dict[str, str | None], cluster: dict[str, str],
                show: bool) -> None:
    r = rules()
    same, other = _dated_alike_pairs(items, published, cluster, away_from_news, below=r.wording_threshold)
    print(f"away_days {r.away_days}: event pairs dated alike away from the news, compared by wording and "
          f"below wording_threshold {r.wording_threshold}: same story {len(same)}, different stories "
          f"{len(other)}")
    _print_scores(same, other, (0.15, 0.2, 0.25, 0.3, 0.35, 0.4), 0.15 if show else None)


def _past_year_pairs(items: dict[str, list[object]], published: dict[str, str | None],
                     cluster: dict[str, str], show: bool) -> None:
    same, other = _dated_alike_pairs(items, published, cluster, in_a_past_year)
    print(f"past_year_wording_threshold {rules().past_year_wording_threshold}: event pairs dated alike by a "
          f"past year, compared by wording: same story {len(same)}, different stories {len(other)}")
    _print_scores(same, other, (0.2, 0.25, 0.3, 0.35, 0.4, 0.5), 0.15 if show else None)


def _silent_pairs(items: dict[str, list[object]], published: dict[str, str | None],
                  cluster: dict[str, str], show: bool) -> None:
    same: list[tuple[float, str, str]] = []
    other: list[tuple[float, str, str]] = []
    for a, b in itertools.combinations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for x, y in itertools.product(items[a], items[b]):
            if not kinds_compatible(x.kind, y.kind):  # type: ignore[attr-defined]
                continue
            if not nested(date_span(x.date), date_span(y.date)):  # type: ignore[attr-defined]
                continue
            if actors_agree(x.actors, y.actors) is not None:  # type: ignore[attr-defined]
                continue
            row = _as_row(y, b, None)
            if not named_by_the_silent(x, row, "page:" + a):  # type: ignore[arg-type]
                continue
            score = wording_similarity(x.evidence, y.evidence)  # type: ignore[attr-defined]
            (same if together else other).append((score, x.evidence, y.evidence))  # type: ignore[attr-defined]
    print(f"named_wording_threshold {rules().named_wording_threshold}: event pairs where one side names "
          f"nobody who acts and the other's actors are named in its sentence: same story {len(same)}, "
          f"different stories {len(other)}")
    _print_scores(same, other, (0.3, 0.35, 0.4, 0.45, 0.5), 0.25 if show else None)


def _named_pairs(items: dict[str, list[object]], published: dict[str, str | None],
                 cluster: dict[str, str], show: bool) -> None:
    counts = {(worded, together): 0 for worded in (True, False) for together in (True, False)}
    for a, b in itertools.combinations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for x, y in itertools.product(items[a], items[b]):
            sx, sy = date_span(x.date), date_span(y.date)  # type: ignore[attr-defined]
            if not (nested(sx, sy) or adjacent_days(sx, sy)):
                continue
            if not (kinds_compatible(x.kind, y.kind) or kinds_compatible_by_wording(x.kind, y.kind)):  # type: ignore[attr-defined]
                continue
            mine, theirs = who_acts(x.actors), who_acts(y.actors)  # type: ignore[attr-defined]
            if actors_agree(mine, theirs) is not False or not (mine and theirs):
                continue
            if not (all(named_in(n, x.evidence) for n in theirs)  # type: ignore[attr-defined]
                    and all(named_in(n, y.evidence) for n in mine)):  # type: ignore[attr-defined]
                continue
            worded = same_wording(x.evidence, y.evidence)  # type: ignore[attr-defined]
            counts[worded, together] += 1
            if show:
                _show(f"{'worded alike' if worded else 'unlike'}, {mine} / {theirs}", together, x, y)
    print(f"event pairs whose conflicting actors each sentence names: same story {counts[True, True]} worded "
          f"alike ({rules().wording_threshold}) of {counts[True, True] + counts[False, True]}, different "
          f"stories {counts[True, False]} of {counts[True, False] + counts[False, False]}")


def _clause_pairs(items: dict[str, list[object]], published: dict[str, str | None], cluster: dict[str, str],
                  show: bool) -> None:
    counts = {together: 0 for together in (True, False)}
    compared = {together: 0 for together in (True, False)}
    for a, b in itertools.combinations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for x, y in itertools.product(items[a], items[b]):
            if not (_compared(x, y, reported=False) or _compared(x, y, reported=True)):
                continue
            spans = date_span(x.date), date_span(y.date)  # type: ignore[attr-defined]
            if not (nested(*spans) or adjacent_days(*spans)):
                continue
            ex, ey = x.evidence, y.evidence  # type: ignore[attr-defined]
            compared[together] += 1
            if same_wording(ex, ey):
                continue
            clauses = (told_clause(x.kind, x.summary), told_clause(y.kind, y.summary))  # type: ignore[attr-defined]
            if same_wording(ex, ey, clauses=clauses):
                counts[together] += 1
                if show:
                    _show("clause", together, x, y)
    r = rules()
    print(f"clause_wording_threshold {r.clause_wording_threshold}, clause_sentence_floor "
          f"{r.clause_sentence_floor}: of the event pairs compared by wording with nested or adjacent dates "
          f"(same story {compared[True]}, different stories {compared[False]}), worded alike only by a "
          f"clause: same story {counts[True]}, different stories {counts[False]}")


def _speaker_pairs(items: dict[str, list[object]], published: dict[str, str | None], cluster: dict[str, str],
                   show: bool) -> None:
    counts = {True: 0, False: 0}
    for a, b in itertools.permutations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        mine = items[a]
        firsts = [mine[i] for i in sorted(first_of_each_speaker(mine))]  # type: ignore[arg-type]
        for y in items[b]:
            if y.latent or y.kind != "statement" or published[b] is None:  # type: ignore[attr-defined]
                continue
            row = _as_row(y, b, published[b])
            for x in firsts:
                if same_speaker(x, row, a, published[a]):  # type: ignore[arg-type]
                    counts[together] += 1
                    if show:
                        _show(f"{x.actors} / {y.actors}", together, x, y)  # type: ignore[attr-defined]
    print(f"a page's first undated statement of a speaker and another page's dated statement that "
          f"same_speaker joins: same story {counts[True]}, different stories {counts[False]}")


def _verb_object_pairs(items: dict[str, list[object]], published: dict[str, str | None],
                       cluster: dict[str, str], show: bool) -> None:
    counts = {True: 0, False: 0}
    for a, b in itertools.permutations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for y in items[b]:
            if y.kind == "figure" or published[b] is None:  # type: ignore[attr-defined]
                continue
            row = _as_row(y, b, published[b])
            for x in items[a]:
                if not x.latent or x.kind != y.kind:  # type: ignore[attr-defined]
                    continue
                if (corroborates(x, row, a, published[a])  # type: ignore[arg-type]
                        and not worded_alike(x, row, a, published[a])):  # type: ignore[arg-type]
                    counts[together] += 1
                    if show or not together:
                        _show(f"{x.kind} {x.actors} / {y.date} {y.actors}", together, x, y)  # type: ignore
    print(f"an undated report and another page's report that corroborates joins only by one verb acting upon "
          f"one thing (told_by_verb_and_object): same story {counts[True]}, "
          f"different stories {counts[False]}")


def _as_row(item: Any, page: str, published: str | None) -> TimelineEntry:
    """An item as the one-report row `reconcile` would make of it."""
    when = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    [row] = reconcile((), "bench", page, 1, published, [item], when).timeline
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print the same-cluster pairs with their scores")
    parser.add_argument("--reported", action="store_true",
                        help="the pairs of a reported kind (statement) and another kind instead")
    parser.add_argument("--agreeing", action="store_true",
                        help="with --reported, only the pairs whose actors agree (matching.yaml "
                             "reported_wording_threshold)")
    parser.add_argument("--figures", action="store_true",
                        help="the distinctive-value rule of figures instead")
    parser.add_argument("--adjacent", action="store_true",
                        help="the event pairs one day apart (matching.yaml adjacent_days) instead")
    parser.add_argument("--away", action="store_true",
                        help="the event pairs dated alike away from the news (matching.yaml away_days) "
                             "instead")
    parser.add_argument("--named", action="store_true",
                        help="the event pairs whose conflicting actors each other's sentence names instead")
    parser.add_argument("--speakers", action="store_true",
                        help="the statement pairs joined by their speaker alone (same_speaker) instead")
    parser.add_argument("--past-year", action="store_true",
                        help="the event pairs dated alike by a past year (matching.yaml "
                             "past_year_wording_threshold) instead")
    parser.add_argument("--silent", action="store_true",
                        help="the event pairs where one side names nobody who acts (matching.yaml "
                             "named_wording_threshold) instead")
    parser.add_argument("--clauses", action="store_true",
                        help="the event pairs worded alike only by the clause that tells one of them "
                             "(matching.yaml clause_wording_threshold, clause_sentence_floor) instead")
    parser.add_argument("--verb-object", action="store_true",
                        help="the pairs of an undated report and another page's report joined by one verb "
                             "acting upon one thing (told_by_verb_and_object) instead")
    parser.add_argument("--digits", type=int, help="distinctive_digits to try (default: matching.yaml's)")
    args = parser.parse_args()
    if args.figures:
        if args.digits:
            object.__setattr__(rules(), "distinctive_digits", args.digits)
        _figure_pairs(_items(args.corpus, figures=True), _cluster_of(), args.show)
        return
    published: dict[str, str | None] = {}
    if args.speakers:
        _speaker_pairs(_items(args.corpus, published=published, latent=True), published, _cluster_of(),
                       args.show)
        return
    if args.verb_object:
        _verb_object_pairs(_items(args.corpus, published=published, latent=True), published, _cluster_of(),
                           args.show)
        return
    items, cluster = _items(args.corpus, published=published), _cluster_of()
    modes = {"adjacent": _adjacent_pairs, "away": _away_pairs, "named": _named_pairs,
             "past_year": _past_year_pairs, "silent": _silent_pairs, "clauses": _clause_pairs}
    for mode, pairs in modes.items():
        if getattr(args, mode):
            pairs(items, published, cluster, args.show)
            return
    same: list[tuple[float, str, str]] = []
    other: list[float] = []
    for a, b in itertools.combinations(sorted(items), 2):
        together = a in cluster and cluster.get(a) == cluster.get(b)
        for x in items[a]:
            for y in items[b]:
                if not _compared(x, y, args.reported):
                    continue
                if args.agreeing and actors_agree(x.actors, y.actors) is not True:  # type: ignore[attr-defined]
                    continue
                if not nested(date_span(x.date), date_span(y.date)):  # type: ignore[attr-defined]
                    continue
                score = wording_similarity(x.evidence, y.evidence)  # type: ignore[attr-defined]
                if together:
                    same.append((score, x.evidence, y.evidence))  # type: ignore[attr-defined]
                else:
                    other.append(score)
    print(f"pages {len(items)}; pairs compared by wording: same story {len(same)}, "
          f"different stories {len(other)}")
    print("threshold  same-story pairs at or above  different-story pairs at or above")
    for t in (0.15, 0.25, 0.35, *THRESHOLDS[1:]) if args.agreeing else THRESHOLDS:
        print(f"{t:9.2f}  {sum(s >= t for s, _, _ in same):29d}  {sum(s >= t for s in other):33d}")
    if args.show:
        for score, x, y in sorted(same, reverse=True):
            print(f"{score:.2f}  {x[:110]}\n      {y[:110]}")


if __name__ == "__main__":
    main()
