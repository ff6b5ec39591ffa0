"""The date line of a plain-text article: its publication date, and the "WASHINGTON -- " prefixes.

`published_from_dateline` reads the first few lines for a date that does not depend on an anchor day; the
dateline spans are where a story was filed, so the names in them are no actors or places of its events.
"""

from __future__ import annotations

import datetime as dt
import re

from monitor.extract.date_lines import DAY_DATELINE_RE
from monitor.extract.items.usable_dates import probe

_DATELINE_RE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]{2,}(?:,[ \t]*[A-Z][A-Za-z]*\.?(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?)?"
    # A story filed from two places: "SURABAYA, Indonesia/JAKARTA (Reuters) - "
    r"(?:/[A-Z][A-Z.'\- ]{2,}(?:,[ \t]*[A-Z][A-Za-z]*\.?)?)*"
    r"[ \t]*(?:\([^)\n]*\))?[ \t]*(?:--|-|—|–)[ \t]*"
    # The agency alone, where the page gives the place apart or not at all: "(Reuters) — The ...".
    r"|^[ \t]*\([A-Z][^)\n]{1,40}\)[ \t]*(?:--|-|—|–)[ \t]*",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """ "WASHINGTON, Feb. 2, 2022 (Reuters) -- ", "(Reuters) -- " and, heading the story, "April 5, 2021 -- "
    prefixes: the place there is where the story was filed, the agency who filed it, the date when; none of
    them acts in it."""
    spans = [(m.start(), m.end()) for m in _DATELINE_RE.finditer(text)]
    day = DAY_DATELINE_RE.match(text)
    return [(day.start(), day.end()), *spans] if day else spans


_DATELINE_LINES = 6


def published_from_dateline(text: str) -> dt.date | None:
    """The publication date given by a date line near the top of a plain-text article, or None.

    Reads the first few non-empty lines ("April 01, 2020", "WASHINGTON, March 3, 2021 (Reuters) -"); a date
    line without a year takes the year most often written in full elsewhere in the text.
    """
    lines = [ln for ln in text.splitlines() if ln.strip()][:_DATELINE_LINES]
    try:
        for line in lines:
            a, b = probe(line)
            for t in a:
                if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value or ""):
                    continue
                other = b.get((t.start, t.end))
                if other == t.value:
                    return dt.date.fromisoformat(t.value)
                if other and other[4:] == t.value[4:]:
                    year = _likely_year(text)
                    if year:
                        return dt.date.fromisoformat(f"{year}{t.value[4:]}")
    except Exception:  # noqa: BLE001 - a missing date line is not an error
        return None
    return None


def _likely_year(text: str) -> int | None:
    years = re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)
    if not years:
        return None
    return int(max(set(years), key=years.count))
