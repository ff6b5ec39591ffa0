"""Alerts built from reconcile's changes and by the shared constructors; emitted on monitor.alerts."""

from __future__ import annotations

import dataclasses
import json
import logging

import pytest

from monitor.publish.alerts import (
    EVENTS,
    Alert,
    alerts_for,
    content_changed_alert,
    emit,
    format_figure,
    source_failing_alert,
    source_recovered_alert,
)
from monitor.track.timeline import reconcile
from tests.fixtures.timeline.scenario import at, load_scenario

STORY, SOURCES, VERSIONS = load_scenario()
HARBOUR = SOURCES["harbour"]
H1, H2, _W1 = VERSIONS
SUFFIX = f" [story {STORY}, {HARBOUR}]"


def _reconcile(timeline, v, now):
    return reconcile(timeline, STORY, v.source_url, v.version, v.published, v.items, now)


@pytest.fixture()
def v2_alerts() -> list[Alert]:
    v1 = _reconcile((), H1, at(0))
    v2 = _reconcile(v1.timeline, H2, at(1))
    return alerts_for(v2.changes, STORY, HARBOUR)


def test_contract_event_names():
    assert set(EVENTS) == {
        "content_changed",
        "event_added",
        "event_removed",
        "figure_revised",
        "figure_conflict",  # listed in the README, as the contract allows
        "source_failing",
        "source_recovered",
    }


def test_version_two_alerts_read_without_opening_the_page(v2_alerts):
    messages = sorted(a.message for a in v2_alerts)
    assert messages == [
        "event_added: arrival 2021-06-14 — The tugboat Bravo arrived at the wreck" + SUFFIX,
        "event_removed: statement 2021-06-14 — The harbour authority said the hull was intact "
        "(no longer in any source)" + SUFFIX,
        "figure_revised: the ferry passengers rescued revised 120 -> 180 (+60)" + SUFFIX,
    ]
    # The new figure is named by figure_revised; it gets no event_added of its own.
    assert sorted(a.event for a in v2_alerts) == ["event_added", "event_removed", "figure_revised"]
    revised = next(a for a in v2_alerts if a.event == "figure_revised")
    assert (revised.story, revised.url) == (STORY, HARBOUR)
    assert revised.fields["old_value"] == 120 and revised.fields["new_value"] == 180
    assert revised.fields["delta"] == 60


def test_first_version_alerts_every_item():
    v1 = _reconcile((), H1, at(0))
    alerts = alerts_for(v1.changes, STORY, HARBOUR)
    assert [a.event for a in alerts] == ["event_added"] * len(H1.items)
    assert "event_added: call 2021-06-13 — Ana Ruiz spoke with Tom Okafor" + SUFFIX in [
        a.message for a in alerts
    ]


def test_reappearing_item_alerts_event_added_again():
    v1 = _reconcile((), H1, at(0))
    v2 = _reconcile(v1.timeline, H2, at(1))
    h3 = dataclasses.replace(H2, version=3, items=(*H2.items, H1.items[4]))
    (alert,) = alerts_for(_reconcile(v2.timeline, h3, at(2)).changes, STORY, HARBOUR)
    assert alert.event == "event_added" and alert.fields["reappeared"] is True
    assert "reported again after removal" in alert.message


def test_revision_downwards_and_with_qualifiers():
    v1 = _reconcile((), H1, at(0))
    lower = tuple(
        dataclasses.replace(i, value=10, qualifier="nearly") if i.metric == "injured" else i for i in H1.items
    )
    v2 = _reconcile(v1.timeline, dataclasses.replace(H1, version=2, items=lower), at(1))
    (alert,) = alerts_for(v2.changes, STORY, HARBOUR)
    assert (
        alert.message == "figure_revised: the ferry injured revised more than 12 -> nearly 10 (-2)" + SUFFIX
    )


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "text"),
    [
        (188663, "exact", None, "188,663"),
        (4000.0, "more_than", None, "more than 4,000"),
        (2.5, "about", "%", "about 2.5%"),
        (1000, "nearly", "tonnes", "nearly 1,000 tonnes"),
        (None, None, None, "?"),
    ],
)
def test_format_figure(value, qualifier, unit, text):
    assert format_figure(value, qualifier, unit) == text


def test_constructors():
    changed = content_changed_alert(
        STORY, HARBOUR, 3, 4, ["+ New paragraph about the tug.", "+ another"], ["- old"]
    )
    assert changed.message == (
        "content_changed: version 3 -> 4, +2/-1 sentences: + New paragraph about the tug." + SUFFIX
    )
    assert changed.fields == {
        "old_version": 3,
        "new_version": 4,
        "sentences_added": 2,
        "sentences_removed": 1,
    }
    assert content_changed_alert(STORY, HARBOUR, 1, 2, 5, 0).message == (
        "content_changed: version 1 -> 2, +5/-0 sentences" + SUFFIX
    )
    failing = source_failing_alert(STORY, HARBOUR, 3, "timeout")
    assert failing.message == "source_failing: 3 failed checks in a row (timeout)" + SUFFIX
    assert failing.fields == {"streak": 3, "reason": "timeout"}
    recovered = source_recovered_alert(STORY, HARBOUR, 4)
    assert recovered.message == "source_recovered: fetched again after 4 failed checks" + SUFFIX
    assert {a.event for a in (changed, failing, recovered)} <= set(EVENTS)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture()
def capture():
    logger = logging.getLogger("monitor.alerts")
    handler = _Capture()
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_emit_logs_one_warning_with_extra_fields(capture, v2_alerts):
    revised = next(a for a in v2_alerts if a.event == "figure_revised")
    emit(revised)
    (record,) = capture.records
    assert record.name == "monitor.alerts" and record.levelno == logging.WARNING
    assert record.getMessage() == revised.message
    assert (record.event, record.story, record.url) == ("figure_revised", STORY, HARBOUR)
    assert (record.old_value, record.new_value, record.subject) == (120, 180, "the ferry")
    # What a JSON formatter would print: every alert field serialises.
    standard = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__)
    extra = {k: v for k, v in record.__dict__.items() if k not in standard}
    assert json.loads(json.dumps(extra))["event"] == "figure_revised"


def test_emit_never_clobbers_log_record_attributes(capture):
    alert = Alert(
        "source_failing", STORY, HARBOUR, "source_failing: 100% down", {"name": "x", "message": "y"}
    )
    emit(alert)
    (record,) = capture.records
    assert record.name == "monitor.alerts"
    assert record.getMessage() == "source_failing: 100% down"
    assert (record.field_name, record.field_message) == ("x", "y")


def test_emit_to_a_given_logger(capture):
    other = logging.getLogger("test.alerts.other")
    handler = _Capture()
    other.addHandler(handler)
    try:
        emit(source_recovered_alert(STORY, HARBOUR, 1), logger=other)
    finally:
        other.removeHandler(handler)
    assert [r.getMessage() for r in handler.records] == [
        "source_recovered: fetched again after 1 failed check" + SUFFIX
    ]
    assert capture.records == []


def test_figure_conflict_names_both_sources_and_values():
    from monitor.track.timeline import reconcile
    from tests.fixtures.timeline.scenario import at, item

    toll = dict(subject="Port Elms", metric="deaths", qualifier="exact")
    first = reconcile((), STORY, HARBOUR, 1, "2021-06-14",
                      [item("figure", "2021-06-14", "12 dead", value=12, **toll)], at(0))
    wire = "https://wire.example.com/ferry"
    second = reconcile(first.timeline, STORY, wire, 1, "2021-06-14",
                       [item("figure", "2021-06-14", "15 dead", value=15, **toll)], at(1))
    alerts = alerts_for(second.changes, STORY, wire)
    [conflict] = [a for a in alerts if a.event == "figure_conflict"]
    assert (conflict.fields["value"], conflict.fields["rival_value"]) == (15, 12)
    assert conflict.fields["sources"] == [wire] and conflict.fields["rival_sources"] == [HARBOUR]
    assert "15" in conflict.message and "12" in conflict.message and HARBOUR in conflict.message
