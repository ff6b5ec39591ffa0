"""An article whose page splits its body across containers: the parts the main-text extractor left out.

trafilatura reads the first container its expressions find and stops there. Some pages cut one story into
several containers of one kind, an advertisement or a pull quote between them: Wired's `body__container`
chunks, CNBC's `<div class="group" itemprop="articleBody">` blocks, the Los Angeles Times' text after its
first paragraph's ad. The extractor then keeps a third or a half of the story, and every happening told
after the cut is lost. Of the 686 saved news pages of the gold sets, 5 were read so
(benchmarks/text_quality.py gives each page's body F1 before and after).

The containers that continue the article are those of the tag and the classes (at least) of the one the
extracted paragraphs sit in, with the same `itemprop`, close kin of it in the page's tree (the lowest
ancestor they share at most `_KIN_LEVELS` above each): a box of other stories' teasers elsewhere on the page
that happens to share a class is no part of it; nor is anything when the first reading went on past the
first container (a live blog's entries, each a container of one kind). They are read together, as the
extractor reads a page, and the paragraphs of prose the first reading lacked are put in where they stand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from itertools import islice
from typing import Any

from lxml import html as lxml_html

# The lowest ancestor a continuation shares with the first container lies at most this far above each.
_KIN_LEVELS = 3
# Words of a class name that says it holds an article's text ("article__body", "mod-articletext",
# "story-content"; `itemprop="articleBody"` says so too).
_BODY_WORDS = ("article", "story", "body", "text", "content", "entry", "post")
# A paragraph of prose has this many words or more: a sentence, not a menu entry or a link.
PROSE_WORDS = 15
# Fewer new characters of prose than this are no part worth a second reading's risk.
_MIN_NEW = 200


def with_other_parts(tree: Any, text: str, read: Callable[[Any], str]) -> str:
    """`text` (paragraphs separated by blank lines, their whitespace collapsed) with the paragraphs of prose
    that the containers continuing the article hold (see the module docstring); `read` turns a page's tree
    into such text, as the text stage reads a page. Unchanged when the page keeps its article in one
    container."""
    paragraphs = text.split("\n\n")
    prose = [p for p in paragraphs if is_prose(p)]
    first = _first_container(tree, prose)
    # A reading that went on past the first container (a live blog's entries, each a container of one kind)
    # left none out: only one that ends inside it may have.
    kind = _containers_of_its_kind(tree, first) if first is not None else []
    if len(kind) < 2 or not _ends_inside(tree, first, prose[-1]):
        return text
    openings = {_opening(p) for p in paragraphs}
    parts = [c for c in kind if c is first or _opening_of(c) not in openings]
    if len(parts) < 2:
        return text
    combined = read(_page_of(parts)).split("\n\n")
    known = set(paragraphs)
    if known.isdisjoint(combined):
        return text  # a reading of other words altogether: not the same article
    new = {p for p in combined if is_prose(p) and p not in known}
    if sum(len(p) for p in new) < _MIN_NEW:
        return text
    return "\n\n".join(_merged(paragraphs, combined, new))


def _first_container(tree: Any, prose: list[str]) -> Any | None:
    """The element whose `<p>` children hold the first paragraph of prose read (of the first three)."""
    for paragraph in prose[:3]:
        if (found := _paragraph_element(tree, paragraph)) is not None:
            return found.getparent()
    return None


def _ends_inside(tree: Any, container: Any, last: str) -> bool:
    """Whether the last paragraph of prose read is a `<p>` inside `container`."""
    found = _paragraph_element(tree, last)
    return found is not None and container in found.iterancestors()


def _paragraph_element(tree: Any, paragraph: str) -> Any | None:
    """The first `<p>` of the page whose text opens as `paragraph` does."""
    # (XPath runs in lxml's C, not a Python loop over every <p> of a long page)
    found = tree.xpath(_PARAGRAPH_XPATH, opening=_opening(paragraph))
    return found[0] if found else None


def _opening(paragraph: str) -> str:
    """How a paragraph opens: its first `_OPENING` characters, whitespace collapsed."""
    return _SPACE_RE.sub(" ", paragraph[: 2 * _OPENING]).strip()[:_OPENING]


def _opening_of(container: Any) -> str:
    """How the first paragraph of a container opens, "" when it has none."""
    return _opening(str(container.xpath(_FIRST_PARAGRAPH_XPATH)))


_PARAGRAPH_XPATH = "(//p[starts-with(normalize-space(.), $opening)])[1]"
_FIRST_PARAGRAPH_XPATH = "string((.//p[normalize-space(.)])[1])"
_OPENING = 60


def _containers_of_its_kind(tree: Any, first: Any) -> list[Any]:
    """`first` and the containers of its kind (its tag, its classes at least, its itemprop) close kin of it,
    in page order."""
    itemprop = first.get("itemprop")
    says_text = any(w in name.lower() for name in _classes(first) for w in _BODY_WORDS)
    if itemprop != "articleBody" and not says_text:
        return []  # a container of any kind ("bd", "module"): the page's other boxes are of its kind too
    # (lxml's element objects live only while referenced: hold them, never compare their id()s)
    near = list(islice(first.iterancestors(), _KIN_LEVELS))
    lineage = set(first.iterancestors()) | set(first.iter())
    out = []
    for element in tree.iter(first.tag):
        if element is first:
            out.append(element)
            continue
        if element in lineage or element.get("itemprop") != itemprop or not _same_kind(element, first):
            continue
        kin = islice(element.iterancestors(), _KIN_LEVELS)
        if any(a in near for a in kin) and _same_kind(element.getparent(), first.getparent()):
            out.append(element)
    return out


def _same_kind(element: Any, like: Any) -> bool:
    """Whether `element` has the tag and (at least) the classes of `like`: a story's "story story_1" wrapper
    in a box of next articles is not its "story story_0"."""
    if element is None or like is None:
        return element is like
    return bool(element.tag == like.tag and _classes(like) <= _classes(element))


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _page_of(containers: list[Any]) -> Any:
    """A page of the containers' contents, one after another in one `<article>` (the containers themselves
    left out: the extractor would again read only the first of them)."""
    page = lxml_html.fromstring("<html><body><article></article></body></html>")
    article = page.find(".//article")
    for container in containers:
        copy = deepcopy(container)
        if copy.text and copy.text.strip():
            lead = lxml_html.Element("p")
            lead.text = copy.text
            article.append(lead)
        for child in list(copy):
            article.append(child)
    return page


def _merged(paragraphs: list[str], combined: list[str], new: set[str]) -> list[str]:
    """The first reading's paragraphs with each new one put after the paragraph it follows in the combined
    reading (before the first one both readings hold, when it comes before them all)."""
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    both = set(combined) & set(paragraphs)
    for p in combined:
        if p in new:
            after.setdefault(anchor, []).append(p)
        elif p in both:
            anchor = p
    out: list[str] = []
    leading = after.pop(None, [])
    for p in paragraphs:
        if leading and p in both:
            out.extend(leading)
            leading = []
        out.append(p)
        out.extend(after.pop(p, []))
    return out + leading


def is_prose(paragraph: str) -> bool:
    """Whether a paragraph is long enough to be a sentence (`PROSE_WORDS` words or more)."""
    return len(paragraph.split()) >= PROSE_WORDS


_SPACE_RE = re.compile(r"\s+")
