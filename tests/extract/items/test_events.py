"""Tests for monitor.extract.items: items of news texts of our own (fixtures) and of the seed (gold CSV)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.cli import cli
from monitor.extract.items import Item, extract_items, published_from_dateline
from monitor.extract.lexicon import load_lexicon
from monitor.extract.timex import Timex

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "events"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
SEED = SHARED / "seed"
PUBLISHED = dt.date(2020, 4, 1)


def _load(name: str) -> tuple[str, dict[str, Any]]:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), yaml.safe_load(
        (FIXTURES / f"{name}.yaml").read_text(encoding="utf-8")
    )


def _matches(item: Item, want: dict[str, Any]) -> bool:
    for key, expected in want.items():
        if key == "actors":
            if not all(name in item.actors for name in expected):
                return False
            continue
        got = getattr(item, key)
        if key == "date" and expected is not None:
            expected = str(expected)
        if key == "value" and expected is not None:
            if got is None or abs(float(got) - float(expected)) > 1e-6:
                return False
            continue
        if got != expected:
            return False
    return True


def _describe(items: list[Item]) -> str:
    return "\n".join(json.dumps({k: v for k, v in i.to_dict().items() if v not in (None, [])}) for i in items)


FIXTURE_NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture(name: str) -> None:
    text, spec = _load(name)
    lexicon = load_lexicon(spec.get("extra_kinds"), spec.get("extra_metrics"))
    published = spec["published"]
    items = extract_items(text, published, lexicon=lexicon)
    missing = [w for w in spec.get("expected", []) if not any(_matches(i, w) for i in items)]
    unwanted = [w for w in spec.get("absent", []) if any(_matches(i, w) for i in items)]
    assert not missing and not unwanted, f"missing {missing}\nunwanted {unwanted}\ngot:\n{_describe(items)}"


def test_there_are_enough_fixtures() -> None:
    assert len(FIXTURE_NAMES) >= 6


# ----------------------------------------------------------------------------------------- seed article


def _gold_rows() -> list[dict[str, str]]:
    with (SEED / "gold-timeline.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _actor_ok(gold: str, item: Item) -> bool:
    names = [*item.actors, *([item.attribution] if item.attribution else [])]
    g = gold.lower()
    return any(g in n.lower() or n.lower() in g for n in names)


def _gold_match(row: dict[str, str], item: Item) -> bool:
    if item.kind != row["kind"]:
        return False
    dates = {row["date"] or None} | {d for d in row["also_accept"].split(";") if d}
    if item.date not in dates:
        return False
    if row["value"] and (item.value is None or float(item.value) != float(row["value"])):
        return False
    for key in ("qualifier", "subject", "metric"):
        if row[key] and getattr(item, key) != row[key]:
            return False
    gold_actors = [a for a in row["actors"].split(";") if a]
    return all(_actor_ok(a, item) for a in gold_actors)


@pytest.fixture(scope="module")
def seed_items() -> list[Item]:
    if not (SEED / "article.txt").is_file():
        pytest.skip("../shared/seed is absent")
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    return extract_items(text, PUBLISHED)


def test_seed_required_rows(seed_items: list[Item]) -> None:
    rows = [r for r in _gold_rows() if r["required"] == "yes"]
    missing = [r for r in rows if not any(_gold_match(r, i) for i in seed_items)]
    assert not missing, f"missing {missing}\ngot:\n{_describe(seed_items)}"


def test_seed_most_rows(seed_items: list[Item]) -> None:
    rows = _gold_rows()
    found = sum(any(_gold_match(r, i) for i in seed_items) for r in rows)
    assert found >= len(rows) - 2, f"{found}/{len(rows)}\n{_describe(seed_items)}"


def test_seed_quote_dates_nothing(seed_items: list[Item]) -> None:
    """A date said inside a quotation never dates an item whose sentence has no date of its own."""
    import re  # local: this test alone needs them

    from monitor.extract.timex import tag

    text = (SEED / "article.txt").read_text(encoding="utf-8")
    quotes = [m.span() for m in re.finditer(r'["\u201c][^"\u201c\u201d\n]*["\u201d]', text)]
    timexes = tag(text, PUBLISHED)

    def quoted(t: Timex) -> bool:
        return any(a <= t.start and t.end <= b for a, b in quotes)

    assert any(quoted(t) for t in timexes), "the seed should quote a temporal expression"
    for item in seed_items:
        inside = [t for t in timexes if item.start <= t.start and t.end <= item.end]
        if any(not quoted(t) for t in inside):
            continue
        assert item.date not in {t.value for t in inside}, item


def test_seed_dateline() -> None:
    if not (SEED / "article.txt").is_file():
        pytest.skip("../shared/seed is absent")
    assert published_from_dateline((SEED / "article.txt").read_text(encoding="utf-8")) == PUBLISHED


# ------------------------------------------------------------------------------------------ dating rules

DCT = dt.date(2020, 4, 1)  # a Wednesday


def _one(text: str, kind: str) -> Item:
    items = [i for i in extract_items(text, DCT) if i.kind == kind]
    assert len(items) == 1, _describe(items)
    return items[0]


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        ("The minister spoke with her French counterpart on Monday.", "call", "2020-03-30"),
        (
            "A cargo ship carrying grain has departed for Egypt, officials said Wednesday.",
            "departure",
            "2020-04-01",
        ),
        ("The delegation arrived in Oslo on Tuesday.", "arrival", "2020-03-31"),
        ("Last month, Spain said it had delivered 500 ventilators to Peru.", "delivery", "2020-03"),
        ("The mayor said earlier this week that the bridge would reopen.", "statement", "2020-W14"),
    ],
)
def test_dating(text: str, kind: str, date: str | None) -> None:
    assert _one(text, kind).date == date


def test_attribution_date_dates_the_statement_not_the_event() -> None:
    items = extract_items("A ship has departed for Malta, the Navy said on Monday.", DCT)
    by_kind = {i.kind: i for i in items}
    assert by_kind["statement"].date == "2020-03-30"
    assert by_kind["departure"].date == "2020-04-01"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the Port Authority announced that nine ferry firms were eligible to bid for the route.",
        "On Monday, Ada Brisk said a contract with Harwick Yards to build two ferries was too dear.",
    ],
)
def test_what_a_statement_reports_on_its_date_is_the_statement(text: str) -> None:
    # one row: the statement, not a second "business" row that took the statement's date
    assert [(i.kind, i.date) for i in extract_items(text, DCT) if i.kind != "figure"] == [
        ("statement", "2020-03-30")]


def test_a_happening_before_the_statement_verb_keeps_its_own_row() -> None:
    # the happening is told first and the speaker after it: two rows
    items = extract_items("Two sailors were killed on Monday, the Navy said on Monday.", DCT)
    assert {i.kind for i in items if i.kind != "figure"} == {"death", "statement"}


def test_quote_is_not_an_event_and_its_date_dates_nothing() -> None:
    # The quote's "sent" is no delivery and its "Today" dates nothing; the undated "Governor Ann Lee said"
    # that is left is no timeline row either (GUIDELINES: a statement without a date is not a row).
    text = '"Today we sent 40 tonnes of food to the valley," Governor Ann Lee said.'
    assert extract_items(text, DCT) == []
    # Dated by its attribution, the statement is a row: with that date, not the quote's.
    items = extract_items(text.replace("said.", "said on Monday."), DCT)
    assert [(i.kind, i.date, i.actors) for i in items] == [("statement", "2020-03-30", ("Ann Lee",))]


def test_one_event_told_twice_is_one_item() -> None:
    text = (
        "A navy frigate has departed for Cyprus, the ministry said. "
        "The frigate left for Cyprus overnight. Footage showed it preparing to take off early Wednesday."
    )
    departures = [i for i in extract_items(text, DCT) if i.kind == "departure"]
    assert len(departures) == 1
    assert departures[0].date == "2020-04-01"
    assert departures[0].location == "Cyprus"


def test_two_different_departures_stay_apart() -> None:
    text = "The first plane left for Rome on Monday. A second plane left for Madrid on Tuesday."
    departures = [i for i in extract_items(text, DCT) if i.kind == "departure"]
    assert [(d.location, d.date) for d in departures] == [("Rome", "2020-03-30"), ("Madrid", "2020-03-31")]


def test_actors_titles_and_surnames() -> None:
    text = (
        "Japanese Prime Minister Kenji Sato met South Korean President Lee Min-ho in Seoul on Tuesday. "
        # Dated: an undated "Sato said" is no timeline row (GUIDELINES), and the surname is what is tested.
        "Sato said on Wednesday the talks were useful."
    )
    items = extract_items(text, DCT)
    meeting = next(i for i in items if i.kind == "meeting")
    assert meeting.actors == ("Kenji Sato", "Lee Min-ho")
    assert meeting.location == "Seoul"
    assert meeting.summary == "Meeting: Kenji Sato met Lee Min-ho"  # as the text tells it
    statement = next(i for i in items if i.kind == "statement")
    assert statement.actors == ("Kenji Sato",)


def test_figure_fields_and_summary() -> None:
    text = (
        "Brazil now has 12,000 confirmed cases, according to a Health Ministry tally, and almost 600 deaths."
    )
    figs = [i for i in extract_items(text, DCT) if i.kind == "figure"]
    assert [(f.subject, f.metric, f.value, f.qualifier, f.attribution, f.date) for f in figs] == [
        ("Brazil", "confirmed cases", 12000, "exact", "Health Ministry", "2020-04-01"),
        ("Brazil", "deaths", 600, "nearly", "Health Ministry", "2020-04-01"),
    ]
    assert figs[0].summary == "Figure: Brazil confirmed cases 12,000 (Health Ministry)"


def test_country_aliases() -> None:
    for alias in ("The US", "The U.S.", "America", "The United States"):
        fig = _one(f"{alias} now has 900 hospital beds free.", "figure")
        assert fig.subject == "United States", alias
    assert _one("Britain now has 40 field hospitals.", "figure").subject == "United Kingdom"


def test_config_kind_without_code() -> None:
    lexicon = load_lexicon(
        extra_kinds={"evacuation": ["evacuated", "evacuation"]},
        extra_metrics={"ventilators": ["ventilator", "ventilators"]},
    )
    text = "Troops evacuated 300 villagers from Kherson on Monday. Spain has sent 50 new ventilators to Peru."
    items = extract_items(text, DCT, lexicon=lexicon)
    kinds = {(i.kind, i.date) for i in items}
    assert ("evacuation", "2020-03-30") in kinds
    assert any(i.kind == "figure" and i.metric == "new ventilators" and i.value == 50 for i in items)
    # The default lexicon knows neither.
    assert not any(i.kind == "evacuation" for i in extract_items(text, DCT))


def test_given_timexes_are_used() -> None:
    text = "The envoy arrived in Lima at dawn."
    dawn = text.index("at dawn")
    tx = [Timex(dawn, dawn + 7, "at dawn", "TIME", "2020-03-29TMO")]
    assert extract_items(text, DCT) == []  # no date of its own, as the tagger reads it: no row
    assert extract_items(text, DCT, timexes=tx)[0].date == "2020-03-29"


@pytest.mark.parametrize(
    "text",
    [
        # An undated movement keeps no date (not the publication date), and undated it is no timeline row
        # (GUIDELINES: undated happenings only when central), even with its actor named...
        "The tanker Delos departed for Egypt.",
        "The Delos convoy had previously departed for Syria.",
        "The envoy will arrive in Kabul.",
        "Tomas Elvey returned to the locker room before the final whistle.",
    ],
)
def test_an_undated_movement_is_no_row(text: str) -> None:
    assert [i for i in extract_items(text, DCT) if i.kind != "figure"] == []


def test_an_undated_movement_lends_its_place_to_a_dated_telling() -> None:
    # ... but it is still read: a later dated telling of the same trip is one item with the place it named
    text = "The tanker Delos departed for Egypt. The Delos left port on Monday, the ministry said."
    departures = [i for i in extract_items(text, DCT) if i.kind == "departure"]
    assert [(i.date, i.actors, i.location) for i in departures] == [("2020-03-30", ("Delos",), "Egypt")]


def test_deaths_in_two_places_hours_apart_are_two_and_a_name_before_a_noun_is_no_place() -> None:
    text = ("On Wednesday, four guards died in a Kestrel Front ambush in the northern district of Varno. "
            "A few hours later, seven guards died in a Kestrel Front raid on border posts in western Ostra "
            "district.")
    deaths = [(i.date, i.location) for i in extract_items(text, dt.date(2023, 5, 12)) if i.kind == "death"]
    # "hours later" is Wednesday still; the places are Varno and Ostra, not "a Kestrel Front ambush"
    assert deaths == [("2023-05-10", "Varno"), ("2023-05-10", "Ostra")]


def test_two_deaths_in_one_place_on_adjacent_days_are_two_happenings() -> None:
    # one trip told with two days is one item (a departure "overnight" and "early Wednesday"); deaths are not
    text = ("Four guards died in an ambush in Varno on Wednesday. Seven guards died in a raid in Varno on "
            "Thursday.")
    deaths = [(i.date, i.location) for i in extract_items(text, dt.date(2023, 5, 12)) if i.kind == "death"]
    assert deaths == [("2023-05-10", "Varno"), ("2023-05-11", "Varno")]


def test_a_day_ending_the_sentence_after_a_places_apposition_dates_the_clause_before_it() -> None:
    text = "Storm Hollis made landfall on Varno, the largest and wettest island of the Elms chain, on Monday."
    found = extract_items(text, dt.date(2023, 5, 12))
    assert [(i.kind, i.date) for i in found] == [("accident", "2023-05-08")]
    # a reporting clause is no apposition: its day is the report's
    said = extract_items("Storm Hollis made landfall on Varno, the coastguard said, on Monday.",
                         dt.date(2023, 5, 12))
    assert ("accident", "2023-05-08") not in [(i.kind, i.date) for i in said]


def test_without_publication_date_only_absolute_dates() -> None:
    items = extract_items("The envoy arrived in Lima on March 3, 2019. She has left for Quito.", None)
    by_kind = {i.kind: i.date for i in items}
    # "has left" has no date without a publication date; undated, with no named actor, it is no timeline
    # row (GUIDELINES: undated happenings only when central), so only the absolutely dated arrival is left.
    assert by_kind == {"arrival": "2019-03-03"}


def test_to_dict_keys() -> None:
    item = _one("The US now has 188 cases.", "figure")
    d = item.to_dict()
    assert {
        "kind",
        "date",
        "summary",
        "evidence",
        "subject",
        "metric",
        "value",
        "qualifier",
        "actors",
    } <= set(d)
    assert isinstance(d["actors"], list)
    json.dumps(d)


def test_the_day_of_a_date_line_yields_to_the_sentences_own_date() -> None:
    text = ("April 5, 2021 -- A crowd of mourners waited for hours in the square as the bells rang last "
            "night.\n\nThe harbour master retired in 2019.")
    items = extract_items(text, dt.date(2021, 4, 5))
    assert [(i.kind, i.date) for i in items] == [("other", "2021-04-04"), ("personnel", "2019")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nApril 01, 2020\n\nBody text.", dt.date(2020, 4, 1)),
        ("WASHINGTON, March 3, 2021 (Reuters) - Officials said.", dt.date(2021, 3, 3)),
        ("WASHINGTON, March 3 (Reuters) - The Senate passed the 2021 budget.", dt.date(2021, 3, 3)),
        ("WASHINGTON, March 3 (Reuters) - No year is written anywhere.", None),
        ("Just a body with no date line at all.", None),
        ("", None),
    ],
)
def test_published_from_dateline(text: str, expected: dt.date | None) -> None:
    assert published_from_dateline(text) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('abcAB 0123456789,."“”\n-:;$%()')) | st.characters(), max_size=300)
)
def test_never_raises_and_offsets_slice_back(text: str) -> None:
    for item in extract_items(text, DCT):
        assert text[item.start : item.end] == item.evidence


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The US now has 1,200 cases.",
                "Putin spoke with Trump on Monday.",
                '"Today we left," he said.',
                "More than two dozen people died.",
                "\n\n",
                "The ship has departed for Malta.",
                "Dr. Ray said so.",
            ]
        ),
        max_size=8,
    )
)
def test_news_like_text_never_raises(parts: list[str]) -> None:
    text = " ".join(parts)
    for item in extract_items(text, DCT):
        assert text[item.start : item.end] == item.evidence


def test_a_range_of_years_dates_nothing() -> None:
    # "its 2019-2022 models" describes the cars, not when the recall happened.
    text = "Carmaker Vexo recalled 40,000 vehicles from its 2019-2022 models, the company said."
    figures = [i for i in extract_items(text, dt.date(2023, 2, 8)) if i.kind == "figure"]
    assert figures and figures[0].value == 40000
    assert figures[0].date not in {"2019", "2022"}


def _seed_html(text: str) -> str:
    """An HTML page made from the seed text: title, publication metadata, one <p> a paragraph."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[3:])
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(paragraphs[0])}</title>'
        f'<meta property="article:published_time" content="{PUBLISHED.isoformat()}T08:00:00+03:00"></head>'
        "<body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        f"<article><h1>{html.escape(paragraphs[0])}</h1>{body}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    )


def _item_fields(obj: dict[str, Any], fields: set[str]) -> dict[str, Any]:
    return {k: (tuple(v) if k == "actors" else v) for k, v in obj.items() if k in fields}


@pytest.mark.parametrize("form", ["text, date from its dateline", "html, date from its metadata"])
def test_seed_through_the_extract_command(tmp_path: Path, form: str) -> None:
    """`monitor extract` with no --published, on the seed text and on an HTML page made from it."""
    if not (SEED / "article.txt").is_file():
        pytest.skip("../shared/seed is absent")
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    path = tmp_path / ("seed.html" if form.startswith("html") else "seed.txt")
    path.write_text(_seed_html(text) if form.startswith("html") else text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    fields = {f.name for f in dataclasses.fields(Item)}
    items = [Item(**_item_fields(obj, fields)) for obj in json.loads(result.stdout)]
    rows = [r for r in _gold_rows() if r["required"] == "yes"]
    missing = [r for r in rows if not any(_gold_match(r, i) for i in items)]
    assert not missing, f"missing {missing}\ngot:\n{_describe(items)}"


@pytest.mark.parametrize(
    ("sentence", "summary"),
    [
        ("Mayor Ana Ruiz telephoned President Tom Okafor on Monday.", "Call: Ana Ruiz telephoned Tom Okafor"),
        ("Chancellor Petra Lind held talks with President Omar Farid on Wednesday.",
         "Meeting: Petra Lind held talks with Omar Farid"),
        ("Governor Sam Price had a phone call with Mayor Ana Ruiz on Thursday.",
         "Call: Sam Price held a phone call with Ana Ruiz"),
    ],
)
def test_call_and_meeting_summaries_read_as_sentences(sentence: str, summary: str) -> None:
    items = [i for i in extract_items(sentence, DCT) if i.kind in ("call", "meeting")]
    assert [i.summary for i in items] == [summary]


@pytest.mark.parametrize(
    ("sentence", "speaker", "summary"),
    [
        # The agent after the verb's date and the speaker's title is the speaker; no clause is reported.
        ("Critics condemned the levy announced on Monday by Finance Minister Ada Brisk.", "Ada Brisk",
         "Statement: Ada Brisk announced on Monday"),
        ("The route matches another announced by the Harbour Authority in March.", "Harbour Authority",
         "Statement: Harbour Authority announced in March"),
        # in the passive the subject is what was said, and a lower-case title still leads to the agent
        ("The levy was announced on Monday by finance minister Ada Brisk.", "Ada Brisk",
         "Statement: Ada Brisk announced on Monday"),
    ],
)
def test_a_passive_reporting_verb_is_said_by_its_agent(sentence: str, speaker: str, summary: str) -> None:
    statements = [i for i in extract_items(sentence, DCT) if i.kind == "statement"]
    assert [(i.actors, i.summary) for i in statements] == [((speaker,), summary)]


def test_the_agent_of_a_passive_is_an_actor_as_the_subject_of_the_active_is() -> None:
    # one outlet writes the passive, another the active: the passive names who acts too, so the two can match
    def actors(sentence: str) -> list[set[str]]:
        return [set(i.actors) for i in extract_items(sentence, DCT) if i.kind == "legal"]

    assert actors("Harbourline is being probed by the Port Regulator.") == [{"Harbourline", "Port Regulator"}]
    # and the active names whom it acts upon, a name of no known kind too: the two tellings name the same two
    assert actors("The Port Regulator is probing Harbourline.") == [{"Port Regulator", "Harbourline"}]
    assert actors("Harbourline was probed last year.") == [{"Harbourline"}]  # no agent: only the subject


def test_the_one_a_verb_acts_upon_is_an_actor_as_the_subject_of_the_passive_is() -> None:
    # "Tom Berg was arrested" in one outlet, "the Authority arrested Tom Berg" in another: both name him,
    # past a determiner, an owner's name and a title; a result's opponent is not one (one player meets
    # several opponents a day, and one opponent several players)
    def actors(sentence: str) -> list[tuple[str, ...]]:
        return [i.actors for i in extract_items(sentence, DCT) if i.kind in ("legal", "result")]

    assert actors("The Lerrin Harbour Authority arrested Tom Berg on Monday.") == [
        ("Lerrin Harbour Authority", "Tom Berg")]
    assert actors("Harbour police arrested the Lerrin Ferry Company's Chairman Tom Berg on Monday.") == [
        ("Tom Berg",)]
    assert actors("Ann Lind defeated Tom Berg 6-4 on Monday.") == [("Ann Lind",)]


def test_a_happening_named_by_its_day_is_not_the_sentence_subjects_own() -> None:
    def found(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
        return [(i.kind, i.actors) for i in extract_items(sentence, DCT) if i.kind in ("violence", "meeting")]

    # the club comments on the fight; it did not fight
    assert found("The Harbour Rovers spent Monday distancing themselves from Thursday night's fight.") == [
        ("violence", ())]
    # a meeting so named is one its subject takes part in
    assert found("Mayor Ana Ruiz entered Wednesday's debate on a roll.") == [("meeting", ("Ana Ruiz",))]


def test_a_call_with_someone_is_a_call_without_the_word_phone() -> None:
    # "call" alone is no trigger ("a call for calm"); "call with" is, its object next (not a noun it modifies)
    items = extract_items("Aides joined Governor Sam Price's March 20 call with Mayor Ana Ruiz.", DCT)
    calls = [i for i in items if i.kind == "call"]
    assert [(i.date, set(i.actors)) for i in calls] == [("2020-03-20", {"Sam Price", "Ana Ruiz"})]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # `dated_nouns`: "call" right after a date is a call; its names are another verb's, not its parties
        ("He said the March 20 call convinced him that Mayor Ana Ruiz still wanted an inquiry.",
         [("call", "2020-03-20", ())]),
        ("Aides fear Monday's call with Mayor Ana Ruiz went badly.", [("call", "2020-03-30", ("Ana Ruiz",))]),
        # elsewhere "call" has other senses
        ("Mayor Ana Ruiz issued a call for calm on Monday.", []),
    ],
)
def test_a_call_named_right_after_its_date(sentence: str, found: list[tuple[str, str, tuple[str, ...]]],
                                           ) -> None:
    assert [(i.kind, i.date, i.actors) for i in extract_items(sentence, DCT) if i.kind == "call"] == found


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        # a large amount over a year or a month is a tally: its figure is the item, no happening beside it
        ("Ferry passengers made 412,300 crossings last year.", []),
        ("Harbour dealers sold more than 3,000 boats in March.", []),
        ("Harbour dealers sold nearly 1.2 million boats last year.", []),
        # a share of the period's whole, of any size
        ("In 2014, the northern mines produced 27 percent of the country's coal.", []),
        # a change by an amount is the figure of its period, and so is an amount forecast for one ("compared
        # with" is no verb to tell a happening either)
        ("The harbour's trade grew 2.27% in 2019.", []),
        ("The harbour's trade is expected to grow 3.3% this year compared with 3.4% last year.", []),
        ("Trade is forecast to accelerate to 4.4% next year.", []),
        ("The board expects ferry fares to rise 8.8% this year.", []),
        ("The ferry is expected to arrive on Tuesday.", ["arrival"]),
        # on a day, or a small count, it is one act
        ("Kell Ferries sold 400 tickets on Monday.", ["business"]),
        ("That year, ferry sales plunged 10 percent.", ["business"]),  # a change, no share
        ("In March, the port board selected 11 firms to bid for the ferry line.", ["business"]),
        # a number that is the date's own is no amount
        ("The row began 10 years ago, when the harbour closed.", ["other"]),
    ],
)
def test_a_tally_over_a_period_is_a_figure_not_a_happening(sentence: str, events: list[str]) -> None:
    items = extract_items(sentence, DCT)
    assert [i.kind for i in items if i.kind != "figure"] == events
    assert events or any(i.kind == "figure" for i in items)  # the tally is still its figure


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        # "as of" a past day measures a state: the figure is the item
        ("As of February, Kell Ferries had a fleet of 14 boats.", []),
        # "as of" a day ahead is when something starts
        ("As of June 1, the ferry line will run every hour.", ["other"]),
    ],
)
def test_as_of_a_date_measures_a_state_unless_the_date_lies_ahead(sentence: str, events: list[str]) -> None:
    assert [i.kind for i in extract_items(sentence, DCT) if i.kind != "figure"] == events


@pytest.mark.parametrize(
    "sentence",
    ["Ada Brisk reached out to the harbour board.", "The ferry firm landed up in court.",
     "Kell Ferries believes its new boat will reach new heights."],
)
def test_an_arrival_verb_in_another_sense_is_no_arrival(sentence: str) -> None:
    assert [i for i in extract_items(sentence, DCT) if i.kind == "arrival"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 200 villagers have been killed since 2015, the council said.",
        "More than 1,200 villagers have been killed in the province so far this year.",
    ],
)
def test_a_running_toll_is_a_figure_not_a_death_on_the_day_it_began(text: str) -> None:
    # (nor is "the council said" dated by the toll's first year)
    assert [i.kind for i in extract_items(text, DCT)] == ["figure"]


def test_a_state_begun_on_a_day_is_still_that_days_happening() -> None:
    items = extract_items("The coastal railway has been shut since March.", DCT)
    assert [(i.kind, i.date) for i in items if i.kind != "figure"] == [("other", "2020-03")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ada Brisk, who heads the dockers' union, said on Monday the strike would go on.", "Ada Brisk"),
        ("Tomas Elvey, 52, said on Monday the ferry would sail again.", "Tomas Elvey"),
        # the first name before the asides, not one inside them
        ("Nora Quill, a senior analyst at Vantor, the Oslo-based research firm, said on Monday rents rose.",
         "Nora Quill"),
        # a name set off after a noun and its relative clause names the noun, the clause's last word aside
        ("The company that runs the RFTA, Harbourline Ferries, said on Monday the ferry would sail.",
         "Harbourline Ferries"),
    ],
)
def test_a_speaker_set_off_by_an_aside_still_speaks(text: str, speaker: str) -> None:
    statements = [i for i in extract_items(text, DCT) if i.kind == "statement"]
    assert [(i.date, i.actors) for i in statements] == [("2020-03-30", (speaker,))]


def test_a_name_in_a_phrase_before_the_aside_does_not_speak() -> None:
    text = "In a letter to Kevin Orr, who chairs the board, said on Monday the clinic would close."
    assert all("Kevin Orr" not in i.actors for i in extract_items(text, DCT))


def test_one_speakers_two_announcements_of_a_day_are_two_statements() -> None:
    day = dt.date(2024, 5, 8)
    first = "Kell Ferries on Monday announced a new night crossing to Lerrin at its annual meeting."
    other = "\n\nKell Ferries on Monday also announced the purchase of two fast boats from a Norwegian yard."
    again = "\n\nKell Ferries on Monday announced the night crossing to the press in Lerrin."
    assert len([i for i in extract_items(first + other, day) if i.kind == "statement"]) == 2
    # the same thing announced again is one statement
    assert len([i for i in extract_items(first + again, day) if i.kind == "statement"]) == 1



def _statements(text: str) -> list[tuple[str | None, list[str]]]:
    items = extract_items(text, dt.date(2021, 6, 10))
    return [(i.date, list(i.actors)) for i in items if i.kind == "statement"]


def test_a_second_speakers_reply_after_but_is_a_statement_of_that_day() -> None:
    text = ("Councillor Ann Holt said on Tuesday that the mayor had sold the harbour land, but Mayor Tom "
            "Reid said he had no record of any sale.")
    assert _statements(text) == [("2021-06-08", ["Ann Holt"]), ("2021-06-08", ["Tom Reid"])]
    # one speaker's words told twice stay one statement
    assert len(_statements("Ann Holt said on Tuesday that the land was sold, but she said the price was "
                           "fair.")) == 1


def test_happenings_named_by_a_plural_noun_after_their_day() -> None:
    published = dt.date(2021, 6, 10)

    def violence(text: str) -> list[tuple[str, str | None]]:
        return [(i.kind, i.date) for i in extract_items(text, published) if i.kind == "violence"]

    # "the March 3 shootings" are that day's; "since" before the date starts the clause's span, not theirs
    assert violence("After the March 3 shootings at the depot, the union called a strike.") == [
        ("violence", "2021-03-03")]
    assert violence("The union has called for guards since the March 3 shootings at the depot.") == [
        ("violence", "2021-03-03")]
    # a number before a plural counts it: a figure, no happening of that day
    assert [i.kind for i in extract_items("Police made 12 arrests on Monday.", published)] == [
        "legal", "figure"]
    # "since early August amid worsening protests": the date is no noun's own
    assert not any(i.kind == "protest" for i in extract_items(
        "The index had its worst week since early August amid worsening protests.", published))
