"""The statistic read in a sentence, shared by the figure readers (figures, figure_shapes, conversions)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FigureMention"]


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A statistic in a sentence; offsets are relative to the sentence text."""

    start: int  # start of the whole expression (qualifier or currency sign included)
    end: int  # end of the metric phrase (or of the number when the metric came from before it)
    num_start: int
    num_end: int
    value: int | float
    qualifier: str
    metric: str | None
    unit: str | None
