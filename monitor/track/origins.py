"""Independent origins: wire copy republished by several outlets is one origin, not corroboration (pure).

A document's fingerprint is the set of its long sentences, each hashed (8 bytes of BLAKE2b over the
case-folded sentence, spacing collapsed), so it is small enough to store with every version (~250 bytes for
a news article) and copies are found without the texts. Two documents are copies of one origin when they
share at least `MIN_SHARED` long sentences and at least `MIN_CONTAINMENT` of the shorter one's: an outlet
that adds its own paragraphs, a headline or a byline to a wire story, or trims its end, is still a copy; two
outlets' own reports of one happening share few sentences word for word. Copies group transitively (a
copy of a copy).

    fp = fingerprint(text)                                     # bytes, stored with the version
    origins({"https://a/x": fp_a, "https://b/y": fp_b, ...})   # {url: the first url of its origin}

Thresholds chosen on the 181 real pages of ../shared/data/article-html (181 different articles, several of
one story by different outlets; benchmarks/origins_threshold.py): of their 16,290 pairs, 10 share any long
sentence, the most 5 sentences, 0.25 of the shorter page's (two press releases of one company sharing its
"About" paragraph), so none is a copy by these thresholds; a republished wire story shares nearly all.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping

_SENTENCE_END_RE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[\"\u201c'(\[]?[A-Z0-9])|\n+")
_SPACE_RE = re.compile(r"\s+")

MIN_WORDS = 8  # shorter sentences ("Read more.", datelines, captions) are common to unrelated pages
MIN_SHARED = 3
MIN_CONTAINMENT = 0.5
_HASH_BYTES = 8


def fingerprint(text: str) -> bytes:
    """The sorted, distinct hashes of the long sentences of `text`, concatenated (8 bytes each).

    Sentences are cut by a plain rule (an end mark before a capital or digit, or a line break), ten times
    faster than the sentence splitter and the same for both copies: it runs on every new version."""
    hashes = set()
    for sentence in _SENTENCE_END_RE.split(text):
        words = _SPACE_RE.sub(" ", sentence).strip().casefold()
        if words.count(" ") + 1 >= MIN_WORDS:
            hashes.add(hashlib.blake2b(words.encode("utf-8"), digest_size=_HASH_BYTES).digest())
    return b"".join(sorted(hashes))


def _hashes(fp: bytes) -> frozenset[bytes]:
    return frozenset(fp[i:i + _HASH_BYTES] for i in range(0, len(fp) - _HASH_BYTES + 1, _HASH_BYTES))


def containment(a: bytes, b: bytes) -> float:
    """Shared long sentences over the shorter document's (0 when either has none)."""
    ha, hb = _hashes(a), _hashes(b)
    if not ha or not hb:
        return 0.0
    return len(ha & hb) / min(len(ha), len(hb))


def origins(fingerprints: Mapping[str, bytes], order: Iterable[str] | None = None) -> dict[str, str]:
    """Each URL -> the first URL (in `order`, default the mapping's) of the near-identical documents it is one
    of; a URL with no copy maps to itself. Near-linear: only documents sharing a sentence are compared."""
    urls = [u for u in (order if order is not None else fingerprints) if u in fingerprints]
    sets = {u: _hashes(fingerprints[u]) for u in urls}
    parent = {u: u for u in urls}
    rank = {u: i for i, u in enumerate(urls)}

    def root(u: str) -> str:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    postings: dict[bytes, list[str]] = {}
    for url in urls:
        shared: Counter[str] = Counter()
        for h in sets[url]:
            for other in postings.get(h, ()):
                shared[other] += 1
            postings.setdefault(h, []).append(url)
        for other, count in shared.items():
            if count >= MIN_SHARED and count >= MIN_CONTAINMENT * min(len(sets[url]), len(sets[other])):
                a, b = root(url), root(other)
                if a != b:
                    first, second = sorted((a, b), key=rank.__getitem__)
                    parent[second] = first
    return {u: root(u) for u in urls}
