"""Undated reports (`extract_items(..., latent=True)`; event_items.undated_report): a sentence that gives no
row of its own still says who told what, for another outlet's row to be matched with."""

from __future__ import annotations

import datetime as dt

from monitor.extract.items import extract_items

DAY = dt.date(2024, 5, 14)
TEXT = (
    "The ferry company will resume crossings to Lerrin on Friday, its board said on Tuesday.\n\n"
    "\u201cWe are glad to bring the islands back within reach,\u201d Mara Ostvik said in a statement.\n\n"
    "The harbour has been closed since the storm."
)


def test_a_sentence_with_no_row_gives_its_undated_report_only_when_asked() -> None:
    plain = extract_items(TEXT, DAY)
    both = extract_items(TEXT, DAY, latent=True)
    assert [i for i in both if not i.latent] == plain  # the rows are the same either way
    [held] = [i for i in both if i.latent]
    assert (held.kind, held.date, held.actors) == ("statement", None, ("Mara Ostvik",))
    assert "said in a statement" in held.evidence
    assert "latent" not in held.to_dict()  # the output contract's keys only


def test_a_sentence_that_gives_a_row_gives_no_undated_report() -> None:
    items = extract_items(TEXT, DAY, latent=True)
    dated = [i for i in items if not i.latent]
    assert dated and all(i.date is not None for i in dated)
    assert not {i.start for i in items if i.latent} & {i.start for i in dated}


def test_an_undated_happening_with_who_acts_named_is_kept_as_told() -> None:
    text = "The board said little.\n\nProsecutors charged Tomas Elvey with conspiracy to defraud the board."
    held = [i for i in extract_items(text, DAY, latent=True) if i.latent]
    assert [(i.kind, i.actors) for i in held] == [("legal", ("Tomas Elvey",))]


def test_only_a_report_with_who_acts_named_or_its_words_quoted_is_kept() -> None:
    quoted = "\u201cThe quay needs repairs,\u201d the harbour master said."
    text = f"Officials said the harbour was calm.\n\n{quoted}"
    held = [i for i in extract_items(text, DAY, latent=True) if i.latent]
    assert [(i.kind, i.evidence) for i in held] == [("statement", quoted)]  # a bare "officials said" is none


def test_a_typed_happening_told_by_its_verb_is_kept_with_nobody_named() -> None:
    """A scene outlets tell alike, nobody named ("Two houses were flooded"): kept to meet another's row."""
    text = "The board said little.\n\nTwo houses were flooded near the river."
    held = [i for i in extract_items(text, DAY, latent=True) if i.latent]
    assert [(i.kind, i.actors) for i in held] == [("accident", ())]
    # nor a verb of no typed kind, nor a bare attribution
    for other in ("The ferry company has grown.", "Officials said the harbour was calm."):
        assert not [i for i in extract_items(f"The board said little.\n\n{other}", DAY, latent=True)
                    if i.latent], other


def test_added_tells_a_statement_only_before_what_was_said() -> None:
    said = [
        "\u201cThe quay needs repairs,\u201d Mara Ostvik added.",
        "Mara Ostvik added that the quay needed repairs.",
        "\u201cThe quay needs repairs,\u201d adds Mara Ostvik, the harbour master.",
        "Mara Ostvik noted that the quay needed repairs.",
    ]
    for text in said:
        held = [i for i in extract_items(text, DAY, latent=True) if i.latent]
        assert [(i.kind, i.actors) for i in held] == [("statement", ("Mara Ostvik",))], text
    scored = ["Mara Ostvik added 25 points for the Harbourmen.", "Mara Ostvik added a second goal.",
              "The ferry company added three boats to its fleet."]
    for text in scored:
        assert not [i for i in extract_items(text, DAY, latent=True) if i.kind == "statement"], text


def test_a_happening_named_by_its_noun_with_who_acts_is_kept_as_told_but_no_bare_noun() -> None:
    text = ("The talk of the week was about the weather, and about Lerrin's easy victory against the "
            "Harbourmen.\n\nThe victory was a surprise.")
    held = [i for i in extract_items(text, DAY, latent=True) if i.latent]
    assert [(i.kind, i.actors) for i in held] == [("result", ("Lerrin",))]
    # a statement named by its noun is no one's words ("the minister's statement" tells none of them)
    said = "The board read the minister's statement."
    assert not [i for i in extract_items(said, DAY, latent=True) if i.latent]
