"""The facts of an announcement, as plain immutable objects.

Everything here is produced by :mod:`tui.core.loader` after validation, so the rest of
the program can trust it: every quote has been found in the article and every
total adds up. Nothing in the data layer imports Textual.

The records are NamedTuples, made the one way the data layer makes records
(see :mod:`tui.core`).
"""

from __future__ import annotations

from tui import TYPE_CHECKING
from tui.core.records import NamedTuple

if TYPE_CHECKING:  # names for annotations only: typing is not imported at run time
    from typing import Optional

    from tui.core.sentences import Sentences

NOT_STATED = "not stated"
"""What the data file says where the article is silent (instead of a value)."""

NOT_STATED_TEXT = "not stated in the source"
"""What a reader is shown there: in the panes, the copies and every export."""

ALIASES_LABEL = "Also written"
"""How a firm's other spellings are labelled: in the detail pane, the copies and the exports alike."""


class Quote(NamedTuple):
    """Words copied exactly from the article, with where they are in it.

    ``start``/``end`` bound the quoted words; ``sentence_start``/``sentence_end``
    bound the whole sentence around them, which is what the source pane lights up.
    """

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


class Derivation(NamedTuple):
    """How a value the article never states is computed from what it does state.

    ``how`` is the arithmetic in words, checked by the loader (``17 signed − 8 named``);
    ``rests_on`` names what it is computed from, as key paths into the data file
    (``ceremony.signed``); ``quotes`` are the quotes behind those, the sentences the
    source pane lights for the derived fact (none, if what it rests on quotes nothing).
    """

    how: str
    rests_on: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()


class Fact(NamedTuple):
    """One labelled statement. ``value is None`` means the article does not state it.

    A stated fact has a ``quote`` (and, where the value needs more than one sentence,
    ``more_quotes``), or a ``derivation`` instead of any quote. A ``note`` is the
    editor's, never the article's words: it is shown apart and labelled as such.
    """

    label: str
    value: Optional[str]
    quote: Optional[Quote]
    figure: bool = False
    """A headline figure (the file's ``figure = true``): the summary shows it first, on one line."""
    more_quotes: tuple[Quote, ...] = ()
    derivation: Optional[Derivation] = None
    note: Optional[str] = None

    @property
    def stated(self) -> bool:
        return self.value is not None

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """The article's words behind the value: its quote and any more (none for a derived fact)."""
        return (self.quote, *self.more_quotes) if self.quote is not None else self.more_quotes

    @property
    def lit_quotes(self) -> tuple[Quote, ...]:
        """What the source pane lights for this fact: its quotes, or, for a derived fact, the
        quotes of what it rests on."""
        if self.derivation is not None:
            return self.derivation.quotes
        return self.quotes


class Person(NamedTuple):
    name: str
    role: str
    quote: Quote

    def as_fact(self) -> Fact:
        return Fact("Person", f"{self.name}, {self.role}", self.quote)


class Subsidiary(NamedTuple):
    name: str
    quote: Quote

    def as_fact(self) -> Fact:
        return Fact("Subsidiary", self.name, self.quote)


class Firm(NamedTuple):
    """A firm the article names."""

    id: str
    name: str
    aliases: tuple[str, ...]
    group: str
    origin: Fact
    sector: Fact
    people: tuple[Person, ...] = ()
    subsidiaries: tuple[Subsidiary, ...] = ()
    facts: tuple[Fact, ...] = ()

    def fact_rows(self) -> tuple[Fact, ...]:
        """Everything known about the firm as a flat list of facts, in reading order.

        The detail pane, the copy formats and the source highlighting all walk
        this one list, so they always agree on what a firm's facts are.
        """
        return tuple(fact for _key, fact in self.keyed_fact_rows())

    def keyed_fact_rows(self) -> tuple[tuple[str, Fact], ...]:
        """:meth:`fact_rows`, each with where it is in the firm's table ("origin",
        "facts[3]", "people[0]"…).

        What it is and does first (origin, sector, then its facts in the file's order:
        the order the editor chose, the news first), then who speaks for it and what it
        owns: a reader looking for a firm's investment finds it near the top of its detail.
        """
        return (
            ("origin", self.origin),
            ("sector", self.sector),
            *((f"facts[{index}]", fact) for index, fact in enumerate(self.facts)),
            *((f"people[{index}]", person.as_fact()) for index, person in enumerate(self.people)),
            *((f"subsidiaries[{index}]", subsidiary.as_fact()) for index, subsidiary in enumerate(self.subsidiaries)),
        )

    def quotes(self) -> list[Quote]:
        """The quotes behind this firm's facts (what a derived fact rests on included), in
        reading order, without repeats."""
        seen: dict[tuple[int, int], Quote] = {}
        for fact in self.fact_rows():
            for quote in fact.lit_quotes:
                seen.setdefault((quote.start, quote.end), quote)
        return list(seen.values())


class Count(NamedTuple):
    """A declared number with the words that state it."""

    value: int
    quote: Quote


class Group(NamedTuple):
    """A share of the signed firms (e.g. "mainland China": 15): its size quoted, or derived
    from other totals where the article never states it (``quote`` is then None)."""

    id: str
    label: str
    size: int
    """How many signed firms are in it (the file's ``count``)."""
    quote: Optional[Quote]
    derivation: Optional[Derivation] = None


class Programme(NamedTuple):
    name: str
    short_name: str
    facts: tuple[Fact, ...]


class Ceremony(NamedTuple):
    signed: Count
    named: int
    unnamed: int
    groups: tuple[Group, ...]
    facts: tuple[Fact, ...]

    def group(self, group_id: str) -> Optional[Group]:
        return next((g for g in self.groups if g.id == group_id), None)


class Source(NamedTuple):
    title: str
    text: str


class Dataset:
    """A whole data file: the article, the programme, the ceremony and the named firms."""

    __slots__ = ("_by_id", "_sentences", "ceremony", "firms", "path", "programme", "schema_version", "source")

    def __init__(
        self,
        schema_version: int,
        path: str,
        source: Source,
        programme: Programme,
        ceremony: Ceremony,
        firms: tuple[Firm, ...],
        sentences: Optional[Sentences] = None,
    ) -> None:
        self.schema_version = schema_version
        self.path = path
        self.source = source
        self.programme = programme
        self.ceremony = ceremony
        self.firms = firms
        self._by_id = {firm.id: firm for firm in firms}
        self._sentences = sentences

    @property
    def sentences(self) -> Sentences:
        """The article's sentences, as the loader found them for the quotes (found here if it didn't)."""
        if self._sentences is None:
            from tui.core.sentences import Sentences

            self._sentences = Sentences(self.source.text)
        return self._sentences

    def __repr__(self) -> str:
        return f"Dataset({self.path!r}, {len(self.firms)} firms)"

    def firm(self, firm_id: str) -> Optional[Firm]:
        """The firm with id ``firm_id``, compared ignoring case as a user types it (``IFLYTEK``):
        the loader refuses two ids that differ only in case, so there is at most one."""
        found = self._by_id.get(firm_id)
        if found is None:  # a miss or another case: one pass, not a second index built for every load
            folded = firm_id.casefold()
            found = next((firm for firm in self.firms if firm.id.casefold() == folded), None)
        return found

    def all_facts(self) -> list[Fact]:
        """Every fact in the file: the programme's, the ceremony's, then each firm's."""
        facts = [*self.programme.facts, *self.ceremony.facts]
        for firm in self.firms:
            facts.extend(firm.fact_rows())
        return facts

    def quote_count(self) -> int:
        """How many quotes the file ties to the article (facts, the signed total, the groups)."""
        quoted_groups = sum(1 for group in self.ceremony.groups if group.quote is not None)
        return sum(len(fact.quotes) for fact in self.all_facts()) + 1 + quoted_groups
