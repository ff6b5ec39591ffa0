"""How numbers and figures read, in alerts, summaries, tables and reports alike.

    >>> format_number(188663.0), format_number(2.5), format_number(None)
    ('188,663', '2.5', '?')
    >>> format_figure(4000, "more_than", "people")
    'more than 4,000 people'

A leaf module: every layer may use it, it uses none.
"""

from __future__ import annotations

__all__ = ["QUALIFIER_WORDS", "format_figure", "format_number", "plain_number"]

QUALIFIER_WORDS = {"exact": "", "more_than": "more than", "less_than": "less than", "at_least": "at least",
                   "up_to": "up to", "about": "about", "nearly": "nearly"}
# Units written against the number, as readers expect ("2.5%"); every other unit follows a space.
_SIGNS = frozenset({"%", "‰"})
# Beyond this many decimals a value is float noise, not a figure anyone reported.
_DECIMALS = 6


def plain_number(value: float | int | None) -> float | int | None:
    """A whole float as an int (4000.0 -> 4000), others unchanged: how values are stored and exported."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def format_number(value: float | int | None, missing: str = "?") -> str:
    """188663 -> '188,663'; 2.5 -> '2.5'; None -> `missing`."""
    value = plain_number(value)
    if value is None:
        return missing
    if isinstance(value, float):
        return f"{round(value, _DECIMALS):,}"
    return f"{value:,}"


def format_figure(
    value: float | int | None, qualifier: str | None = None, unit: str | None = None, missing: str = "?"
) -> str:
    """A figure as a reader says it: 'more than 4,000', '12.5 percent', 'about 2,600,000,000 USD'."""
    words = QUALIFIER_WORDS.get(qualifier or "exact", (qualifier or "").replace("_", " "))
    text = format_number(value, missing)
    if unit:
        text = f"{text}{unit}" if unit in _SIGNS else f"{text} {unit}"
    return f"{words} {text}" if words else text
