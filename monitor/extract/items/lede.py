"""The lede's news told by a verb no trigger lists.

The trigger lexicon names the happenings it knows ("arrested", "met", "announced"); a report's first sentence
often tells its news with another verb ("The mayor has named a new fire chief", "Three universities have
thrown their support behind ...", "The retailer is set to raise up to $2bn"). Only two forms are taken, those
that tell news of the publication day whatever the verb: the present perfect in the active voice and a
happening set to come ("is set to", "is to tell"). Besides, a trigger in a headline's present ("The
health agency's director warns of a second wave", "The union's leader says members should ..."), a few
verbs in the simple past (tense.yaml `lede_news_verbs`) and any trigger in the simple past right after its
subject ("The governor apologized to ...") tell the day's news with their trigger's kind.
The rest of the simple past, the passive and the present progressive are not taken: in a lede they tell the
story's background or a trend as often as its news ("A lost dog ... has been found", "Farm towns are moving
away from dairy"; over the gold sets, a lede's simple past of any verb gave four false rows for each
right one, a trigger's one for one).
"""

from __future__ import annotations

from functools import cache

from monitor.extract.items.document import PERFECT_AUX, Doc, SentenceInfo, Tok, overlaps
from monitor.extract.items.event_dates import ADVERBS
from monitor.extract.items.triggers import is_negation
from monitor.extract.lexicon import Lexicon, load_data_file
from monitor.extract.wordforms import FINITE_TAGS, word_tags

# The lede is the first full sentence (this many words or more, ending in a full stop) of the report's first
# paragraphs: shorter lines there are captions, bylines and kickers.
_LEDE_PARAGRAPHS = 4
_LEDE_WORDS = 12
_FULL_STOPS = (".", '."', ".\u201d")
# Besides tense.yaml `clause_markers` (but "but", which opens a main clause), the words that open a content
# clause ("confirm what owners have known") or a time clause the markers leave out ("once", "whether"): a
# clause opened by one of them is not the sentence's main clause.
_MORE_OPENERS = frozenset({"once", "whether", "what", "how", "why"})
_PRESENT_BE = frozenset({"is", "are"})
# How far back an opener makes the auxiliary's clause a subordinate one, across the commas of a list.
_OPENER_REACH = 6


def lede_verb(doc: Doc, info: SentenceInfo, drafts: int) -> tuple[tuple[int, int], Tok, str] | None:
    """The clause, verb and kind of the news a lede tells in the present perfect active ("has named"), as
    set to come ("is set to raise", "is to tell"), with a trigger in a headline's present ("warns") or in
    the simple past right after its subject ("Rodrigo Chaves apologized"), when the lede (`_lede_sentence`)
    has no date and no event draft (`drafts` counts them) of its own; None otherwise."""
    if not _lede_sentence(doc, info) or drafts:
        return None
    if any(tx.value != "PRESENT_REF" for tx, _v in info.timexes):
        return None  # a date of the lede dates its happenings as any sentence's does
    openers = _clause_openers(doc.lex)
    for clause in info.clauses:
        toks = info.tokens_within(clause[0], clause[1])
        if toks and toks[0].lower in openers:
            # "The owner of a ferry where two pilots were hurt has admitted ...": the relative clause ends
            # where the subject's own verb comes
            toks = _after_a_relative_clause(toks)
        if not toks:
            continue
        for j, tok in enumerate(toks):
            before = toks[j - 1].lower if j else ""
            if (tok.lower in lede_news_verbs() and not overlaps(tok.start, tok.end, info.quotes)
                    and before not in _NOT_SIMPLE_PAST and before not in doc.lex.modal_aux):
                # "Ascom, a provider of ..., announced a new alarm solution": the news
                return clause, tok, doc.lex.kind_of(tok.lower) or "other"
            if (_present_news(doc.lex, tok.lower) and not any(q[0] < tok.start for q in info.quotes)
                    and before not in _NOT_SIMPLE_PAST and before not in doc.lex.modal_aux
                    and not any(t.lower in openers for t in toks[max(0, j - _OPENER_REACH):j])):
                # "PAHO director Carissa Etienne warns of further surges": told in the present of a
                # headline; not after a quote ("'...,' says Jack Buser": an attribution) nor in a clause
                # an opener subordinates
                return clause, tok, doc.lex.kind_of(tok.lower) or "other"
            if (j and clause == info.clauses[0] and _past_trigger(doc.lex, tok) and before[:1].isalnum()
                    and before not in _NOT_SIMPLE_PAST
                    and before not in _JOINING and before not in doc.lex.modal_aux
                    and not any(q[0] < tok.start for q in info.quotes)  # '"...," the mayor said'
                    and not doc.timexes_in(info.sentence.start, info.sentence.end)  # "12 days earlier"
                    and not any(t.lower in openers for t in toks[max(0, j - _OPENER_REACH):j])):
                # "President-elect Rodrigo Chaves apologized to ...": the lede's news, right after its subject
                # (not "a player, diagnosed with ...", a participle of an aside)
                return clause, tok, doc.lex.kind_of(tok.lower) or "other"
            if tok.lower not in PERFECT_AUX and tok.lower not in _PRESENT_BE:
                continue
            if overlaps(tok.start, tok.end, info.quotes):
                continue
            near = [t.lower for t in info.tokens if t.end <= tok.start][-_OPENER_REACH:]
            if any(w in openers for w in near) or before in doc.lex.modal_aux:
                # "confirm what buyers, sellers and owners have known", "may have become", "to have elected"
                break
            if tok.lower in _PRESENT_BE and any(t.lower in _purpose_nouns() for t in toks[:j]):
                break  # "Our goal with hosting threads is to give readers ...": a purpose, nothing to come
            if (news := _news_after(doc, clause, toks, j)) is None:
                return None
            # "has announced" keeps its trigger's kind; "has named", "has said" are of none here
            verb = news[1].lower
            return (*news, (doc.lex.kind_of(verb) or "other") if verb in lede_news_verbs() else "other")
    return None


def _after_a_relative_clause(toks: list[Tok]) -> list[Tok]:
    """The tokens from the main clause's perfect auxiliary on, in a clause a relative word opens
    (`_RELATIVES`) whose own finite verb comes first ("where two pilots were hurt has admitted"); none
    otherwise."""
    if toks[0].lower not in _RELATIVES:
        return []
    finite = False
    for j, tok in enumerate(toks[1:], 1):
        participle = j + 1 < len(toks) and "VBN" in word_tags(toks[j + 1].lower)
        if finite and tok.lower in PERFECT_AUX and participle:
            return toks[j:]
        finite = finite or tok.lower in _BE or bool(word_tags(tok.lower) & FINITE_TAGS)
    return []


_RELATIVES = frozenset({"who", "which", "that", "where", "whose"})
_BE = frozenset({"was", "were", "is", "are"})


def _manner(word: str) -> bool:
    """An adverb of manner between the auxiliary and its participle ("have strongly cautioned")."""
    return word.endswith("ly") and word_tags(word) == {"RB"}


def _present_news(lex: Lexicon, word: str) -> bool:
    """A trigger in the simple present, third person ("says", "warns", "announces"): the present of a
    headline, news of the day. Not a form that is also a plural noun ("drops", "falls", "bills", "talks"):
    a lede's nouns read as verbs gave rows of nothing."""
    tags = word_tags(word)
    return "VBZ" in tags and "NNS" not in tags and lex.kind_of(word) is not None


def _past_trigger(lex: Lexicon, tok: Tok) -> bool:
    """A trigger in the simple past that is no noun or adjective too ("apologized", "testified"; not
    "injured", "charged"), which a lede tells its news with as often as with "announced"."""
    tags = word_tags(tok.lower)
    return (not tok.cap and "VBD" in tags and not tags & _NOT_ONLY_A_VERB
            and lex.kind_of(tok.lower) is not None)


_NOT_ONLY_A_VERB = frozenset({"NN", "NNS", "JJ"})
_JOINING = frozenset({"and", "or", "but", "nor"})  # "craters and collapsed buildings": no subject before


@cache
def _clause_openers(lex: Lexicon) -> frozenset[str]:
    """The words that open a clause other than the sentence's main one (`_MORE_OPENERS`)."""
    return (lex.clause_markers - {"but"}) | _MORE_OPENERS


@cache
def lede_news_verbs() -> frozenset[str]:
    """tense.yaml `lede_news_verbs`: "announced", "unveiled" in an undated lede's simple past tell news."""
    return frozenset(str(w).lower() for w in load_data_file("tense.yaml").get("lede_news_verbs", []))


# Before a participle, these make it no simple past ("has announced" is read as the perfect, "was unveiled",
# "to be launched", "newly introduced" describe).
_NOT_SIMPLE_PAST = frozenset({*PERFECT_AUX, "was", "were", "be", "been", "being", "is", "are", "to", "newly",
                              "recently", "just", "the", "a", "an"})


@cache
def _purpose_nouns() -> frozenset[str]:
    """tense.yaml `purpose_nouns`: "Our goal is to ..." tells a purpose, not a happening to come."""
    return frozenset(str(w).lower() for w in load_data_file("tense.yaml").get("purpose_nouns", []))


def _lede_sentence(doc: Doc, info: SentenceInfo) -> bool:
    """Whether this is the report's lede: only the first call that finds it says so (sentences come in
    order)."""
    if doc.lede_read:
        return False
    s = info.sentence
    if doc.paragraph_number(s.start) >= _LEDE_PARAGRAPHS or not s.text.rstrip().endswith(_FULL_STOPS):
        return False
    if sum(t.text.isalpha() for t in info.tokens) < _LEDE_WORDS:
        return False
    doc.lede_read = True
    return True


def _news_after(
    doc: Doc, clause: tuple[int, int], toks: list[Tok], j: int
) -> tuple[tuple[int, int], Tok] | None:
    """The verb after the auxiliary `toks[j]`: a past participle after "has"/"have" (not "been": the passive
    and the perfect progressive are no news by themselves), or a base form after "is set to" / "is to"."""
    k = j + 1
    while k < len(toks) and (toks[k].lower in ADVERBS or is_negation(toks[k].lower)
                             or _manner(toks[k].lower)):
        if is_negation(toks[k].lower):
            return None  # "has not signed": no happening
        k += 1
    if k >= len(toks):
        return None
    word = toks[k].lower
    if toks[j].lower in PERFECT_AUX:
        return (clause, toks[k]) if word != "been" and "VBN" in word_tags(word) else None
    if word in doc.lex.schedule_words and k + 1 < len(toks) and toks[k + 1].lower == "to":
        k += 1  # "is set to raise": the happening is the verb after "to"
    if toks[k].lower != "to" or k + 1 >= len(toks):
        return None
    verb = toks[k + 1]
    return (clause, verb) if "VB" in word_tags(verb.lower) else None
