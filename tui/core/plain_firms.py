"""The usual firm, read in one pass: the loader's fast path for ``[[firms]]``.

Nearly every firm in a file is plain: known keys only, printable one-line strings, each
quote found once in the article, no notes or extra quotes. Read through the getters of
:class:`~tui.core.toml_table.Table`, which record every way a value can be wrong, such a
firm cost more than parsing it (a table object and a key path for every part, a call per
check). :meth:`PlainFirms.firm` applies the same tests to the same values in one pass and
builds the same :class:`~tui.core.model.Firm`; for anything else it says None, and the
loader reads that firm the long way, which finds and words every problem. So a file is
accepted or refused exactly as before; the long way is only slower (``tests/test_plain_firms.py``
holds the two to the same result). The figure rule (:mod:`tui.core.derivations`) runs on
what this builds, as on what the long way builds.
"""

from __future__ import annotations

from tui import TYPE_CHECKING
from tui.core.model import NOT_STATED, Fact, Firm, Person, Quote, Subsidiary
from tui.core.toml_table import blank

if TYPE_CHECKING:
    from typing import Any, Optional

    from tui.core.article import Article

FIRM_KEYS = frozenset({"id", "name", "aliases", "group", "origin", "sector", "people", "subsidiaries", "facts"})
PERSON_KEYS = frozenset({"name", "role", "quote"})
SUBSIDIARY_KEYS = frozenset({"name", "quote"})
_PLAIN_FACT_KEYS = frozenset({"label", "value", "quote", "note"})
"""A fact with one quote and perhaps a note: ``more_quotes`` and ``derived`` go the long way."""
_PLAIN_FIELD_KEYS = frozenset({"value", "quote", "note"})
MAX_ID = 200

_new = tuple.__new__
"""Records made with every field given, in order: ``_new(Fact, (label, value, quote, figure,
more_quotes, derivation, note))`` is ``Fact(label, value, quote, note=note)`` at half the cost
(a record's own constructor is a Python function; this reads 10,000 firms' worth)."""


def plain_text(value: Any) -> bool:
    """Whether ``value`` is a string the loader takes as it is: not blank, and printable
    (so no control, bidirectional or line-separating character), and not made only of
    characters that show nothing (``Table.check_text``'s tests, when printable). A string
    whose first character past any spaces is ASCII shows something, without a regex."""
    if type(value) is not str or not value.isprintable():
        return False
    stripped = value.strip()
    return bool(stripped) and (stripped[0].isascii() or not blank(value))


def plain_id(value: Any) -> bool:
    """An id as ``_Builder.identifier`` takes it without a second look: 1–200 printable ASCII
    characters and no space."""
    return type(value) is str and 0 < len(value) <= MAX_ID and value.isascii() and value.isprintable() and " " not in value


class PlainFirms:
    """Reads plain firms against one article, remembering each quote's verdict (plain, found
    once, cutting no character): quotes are the article's passages, so a large file
    repeats them, and each is then one lookup."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._quotes: dict[str, Optional[Quote]] = {}

    def quote(self, words: Any) -> Optional[Quote]:
        """``words`` as a sound :class:`Quote`, or None for anything else (not a plain string,
        not found once, cutting a character)."""
        try:
            return self._quotes[words]
        except (KeyError, TypeError):  # TypeError: a table or an array where a quote should be
            if type(words) is not str:
                return None
            found = self._quotes[words] = self.article.sound_quote(words) if plain_text(words) else None
            return found

    def fact(self, label: str, value: Any, words: Any, note: Any) -> Optional[Fact]:
        """A fact whose ``label`` is known to be plain."""
        if value == NOT_STATED or not plain_text(value) or (note is not None and not plain_text(note)):
            return None
        found = self.quote(words)
        return None if found is None else _new(Fact, (label, value, found, False, (), None, note))

    def firm(self, data: dict[str, Any], taken_ids: dict[str, Any]) -> Optional[Firm]:
        """``data`` as a :class:`Firm` if it is plain (see the module's docstring), else None.
        ``taken_ids`` holds the ids read so far, casefolded: a repeated one goes the long way,
        which says where it was first used. Nothing is recorded here; the caller records the id."""
        if not FIRM_KEYS.issuperset(data):
            return None
        firm_id: Any = data.get("id")
        name: Any = data.get("name")
        group: Any = data.get("group")
        if not (plain_id(firm_id) and plain_text(name) and plain_text(group)) or firm_id.lower() in taken_ids:
            return None
        aliases: Any = data.get("aliases")
        if aliases is None:
            aliases = ()
        elif type(aliases) is list:
            for alias in aliases:
                if not plain_text(alias):
                    return None
            aliases = tuple(aliases)
        else:
            return None
        origin = self.field(data.get("origin"), "Origin")
        if origin is None:
            return None
        sector = self.field(data.get("sector"), "Sector")
        if sector is None:
            return None
        people = self.people(data.get("people"))
        if people is None:
            return None
        subsidiaries = self.subsidiaries(data.get("subsidiaries"))
        if subsidiaries is None:
            return None
        facts = self.facts(data.get("facts"))
        if facts is None:
            return None
        return _new(Firm, (firm_id, name, aliases, group, origin, sector, people, subsidiaries, facts))

    def field(self, value: Any, label: str) -> Optional[Fact]:
        """An origin or sector: ``{ value, quote }`` (and perhaps a note), or the string "not stated"."""
        if value == NOT_STATED:
            return _new(Fact, (label, None, None, False, (), None, None))
        if type(value) is not dict or not _PLAIN_FIELD_KEYS.issuperset(value):
            return None
        return self.fact(label, value.get("value"), value.get("quote"), value.get("note"))

    def people(self, items: Any) -> Optional[tuple[Person, ...]]:
        tables = _tables(items, PERSON_KEYS)
        if tables is None:
            return None
        people = []
        for table in tables:
            name: Any = table.get("name")
            role: Any = table.get("role")
            quote = self.quote(table.get("quote"))
            if quote is None or not (plain_text(name) and plain_text(role)):
                return None
            people.append(_new(Person, (name, role, quote)))
        return tuple(people)

    def subsidiaries(self, items: Any) -> Optional[tuple[Subsidiary, ...]]:
        tables = _tables(items, SUBSIDIARY_KEYS)
        if tables is None:
            return None
        subsidiaries = []
        for table in tables:
            name: Any = table.get("name")
            quote = self.quote(table.get("quote"))
            if quote is None or not plain_text(name):
                return None
            subsidiaries.append(_new(Subsidiary, (name, quote)))
        return tuple(subsidiaries)

    def facts(self, items: Any) -> Optional[tuple[Fact, ...]]:
        tables = _tables(items, _PLAIN_FACT_KEYS)
        if tables is None:
            return None
        facts = []
        for table in tables:
            label: Any = table.get("label")
            fact = self.fact(label, table.get("value"), table.get("quote"), table.get("note")) if plain_text(label) else None
            if fact is None:
                return None
            facts.append(fact)
        return tuple(facts)


def _tables(items: Any, keys: frozenset[str]) -> Optional[list[dict[str, Any]]]:
    """An array of tables holding only ``keys`` (empty when absent); None otherwise."""
    if items is None:
        return []
    if type(items) is not list:
        return None
    for item in items:
        if type(item) is not dict or not keys.issuperset(item):
            return None
    return items
