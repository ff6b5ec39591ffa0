"""monitor.run.story against real databases: idempotent reconciliation, no lost updates between two sources of
one story checked at the same moment, and an extractor failure that does not lose the version."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import threading
import time
from pathlib import Path

import pytest

from monitor.config import ScheduleConfig, parse_config
from monitor.extract.text import Document
from monitor.fetch.client import Fetcher, FetchSettings
from monitor.run.check import Check, NewVersion
from monitor.run.specs import config_specs
from monitor.run.story import (
    Extracted,
    StoryRules,
    apply_version,
    extract_version,
    is_relevant,
    publication_item,
)
from monitor.store import CheckRecord, RecordedCheck, Store
from monitor.store.repo import StoreTransaction
from monitor.track.timeline import reconcile
from tests.pageserver import PageServer
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store

T0 = dt.datetime(2023, 9, 6, 12, 0, tzinfo=dt.UTC)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pipeline"
CALL = "Prime Minister Anna Berg spoke with President Tomas Vale on Monday by phone, her office said."
TEXT = (
    "Relief ship sails for Corvessa\n\n"
    f"{CALL}\n\n"
    "Corvessa now has 412 confirmed deaths from the cyclone, according to the interior ministry.\n\n"
    "The navy supply ship has departed for Corvessa with water purifiers, the defence ministry said on "
    "Wednesday."
)




def _watch(store: Store, *urls: str) -> None:
    sources = [{"url": u, "every": "30m"} for u in urls]
    config = parse_config({"stories": [{"id": "storm", "sources": sources}]})
    store.sync_specs(config_specs(config), T0)


def _version(store: Store, url: str, text: str = TEXT, number: int = 1) -> NewVersion:
    [source] = [s for s in store.claim_due("tester", T0, 60, ignore_schedule=True) if s.url == url]
    document = Document(title="Relief", text=text, published=dt.date(2023, 9, 6), url=url)
    return NewVersion(source, number, None, document, text, T0)


def _record(source_id: int, owner: str = "tester") -> CheckRecord:
    return CheckRecord(source_id=source_id, owner=owner, started_at=T0, finished_at=T0, outcome="unchanged",
                       next_due_at=T0 + dt.timedelta(minutes=30))


def test_extracting_the_same_version_again_changes_nothing(store: Store) -> None:
    url = "https://ledger.example/relief"
    _watch(store, url)
    version = _version(store, url)
    extracted = extract_version(version, StoryRules())
    assert extracted is not None and extracted.published == "2023-09-06"
    assert {i.kind for i in extracted.items} >= {"call", "figure", "departure"}

    def work(tx: StoreTransaction, recorded: RecordedCheck) -> list[object]:
        return list(apply_version(tx, extracted, 1, T0))

    _, first = store.commit(_record(version.source.id), work, story="storm")
    timeline = store.load_timeline("storm")
    assert first and {a.event for a in first} == {"event_added"}  # type: ignore[attr-defined]
    assert len(timeline) == len(extracted.items)

    store.claim_due("tester", T0, 60, ignore_schedule=True)
    _, again = store.commit(_record(version.source.id), work, story="storm")
    assert again == []
    assert store.load_timeline("storm") == timeline


def test_two_sources_of_one_story_reconciled_at_once_lose_nothing(store: Store) -> None:
    """Each check reads the timeline, works slowly, then writes: without the story lock the second writer
    would overwrite the first one's report of the shared call (or collide on its event id)."""
    urls = ["https://ledger.example/a", "https://wire.example/b"]
    _watch(store, *urls)
    claimed = {s.url: s for s in store.claim_due("tester", T0, 60, ignore_schedule=True)}
    extracted = {url: extract_version(NewVersion(claimed[url], 1, None,
                                                 Document("x", CALL, dt.date(2023, 9, 6), url), CALL, T0),
                                      StoryRules())
                 for url in urls}
    started = threading.Barrier(2)
    errors: list[BaseException] = []

    def slow_work(url: str) -> None:
        found = extracted[url]
        assert found is not None

        def work(tx: StoreTransaction, _recorded: RecordedCheck) -> None:
            timeline = tx.load_timeline("storm")
            time.sleep(0.3)  # both checks are "in the middle" of their read-modify-write
            result = reconcile(timeline, "storm", url, 1, found.published, found.items, T0)
            tx.write_timeline(result.updated)

        try:
            started.wait()
            store.commit(_record(claimed[url].id), work, story="storm")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=slow_work, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    [call] = [e for e in store.load_timeline("storm") if e.kind == "call"]
    assert call.source_count == 2
    assert sorted(r.source_url for r in call.sources) == sorted(urls)


def test_an_extractor_failure_keeps_the_version_and_logs_its_context(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pages.url("/relief")
    _watch(store, url)
    pages.set("/relief", "<html><body><article>" + "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n"))
              + "</article></body></html>")

    def broken(*_args: object, **_kw: object) -> list[object]:
        raise RuntimeError("extractor bug")

    monkeypatch.setattr("monitor.extract.items.extract_items", broken)
    [source] = store.claim_due("tester", T0, 60, ignore_schedule=True)

    async def check() -> object:
        async with Fetcher(FetchSettings(max_attempts=1, timeout=5)) as fetcher:
            return await Check(store, fetcher, source, ScheduleConfig(jitter=0), T0,
                               rng=random.Random(1)).run()

    outcome = asyncio.run(check())
    assert (outcome.outcome, outcome.version) == ("new_version", 1)  # type: ignore[attr-defined]
    assert [v.version for v in store.history(url)] == [1]
    assert store.load_timeline("storm") == []
    [failed] = [r for r in caplog.records if getattr(r, "event", None) == "extraction_failed"]
    assert (failed.story, failed.url, failed.version) == ("storm", url, 1)  # type: ignore[attr-defined]
    assert failed.exc_info is not None


def test_publication_items_are_identified_by_the_article_link() -> None:
    from monitor.extract.feeds import parse_feed
    from monitor.track.timeline import identity_key

    raw = (FIXTURES / "relief-feed.xml").read_text(encoding="utf-8").replace("{base}", "https://ledger.example")
    entries = parse_feed(raw.encode(), url="https://ledger.example/rss").entries
    relevant = [e for e in entries if is_relevant(e, ["cyclone", "Corvessa"], [])]
    assert [e.key for e in relevant] == ["ledger-relief-1", "ledger-call-1"]
    item = publication_item(relevant[0])
    assert (item.kind, item.date, item.subject) == ("publication", "2023-09-06",
                                                    "https://ledger.example/world/relief-ship")
    assert item.summary == "Relief ship sails for cyclone-hit Corvessa"
    assert item.evidence.startswith(item.summary + ". A navy supply ship")
    retitled = publication_item(type(relevant[0])(**{**relevant[0].__dict__, "title": "Relief ship sails"}))
    assert identity_key(retitled) == identity_key(item)  # a revised headline is the same publication
    assert not is_relevant(relevant[0], ["cyclone"], ["navy"])  # exclude wins


def test_reconcile_failure_is_logged_and_the_snapshot_kept(
    store: Store, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://ledger.example/relief"
    _watch(store, url)
    version = _version(store, url)
    extracted = extract_version(version, StoryRules())
    assert isinstance(extracted, Extracted)

    def broken(*_args: object, **_kw: object) -> None:
        raise ValueError("reconcile bug")

    monkeypatch.setattr("monitor.track.timeline.reconcile", broken)
    _, alerts = store.commit(_record(version.source.id), lambda tx, rec: apply_version(tx, extracted, 1, T0),
                             story="storm")
    assert alerts == [] and store.load_timeline("storm") == []
    assert [r for r in caplog.records if getattr(r, "event", None) == "reconcile_failed"]
    assert store.checks(version.source.id)[0].outcome == "unchanged"  # the check itself was recorded


def test_rules_carry_the_config_aliases() -> None:
    """`extraction.aliases` reaches the lexicon of every check; a bad entry stops the start, not a check."""
    from monitor.errors import ConfigError
    from monitor.extract.items.linking import link_name

    rules = StoryRules.from_config(parse_config({"extraction": {"aliases": {"Northland Rail": ["NRX"]}}}))
    assert link_name("NRX", [], rules.lexicon()) == "Northland Rail"
    with pytest.raises(ConfigError, match="extraction.aliases.Northland Rail"):
        StoryRules.from_config(parse_config({"extraction": {"aliases": {"Northland Rail": []}}}))


def test_rules_send_each_story_its_own_and_the_top_level_targets() -> None:
    config = parse_config({
        "notify": [{"urls": ["json://h/all"], "events": ["event_removed"]}],
        "stories": [
            {"id": "a", "title": "A", "sources": [{"url": "https://a.example/1"}],
             "notify": [{"urls": ["json://h/a"], "events": ["content_changed"]}, {"urls": ["json://h/every"]}]},
            {"id": "b", "title": "B", "sources": [{"url": "https://b.example/1"}]},
        ],
    })
    rules = StoryRules.from_config(config)
    assert rules.targets_of("a", "content_changed") == ("stories[0].notify[0]", "stories[0].notify[1]")
    assert rules.targets_of("a", "event_removed") == ("notify[0]", "stories[0].notify[1]")
    assert rules.targets_of("b", "content_changed") == ()
    assert rules.targets_of("b", "event_removed") == ("notify[0]",)
    for story in ("a", "b"):  # the names Config.targets_for gives each story, in its order
        assert [name for name, _ in rules.targets[story]] == list(config.targets_for(story))
