"""tag(): spans, values against the DCT, tense, and robustness on arbitrary text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.errors import InputError
from monitor.extract.timex import Timex, parse_dct, tag

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


def values(text: str, dct: object) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}  # type: ignore[arg-type]


# ---------------------------------------------------------------- the public surface


def test_timex_to_json_has_contract_keys() -> None:
    t = Timex(3, 9, "Monday", "DATE", "2020-03-30")
    assert t.to_json() == {"start": 3, "end": 9, "text": "Monday", "type": "DATE", "value": "2020-03-30"}
    assert Timex(0, 5, "early", "DATE", "2020", "START").to_json()["mod"] == "START"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-04-01", dt.datetime(2020, 4, 1)),
        ("2020-04-01T10:30", dt.datetime(2020, 4, 1, 10, 30)),
        ("20200401", dt.datetime(2020, 4, 1)),
        (" 2020-04-01 ", dt.datetime(2020, 4, 1)),
    ],
)
def test_parse_dct(raw, expected) -> None:
    assert parse_dct(raw) == expected


@pytest.mark.parametrize("raw", ["", "yesterday", "2020-13-01", "2020-02-30", "01/04/2020", "2020-04"])
def test_parse_dct_rejects_with_one_line(raw) -> None:
    with pytest.raises(InputError) as info:
        parse_dct(raw)
    assert "\n" not in str(info.value) and "dct" in str(info.value)


def test_tag_accepts_date_datetime_and_string() -> None:
    text = "Officials met on Monday."
    expected = [("Monday", "2020-03-30")]
    for dct in ("2020-04-01", dt.date(2020, 4, 1), dt.datetime(2020, 4, 1, 9, 0)):
        assert [(t.text, t.value) for t in tag(text, dct)] == expected


def test_tag_bad_dct_raises_input_error() -> None:
    with pytest.raises(InputError):
        tag("Monday", "not a date")


# ---------------------------------------------------------------- the seed story (acceptance)

SEED_EXPECTED = {
    "Wednesday": "2020-04-01",
    "Monday": "2020-03-30",
    "Tuesday": "2020-03-31",
    "Last month": "2020-03",
    "earlier this week": "2020-W14",
    "early Wednesday morning": "2020-04-01TMO",
}


def test_seed_article() -> None:
    path = SHARED / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("../shared/seed is absent")
    found = values(path.read_text(encoding="utf-8"), "2020-04-01")
    for span, value in SEED_EXPECTED.items():
        assert found.get(span) == value, span


def test_a_story_of_our_own() -> None:
    # A different story, same kinds of expression: the rules must be general.
    text = (
        "The ferry sank off the coast on Sunday, the coastguard said Thursday. Divers recovered two bodies "
        "on Tuesday and will resume the search on Saturday. Last week, the operator was fined; "
        "earlier this month it lost its licence. Investigators expect a report next month."
    )
    found = values(text, "2021-06-10")  # a Thursday
    assert found == {
        "Sunday": "2021-06-06",
        "Thursday": "2021-06-10",
        "Tuesday": "2021-06-08",
        "Saturday": "2021-06-12",
        "Last week": "2021-W22",
        "earlier this month": "2021-06",
        "next month": "2021-07",
    }


# ---------------------------------------------------------------- DCT edge cases


def test_dct_on_a_sunday() -> None:
    text = "Rebels attacked on Saturday. Talks will start Monday. The mayor spoke this week."
    found = values(text, "2020-04-05")
    assert found == {"Saturday": "2020-04-04", "Monday": "2020-04-06", "this week": "2020-W14"}


def test_dct_with_a_time_of_day() -> None:
    found = values("This morning the minister resigned, two hours ago.", dt.datetime(2020, 4, 1, 10, 30))
    assert found["This morning"] == "2020-04-01TMO"
    assert found["two hours ago"] == "2020-04-01T08:30"


def test_year_boundary() -> None:
    assert values("The summit will open on Jan. 10.", "2019-12-31") == {"Jan. 10": "2020-01-10"}
    assert values("Shops closed on Dec. 24, officials said.", "2020-01-03") == {"Dec. 24": "2019-12-24"}
    assert values("Sales fell last month.", "2020-01-15") == {"last month": "2019-12"}
    assert values("They met last week.", "2021-01-05") == {"last week": "2020-W53"}
    assert values("They met on Thursday.", "2020-01-01") == {"Thursday": "2019-12-26"}


def test_a_hope_or_an_aim_looks_ahead_past_a_later_past_verb() -> None:
    text = "The ferry line is hoping to return to service in January, a month after a storm damaged its pier."
    assert values(text, "2016-12-13")["January"] == "2017-01"


def test_leap_day() -> None:
    assert values("Voting ended on Feb. 29.", "2020-03-02") == {"Feb. 29": "2020-02-29"}
    assert values("The law took effect Feb. 29, 2016.", "2020-03-02") == {"Feb. 29, 2016": "2016-02-29"}
    assert values("It ended a year ago.", "2020-02-29") == {"a year ago": "2019"}


def test_week_53() -> None:
    assert values("Prices fell this week.", "2020-12-31") == {"this week": "2020-W53"}
    assert values("Prices will fall next week.", "2020-12-31") == {"next week": "2021-W01"}


def test_quoted_expressions_are_tagged() -> None:
    text = 'He said: "We will meet on Monday and talk about the past three years."'
    found = {t.text: t for t in tag(text, "2020-04-01")}
    assert found["Monday"].value == "2020-04-06"
    assert found["the past three years"].value == "P3Y"


# ---------------------------------------------------------------- families


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("The plant opened in 1998.", "1998", "DATE", "1998"),
        ("Fashions of the 1990s returned.", "the 1990s", "DATE", "199"),
        ("Output fell in the third quarter.", "the third quarter", "DATE", "2020-Q3"),
        ("Sales rose this year.", "this year", "DATE", "2020"),
        ("The deal closes next year.", "next year", "DATE", "2021"),
        ("It happened recently.", "recently", "DATE", "PAST_REF"),
        ("Cases are currently rising.", "currently", "DATE", "PRESENT_REF"),
        ("Plans for the future were made.", "the future", "DATE", "FUTURE_REF"),
        ("The war lasted three years.", "three years", "DURATION", "P3Y"),
        ("It took a decade.", "a decade", "DURATION", "P10Y"),
        ("Rates rose over the past several months.", "the past several months", "DURATION", "PXM"),
        ("It was a two-day visit.", "two-day", "DURATION", "P2D"),
        ("The board meets every week.", "every week", "SET", "P1W"),
        ("Reports are filed weekly.", "weekly", "SET", "P1W"),
        ("Dividends are paid annually.", "annually", "SET", "P1Y"),
        ("Talks will end at 3 p.m.", "3 p.m.", "TIME", "2020-11-12T15:00"),
        ("Prices peaked in early December.", "early December", "DATE", "2019-12"),
        ("Talks collapsed at the end of March.", "the end of March", "DATE", "2020-03"),
        ("Harvest is in the autumn of 2019.", "the autumn of 2019", "DATE", "2019-FA"),
    ],
)
def test_families(text, span, type_, value) -> None:
    found = {t.text: t for t in tag(text, "2020-11-12")}
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == (type_, value)


def test_mods() -> None:
    text = "Troops left in early December and about two years later."
    found = {t.text: t.mod for t in tag(text, "2020-04-01")}
    assert found["early December"] == "START"


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the vote may be delayed.",
        "The 45-year-old man was arrested.",
        "Prices rose 2,015 points to 1,998.",
        "Protesters march through the city.",
        "The water level will fall.",
        "He stood a second time.",
        "The now-defunct paper closed its doors.",
        "Soon-Shiong bought the paper.",
        # a screen's size in pixels
        "The tablet has a 2000 x 1200 display.",
        "Its panel is 1200x1920 pixels.",
    ],
)
def test_not_temporal(text) -> None:
    assert tag(text, "2020-04-01") == []


# ---------------------------------------------------------------- properties

_WORDS = st.sampled_from(
    ["Monday", "last", "week", "April", "1", ",", "2020", "the", "past", "two", "years", "ago", "early",
     "morning", "3", "p.m.", "every", "day", "May", "'80s", "Q3", "now", "\u201c", "\n", "-", "Feb.", "29"]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=30),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)
def test_tag_never_raises_and_offsets_slice_back(parts, dct) -> None:
    text = " ".join(parts)
    found = tag(text, dct)
    last_end = 0
    for t in found:
        assert text[t.start : t.end] == t.text and t.text
        assert t.start >= last_end  # sorted, non-overlapping
        last_end = t.end
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        assert t.value


def test_anchor_prefilter_hides_no_rule_example(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tagger only tries the scanner near anchor words; on every example line and a story it must
    # find exactly what a scan of every word start finds.
    import dataclasses

    import monitor.extract.timex.tagger as tagger_module
    from monitor.extract.timex.loader import load

    ruleset = load("en")
    texts = [ex.text for rule in ruleset.rules for ex in rule.examples]
    texts.append(
        "At least the past 18 months, right now, as soon as possible, the '80s and the beginning of "
        "the fourth quarter; more than four decades ago; this coming Sunday; 5 p.m. EST, Nov. 6."
    )
    fast = [tag(t, "2020-04-01") for t in texts]
    full_scan = dataclasses.replace(ruleset, anchors=None)
    monkeypatch.setattr(tagger_module.loader, "load", lambda lang="en": full_scan)
    slow = [tag(t, "2020-04-01") for t in texts]
    assert fast == slow


def test_public_api_is_small() -> None:
    import monitor.extract.timex

    assert sorted(monitor.extract.timex.__all__) == ["Timex", "parse_dct", "tag"]


def test_a_holiday_whose_name_has_a_possessive_word_is_no_title() -> None:
    # "Year" is capitalised inside "New Year's Eve", as "Day" is in "Election Day": the holiday's name
    found = [(t.text, t.value) for t in tag("Crowds will fill the quay on New Year's Eve.", "2007-12-28")]
    assert found == [("New Year's Eve", "2007-12-31")]
    curly = "The ferry was full on New Year\u2019s Day."
    assert [t.value for t in tag(curly, "2008-01-05")] == ["2008-01-01"]
