"""Log setup: text or JSON Lines on stderr. Alerts are ordinary records on `monitor.alerts`.

A record may carry structured fields through `extra=`: `event` names what happened (`content_changed`,
`check_failed` ...), and `story`, `url` and any other key listed in `fields` are copied into the JSON object.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# LogRecord attributes that are plumbing, not payload.
_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "fields"}


def record_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The structured payload of a record: its `extra=` keys, in the order given."""
    fields = {k: v for k, v in vars(record).items() if k not in _RESERVED}
    nested = getattr(record, "fields", None)
    if isinstance(nested, dict):
        fields.update(nested)
    return fields


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, event, message, then the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        fields = record_fields(record)
        payload: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": fields.pop("event", None) or "log",
            "message": record.getMessage(),
        }
        payload.update(fields)
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """`time LEVEL logger: message`, the way a person tails a log."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S")


def setup_logging(fmt: str = "text", level: str = "INFO", stream: TextIO | None = None) -> None:
    """Send every `monitor.*` record to stderr (or `stream`) in the chosen format."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger("monitor")
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    root.propagate = False
    # Third-party chatter (httpx request lines, APScheduler job lines) only when debugging.
    quiet = logging.DEBUG if level.upper() == "DEBUG" else logging.WARNING
    for name in ("httpx", "httpcore", "apscheduler", "alembic"):
        logging.getLogger(name).setLevel(quiet)
    # The extractors report ordinary short or empty pages as errors; our own records say what matters.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.DEBUG if quiet == logging.DEBUG else logging.CRITICAL)
