"""When two reports are the same item: names compared loosely, identity keys, stable event ids, actors that
match ("Putin" ~ "Vladimir Putin"), and the (subject, metric) series a figure belongs to."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from monitor.track.entries import FIGURE_KIND, ItemLike, one_sentence

_DROP_RE = re.compile(r"[.\u2019'`]")
_SPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # a story's few names are compared with each other many times a version
def normalise_name(text: str | None) -> str:
    """Case-fold a name and drop what varies between outlets: dots, apostrophes, spacing, a leading 'the'."""
    if not text:
        return ""
    out = _SPACE_RE.sub(" ", _DROP_RE.sub("", unicodedata.normalize("NFKC", text))).strip().casefold()
    return out[4:] if out.startswith("the ") else out


def _value_key(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def identity_key(item: ItemLike) -> str:
    """The key that recognises the same item again, in another version or another source."""
    if item.kind == FIGURE_KIND:
        parts = (
            FIGURE_KIND,
            normalise_name(item.subject),
            normalise_name(item.metric),
            _value_key(item.value),
            item.qualifier or "exact",
            normalise_name(item.unit),
        )
        return "|".join(parts)
    if item.latent:
        # An undated report is recognised by its sentence alone: two outlets' undated words of one speaker
        # are two statements unless worded alike (timeline._same_happening), never one by their key.
        said = hashlib.sha256(one_sentence(item.evidence).encode()).hexdigest()[:16]
        return f"{item.kind}||~{said}"
    actors = sorted(normalise_name(a) for a in item.actors if normalise_name(a))
    if actors:
        who = ";".join(actors)
    elif item.location or item.subject:
        who = "@" + normalise_name(item.location or item.subject)
    else:
        # Nothing names who or where: only the same sentence is the same event.
        who = "#" + " ".join(normalise_name(item.evidence).split()[:12])
    return f"{item.kind}|{item.date or ''}|{who}"


def event_id_for(story: str, key: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A stable id derived from story and key (so a rebuilt timeline gets the same ids), unique in `taken`."""
    base = "ev-" + hashlib.sha256(f"{story}\n{key}".encode()).hexdigest()[:12]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _name_tokens(name: str) -> list[str]:
    return normalise_name(name).split()


def actors_match(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same actors, allowing a surname for a full name ("Putin" ~ "Vladimir Putin")."""
    left = sorted((_name_tokens(x) for x in a if normalise_name(x)), key=len)
    right = [_name_tokens(x) for x in b if normalise_name(x)]
    if len(left) != len(right):
        return False
    unused = list(right)
    for tokens in left:
        for cand in unused:
            short, long_ = sorted((tokens, cand), key=len)
            if long_[len(long_) - len(short):] == short:
                unused.remove(cand)
                break
        else:
            return False
    return True


def series_of(subject: str | None, metric: str | None) -> tuple[str, str] | None:
    """The (subject, metric) series a figure belongs to, compared loosely; None without both."""
    s, m = normalise_name(subject), normalise_name(metric)
    return (s, m) if s and m else None
