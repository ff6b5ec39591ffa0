"""Tests for the figure shapes of issue 18: percents and changes, units, demonyms, ordinals, spelled-out
counts, sentence lengths, and what stays no figure. Example sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import extract_items
from monitor.extract.items.figures import find_figures


def figures(sentence: str) -> list[tuple[object, ...]]:
    return [(f.value, f.qualifier, f.metric, f.unit) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The regional index dropped 1.4%.", [(-1.4, "exact", "change", "percent")]),
        ("Copper was trading up about 2 percent.", [(2, "about", "change", "percent")]),
        ("Unemployment was 4.1 percent.", [(4.1, "exact", None, "percent")]),
        ("Inflation climbed to 6 per cent.", [(6, "exact", None, "percent")]),
        ("Yields went from 12% to 18%.", [(12, "exact", None, "percent"), (18, "exact", None, "percent")]),
        ("Sales posted a 7% drop.", [(-7, "exact", "change", "percent")]),
        ("The park will add 450 MW of capacity.", [(450, "exact", "capacity", "MW")]),
        ("Output reached 2.5 GW.", [(2.5, "exact", None, "GW")]),
        ("The family paid Rs 12 lakh to a broker.", [(1200000, "exact", None, "INR")]),
        ("Around 80 Canadians were flown out.", [(80, "about", "canadians", None)]),
        ("Five Canadians were flown out.", [(5, "exact", "canadians", None)]),
        ("The petition was signed by five nurses.", [(5, "exact", "nurses", None)]),
        ("She faces three counts of fraud.", [(3, "exact", "charges", None)]),
        ("The clerk could get up to 15 years in jail.", [(15, "up_to", "prison term", "years")]),
        ("The clerk was sentenced to 57 months for fraud.", [(57, "exact", "prison term", "months")]),
        ("The plumber was jailed for three years.", [(3, "exact", "prison term", "years")]),
        ("Health officials recorded the fourth death on Friday.", [(4, "exact", "deaths", None)]),
        ("The number of positive cases linked to the mill stands at 313.", [(313, "exact", "cases", None)]),
        ("The club secured its 9th straight win.", [(9, "exact", "wins", None)]),
        ("Investigators interviewed 12 of the witnesses.", [(12, "exact", "witnesses", None)]),
        # a unit written straight after the digits
        ("Officers found 2.15kg of heroin in the van.", [(2.15, "exact", "heroin", "kg")]),
        ("Gusts of up to 90mph hit the pier.", [(90, "up_to", None, "mph")]),
        ("The port runs at a solid 60fps.", [(60, "exact", None, "fps")]),
        ("The coupe makes 414 lb-ft of torque.", [(414, "exact", "torque", "lb-ft")]),
        ("The sedan puts out 197 Nm of torque.", [(197, "exact", "torque", "Nm")]),
    ],
)
def test_figure_shapes(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Call 911 if you see smoke.",
        "The 62-year-old driver was unhurt.",
        "The driver, aged 62, was unhurt.",
        "Their two daughters spoke at the vigil.",
        "One of the nurses resigned.",
        "The bus stopped 30 km north of the city.",
        "Her third case went to trial.",
        "It was his second term in office.",
        "The clerk waited for three years.",
        # other letters glued to digits make a name, no number
        "The 5G masts went up across the town.",
        # a car's acceleration is a benchmark of its class
        "The coupe goes from zero to 60 mph in 3.9 seconds.",
        "The hatchback does 0-62 mph in 7.1 seconds.",
    ],
)
def test_still_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        ("The carrier grounded its fleet of 120 A320 Neo jets on Monday.", 120, "aircraft"),
        ("Lumen ordered 30 Skyline 900-2 jets on Monday.", 30, "aircraft"),
        ("Retailers sold 2 million Nova X5 phones on Monday.", 2_000_000, "phones"),
    ],
)
def test_a_model_name_between_a_count_and_its_noun_is_no_figure(
    sentence: str, value: int, metric: str
) -> None:
    figures = [i for i in extract_items(sentence, dt.date(2024, 5, 8)) if i.kind == "figure"]
    assert [(f.value, f.metric) for f in figures] == [(value, metric)]
