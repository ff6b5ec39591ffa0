"""Markup nested deeper than an HTML parser goes (100,000 `<div>`s in one another): find it, and flatten it.

libxml2, under lxml and trafilatura, stops building the tree at `MAX_DEPTH` levels and drops whatever lies
deeper: such a page reads as empty. `too_deep` says when a page is one of those (from its tags alone, in
linear time), and `flatten` takes out the containers that shape a page's layout, not its text, so that the
text can be read again.

    >>> too_deep("<div>" * 300 + "<p>Deep.</p>"), flatten("<div><div><p>Deep.</p></div></div>")
    (True, '  <p>Deep.</p>  ')
"""

from __future__ import annotations

import re

__all__ = ["MAX_DEPTH", "flatten", "too_deep"]

# libxml2's HTML parser stops at this depth: what is nested deeper is lost.
MAX_DEPTH = 255
# Containers that shape a page's layout, not its text: a fallback may drop them to flatten deep markup.
_LAYOUT_TAG = re.compile(r"</?(?:div|span|section|aside|nav|font|center|table|tbody|thead|tfoot|tr|td|th"
                         r"|figure|form|label|b|i|u|em|strong|small|big|a)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
# Elements that are never closed, or closed implicitly by the next one: they do not deepen the tree.
_FLAT_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                            "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"})


def too_deep(html: str | bytes) -> bool:
    """Whether the markup nests deeper than `MAX_DEPTH` elements (an estimate: tags counted, not parsed)."""
    text = html if isinstance(html, str) else html.decode("latin-1")
    depth = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT_ELEMENTS:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > MAX_DEPTH:
            return True
    return False


def flatten(html: str | bytes) -> str:
    """`html` (bytes read as UTF-8) without its layout containers: div, span, section, table cells..."""
    text = html if isinstance(html, str) else html.decode("utf-8", "replace")
    return _LAYOUT_TAG.sub(" ", text)
