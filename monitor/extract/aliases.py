"""The alias table: other names of one organisation, each mapped to its canonical name.

Read from monitor/extract/data/en/aliases.yaml and extended by the config's `extraction.aliases` (same
shape: canonical name -> list of other names). An alias in capitals is an acronym and is keyed as written
(the pronoun "who" is never the WHO); every other alias, and each canonical name, is keyed in lower case.

    >>> table = alias_table({"World Health Organization": ["WHO"]}, (("Acme Corporation", ("ACX",)),))
    >>> table["ACX"], table["acme corporation"], table["WHO"]
    ('Acme Corporation', 'Acme Corporation', 'World Health Organization')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from monitor.errors import ConfigError

_LONGEST = 200  # characters of one name: a table entry longer than this is no name


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalnum()


def _key(alias: str) -> str:
    alias = " ".join(alias.split())
    return alias if _is_acronym(alias) else alias.lower()


def _add(table: dict[str, str], canonical: str, aliases: Sequence[str]) -> None:
    canonical = " ".join(canonical.split())
    table[canonical.lower()] = canonical
    for alias in aliases:
        table[_key(alias)] = canonical


def alias_table(
    bundled: Mapping[str, Sequence[str]], extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> dict[str, str]:
    """alias key -> canonical name: the bundled table (aliases.yaml, read by monitor.extract.lexicon), then
    `extra` (the config's, which wins on a shared alias)."""
    table: dict[str, str] = {}
    for canonical, names in bundled.items():
        _add(table, canonical, names)
    for canonical, more in extra:
        _add(table, canonical, more)
    return table


def check_aliases(value: Mapping[str, Sequence[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The config's `extraction.aliases`, validated and frozen; ConfigError naming the entry when it is
    not a mapping of names to non-empty lists of names."""
    if not value:
        return ()
    if not isinstance(value, Mapping):
        raise ConfigError("extraction.aliases: expected a mapping of canonical name -> list of other names")
    out: list[tuple[str, tuple[str, ...]]] = []
    for canonical, aliases in value.items():
        where = f"extraction.aliases.{canonical}"
        if not isinstance(canonical, str) or not canonical.strip() or len(canonical) > _LONGEST:
            raise ConfigError(f"extraction.aliases: {canonical!r} is not a name (1 to {_LONGEST} characters)")
        if isinstance(aliases, str) or not isinstance(aliases, Sequence) or not aliases:
            raise ConfigError(f"{where}: expected a non-empty list of other names")
        clean: list[str] = []
        for i, alias in enumerate(aliases):
            if not isinstance(alias, str) or not alias.strip() or len(alias) > _LONGEST:
                raise ConfigError(f"{where}[{i}]: {alias!r} is not a name (1 to {_LONGEST} characters)")
            clean.append(alias.strip())
        out.append((canonical.strip(), tuple(clean)))
    return tuple(out)
