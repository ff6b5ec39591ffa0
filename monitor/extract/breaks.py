"""Paragraphs a page writes as text between `<br>`s, made `<p>`s before the main text is read; and the line
breaks its source wraps a sentence with, made spaces (`source_newlines_as_spaces`).

Some sites put an article's paragraphs straight into a `<div>`, separated by `<br>` ("<div class="content">
Following the 16-inch MacBook Pro, Apple plans ... <br> <br><img ...> <br>The report claims ..."). trafilatura
reads the `<div>`'s own leading text as no paragraph and drops it: the article lost its first paragraph, its
news. Mozilla's Readability turns such runs into paragraphs before scoring (`_replaceBrs`); this does the same
for a `<div>` that opens on text of its own, a sentence's worth up to its first `<br>` (links and other inline
elements counted: "Baring <a>what he called ...</a> President Obama on Thursday released ..."), and holds a
`<br>`: each run of text and inline elements between `<br>`s or block elements becomes a `<p>`, the block
elements stay where they were.

    >>> from lxml import html
    >>> page = "<div>The plan was approved on Monday by the council.<br><br>It costs <b>$5m</b>.</div>"
    >>> div = html.fromstring(page)
    >>> [p.text_content() for p in paragraphs_from_breaks(div).iter("p")]
    ['The plan was approved on Monday by the council.', 'It costs $5m.']
"""

from __future__ import annotations

import re
from typing import Any, cast

from lxml import etree

__all__ = ["paragraphs_from_breaks", "source_newlines_as_spaces"]

# A <div>'s own leading text of this many words is prose, not a label or a stray space.
_MIN_WORDS = 8
# Elements that run inside a paragraph's text; any other element ends the paragraph before it.
_INLINE = frozenset({"a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span",
                     "strong", "sub", "sup", "time", "u"})


def paragraphs_from_breaks(tree: Any) -> Any:
    """`tree` with each `<div>` that opens on prose of its own and holds a `<br>` rewritten as paragraphs (see
    the module docstring); changed in place and returned."""
    for div in [d for d in tree.iter("div") if _written_with_breaks(d)]:
        _as_paragraphs(div)
    return tree


def _written_with_breaks(div: Any) -> bool:
    return len(_leading_run(div).split()) >= _MIN_WORDS and any(child.tag == "br" for child in div)


def _leading_run(div: Any) -> str:
    """The `<div>`'s own text up to its first `<br>` or block element, inline elements included ("Baring
    <a>what he called a dark chapter</a> President Obama on Thursday released ..."): the words its first
    paragraph would hold. Empty when the `<div>` opens on an element, not on text of its own."""
    if not (div.text and div.text.strip()):
        return ""
    run = [div.text]
    for child in div:
        if not (isinstance(child.tag, str) and child.tag in _INLINE):
            break
        run += ["".join(child.itertext()), child.tail or ""]
    return " ".join(run)


def _as_paragraphs(div: Any) -> None:
    blocks: list[Any] = []
    paragraph = etree.Element("p")
    paragraph.text = div.text

    def close() -> Any:
        if (paragraph.text and paragraph.text.strip()) or len(paragraph):
            blocks.append(paragraph)
        return etree.Element("p")

    for child in list(div):
        div.remove(child)
        tail, inline = child.tail, isinstance(child.tag, str) and child.tag in _INLINE
        if inline:
            paragraph.append(child)  # its tail stays with it, in the paragraph
            continue
        child.tail = None
        paragraph = close()
        if child.tag != "br":
            blocks.append(child)
        paragraph.text = tail
    close()
    div.text = None
    div.extend(blocks)


# Elements that start or end a line of text; any other (a link, a <span>, a site's own <orgid>) runs in it.
_LINE_ENDS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul"})
# Text with a line break of the page's source (most are breaks between blocks, which hold no words).
_SOURCE_NEWLINES = etree.XPath("//text()[contains(., '\n')]")
_PREFORMATTED = frozenset({"pre", "textarea", "script", "style"})
_EDGES_RE = re.compile(r"(\s*)(.*?)(\s*)\Z", re.S)


def source_newlines_as_spaces(tree: Any) -> Any:
    """`tree` with the line breaks its source wraps a line of text with made spaces, changed in place and
    returned.

    trafilatura keeps a text's own line breaks beside those it writes for a `<br>` or a block, so a sentence
    whose source wraps inside a paragraph of `<br>`s came out cut into lines ("Italy's UniCredit Group\n
    (other-otc: UNCIF - news - people) also said ..."), each read as a paragraph of its own. A break between
    words, or between words and an inline element, is a space; one beside a block's edge is left: in old
    markup (a bold lede, then an unclosed `<p>`) it may be all that parts two paragraphs in trafilatura's
    reading."""
    for text in _SOURCE_NEWLINES(tree):
        owner = text.getparent()
        holder = owner.getparent() if text.is_tail else owner
        if holder is None or (not text.strip() and not _in_line(holder) and holder.tag != "p"):
            continue  # a break between blocks
        if any(isinstance(e.tag, str) and e.tag in _PREFORMATTED for e in (holder, *holder.iterancestors())):
            continue
        if text.is_tail:
            after = owner.getnext()
            after = holder if after is None else after  # what follows, or its holder's end
            left, right = _in_line(owner), _in_line(after)
        else:
            left = _in_line(owner)
            right = _in_line(owner[0]) if len(owner) else left
        lead, words, trail = cast(re.Match[str], _EDGES_RE.match(text)).groups()
        if not words:
            lead, trail = "", lead
            left = right = left and right
        spaced = ((lead.replace("\n", " ") if left else lead) + words.replace("\n", " ")
                  + (trail.replace("\n", " ") if right else trail))
        if spaced == text:
            continue
        if text.is_tail:
            owner.tail = spaced
        else:
            owner.text = spaced
    return tree


def _in_line(element: Any) -> bool:
    """Whether the element runs inside a line of text (a comment or an unknown tag does), not at its edge."""
    return not isinstance(element.tag, str) or element.tag.lower() not in _LINE_ENDS
