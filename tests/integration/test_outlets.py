"""Issue 13's acceptance through the command line: origins and disputes across outlets.

Three sources of one story on 127.0.0.1 (tests/fixtures/outlets/): one wire story republished by two sites and
a third outlet's own report. The accident's shared rows have `sources` 3 and `origins` 2; the death toll (12
on the wire, 15 in the own report, the same day) is two rows, both disputed, with one `figure_conflict` alert;
checking again logs nothing; the own report's next version giving 12 is its revision, which ends the dispute.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.integration.test_timeline_pipeline import _alerts, _monitor
from tests.integration.test_timeline_pipeline import _no_database_override as _no_database_override  # noqa: PLC0414
from tests.pageserver import PageServer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "outlets"


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        for name in ("wire-on-site-a", "wire-on-site-b", "own-report"):
            server.set(f"/{name}", (FIXTURES / f"{name}.html").read_text(encoding="utf-8"))
        yield server


def _config(tmp_path: Path, site: PageServer) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({
        "database": f"sqlite:///{tmp_path / 'timeline.sqlite'}",
        "network": {"allow_private_addresses": True, "max_attempts": 1, "timeout": "10s"},
        "schedule": {"jitter": 0},
        "stories": [{"id": "ferry", "title": "Ferry capsizes off Port Elms", "keywords": ["ferry"],
                     "sources": [{"url": site.url(f"/{name}"), "every": "1h"}
                                 for name in ("wire-on-site-a", "wire-on-site-b", "own-report")]}],
    }), encoding="utf-8")
    return path


def _rows(config: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(_monitor(config, "export", "--format", "json").stdout)
    return rows


def test_wire_copies_are_one_origin_and_outlets_disagreeing_on_a_toll_are_disputed(
    tmp_path: Path, site: PageServer
) -> None:
    config = _config(tmp_path, site)
    a, b, own = (site.url(f"/{n}") for n in ("wire-on-site-a", "wire-on-site-b", "own-report"))
    first = _alerts(_monitor(config, "check"))

    rows = _rows(config)
    [inquiry] = [r for r in rows if r["kind"] == "legal" and "Elena Marsh" in r["actors"]]
    assert (inquiry["sources"], inquiry["origins"]) == (3, 2)
    reported = {s["url"]: s for s in inquiry["source_urls"]}
    assert set(reported) == {a, b, own}
    assert reported[b]["origin"] == a and reported[a]["origin"] == a and reported[own]["origin"] == own
    seen = [s["first_seen"] for s in inquiry["source_urls"]]
    assert all(seen) and seen == sorted(seen)  # the first reporter first
    [rescued] = [r for r in rows if r["kind"] == "figure" and r["value"] == 40]
    assert (rescued["sources"], rescued["origins"]) == (3, 2)

    tolls = {r["value"]: r for r in rows if r["kind"] == "figure" and r["value"] in (12, 15)}
    assert {v: (r["status"], r["disputed"], r["sources"], r["origins"]) for v, r in tolls.items()} == {
        12: ("active", True, 2, 1), 15: ("active", True, 1, 1)}
    assert [(d["value"], d["sources"]) for d in tolls[12]["disputed_with"]] == [(15, [own])]
    conflicts = [x for x in first if x["event"] == "figure_conflict"]
    assert len(conflicts) == 1
    [conflict] = conflicts
    # Named from the side of the source whose check found the disagreement (the check order is not fixed).
    sides = {conflict["value"]: conflict["sources"], conflict["rival_value"]: conflict["rival_sources"]}
    assert sides[15] == [own] and sides[12] and set(sides[12]) <= {a, b}
    assert conflict["url"] in conflict["sources"]
    assert own in conflict["message"] and "15" in conflict["message"] and "12" in conflict["message"]

    # The CSV keeps exactly the contract's columns.
    header = _monitor(config, "export").stdout.splitlines()[0]
    assert header.endswith("first_seen,last_seen,status,sources")
    table = _monitor(config, "timeline").stdout
    assert table.splitlines()[0].split()[-2:] == ["SRC", "ORIG"] and "disputed: 15" in table

    # Nothing changed: nothing to say.
    assert _alerts(_monitor(config, "check")) == []

    # The own report corrects itself to the wire's toll: its revision, and the dispute is over.
    page = (FIXTURES / "own-report.html").read_text(encoding="utf-8")
    site.set("/own-report", page.replace("killing 15 people", "killing 12 people"))
    again = _alerts(_monitor(config, "check"))
    assert [(x["event"], x.get("old_value"), x.get("new_value")) for x in again
            if x["event"] in ("figure_revised", "figure_conflict")] == [("figure_revised", 15, 12)]
    tolls = {r["value"]: r for r in _rows(config) if r["kind"] == "figure" and r["value"] in (12, 15)}
    assert (tolls[12]["status"], tolls[12]["disputed"], tolls[12]["sources"], tolls[12]["origins"]) == (
        "active", False, 3, 2)
    assert tolls[15]["status"] == "revised"


def test_the_report_shows_sources_origins_and_disputes(tmp_path: Path, site: PageServer) -> None:
    config = _config(tmp_path, site)
    _monitor(config, "check")
    out = tmp_path / "report.html"
    _monitor(config, "report", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert "3 sources · 2 origins" in page
    assert "disputed: 15" in page and "disputed: 12" in page
    assert "first reporter" in page and "a copy of" in page


def test_versions_stored_before_fingerprints_were_kept_give_the_same_origins(
    tmp_path: Path, site: PageServer
) -> None:
    config = _config(tmp_path, site)
    _monitor(config, "check")
    origins = {r["event_id"]: r["origins"] for r in _rows(config)}
    with sqlite3.connect(tmp_path / "timeline.sqlite") as db:  # as migration 0003 leaves older versions
        db.execute("UPDATE snapshots SET fingerprint = NULL")
    assert {r["event_id"]: r["origins"] for r in _rows(config)} == origins
    assert sorted(origins.values())[-1] == 2  # the wire copies are still one origin
