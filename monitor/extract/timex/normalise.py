"""Normalisers: turn one rule match into a TIMEX3 (type, value, mod), anchored to the DCT.

Each rule in rules.yaml names one normaliser (`norm:`). A normaliser returns None to reject the match (e.g.
"May" in "Theresa May"), and the tagger then tries the next rule at that position. They live in
monitor.extract.timex.days and monitor.extract.timex.periods; importing them here fills the registry.
"""

from __future__ import annotations

from monitor.extract.timex import days, periods
from monitor.extract.timex.hit import NORMALISERS, Hit, Result

__all__ = ["NORMALISERS", "Hit", "Result", "days", "periods"]
