"""Alerts: timeline changes and source health as one-line records on the `monitor.alerts` logger.

Every alert is built here, one way, so text and JSON logs read the same whoever raised it:

    figure_revised: United States confirmed cases revised 188,663 -> 213,372 (+24,709) [story x, https://...]
    event_added: call 2020-03-30 — Vladimir Putin spoke with Donald Trump [story x, https://...]

`emit()` logs the alert at WARNING with `event`, `story`, `url` and the alert's fields in the record's
`extra`, for a JSON formatter to print as keys.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from monitor.numbers import format_figure, format_number
from monitor.track.timeline import ADDED, DISPUTED, REACTIVATED, REMOVED, REVISED, Change, TimelineEntry

CONTENT_CHANGED = "content_changed"
EVENT_ADDED = "event_added"
EVENT_REMOVED = "event_removed"
FIGURE_REVISED = "figure_revised"
FIGURE_CONFLICT = "figure_conflict"
SOURCE_FAILING = "source_failing"
SOURCE_RECOVERED = "source_recovered"
EVENTS = (CONTENT_CHANGED, EVENT_ADDED, EVENT_REMOVED, FIGURE_REVISED, FIGURE_CONFLICT, SOURCE_FAILING,
          SOURCE_RECOVERED)
# The changes journalists watch for (issue 15), beyond the contract's names.
SOURCE_UNPUBLISHED = "source_unpublished"
SOURCE_REPUBLISHED = "source_republished"
HEADLINE_CHANGED = "headline_changed"
CORRECTION_ADDED = "correction_added"
JOURNALIST_EVENTS = (SOURCE_UNPUBLISHED, SOURCE_REPUBLISHED, HEADLINE_CHANGED, CORRECTION_ADDED)
ALL_EVENTS = (*EVENTS, *JOURNALIST_EVENTS)

LOGGER_NAME = "monitor.alerts"

# LogRecord attributes an `extra` key may not overwrite (logging raises KeyError on them).
_RESERVED = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


@dataclass(frozen=True)
class Alert:
    """One alert: its contract event name, story, URL, the line a person reads, and machine fields."""

    event: str
    story: str
    url: str
    message: str
    fields: Mapping[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The alert as one flat JSON-ready object (event, story, url, message, then the fields)."""
        return {"event": self.event, "story": self.story, "url": self.url, "message": self.message,
                **self.fields}


def emit(alert: Alert, logger: logging.Logger | None = None) -> None:
    """Log the alert at WARNING on `monitor.alerts` (or `logger`) with its data in the record's extra."""
    logger = logger or logging.getLogger(LOGGER_NAME)
    extra: dict[str, object] = {"event": alert.event, "story": alert.story, "url": alert.url}
    for key, value in alert.fields.items():
        extra[f"field_{key}" if key in _RESERVED or key in extra else key] = value
    logger.warning("%s", alert.message, extra=extra)


# --- formatting ------------------------------------------------------------------------------------------


def _delta(old: float | int | None, new: float | int | None) -> float | int | None:
    if old is None or new is None:
        return None
    delta = new - old
    return int(delta) if isinstance(delta, float) and delta.is_integer() else delta


def _suffix(story: str, url: str) -> str:
    return f" [story {story}, {url}]"


def _label(entry: TimelineEntry) -> str:
    return f"{entry.kind} {entry.date or 'undated'} — {entry.summary}"


def _entry_fields(entry: TimelineEntry) -> dict[str, object]:
    out: dict[str, object] = {
        "event_id": entry.event_id,
        "kind": entry.kind,
        "date": entry.date,
        "summary": entry.summary,
        "status": entry.status,
        "sources": entry.source_count,
        "evidence": entry.evidence,
        "source_urls": sorted({s.source_url for s in entry.sources if s.present}),
    }
    if entry.is_figure:
        out.update(subject=entry.subject, metric=entry.metric, value=entry.value, qualifier=entry.qualifier,
                   unit=entry.unit)
    return out


# --- constructors ----------------------------------------------------------------------------------------


def event_added_alert(story: str, url: str, entry: TimelineEntry, *, reappeared: bool = False) -> Alert:
    """An item is new on the timeline (or back after having been removed, `reappeared`)."""
    note = " (reported again after removal)" if reappeared else ""
    if entry.status == REVISED:
        note += " (an older value: a newer one is already on the timeline)"
    fields = _entry_fields(entry) | {"reappeared": reappeared}
    message = f"{EVENT_ADDED}: {_label(entry)}{note}{_suffix(story, url)}"
    return Alert(EVENT_ADDED, story, url, message, fields)


def event_removed_alert(story: str, url: str, entry: TimelineEntry) -> Alert:
    """An item is no longer reported by any source."""
    message = f"{EVENT_REMOVED}: {_label(entry)} (no longer in any source){_suffix(story, url)}"
    return Alert(EVENT_REMOVED, story, url, message, _entry_fields(entry))


def figure_revised_alert(story: str, url: str, old: TimelineEntry, new: TimelineEntry) -> Alert:
    """A figure was superseded by a new value of the same subject and metric."""
    label = " ".join(p for p in (old.subject, old.metric) if p) or old.summary
    delta = _delta(old.value, new.value)
    change = f" ({'+' if delta > 0 else '-'}{format_number(abs(delta))})" if delta else ""
    message = (
        f"{FIGURE_REVISED}: {label} revised {format_figure(old.value, old.qualifier, old.unit)} -> "
        f"{format_figure(new.value, new.qualifier, new.unit)}{change}{_suffix(story, url)}"
    )
    fields: dict[str, object] = {
        "event_id": old.event_id,
        "new_event_id": new.event_id,
        "subject": old.subject,
        "metric": old.metric,
        "old_value": old.value,
        "new_value": new.value,
        "delta": delta,
        "old_qualifier": old.qualifier,
        "new_qualifier": new.qualifier,
        "unit": new.unit,
        "old_date": old.date,
        "date": new.date,
    }
    return Alert(FIGURE_REVISED, story, url, message, fields)


def _reporters(entry: TimelineEntry) -> list[str]:
    return [s.source_url for s in entry.sources if s.present] or [entry.source_url]


def figure_conflict_alert(story: str, url: str, entry: TimelineEntry, rival: TimelineEntry) -> Alert:
    """Two sources give different values for one figure (subject, metric, date): `entry` is the one `url`
    reports, `rival` the value it contradicts."""
    label = " ".join(p for p in (entry.subject, entry.metric) if p) or entry.summary
    ours, theirs = _reporters(entry), _reporters(rival)
    message = (
        f"{FIGURE_CONFLICT}: {label} {entry.date or 'undated'}: "
        f"{format_figure(entry.value, entry.qualifier, entry.unit)} ({', '.join(ours)}) vs "
        f"{format_figure(rival.value, rival.qualifier, rival.unit)} ({', '.join(theirs)})"
        f"{_suffix(story, url)}"
    )
    fields: dict[str, object] = {
        "event_id": entry.event_id,
        "rival_event_id": rival.event_id,
        "subject": entry.subject,
        "metric": entry.metric,
        "date": entry.date,
        "value": entry.value,
        "qualifier": entry.qualifier,
        "unit": entry.unit,
        "sources": ours,
        "rival_value": rival.value,
        "rival_qualifier": rival.qualifier,
        "rival_sources": theirs,
    }
    return Alert(FIGURE_CONFLICT, story, url, message, fields)


def content_changed_alert(
    story: str, url: str, old_version: int, new_version: int, added: int | Sequence[str],
    removed: int | Sequence[str],
) -> Alert:
    """A source has a new version; `added`/`removed` are the added/removed sentences or their counts."""
    n_added = added if isinstance(added, int) else len(added)
    n_removed = removed if isinstance(removed, int) else len(removed)
    first = "" if isinstance(added, int) else next((line.strip() for line in added if line.strip()), "")
    preview = f": {first[:80]}{'…' if len(first) > 80 else ''}" if first else ""
    message = (
        f"{CONTENT_CHANGED}: version {old_version} -> {new_version}, "
        f"+{n_added}/-{n_removed} sentences{preview}{_suffix(story, url)}"
    )
    fields = {"old_version": old_version, "new_version": new_version, "sentences_added": n_added,
              "sentences_removed": n_removed}
    return Alert(CONTENT_CHANGED, story, url, message, fields)


def source_failing_alert(story: str, url: str, streak: int, reason: str) -> Alert:
    """A source has failed `streak` checks in a row."""
    checks = "check" if streak == 1 else "checks in a row"
    message = f"{SOURCE_FAILING}: {streak} failed {checks} ({reason}){_suffix(story, url)}"
    return Alert(SOURCE_FAILING, story, url, message, {"streak": streak, "reason": reason})


def source_recovered_alert(story: str, url: str, after_failures: int) -> Alert:
    """A failing source was fetched again."""
    checks = "check" if after_failures == 1 else "checks"
    message = f"{SOURCE_RECOVERED}: fetched again after {after_failures} failed {checks}{_suffix(story, url)}"
    return Alert(SOURCE_RECOVERED, story, url, message, {"after_failures": after_failures})


def source_unpublished_alert(story: str, url: str, version: int, how: str) -> Alert:
    """A page that had versions is gone: `how` says so (`http_404`, `redirected_to_front: URL`)."""
    message = (f"{SOURCE_UNPUBLISHED}: the page is gone ({how}) after {version} stored versions"
               f"{_suffix(story, url)}")
    return Alert(SOURCE_UNPUBLISHED, story, url, message, {"reason": how, "version": version})


def source_republished_alert(story: str, url: str, was: str) -> Alert:
    """A page reported as unpublished answers again."""
    message = f"{SOURCE_REPUBLISHED}: the page is back (it was gone: {was}){_suffix(story, url)}"
    return Alert(SOURCE_REPUBLISHED, story, url, message, {"reason": was})


def headline_changed_alert(story: str, url: str, old: str, new: str, version: int) -> Alert:
    """A page's title changed between two versions."""
    message = f"{HEADLINE_CHANGED}: {_quoted(old)} -> {_quoted(new)} (version {version}){_suffix(story, url)}"
    return Alert(HEADLINE_CHANGED, story, url, message,
                 {"old_title": old, "new_title": new, "new_version": version})


def correction_added_alert(story: str, url: str, text: str, version: int) -> Alert:
    """A correction or editor's note appeared in a page's new version; `text` is what it says."""
    shown = text if len(text) <= 300 else text[:299] + "…"
    message = f"{CORRECTION_ADDED}: {shown} (version {version}){_suffix(story, url)}"
    return Alert(CORRECTION_ADDED, story, url, message, {"text": text, "new_version": version})


def _quoted(title: str) -> str:
    return f"“{title if len(title) <= 150 else title[:149] + '…'}”"


def alerts_for(changes: Iterable[Change], story: str, source_url: str) -> list[Alert]:
    """Turn reconcile's changes into alerts.

    added -> event_added (except a figure that is the replacement of a `revised` change: the
    figure_revised alert already names it); reactivated -> event_added with reappeared=True;
    removed -> event_removed; revised -> figure_revised; disputed -> figure_conflict.
    """
    changes = list(changes)
    replacements = {c.replacement.event_id for c in changes if c.kind == REVISED and c.replacement}
    alerts: list[Alert] = []
    for change in changes:
        if change.kind == ADDED and change.entry.event_id not in replacements:
            alerts.append(event_added_alert(story, source_url, change.entry))
        elif change.kind == REACTIVATED:
            alerts.append(event_added_alert(story, source_url, change.entry, reappeared=True))
        elif change.kind == REMOVED:
            alerts.append(event_removed_alert(story, source_url, change.entry))
        elif change.kind == REVISED and change.replacement is not None:
            alerts.append(figure_revised_alert(story, source_url, change.entry, change.replacement))
        elif change.kind == DISPUTED and change.rival is not None:
            alerts.append(figure_conflict_alert(story, source_url, change.entry, change.rival))
    return alerts
