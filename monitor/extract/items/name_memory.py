"""What a document learns of its names as it is read: surnames and titles that stand for a full name told
earlier, its organisations, and the capitalised words it uses as names on their own (the names module finds
the names; this remembers them for the sentences after)."""

from __future__ import annotations

import re

from monitor.extract.items.document import Doc, Entity, overlaps, tokenize
from monitor.extract.items.linking import is_acronym
from monitor.extract.sentences import Sentence
from monitor.extract.wordforms import word_tags


def learn_names(doc: Doc, found: list[Entity]) -> None:
    """Surnames (to expand later mentions) and organisations (for "the company") of a sentence's names."""
    for ent in found:
        if ent.kind in ("person", "org", "name"):
            doc.names_read[ent.name] = doc.names_read.get(ent.name, False) or ent.titled
            if _full_form(ent, doc):
                doc.full_names.setdefault(ent.name)
        if ent.kind == "person" and " " in ent.name and ent.name in doc.full_names:
            # "Patrick W. Carlineo Jr": the surname is Carlineo, not the suffix after it
            parts = [w for w in ent.name.split() if w.lower().rstrip(".") not in doc.lex.name_suffixes]
            if len(parts) > 1:
                doc.surname.setdefault(parts[-1], ent.name)
                article, joined, bare = parts[-1].partition("-")
                if joined and article.islower():  # "Bashar al-Assad" is "Assad" too
                    doc.surname.setdefault(bare, ent.name)
        title = _TITLE_BEFORE_RE.search(doc.text, max(0, ent.start - 40), ent.start) if ent.titled else None
        if ent.kind == "person" and title and title.group(1).lower() in doc.lex.titles:
            doc.by_title.setdefault(title.group(1).lower(), ent.name)
        if ent.kind == "org":
            doc.orgs.append(ent.name)


# The title right before a name ("President Donald Trump", "Gov. Kristi Noem"), its full stop aside.
_TITLE_BEFORE_RE = re.compile(r"\b([A-Za-z]+)\.?\s+\Z")


def _full_form(ent: Entity, doc: Doc) -> bool:
    """Whether a name may stand for its short forms told anywhere in the document: an organisation's name
    or acronym, or a person's name whose first word is a given name, not an English word caught at the
    start of a sentence ("Whatever Apple", "Within Delhi"): a title vouches for it ("President Xi
    Jinping"), else its first word is no English word, function word or pronoun."""
    if ent.kind == "org":
        return " " in ent.name or is_acronym(ent.name)
    if ent.kind != "person" or " " not in ent.name:
        return False
    if ent.titled:
        return True
    first = ent.name.split()[0].lower()
    lex = doc.lex
    return not word_tags(first) and first not in lex.function_words and first not in lex.pronouns


def prime_names(doc: Doc, sentences: list[Sentence]) -> None:
    """Learn which words are names on their own from their use, capitalised and alone, mid-sentence."""
    for s in sentences:
        toks = doc.tokens[s.start] = tokenize(doc.text, s.start, s.end)
        datelines = doc.datelines_in(s.start, s.end)
        for i in range(1, len(toks)):
            tok = toks[i]
            if not tok.cap:
                continue
            prev = toks[i - 1]
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                tok.text[:1].isalpha()
                and prev.text not in '.!?"“:'
                and not overlaps(prev.start, prev.end, datelines)  # a dateline's dash opens a sentence
                and not prev.cap
                and not (nxt is not None and nxt.cap)
            ):
                doc.known_caps.add(tok.text)
