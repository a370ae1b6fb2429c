"""Read a dataset file, refuse anything wrong with it, and build the model.

The loader never raises anything but :class:`DatasetError`, which carries every
problem found (not just the first), each with its key path and, where it can be
found, its line and column. The app and ``oases-tui check`` both load through
:func:`load_dataset`, so they accept and refuse exactly the same files.
"""

from __future__ import annotations

import os
import re

import tomli

from tui import TYPE_CHECKING
from tui.core.article import Article
from tui.core.characters import BIDI, C0_C1, INVISIBLE
from tui.core.collector import paused
from tui.core.derivations import Deriver
from tui.core.figures import Figure, figures
from tui.core.model import NOT_STATED, Ceremony, Count, Dataset, Derivation, Fact, Firm, Group, Person, Programme, Quote, Source, Subsidiary
from tui.core.plain_firms import FIRM_KEYS, MAX_ID, PERSON_KEYS, SUBSIDIARY_KEYS, PlainFirms
from tui.core.problems import DatasetError, Problem, visible
from tui.core.reading import read_text
from tui.core.toml_table import Table as _Table
from tui.core.toml_table import blank, invisible_only, type_name

if TYPE_CHECKING:
    from typing import Any, Optional, Union

SCHEMA_VERSION = 1

_ARTICLE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
"""What the article may not hold: characters.CONTROL less tab and newline (and CR before LF)."""
_ID_BAD = rf"[\s{C0_C1}{BIDI}{INVISIBLE}]"
"""What an id may not hold: spaces, controls and characters that show nothing, which no one
could see in a hint or type after ``--firm`` (a pattern for re to compile on first use:
see tui.core.characters)."""

_TOP_KEYS = frozenset({"schema_version", "source", "programme", "ceremony", "firms"})
_SOURCE_KEYS = frozenset({"title", "text"})
_PROGRAMME_KEYS = frozenset({"name", "short_name", "facts"})
_CEREMONY_KEYS = frozenset({"signed", "named", "unnamed", "groups", "facts"})
_COUNT_KEYS = frozenset({"count", "quote"})
_GROUP_KEYS = frozenset({"id", "label", "count", "quote", "derived"})
_FACT_EXTRA_KEYS = frozenset({"more_quotes", "derived", "note"})
"""What a fact may carry beyond its label, value and quote: more quotes, or a derivation instead
of any quote (:mod:`tui.core.derivations`), and an editor's note."""
_FACT_KEYS = frozenset({"label", "value", "quote"}) | _FACT_EXTRA_KEYS
_SUMMARY_FACT_KEYS = _FACT_KEYS | {"figure"}
"""The programme's and the ceremony's facts may be marked as headline figures; a firm's may not."""
_FIELD_KEYS = frozenset({"value", "quote", "note"})

_FIELD_FIGURES_KEPT = 10_000
"""How many distinct origins and sectors :meth:`_Builder.field_figures` remembers: far more
than a real file has, and a bound for a file whose every firm has its own."""

_MAX_SUGGESTIONS = 20
"""Closest-passage suggestions are costly on a huge article; the first few are what helps."""


def load_dataset(path: Union[str, os.PathLike[str]]) -> Dataset:
    """Load and validate the dataset at ``path``; raise :class:`DatasetError` if it is unusable."""
    file = os.fspath(path)
    text = read_text(file)
    with paused():  # parsing and building make millions of objects and no cycles (see tui.core.collector)
        document = parse_toml(text, file)
        problems: list[Problem] = []
        dataset = _Builder(file, problems).dataset(document)
        if problems or dataset is None:  # still without the collector: there may be 800,000 problems
            from tui.core.locate import locate_all  # only a refused file needs line numbers

            located = locate_all(problems, text)
            located.sort(key=lambda problem: (problem.line is None, problem.line or 0, problem.column or 0))
            raise DatasetError(file, located)
    return dataset


def parse_toml(text: str, file: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = getattr(error, "msg", None) or str(error).split(" (at ")[0]
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        raise DatasetError(file, [Problem("", f"TOML syntax error: {message}", line, column)]) from None
    except RecursionError:
        raise DatasetError(file, [Problem("", "TOML nested too deeply to read")]) from None


class _Builder:
    """Turns a parsed TOML document into a :class:`Dataset`, collecting every problem."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self.article = Article("")
        self.suggestions = 0
        self.deriver = Deriver({}, self.article, self.problem)
        self._field_figures: dict[str, list[Figure]] = {}

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def dataset(self, document: dict[str, Any]) -> Optional[Dataset]:
        if "schema_version" not in document:
            # Without a version we can't know which schema to hold the file to,
            # and listing every difference from ours would bury the real news.
            message = f"not an oases-tui dataset: it must begin with schema_version = {SCHEMA_VERSION}"
            self.problems.append(Problem("schema_version", message, 1, 1))
            return None
        top = _Table(document, "", self.problems, _TOP_KEYS)
        version = top.integer("schema_version")
        if version is not None and version != SCHEMA_VERSION:
            top.problem("schema_version", f"version {version} is not supported (this oases-tui reads {SCHEMA_VERSION})")
            return None
        source = self.source(top.table("source", _SOURCE_KEYS))
        if source is None:
            return None  # without the article no quote can be checked
        self.article = Article(source.text)
        self.deriver = Deriver(document, self.article, self.problem)
        programme = self.programme(top.table("programme", _PROGRAMME_KEYS))
        ceremony = self.ceremony(top.table("ceremony", _CEREMONY_KEYS))
        firms = self.firms(top)
        if ceremony is not None:
            self.check_totals(ceremony, firms)
        if self.problems or version is None or programme is None or ceremony is None:
            return None
        return Dataset(version, self.file, source, programme, ceremony, tuple(firms), self.article.sentence_index)

    def source(self, table: Optional[_Table]) -> Optional[Source]:
        if table is None:
            return None
        title = table.text("title")
        text: Optional[str] = table._get("text", str, True)
        if text is not None:
            bad = _ARTICLE_CONTROL.search(text)
            if not text.strip():
                table.problem("text", "the article is empty")
                text = None
            elif bad:
                line = text.count("\n", 0, bad.start()) + 1
                table.problem("text", f"contains a control character ({visible(bad.group())}) on article line {line}")
                text = None
        if title is None or text is None:
            return None
        return Source(title, text)

    def quote(self, table: _Table, key: str = "quote") -> Optional[Quote]:
        words = table.text(key)
        if words is None:
            return None
        found = self.article.resolve(words)
        if isinstance(found, Quote):
            cut = self.article.cut_character(found)
            if cut is None:
                return found
            table.problem(key, f"{cut}; quote the whole character")
            return None
        if found == 0:
            message = "not found word for word in the article"
            self.suggestions += 1
            forms = self.article.normalisation_differs(words)
            if forms:
                message += f"; the same words are there in another Unicode normalisation ({forms}): copy them from the article"
            elif self.suggestions <= _MAX_SUGGESTIONS:
                variant = self.article.typographic_variant(words)
                closest = None if variant else self.article.closest_passage(words)
                if variant:
                    message += f"; the article writes it “{variant}” (quote marks, dashes or spacing differ)"
                elif closest:
                    message += f"; closest passage: “{closest}” (⟦ ⟧: where the quote differs)"
        else:
            message = f"occurs {found} times in the article; quote more words so it points to one place"
        table.problem(key, message)
        return None

    def fact(self, table: _Table) -> Optional[Fact]:
        label = table.text("label")
        value = table.text("value")
        note = table.text("note", required=False)
        if value == NOT_STATED:
            for key in ("quote", "more_quotes", "derived"):
                if key in table.data:
                    table.problem(key, f'a fact whose value is "{NOT_STATED}" has no {key.replace("_", " ")}')
            return None if label is None else Fact(label, None, None, note=note)
        if "derived" in table.data:
            return self.derived_fact(table, label, value, note)
        quote = self.quote(table)
        more_quotes = self.more_quotes(table)
        if label is None or value is None or quote is None or more_quotes is None:
            return None
        fact = Fact(label, value, quote, more_quotes=more_quotes, note=note)
        self.deriver.check_figures(table.path, value, fact.quotes)
        return fact

    def derived_fact(self, table: _Table, label: Optional[str], value: Optional[str], note: Optional[str]) -> Optional[Fact]:
        """A fact computed from others: ``derived`` instead of any quote (see :mod:`tui.core.derivations`)."""
        for key in ("quote", "more_quotes"):
            if key in table.data:
                table.problem(key, "a derived fact has no quote: its value is computed, not the article's words")
        derivation = self.deriver.derivation(table.path, table.data["derived"], value) if value is not None else None
        if label is None or value is None or derivation is None:
            return None
        return Fact(label, value, None, derivation=derivation, note=note)

    def more_quotes(self, table: _Table) -> Optional[tuple[Quote, ...]]:
        """``more_quotes = [...]``: further sentences a value needs, each a quote; None if one is wrong."""
        if "more_quotes" not in table.data:
            return ()
        words = table._get("more_quotes", list, False)
        if words is None:
            return None
        if not words:
            table.problem("more_quotes", "is empty (leave it out, or list the further quotes)")
            return None
        quotes = []
        for index, item in enumerate(words):
            key = f"more_quotes[{index}]"  # read as a quote of its own, its problems at this key path
            quotes.append(self.quote(_Table({key: item}, table.path, self.problems, frozenset({key})), key))
        return tuple(quote for quote in quotes if quote is not None) if all(quotes) else None

    def facts(self, tables: list[_Table]) -> tuple[Fact, ...]:
        if not tables:
            return ()
        facts = (self.fact(table) for table in tables)
        return tuple(fact for fact in facts if fact is not None)

    def summary_facts(self, tables: list[_Table]) -> tuple[Fact, ...]:
        """Facts that may carry ``figure = true`` (a boolean; false is the same as leaving it out)."""
        facts = []
        for table in tables:
            fact = self.fact(table)
            figure = table._get("figure", bool, False) if "figure" in table.data else None
            if fact is not None:
                facts.append(fact._replace(figure=True) if figure else fact)
        return tuple(facts)

    def field(self, parent: _Table, key: str, label: str) -> Optional[Fact]:
        """A firm's origin or sector: ``{ value, quote }`` or the string "not stated"."""
        value = parent.data.get(key)
        if value == NOT_STATED:
            return Fact(label, None, None)
        if type(value) is str:
            parent.problem(key, f'expected {{ value = "...", quote = "..." }} or "{NOT_STATED}", found the string "{visible(value)}"')
            return None
        if type(value) is dict:  # what parent.table() would check, without looking it up again
            table: Optional[_Table] = _Table(value, parent.key_path(key), parent.problems, _FIELD_KEYS)
        else:
            table = parent.table(key, _FIELD_KEYS)
        if table is None:
            return None
        text = table.text("value")
        if text == NOT_STATED:
            table.problem("value", f'write {key} = "{NOT_STATED}" (no quote) where the article is silent')
            return None
        quote = self.quote(table)
        note = table.text("note", required=False)
        if text is None or quote is None:
            return None
        self.deriver.check_figures(table.path, text, (quote,))
        return Fact(label, text, quote, note=note)

    def programme(self, table: Optional[_Table]) -> Optional[Programme]:
        if table is None:
            return None
        name = table.text("name", name=True)
        short_name = table.text("short_name", name=True)
        facts = self.summary_facts(table.tables("facts", _SUMMARY_FACT_KEYS))
        if name is None or short_name is None:
            return None
        return Programme(name, short_name, facts)

    def ceremony(self, table: Optional[_Table]) -> Optional[Ceremony]:
        if table is None:
            return None
        signed_table = table.table("signed", _COUNT_KEYS)
        signed = None
        if signed_table is not None:
            count = signed_table.integer("count")
            quote = self.quote(signed_table)
            if count is not None and quote is not None:
                self.deriver.check_count(signed_table.path, count, quote)
                signed = Count(count, quote)
        named = table.integer("named")
        unnamed = table.integer("unnamed")
        groups = []
        seen: dict[str, tuple[str, str]] = {}
        for group_table in table.tables("groups", _GROUP_KEYS):
            group_id = self.identifier(group_table, seen)
            label = group_table.text("label")
            count = group_table.integer("count")
            quote, derivation = self.group_count_source(group_table, count)
            if group_id is not None and label is not None and count is not None and (quote or derivation) is not None:
                groups.append(Group(group_id, label, count, quote, derivation))
        if not groups and "groups" in table.data:
            pass  # the problems are already recorded
        elif not groups:
            table.problem("groups", "missing: at least one [[ceremony.groups]] (e.g. where the firms come from)")
        facts = self.summary_facts(table.tables("facts", _SUMMARY_FACT_KEYS))
        if signed is None or named is None or unnamed is None:
            return None
        return Ceremony(signed, named, unnamed, tuple(groups), facts)

    def group_count_source(self, table: _Table, count: Optional[int]) -> tuple[Optional[Quote], Optional[Derivation]]:
        """A group's size stands on its quote (which must state it) or on a derivation instead."""
        if "derived" not in table.data:
            quote = self.quote(table)
            if quote is not None and count is not None:
                self.deriver.check_count(table.path, count, quote)
            return quote, None
        if "quote" in table.data:
            table.problem("quote", "a group whose count is derived has no quote: the count is computed, not the article's words")
        if count is None:
            return None, None
        return None, self.deriver.derivation(table.path, table.data["derived"], str(count))

    def identifier(self, table: _Table, seen: dict[str, tuple[str, str]]) -> Optional[str]:
        value: Optional[str] = table._get("id", str, True)
        if value is None:
            return None
        bad = None if value.isascii() and value.isprintable() and " " not in value else re.search(_ID_BAD, value)
        if not value or bad or len(value) > MAX_ID:
            if not value:
                reason = "is empty"
            elif blank(value) and not value.isspace():
                reason = f"is empty: {invisible_only(value)}"
            elif bad and not bad.group().isspace() and visible(bad.group()) == bad.group():  # shows as nothing, not as an escape
                reason = f"contains U+{ord(bad.group()):04X}, an invisible character"
            elif bad:
                reason = f"contains '{visible(bad.group())}'"
            else:
                reason = f"is longer than {MAX_ID} characters"
            table.problem("id", f"{reason}: an id is 1–{MAX_ID} characters with no spaces, control or invisible characters")
            return None
        # Case-insensitive, as --firm finds them: two ids differing only in case would be one to it.
        first, spelled = seen.setdefault(value.casefold(), (table.path, value))
        if first != table.path:
            if spelled == value:
                table.problem("id", f"duplicate id {value!r} (first used at {first})")
            else:
                table.problem("id", f"duplicate id {value!r}: ids are compared ignoring case, and {spelled!r} is used at {first}")
            return None
        return value

    def firms(self, top: _Table) -> list[Firm]:
        """Every ``[[firms]]``: a plain one in one pass (:mod:`tui.core.plain_firms`), any
        other the long way, which records its problems."""
        if "firms" not in top.data:
            top.problem("firms", "missing: at least one [[firms]]")
        items = top._get("firms", list, False) or []
        firms = []
        seen: dict[str, tuple[str, str]] = {}
        plain = PlainFirms(self.article)
        for index, item in enumerate(items):
            firm = plain.firm(item, seen) if type(item) is dict else None
            if firm is not None:
                path = f"firms[{index}]"
                seen[firm.id.lower()] = (path, firm.id)  # as identifier() records it: an ASCII id casefolds to its lower()
                self.firm_figures(path, firm)
            elif type(item) is dict:
                firm = self.firm(_Table(item, f"firms[{index}]", self.problems, FIRM_KEYS), seen)
            else:
                self.problem(f"firms[{index}]", f"expected a table, found {type_name(item)}")
            if firm is not None:
                firms.append(firm)
        return firms

    def firm_figures(self, path: str, firm: Firm) -> None:
        """The figure rule over a firm read in one pass, as :meth:`firm` applies it on the long
        way. Key paths are only written for a value that gives a figure."""
        check = self.deriver.check_given
        for key, field in (("origin", firm.origin), ("sector", firm.sector)):
            if field.value is not None and field.quote is not None:
                given = self.field_figures(field.value)
                if given:
                    check(f"{path}.{key}.value", given, (field.quote,))
        for index, person in enumerate(firm.people):
            given = figures(person.role)
            if given:
                check(f"{path}.people[{index}].role", given, (person.quote,))
        for index, fact in enumerate(firm.facts):
            if fact.value is not None and fact.quote is not None:
                given = figures(fact.value)
                if given:
                    check(f"{path}.facts[{index}].value", given, (fact.quote,))

    def field_figures(self, value: str) -> list[Figure]:
        """The figures an origin or sector gives (not to be changed: the list is shared),
        remembered by value: these are categories ("Chinese (mainland)", "Robotics"), a few
        dozen in a file of any size. A firm's facts are its own, so theirs are not kept."""
        found = self._field_figures.get(value)
        if found is None:
            found = figures(value)
            if len(self._field_figures) < _FIELD_FIGURES_KEPT:
                self._field_figures[value] = found
        return found

    def firm(self, table: _Table, seen: dict[str, tuple[str, str]]) -> Optional[Firm]:
        firm_id = self.identifier(table, seen)
        name = table.text("name", name=True)
        aliases = table.names("aliases")
        group = table.text("group")
        origin = self.field(table, "origin", "Origin")
        sector = self.field(table, "sector", "Sector")
        people = []
        for person in table.tables("people", PERSON_KEYS):
            person_name, role, quote = person.text("name", name=True), person.text("role"), self.quote(person)
            if person_name is not None and role is not None and quote is not None:
                self.deriver.check_figures(person.path, role, (quote,), key="role")
                people.append(Person(person_name, role, quote))
        subsidiaries = []
        for subsidiary in table.tables("subsidiaries", SUBSIDIARY_KEYS):
            subsidiary_name, quote = subsidiary.text("name", name=True), self.quote(subsidiary)
            if subsidiary_name is not None and quote is not None:
                subsidiaries.append(Subsidiary(subsidiary_name, quote))
        facts = self.facts(table.tables("facts", _FACT_KEYS))
        if firm_id is None or name is None or group is None or origin is None or sector is None:
            return None
        return Firm(firm_id, name, aliases, group, origin, sector, tuple(people), tuple(subsidiaries), facts)

    def check_totals(self, ceremony: Ceremony, firms: list[Firm]) -> None:
        """The declared totals must agree with each other and with the firm records."""

        def problem(path: str, message: str) -> None:
            self.problems.append(Problem(path, message))

        if self.problems:
            return  # totals over a half-read file would only add noise
        signed = ceremony.signed.value
        if ceremony.named != len(firms):
            problem("ceremony.named", f"declares {ceremony.named} named firms, but the file has {len(firms)} [[firms]]")
        if ceremony.named + ceremony.unnamed != signed:
            problem("ceremony.unnamed", f"named ({ceremony.named}) + unnamed ({ceremony.unnamed}) must equal signed.count ({signed})")
        total = sum(group.size for group in ceremony.groups)
        if total != signed:
            problem("ceremony.groups", f"the groups' counts add up to {total}, but signed.count is {signed}")
        named_in: dict[str, int] = {}
        group_ids = {group.id for group in ceremony.groups}
        for index, firm in enumerate(firms):
            if firm.group not in group_ids:
                known = ", ".join(repr(group.id) for group in ceremony.groups)
                problem(f"firms[{index}].group", f"unknown group {firm.group!r} (the ceremony's groups are {known})")
            named_in[firm.group] = named_in.get(firm.group, 0) + 1
        for index, group in enumerate(ceremony.groups):
            if named_in.get(group.id, 0) > group.size:
                problem(
                    f"ceremony.groups[{index}].count",
                    f"{named_in[group.id]} named firms are in group {group.id!r}, more than its count ({group.size})",
                )
