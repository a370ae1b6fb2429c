"""The programme summary, defined once: what the summary pane shows and what its copies
and exports say (:func:`tui.core.formats.summary_text`, :func:`~tui.core.formats.summary_markdown`).

First the headline figures, what a reader came for: how many firms signed (with
the groups and how many the article names), then every fact the file marks
``figure = true``, in file order. Then the programme's facts, and the
ceremony's totals (each with the words that state it) and its other facts, in
full. A figure is a fact like any other, quote included, so moving onto it
lights its sentence; the pane draws the figures one line each. A new summary
line is one entry here, and every place that shows the summary shows it.

Totals the article never states are derived facts, shown as such everywhere:
the firms not named (``17 signed − 8 named``), a group whose count the file
derives (``17 signed − 15 from mainland China``), and the key-figures line that
puts the totals together.
"""

from __future__ import annotations

from tui.core.model import Dataset, Derivation, Fact, Group
from tui.core.records import NamedTuple

FIGURES_TITLE = "Key figures"


class Section(NamedTuple):
    title: str
    facts: tuple[Fact, ...]


def signed_figure(dataset: Dataset) -> Fact:
    """The signed total as one line: the count, each group's share, how many are named.
    Put together from the ceremony's totals, so it is derived, and says from what; it
    lights the sentences of the totals it is made of."""
    ceremony = dataset.ceremony
    signed = ceremony.signed
    groups = ", ".join(f"{group.size} {group.label}" for group in ceremony.groups)
    how = "; ".join(
        [
            f"{signed.value} signed (quoted)",
            *(_group_source(group) for group in ceremony.groups),
            f"{len(dataset.firms)} named in the article",
        ]
    )
    quotes = [signed.quote]
    for group in ceremony.groups:
        quotes += [group.quote] if group.quote is not None else list(group.derivation.quotes if group.derivation else ())
    lit = tuple({(quote.start, quote.end): quote for quote in quotes}.values())
    derivation = Derivation(how, ("ceremony.signed", "ceremony.groups", "firms"), lit)
    return Fact("Firms signed", f"{signed.value}: {groups}; {len(dataset.firms)} named", None, figure=True, derivation=derivation)


def _group_source(group: Group) -> str:
    if group.derivation is not None:
        return f"{group.size} {group.label} = {group.derivation.how}"
    return f"{group.size} {group.label} (quoted)"


def group_fact(group: Group) -> Fact:
    """A group's share: quoted, or derived as the file says."""
    return Fact(f"From {group.label}", str(group.size), group.quote, derivation=group.derivation)


def unnamed_fact(dataset: Dataset) -> Fact:
    """How many signed firms the article names, and the rest it doesn't: derived, never quoted."""
    ceremony = dataset.ceremony
    signed, named = ceremony.signed.value, len(dataset.firms)
    derivation = Derivation(f"{signed} signed − {named} named", ("ceremony.signed", "ceremony.named"), (ceremony.signed.quote,))
    value = f"{named} of {signed} (the other {signed - named} are not named in the source)"
    return Fact("Named in the article", value, None, derivation=derivation)


def summary_sections(dataset: Dataset) -> list[Section]:
    """The figures, then the programme, then the ceremony with its totals first; every figure with its quote."""
    programme = dataset.programme
    ceremony = dataset.ceremony
    signed = ceremony.signed
    totals = (
        Fact("Firms signed", str(signed.value), signed.quote),
        *(group_fact(group) for group in ceremony.groups),
        unnamed_fact(dataset),
    )
    marked = tuple(fact for fact in (*programme.facts, *ceremony.facts) if fact.figure)
    return [
        Section(FIGURES_TITLE, (signed_figure(dataset), *marked)),
        Section(f"{programme.short_name}: {programme.name}", programme.facts),
        Section("Signing ceremony", totals + ceremony.facts),
    ]
