"""Notification messages from alerts (pure): the templates' fields, and one message for a story's alerts.

A target's `title` and `body` are Python format strings over the alert's fields (`TEMPLATE_FIELDS`). One alert
is one message; several alerts of one story waiting together (a check cycle, a digest window) are one message
whose title is rendered once, its `event` naming what it holds (`12 event_added, 2 figure_revised`), and
whose body has one rendered line per alert:

    >>> m = compose([alert], title="{story}: {event}", body="{summary} ({date}) {url}")
    >>> m.title, m.count
    ('russia-us-aid: event_added', 1)
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.numbers import format_figure, format_number
from monitor.publish.alerts import Alert

__all__ = ["MAX_LINES", "TEMPLATE_FIELDS", "Message", "check_template", "compose", "template_fields"]

# The names a template may use; an alert without one renders it empty.
TEMPLATE_FIELDS = ("event", "story", "url", "message", "kind", "date", "summary", "old", "new", "sources",
                   "subject", "metric", "value", "text", "count")
# Alert lines in one message at most; a longer digest ends with a line saying how many more there are.
MAX_LINES = 100


@dataclass(frozen=True)
class Message:
    """One notification: its title, its body and how many alerts it carries."""

    story: str
    title: str
    body: str
    count: int


def check_template(template: str) -> None:
    """ValueError naming the problem when `template` is not a format string over `TEMPLATE_FIELDS` only."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"{template!r} is not a template: {exc}") from None
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        if name not in TEMPLATE_FIELDS:
            raise ValueError(f"{{{name}}} is not a template field (one of: {', '.join(TEMPLATE_FIELDS)})")
        if spec and "{" in spec:
            raise ValueError(f"{{{name}:{spec}}}: a field's format may not hold another field")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _summary(alert: Alert) -> str:
    """What the alert says without its event name and its `[story, url]` suffix."""
    text = alert.message.removeprefix(f"{alert.event}: ")
    cut = text.rfind(" [story ")
    return text[:cut] if cut > 0 else text


def template_fields(alert: Alert) -> dict[str, str]:
    """The alert's fields as the templates see them: every name of `TEMPLATE_FIELDS`, as text."""
    f = alert.fields
    old: object = None
    new: object = None
    if "old_value" in f or "new_value" in f:
        unit = f.get("unit")
        old = format_figure(f.get("old_value"), f.get("old_qualifier"), unit)  # type: ignore[arg-type]
        new = format_figure(f.get("new_value"), f.get("new_qualifier"), unit)  # type: ignore[arg-type]
    elif "old_title" in f or "new_title" in f:
        old, new = f.get("old_title"), f.get("new_title")
    elif "old_version" in f:
        old, new = f.get("old_version"), f.get("new_version")
    fields = {name: _text(f.get(name)) for name in TEMPLATE_FIELDS}
    fields.update(event=alert.event, story=alert.story, url=alert.url, message=alert.message,
                  summary=_text(f.get("summary")) or _summary(alert), old=_text(old), new=_text(new),
                  count="1")
    return fields


def compose(alerts: Sequence[Alert], *, title: str, body: str) -> Message:
    """One message for alerts of one story (in the order raised); `title` and `body` are templates."""
    if not alerts:
        raise ValueError("compose: no alerts")
    first = template_fields(alerts[0])
    if len(alerts) > 1:
        counts = Counter(a.event for a in alerts)
        first.update(event=", ".join(f"{n} {event}" for event, n in counts.items()), count=str(len(alerts)))
    lines = [body.format_map(template_fields(a)) for a in alerts[:MAX_LINES]]
    if len(alerts) > MAX_LINES:
        lines.append(f"... and {len(alerts) - MAX_LINES} more alerts")
    return Message(alerts[0].story, title.format_map(first), "\n".join(lines), len(alerts))
