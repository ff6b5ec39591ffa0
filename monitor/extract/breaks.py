"""Paragraphs a page writes as text between `<br>`s, made `<p>`s before the main text is read.

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

from typing import Any

from lxml import etree

__all__ = ["paragraphs_from_breaks"]

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
