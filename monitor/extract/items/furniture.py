"""Step 1: which sentences to read and which spans to leave alone.

Quotations are found here (quotes are not events and their dates date nothing), as are page furniture
("Related article: ...", skipped by prefix), headline-like lines and the header zone (headline, byline, date
line) before the first line of prose.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from monitor.extract.boilerplate import is_furniture
from monitor.extract.corrections import correction_rules
from monitor.extract.lexicon import Lexicon, load_data_file
from monitor.extract.sentences import Sentence, split_sentences

# Single quotes and TeX-style quotes; every branch opens with its quote mark (the look-behind of "‘" comes
# after it): the regex engine then skips straight to the next quote mark instead of trying each branch at
# every character. Double quotes are paired by `_double_quotes`.
_QUOTE_RE = re.compile(r"``[^\n]{2,}?''|‘(?<=\s‘)[^’\n]{4,}?’(?!\w)")
_DOUBLE_RE = re.compile(r'["“”\n]')
_OPENS_AFTER = frozenset(" \t\n([{—–-/")  # what may stand before a straight quote mark that opens
_CLOSES_BEFORE = frozenset(" \t\n.,;:!?)]}—–-'’")  # what may follow one that closes


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The quotations of a text, in order: double quotes (straight or curly, in any mix) and single ones."""
    return sorted(_double_quotes(text) + [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)])


def _double_quotes(text: str) -> list[tuple[int, int]]:
    """Double quotes paired by which side of a word each mark stands on, not by its shape: pages mix them
    ('"Who signed it?” asked Ada, who testifies Friday. "Nobody."'), so pairing a straight mark only with the
    next straight one would put the attribution between two quotes inside a quote. A quote left open at the
    end of a paragraph runs to it (a quote that goes on in the next paragraph reopens there)."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    size = len(text)
    for m in _DOUBLE_RE.finditer(text):
        at, mark = m.start(), m.group()
        if mark == "\n":
            if opened is not None and at - opened > 2:
                out.append((opened, at))
            opened = None
            continue
        before = text[at - 1] if at else "\n"
        after = text[at + 1] if at + 1 < size else "\n"
        opens = mark == "“" or (before in _OPENS_AFTER and not after.isspace())
        closes = mark == "”" or (not before.isspace() and after in _CLOSES_BEFORE) or at + 1 == size
        if opened is None:
            if opens or not closes:  # a lone mark between spaces opens when no quote is open
                opened = at
        elif closes or not opens:
            if at - opened > 2:
                out.append((opened, at + 1))
            opened = None
        else:
            opened = at  # two openers: the first was a stray mark
    if opened is not None and size - opened > 3:
        out.append((opened, size))
    return out


def is_headline(text_all: str, sentence: Sentence) -> bool:
    """On a line without final punctuation whose words are mostly capitalised (titles, bylines, datelines)."""
    line_start = text_all.rfind("\n", 0, sentence.start) + 1
    line_end = text_all.find("\n", sentence.end)
    return _headline_line(text_all[line_start : line_end if line_end >= 0 else len(text_all)].strip())


def headline_test(text_all: str) -> Callable[[Sentence], bool]:
    """`is_headline` for the sentences of `text_all`, each line judged once (linear in a long text)."""
    newlines = [m.start() for m in _NEWLINE_RE.finditer(text_all)]
    judged: dict[tuple[int, int], bool] = {}

    def test(sentence: Sentence) -> bool:
        i = bisect_left(newlines, sentence.start)
        line_start = newlines[i - 1] + 1 if i else 0
        j = bisect_left(newlines, sentence.end)
        line = (line_start, newlines[j] if j < len(newlines) else len(text_all))
        if line not in judged:
            judged[line] = _headline_line(text_all[line[0] : line[1]].strip())
        return judged[line]

    return test


_NEWLINE_RE = re.compile("\n")
# After a calendar entry's day: the rest of a span of days ("-18", " – 20th"), then a colon or a dash (or two
# hyphens standing for one: "July 22 -- Blossom Music Center"). happenings reads a calendar's lines with it
# too.
ENTRY_TAIL = r"(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?\s*(?::|\s(?:--|[-–—]))\s"
# A calendar's entry, not a headline: a word and a day (or a span of days), then a colon or a dash ("Jan.
# 15-18: Boat Show", "June 9 – West Palm Beach, FL"); whether the word is a month is the timex tagger's call.
_ENTRY_RE = re.compile(r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?" + ENTRY_TAIL)
_HEAD_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


def _headline_line(text: str) -> bool:
    if text[-1:] in ".!?\"”'’" or _ENTRY_RE.match(text):
        return False
    words = _HEAD_WORD_RE.findall(text)
    if len(words) <= 3:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


def header_end(text: str, sentences: list[Sentence]) -> int:
    """End of the header zone (headline, byline, date line): before the first line that reads as prose."""
    for s in sentences:
        line_end = text.find("\n", s.start)
        line = text[text.rfind("\n", 0, s.start) + 1 : line_end if line_end >= 0 else len(text)].strip()
        # a colon ends prose that opens a list ("Here's what stood out in the 106-103 win:"), not a headline;
        # so does a bracketed sentence ("... in Gaza. (Watch the video below.)")
        if line.rstrip(")]")[-1:] in '.!?"”:' and len(line.split()) >= 8:
            return text.rfind("\n", 0, s.start) + 1
    return 0


def body_sentences(text: str, lex: Lexicon) -> list[Sentence]:
    """The sentences of `text` but page furniture: lines opening with a skip prefix (in any case), the
    teasers of other stories that a heading glued into the text opens (names.yaml `teaser_headings`), lists
    of links (`_link_list_line`), the editors' corrections (corrections.yaml: "Correction, May 3: this
    article misnamed ...", which tell of the page, not of the story), an offer's terms told to the reader
    (names.yaml `offer_verbs`: "- Earn 60,000 bonus points once you spend $3,000"), and lines of
    boilerplate.yaml `drop_lines` (a byline's "posted on April 21, 2015, at 11:29 a.m.", "Advertisement")."""
    prefixes, longest = _lowered(lex.skip_line_prefixes)
    headings, heading_length = _lowered(lex.teaser_headings)
    corrections = correction_rules()
    out: list[Sentence] = []
    line_end = -1
    for s in split_sentences(text):
        if s.start < line_end or s.text[:longest].lower().startswith(prefixes):
            continue
        if s.text.startswith("[") and _BRACKETED_LINE_RE.match(text, s.start):
            # "[How an anchor found the missing portrait]": a whole line in brackets links another story
            line_end = _line_end(text, s.start)
            continue
        if "]" in s.text and _TAGGED_LINK_RE.search(s.text):
            continue  # "Family ... win £392k on Postcode Lottery [REVEAL]": a link to another story
        if _link_list_line(text, s.start):
            line_end = _line_end(text, s.start)
            continue
        if any(rule.search(s.text) for rule in corrections) or is_furniture(s.text):
            continue  # a correction tells of the page; a byline's "posted on <date>" is the page's too
        if _offer_re().match(s.text) and _NUMBER_RE.search(s.text):
            continue  # an offer's terms ("- Earn 60,000 bonus points once you spend $3,000")
        if headings and _opens_teasers(s.text, headings, heading_length):
            line_end = _line_end(text, s.start)
            continue
        out.append(s)
    return out


@cache
def _offer_re() -> re.Pattern[str]:
    """names.yaml `offer_verbs` opening a sentence (or a list item), a word in lower case next."""
    verbs = "|".join(re.escape(str(v)) for v in load_data_file("names.yaml").get("offer_verbs", []))
    return re.compile(rf"(?:[-•*]\s+)?(?:{verbs or '(?!)'})\s+(?=[a-z0-9$£€])")


_NUMBER_RE = re.compile(r"\d")


def _line_end(text: str, at: int) -> int:
    """The end of the line `at` is in (the text's end for the last line)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


# A list item with no final stop: a link to another story when another such item is next to it.
_LINK_ITEM_RE = re.compile(r"[-•*] [^\n]*[^.!?\"”'’:\s]$", re.MULTILINE)
_ITEM_RE = re.compile(r"[-•*] [^\n]*$", re.MULTILINE)
_SENTENCE_ITEM_RE = re.compile(r"[-•*] [^\n]*[.!?][\"”'’]?$", re.MULTILINE)


def _link_list_line(text: str, at: int) -> bool:
    """Whether `at` opens a line of a list of links ("- Canada's unemployment rate drops to 6.6% as economy
    gains 88,000 jobs", "- Matthew Lau: Keep out of Tim Hortons' hiring choices"): an item with no final
    stop beside another one (the lines between them blank), or an item with its stop between two such (a
    link's teaser). Other items that end on a stop are the article's own list."""
    if (at and text[at - 1] != "\n") or not _ITEM_RE.match(text, at) or _introduced_list(text, at):
        return False
    before = text[: at].rstrip("\n")
    previous_start = before.rfind("\n") + 1
    nxt = _line_end(text, at)
    while nxt < len(text) and text[nxt] == "\n":
        nxt += 1
    after_link = bool(before and _LINK_ITEM_RE.match(before, previous_start))
    before_link = bool(nxt < len(text) and _LINK_ITEM_RE.match(text, nxt))
    if _LINK_ITEM_RE.match(text, at):
        return after_link or before_link
    # a sentence between two links: the teaser of the link above it ("- Ferry line cut" / "- The harbour board
    # voted on Monday to ..." / "- Bridge reopens")
    return after_link and before_link and _SENTENCE_ITEM_RE.match(text, at) is not None


def _introduced_list(text: str, at: int) -> bool:
    """Whether the list the item at `at` is in follows a line that ends on a colon ("In other key
    developments:"): the article's own list, whatever its items end on."""
    start = at
    while start:
        line_start = text.rfind("\n", 0, start - 1) + 1
        line = text[line_start : start].strip()
        if line and not _ITEM_RE.match(line):
            return line.endswith(":")
        start = line_start
    return False


_BRACKETED_LINE_RE = re.compile(r"\[[^\[\]\n]{10,}\]\s*(?:\n|\Z)")
# A line that ends on a tag in capitals ("[REVEAL]", "[LATEST]", "[PICTURES]"): a teaser of a list of links.
_TAGGED_LINK_RE = re.compile(r"\s\[[A-Z][A-Z ]{2,20}\]\s*\Z")


def _opens_teasers(sentence: str, headings: tuple[str, ...], longest: int) -> bool:
    """Whether the sentence opens on a teaser heading run into a teaser ("Top stories The council ...")."""
    low = sentence[:longest].lower()  # only the opening: this is asked of every sentence
    return any(low.startswith(h) and _TEASER_START_RE.match(sentence, len(h)) for h in headings)


_TEASER_START_RE = re.compile(r"\s+[\"“‘']?[A-Z0-9]")


@cache
def _lowered(prefixes: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    """The prefixes lower-cased ("READ MORE: ...", "See More" are furniture too), and the longest's length."""
    return tuple(p.lower() for p in prefixes), max(map(len, prefixes), default=0)
