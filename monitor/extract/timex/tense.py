"""Guess whether the clause around an expression talks about the past or the future.

News mostly reports what happened, so "Monday" usually means the Monday before the DCT; a nearby
"will", "is scheduled to" or "next" flips it to the one after. The nearest cue word wins.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

# A word joined by a hyphen to the next one is no cue: the compound's last word is its head ("next-generation
# phones", "the soon-to-be mayor", a name's "Soon-Shiong"); nor is that head after a word of three letters or
# more ("flood-damaged homes", "state-owned": an adjective), but after a prefix it is a verb ("re-elected")
_WORD = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]{3}-)[A-Za-z]+(?:['\u2019][a-z]+)?(?![A-Za-z'\u2019-])")
# a full stop ends a clause unless it ends an initial ("U.S."), a title ("Mr.") or a clock time's "a.m." that
# the clause goes on after ("at 12:01 a.m. on Thursday", "3 p.m. Friday", "9 a.m. ET"; not "at 3 a.m. Police")
_CLAUSE_END = re.compile(
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No))(?<!\bInc|\bMrs|\bGen|\bGov|\bSen|\bRep)"
    r"(?<!\b[ap]\.m)[.!?;]\s"
    r"|\b[ap]\.m\.\s+(?=[A-Z])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
    r"|Sep|Oct|Nov|Dec)[a-z]*\b|[A-Z]{1,4}\b)"
    r"|[\"\u201c\u201d]\s|\n\s*\n"
    # a colon before a capital opens a clause of its own ("won't have to wait long: These teams meet again")
    r"|:\s+(?=[A-Z])"
)
# Words before an -ed adjective ("a still unspecified date"); not "her", as often a verb's object before
# the next clause's verb ("without asking her, pledged to the trust in July").
_DETERMINERS = frozenset(
    {"a", "an", "the", "its", "their", "his", "our", "this", "that", "still", "newly"}
)
_PAST_AUX = frozenset({"had", "been", "once", "originally"})
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "our", "my", "your", "these", "those"})
_FUTURE_ADJECTIVES = frozenset({"upcoming", "forthcoming", "expected"})
# Before an irregular past that is also the base form ("hit", "cost", "bid"), these make it the base form.
_BASE_BEFORE = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "do", "does", "did"}
)
_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "be", "been", "had", "has", "have", "being", "get", "got"}
)
_NOT_PAST = frozenset(
    {"need", "speed", "indeed", "hundred", "red", "bed", "feed", "seed", "proceed", "exceed", "succeed",
     "embed", "shed", "breed", "greed", "led", "bred", "fed", "wed", "steed", "deed", "creed", "weed"}
)
# After a participle cue ("scheduled", "planned", "expected"), the words that keep it a verb of the clause
# ("planned for Friday", "expected to", "scheduled on"); any other word makes it an adjective of a noun.
_AFTER_CUE = frozenset(
    {"to", "for", "on", "at", "in", "by", "next", "this", "later", "early", "late", "soon", "before", "after",
     "until", "that", "the", "a", "an", "and", "as", "around", "within", "sometime", "tomorrow", "today"}
)
_PRESENT_BE = frozenset({"is", "are", "am"})
# Words a headline's title case may leave in lower case ("Storm Batters Coast with Gales")
_TITLE_CASE_SMALL = frozenset(
    {"with", "from", "into", "onto", "over", "after", "amid", "than", "that", "upon", "near", "past", "about",
     "before", "during", "under", "against", "without", "while", "through", "across", "toward", "towards"}
)
_WINDOW = 160  # characters each side; a clause rarely needs more
# A word right after the expression that opens another clause, of another time (a content clause, a reason,
# a condition); not "when", "which" or "where", whose clause tells of the date itself.
_OPENERS_AFTER = frozenset({"that", "because", "if", "whether", "unless"})


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cut = None
    for m in _CLAUSE_END.finditer(left):
        cut = m.end()
    clause_start = lo + cut if cut is not None else lo
    right = text[end : end + _WINDOW]
    after = _CLAUSE_END.search(right)
    if after is not None and after.start() == 0 and right.startswith(":"):
        # "Monday: The committee will begin ...": the date heads the clause after the colon
        after = _CLAUSE_END.search(right, 1)
    clause_end = end + (after.start() + 1 if after else len(right))
    return clause_start, clause_end


def _classify(
    words: list[str], i: int, future: Collection[str], past: Collection[str], after: bool = False,
    progressives: Collection[str] = (),
) -> str | None:
    word = words[i]
    before = words[max(0, i - 2) : i]
    if word in _PRESENT_BE and words[i + 1 : i + 2] and words[i + 1] in progressives:
        return "future"  # "is visiting Paris on Thursday": an arrangement
    participle = word.endswith(("ed", "ing"))
    if word in future and participle and i + 1 < len(words) and words[i + 1] not in _AFTER_CUE:
        # "two planned closures in June": an adjective, no future; "the upcoming summit" is one to come
        return "future" if word in _FUTURE_ADJECTIVES else None
    if word in future and word.endswith("s") and (
            (i > 0 and (words[i - 1] in _ARTICLES or words[i - 1].endswith(("'s", "\u2019s"))))
            or words[i + 1 : i + 2] in (["are"], ["were"])):
        # "attacked the hosts on Monday", "Trump's hopes", "his team's playoff hopes are slim after Monday's
        # loss": a noun, not the schedule of "the club hosts the final"
        return None
    pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
    if pair.endswith(" to") and words[i + 2 : i + 3] and words[i + 2] in _ARTICLES:
        pair = ""  # the cue's "to" a preposition, no infinitive: "pledged to the trust in July"
    if pair == "to be" and words[i + 2 : i + 3] and words[i + 2] in _ARTICLES:
        return None  # what someone is to be, no time to come: "the rule requiring the skipper to be a local"
    if pair in future or word in future:
        # "had been due to", "had planned to": a plan seen from a past perfect is usually past by now
        return "past" if _PAST_AUX.intersection(before) else "future"
    if word.endswith("ed") and i > 0 and words[i - 1] in _DETERMINERS and not (
            words[i - 1] == "that" and words[i + 1 : i + 2] and words[i + 1] in _AFTER_CUE):
        # "a still unspecified date", "the expected": an adjective, not a verb; but "the factions that
        # attacked on Sunday": a relative clause's verb
        return None
    if after and word.endswith("ed") and words[i + 1 : i + 2] == ["by"] and not _AUXILIARIES.intersection(
            before[-1:]):
        # "Tuesday's debate, co-hosted by CBS News": after the date, a participle of its noun, no verb of the
        # clause ("touted by Trump in October", before it, tells the date's own past)
        return None
    if word in past and before and not word.endswith("ed") and (
            before[-1] in _BASE_BEFORE or before[-1] in _ARTICLES):
        # "plans to hit", "would cost", "could bid": the base form, no past; "a bid": a noun
        return None
    if word in past or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST):
        # "will be held", "to be sent": a participle after "be" keeps the future of its auxiliary, unless
        # that was a plan of the past ("once expected to be completed", "had been due to be signed")
        if "be" in before:
            return "past" if _PAST_AUX.intersection(words[max(0, i - 5) : i]) else "future"
        if before[-1:] == ["being"]:
            # "a study being sent to Congress in November", "is being treated": under way, neither past nor
            # to come (the clause's other words may tell); "was being sent" tells its past
            return "past" if before[0] in ("was", "were") else None
        if before[-1:] in (["is"], ["are"]) and word.endswith("ed"):
            # "when he is sentenced in June", "are released each May": the present passive tells no past
            return None
        return "past"
    return None


def clause_tense(
    text: str,
    start: int,
    end: int,
    future: Collection[str],
    past: Collection[str],
    skip: Collection[str] = (),
    prepositions: Mapping[str, str] | None = None,
    not_cues: Collection[str] = (),
    progressives: Collection[str] = (),
) -> str | None:
    """Return "past", "future" or None for the clause around text[start:end], from the nearest cue word.

    `future` holds single words and two-word cues ("going to"); `past` single words. Words in `skip`
    (the expression's own words, e.g. "next" in "next Monday") are not cues. A word of `prepositions`
    right before the expression ("until", "since") decides alone; one whose direction reads "otherwise
    past" ("from") only when the clause's cues do not say future ("will be moved from Tuesday to Friday"),
    and "otherwise future" ("ahead of") only when they do not say past. A cue word that opens one of the
    two-word phrases of `not_cues` is no cue there ("next to the statue"). The present progressive of one
    of `progressives` is a cue of the future ("is visiting Paris on Thursday").
    """
    lo, hi = _clause_bounds(text, start, end)
    left_words, right_words = _WORD.findall(text, lo, start), _WORD.findall(text, end, hi)
    both = left_words + right_words
    # title case: most words capitalised, and no word of four letters or more in lower case but the small
    # words title case leaves so (a sentence naming "Fed Chairman Ben Bernanke" at "the National Association
    # for Business Economics' annual meeting" is none)
    headline = sum(w[:1].isupper() for w in both) * 2 > len(both) and not any(
        len(w) >= 4 and w.islower() and w not in _TITLE_CASE_SMALL for w in both)
    left = _cue_words(left_words, opens_clause=True, headline=headline)
    right = _cue_words(right_words, opens_clause=False, headline=headline)
    fallback = None
    # a two-word preposition first ("as of"), then one word
    known = prepositions or {}
    size = next((n for n in (2, 1) if len(left) >= n and " ".join(left[-n:]) in known), 0)
    if size:
        direction = known[" ".join(left[-size:])]
        if not direction.startswith("otherwise "):
            return direction
        fallback = direction.removeprefix("otherwise ")
        left = left[:-size]
    # "On Tuesday, Lebanese troops at a base ..., will conduct": a fronted date is the main clause's, whose
    # verb may come after a long subject
    fronted = len(left_words) <= 2 and text[end : end + 1] == ","
    opener = left[-2:-1] if left[-1:] and left[-1] in _DATE_PREPOSITIONS else left[-1:]
    if opener in (["where"], ["which"]) and right:
        # "from Leeds, where on Sunday afternoon she'll be honoured": the clause the date opens is its own;
        # the main clause's verb before it tells another time
        left, fronted = [], True
    if right[:1] and right[0] in _OPENERS_AFTER:
        # "hinting in late June that fares should rise": the clause the date opens tells another
        # time (but "on July 8, when the strike will begin" tells the date's own)
        right = []
    found = _cue_tense(left, right, future, past, skip, not_cues, progressives,
                       reach=len(right) if fronted else _NEAR_RIGHT)
    opposite = "past" if fallback == "future" else "future"
    return fallback if fallback and found != opposite else found


# Modals that are also a month or a given name: capitalised inside a clause they are the name ("detained in
# May over a January 4 call", "Will Smith said"), no cue, even in a headline's title case.
_NAME_HOMOGRAPHS = frozenset({"may", "will"})


_DATE_PREPOSITIONS = frozenset({"on", "in", "at", "by"})
def _modal_in_full(low: str) -> str:
    """A word, lower case, with a modal written short read as the modal ("they'll", "won't": "will")."""
    plain = low.replace("\u2019", "'")
    return "will" if plain.endswith("'ll") or plain == "won't" else low


def _cue_words(words: list[str], opens_clause: bool, headline: bool) -> list[str]:
    """The words lower-cased; a capitalised word that does not open the clause as "": a name, though a cue's
    homograph ("Tom Hopes backed the plan"); in a `headline`'s title case only `_NAME_HOMOGRAPHS` so."""
    # (a modal written short is the modal: "they'll play", "he won't start")
    out = [_modal_in_full(w.lower()) for w in words]
    for i, (word, low) in enumerate(zip(words, out, strict=True)):
        if word[:1].isupper() and (i > 0 or not opens_clause) and (not headline or low in _NAME_HOMOGRAPHS):
            out[i] = ""
    return out


# Cue words read on each side, nearest first: the left side's near words, then the right side's, then the rest
# of the clause on the left ("the choir will sail on to the old hall at a harbour town, in a county of the
# coast, for a farewell concert on May 4": its verb is far back, and nothing nearer tells the tense).
_NEAR_LEFT = 12
_NEAR_RIGHT = 8


def _cue_tense(
    left: list[str], right: list[str], future: Collection[str], past: Collection[str], skip: Collection[str],
    not_cues: Collection[str] = (), progressives: Collection[str] = (), reach: int = _NEAR_RIGHT,
) -> str | None:
    near = len(left) - _NEAR_LEFT
    if not left and right[:1] == ["is"]:
        return "future"  # "Saturday is the 75th anniversary": the day named as the subject, the one to come
    for words, order in (
        (left, range(len(left) - 1, max(-1, near - 1), -1)),
        (right, range(min(len(right), reach))),
        (left, range(near - 1, -1, -1)),
    ):
        for i in order:
            if words[i] in skip or " ".join(words[i : i + 2]) in not_cues:
                continue
            found = _classify(words, i, future, past, after=words is right, progressives=progressives)
            if found:
                return found
    return None


def planned_from_the_past(text: str, start: int, end: int, cues: Collection[str],
                          purpose_nouns: Collection[str]) -> bool:
    """Whether the clause around text[start:end] tells a plan from the narrative's day: one of `cues` ("was
    to", "were to") and then a verb, not after one of `purpose_nouns` ("The aim ... was to show")."""
    lo, hi = _clause_bounds(text, start, end)
    words = [w.lower() for w in _WORD.findall(text, lo, hi)]
    for i in range(len(words) - 2):
        if f"{words[i]} {words[i + 1]}" in cues and words[i + 2] not in _ARTICLES | _NO_PLAN:
            subject = next((w for w in reversed(words[max(0, i - 6) : i]) if w not in _ARTICLES), "")
            if subject not in purpose_nouns and not _of_a_purpose(words[max(0, i - 6) : i], purpose_nouns):
                return True
    return False


# "was to blame for Monday's crash": who caused it, no plan
_NO_PLAN = frozenset({"blame"})


def _of_a_purpose(before: list[str], purpose_nouns: Collection[str]) -> bool:
    """Whether the words before the verb open on a purpose noun's phrase ("the aim of the trip Tuesday")."""
    return any(w in purpose_nouns and before[j + 1 : j + 2] == ["of"] for j, w in enumerate(before))
