"""A version reconciled against its candidate rows (monitor.track.candidates, monitor.store.timeline) gives
the timeline and the alerts that reconciling it against the whole story gives: generated histories (the
property test's items, widened to weeks, months, years, several series and five sources) and real pages of
../shared/data/article-html, on SQLite and PostgreSQL.

Each version is applied twice in one transaction: first the whole story is loaded, reconciled and written
inside a savepoint that is then rolled back (what main did), then `apply_version` runs as a check runs it.
The stored story and the alerts must be equal, version after version.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import uuid
from collections.abc import Iterator, Sequence
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.publish.alerts import Alert, alerts_for
from monitor.run.story import Extracted, apply_version
from monitor.store import Store, open_store
from monitor.track.entries import ItemLike, TimelineEntry
from monitor.track.timeline import reconcile
from tests.fixtures.timeline.scenario import item
from tests.store.pg import BACKENDS, create_postgres_database, drop_postgres_database, postgres_admin_url

T0 = dt.datetime(2021, 6, 14, 9, 0, tzinfo=dt.UTC)
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "article-html"
SOURCES = [f"https://news.example/{name}" for name in ("harbour", "wire", "coast", "daily", "radio")]


@pytest.fixture(scope="module", params=BACKENDS)
def shared_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store for the module (hypothesis examples each use a story of their own)."""
    if request.param == "sqlite":
        opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('candidates') / 'timeline.sqlite'}")
        yield opened
        opened.close()
        return
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip("PostgreSQL tests need MONITOR_TEST_POSTGRES_URL")
    url = create_postgres_database(admin)
    opened = open_store(url)
    try:
        yield opened
    finally:
        opened.close()
        drop_postgres_database(admin, url)


def apply_both_ways(
    store: Store, story: str, source: str, version: int, published: str | None, items: Sequence[ItemLike],
    now: dt.datetime,
) -> tuple[list[TimelineEntry], list[Alert]]:
    """Apply a version with the whole story and (rolled back) with its candidates; assert both agree and
    return the stored story and the alerts."""
    with store.transaction() as tx:
        tx.lock_story(story)
        savepoint = tx.session.begin_nested()
        whole = reconcile(tx.load_timeline(story), story, source, version, published, items, now)
        tx.write_timeline(whole.updated)
        tx.session.flush()
        expected = tx.load_timeline(story)
        expected_alerts = alerts_for(whole.changes, story, source)
        savepoint.rollback()
        alerts = apply_version(tx, Extracted(story, source, version, published, tuple(items)), version, now)
        tx.session.flush()
        got = tx.load_timeline(story)
    assert got == expected
    assert alerts == expected_alerts
    return got, alerts


# --- generated histories ------------------------------------------------------------------------------------

_events = st.builds(
    item,
    # `other` matches any kind across sources, a `statement` any kind worded alike
    kind=st.sampled_from(["call", "meeting", "visit", "other", "statement"]),
    date=st.sampled_from(["2021-06-13", "2021-06-14", "2021-06-30", "2021-07-01", "2021-06", "2021-W23",
                          "2021-W26", "2021-Q2", "2021", "2021-06-14T10:00", "PRESENT_REF", None]),
    # Two wordings alike enough to be one happening when an outlet names nobody (track/matching).
    summary=st.sampled_from(["a talk", "another talk", "the ferry docked at the harbour after the storm",
                             "ferry docked at harbour after storm passed"]),
    actors=st.lists(st.sampled_from(["Ana Ruiz", "Ruiz", "Tom Okafor", "Okafor", "Texas"]), max_size=2,
                    unique=True),
    location=st.sampled_from([None, "Harbour"]),
)
_figures = st.builds(
    item,
    kind=st.just("figure"),
    # 06-30 is apart from the 13th and 14th: another figure of the same value (figure_matching.days_apart)
    date=st.sampled_from(["2021-06-13", "2021-06-14", "2021-06-30", "2021-06", None]),
    # Sentences alike (one figure by wording, or a distinctive value's shared words) and one unlike them.
    summary=st.sampled_from(["rescued", "the ferry crew rescued them at the harbour",
                             "at the harbour the ferry crew rescued them"]),
    subject=st.sampled_from(["the ferry", "The Ferry", "the port", None]),
    metric=st.sampled_from(["rescued", "missing", None]),
    value=st.sampled_from([100, 120, 180, 120.5, 449000]),
    qualifier=st.sampled_from(["exact", "more_than"]),
)
_checks = st.lists(
    st.tuples(st.sampled_from(SOURCES), st.lists(st.one_of(_events, _figures), max_size=6),
              st.booleans()),  # replay the version afterwards
    min_size=1, max_size=8,
)


@settings(max_examples=int(os.environ.get("CANDIDATE_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(checks=_checks)
def test_candidate_loading_equals_the_whole_story_on_generated_histories(shared_store, checks):
    story = f"gen-{uuid.uuid4().hex[:10]}"
    versions = dict.fromkeys(SOURCES, 0)
    for n, (source, items, replay) in enumerate(checks):
        versions[source] += 1
        now = T0 + dt.timedelta(hours=n)
        stored, _ = apply_both_ways(shared_store, story, source, versions[source], "2021-06-14", items, now)
        if replay:  # idempotent: the same version again changes nothing and raises nothing
            again, alerts = apply_both_ways(shared_store, story, source, versions[source], "2021-06-14",
                                            items, now)
            assert again == stored and alerts == []


def test_a_row_a_report_joins_brings_the_rows_it_may_then_merge_with(shared_store):
    # (found by the property test above) the wire's "ferry docked" call joins the coast's `other` row, which
    # then merges with the harbour's meeting of that day worded alike (bridging.settle): a meeting that no
    # call item of the wire's version reaches by kind, so the candidates must bring it through the row
    story = f"bridge-{uuid.uuid4().hex[:10]}"
    day, talk, ferry = "2021-06-13", "a talk", "the ferry docked at the harbour after the storm"
    checks = [
        (SOURCES[0], [item("call", day, talk)] * 3 + [item("meeting", day, ferry)]),
        (SOURCES[2], [item("call", day, talk)] * 5 + [item("other", day, talk, actors=["Ana Ruiz"])]),
        (SOURCES[1], [item("call", day, talk)] * 2 + [item("call", day, ferry, actors=["Ana Ruiz"])]),
    ]
    for n, (source, items) in enumerate(checks):
        apply_both_ways(shared_store, story, source, 1, "2021-06-14", items, T0 + dt.timedelta(hours=n))


def test_an_id_taken_by_a_row_whose_key_moved_is_not_reused(shared_store):
    # "June" becomes the row of "14 June" (a more precise date: its key changes, its id stays); a new "June"
    # event of other actors then needs the next id, which only the row's id tells.
    story = f"ids-{uuid.uuid4().hex[:10]}"
    june = item("call", "2021-06", "a talk", actors=["Ana Ruiz"])
    apply_both_ways(shared_store, story, SOURCES[0], 1, None, [june], T0)
    apply_both_ways(shared_store, story, SOURCES[0], 2, None,
                    [item("call", "2021-06-14", "a talk", actors=["Ana Ruiz"])], T0)
    apply_both_ways(shared_store, story, SOURCES[1], 1, None,
                    [item("call", "2021-06-14", "a talk", actors=["Ana Ruiz"]), june], T0)
    stored, _ = apply_both_ways(shared_store, story, SOURCES[2], 1, None,
                                [june, item("call", "2021-06", "a talk", actors=["Tom Okafor"])], T0)
    ids = [e.event_id for e in stored]
    assert len(ids) == len(set(ids)) == 3
    assert sorted(e.date for e in stored) == ["2021-06", "2021-06", "2021-06-14"]


def test_a_version_reads_its_candidates_not_the_story(shared_store):
    # A story of 300 other events; one source's version about two days reads the rows of those days and of
    # the day either side (another outlet's date of one happening may be a day off: matching.adjacent_days),
    # and of its kind (a call) the week either side (one outlet's day may be its page's only:
    # corroboration.told_later); and, since a row a report joins may then merge with the rows within its
    # own reach (bridging.settle), the rows those rows reach: a week more either side.
    story = f"size-{uuid.uuid4().hex[:10]}"
    with shared_store.transaction() as tx:
        tx.lock_story(story)
        for day in range(300):
            date = (dt.date(2021, 1, 1) + dt.timedelta(days=day)).isoformat()
            others = [item("call", date, "a talk", actors=[f"Person {day}"])]
            apply_version(tx, Extracted(story, f"https://other.example/{day}", 1, None, tuple(others)), 1, T0)
    from monitor.track.candidates import reach_of

    mine = [item("call", "2021-03-01", "a talk", actors=["Person 59"]), item("call", "2021-03-02", "x")]
    with shared_store.transaction() as tx:
        rows = tx.load_candidates(story, reach_of(mine, story, SOURCES[0]))
    days = [dt.date(2021, 2, 15) + dt.timedelta(days=n) for n in range(30)]
    assert [e.date for e in rows] == [day.isoformat() for day in days]  # 15 February to 16 March


def test_two_rows_a_later_report_bridges_are_stored_merged(shared_store):
    # Two outlets' rows of one happening (their actors conflict); a third outlet names both: the rows are
    # merged in the store as in the whole story, and the merged row is kept, revised into the other.
    story = f"bridge-{uuid.uuid4().hex[:10]}"
    board = item("statement", "2021", "firms picked", actors=["Harbour Board"],
                 evidence="The Harbour Board said it picked nine ferry firms to bid for routes.")
    fund = item("other", "2021-05", "firms picked", actors=["Ferry Fund"],
                evidence="The nine firms were picked by the Ferry Fund in May 2021.")
    both = item("statement", "2021", "firms picked", actors=["Ferry Fund", "Harbour Board"],
                evidence="The Harbour Board and its Ferry Fund said they picked nine firms.")
    apply_both_ways(shared_store, story, SOURCES[0], 1, None, [board], T0)
    apply_both_ways(shared_store, story, SOURCES[1], 1, None, [fund], T0 + dt.timedelta(hours=1))
    later = T0 + dt.timedelta(hours=2)
    stored, alerts = apply_both_ways(shared_store, story, SOURCES[2], 1, None, [both], later)
    assert alerts == []
    (row,) = [e for e in stored if e.status == "active"]
    (gone,) = [e for e in stored if e.status != "active"]
    assert sorted(s.source_url for s in row.sources if s.present) == sorted(SOURCES[:3])
    assert gone.status == "revised" and gone.superseded_by == row.event_id
    assert not any(s.present for s in gone.sources)
    # The merged row's source checked again reports the joined row; nothing changes, nothing is raised.
    again, alerts = apply_both_ways(shared_store, story, SOURCES[1], 1, None, [fund], later)
    assert alerts == [] and [e.source_count for e in again if e.status == "active"] == [3]


# --- real pages ---------------------------------------------------------------------------------------------


def _real_items(limit: int) -> list[tuple[str | None, list[ItemLike]]]:
    from monitor.extract.items import extract_items, published_from_dateline
    from monitor.extract.text import extract_document

    if not (SHARED / "html").is_dir():
        pytest.skip(f"{SHARED} is absent")
    truth = json.loads((SHARED / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((SHARED / "html").glob("*.html.gz"))[:limit]:
        url = truth.get(path.name.split(".")[0], {}).get("url")
        doc = extract_document(gzip.decompress(path.read_bytes()), url=url)
        published = doc.published or published_from_dateline(doc.text)
        items: list[ItemLike] = list(extract_items(doc.text, published or dt.date(2020, 1, 1)))
        pages.append((published.isoformat() if published else None, items))
    return pages


def test_candidate_loading_equals_the_whole_story_on_real_pages(shared_store):
    # 36 real pages in 3 stories; each page is two outlets' source (one reprints it), revised twice: half its
    # items dropped, then all back. Versions arrive in a shuffled order, the same on every run.
    pages = _real_items(36)
    rng = random.Random(13)
    stories = [f"real-{k}-{uuid.uuid4().hex[:6]}" for k in range(3)]
    queue = []
    for number, (published, items) in enumerate(pages):
        story = stories[number % 3]
        for outlet in ("a", "b"):
            url = f"https://{outlet}.example/page/{number}"
            queue.append([(story, url, 1, published, items), (story, url, 2, published, items[::2]),
                          (story, url, 3, published, items)])
    clock = count()
    alerts_seen = 0
    while queue:
        source = rng.choice(queue)
        story, url, version, published, items = source.pop(0)
        if not source:
            queue.remove(source)
        now = T0 + dt.timedelta(minutes=next(clock))
        _, alerts = apply_both_ways(shared_store, story, url, version, published, items, now)
        alerts_seen += len(alerts)
    assert alerts_seen > 100  # the pages did bring events and figures, and revisions of them
