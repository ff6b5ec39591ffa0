"""The Timex record and DCT parsing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from monitor.errors import InputError


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: its span in the text as given and its TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None

    def to_json(self) -> dict[str, object]:
        """Return the contract's JSON object: start, end, text, type, value (+ mod when set)."""
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.mod:
            out["mod"] = self.mod
        return out


_DCT_RE = re.compile(
    r"(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2}))?(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)


def parse_dct(value: str) -> dt.datetime:
    """Parse a DCT such as 2020-04-01, 2020-04-01T10:30 or 20200401 into a naive datetime.

    Raises InputError with a one-line message when the value is not such a date.
    """
    text = value.strip() if isinstance(value, str) else ""
    m = _DCT_RE.fullmatch(text)
    if not m:
        raise InputError(f"dct: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYYMMDD)")
    try:
        return dt.datetime(
            int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0)
        )
    except ValueError as exc:
        raise InputError(f"dct: {value!r} is not a valid date ({exc})") from None


def coerce_dct(dct: dt.date | dt.datetime | str) -> dt.datetime:
    """Turn a date, datetime or DCT string into a naive datetime (a date gets midnight)."""
    if isinstance(dct, dt.datetime):
        return dct.replace(tzinfo=None)
    if isinstance(dct, dt.date):
        return dt.datetime(dct.year, dct.month, dct.day)
    return parse_dct(dct)
