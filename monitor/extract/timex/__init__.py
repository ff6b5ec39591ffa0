"""TIMEX3 temporal-expression tagger for English news, anchored to the document creation time (DCT).

    >>> [t.value for t in tag("The minister left on Monday.", "2020-04-01")]
    ['2020-03-30']
"""

from __future__ import annotations

from monitor.extract.timex.model import Timex, parse_dct
from monitor.extract.timex.tagger import tag

__all__ = ["Timex", "parse_dct", "tag"]
