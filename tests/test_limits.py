"""monitor/limits.py: the one place the schema's string widths come from."""

from __future__ import annotations

from sqlalchemy import String

from monitor import limits
from monitor.store.models import Base

# Columns whose strings the program writes itself (hashes, enums, TIMEX3 values, ids), or that hold a
# 'feed:' prefix before a URL.
INTERNAL = {"kind": 8, "content_hash": 64, "outcome": 16, "event_id": 100, "date": 40, "date_end": 40,
            "precision": 20, "qualifier": 20, "published": 40, "status": 16, "superseded_by": 100,
            "origin": limits.URL_LENGTH + len("feed:"), "event": 50, "target": 100,
            "digest": 64, "extractor": 100,
            "span_start": 10, "span_end": 10}
FROM_OUTSIDE = {"url": limits.URL_LENGTH, "final_url": limits.URL_LENGTH, "key": limits.URL_LENGTH,
                "guid": limits.URL_LENGTH, "link": limits.URL_LENGTH, "source_url": limits.URL_LENGTH,
                "story_id": limits.STORY_ID_LENGTH, "etag": limits.ETAG_LENGTH,
                "last_modified": limits.LAST_MODIFIED_LENGTH, "lease_owner": limits.OWNER_LENGTH}


def test_every_bounded_column_is_sized_by_the_limits() -> None:
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, String) or column.type.length is None:
                continue
            name = column.name
            expected = FROM_OUTSIDE.get(name, INTERNAL.get(name))
            if table.name == "timeline_items" and name == "kind":
                expected = limits.KIND_LENGTH
            assert column.type.length == expected, f"{table.name}.{name}"


def test_clip_marks_the_cut_and_keeps_short_text() -> None:
    assert limits.clip("short", 10) == "short"
    assert limits.clip("x" * 5000) == "x" * (limits.MESSAGE_LENGTH - 1) + "…"
    assert limits.fits(None, 1) and limits.fits("ab", 2) and not limits.fits("abc", 2)
