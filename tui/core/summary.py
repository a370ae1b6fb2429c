"""The programme summary, defined once: what the summary pane shows and what its copies
and exports say (:func:`tui.core.formats.summary_text`, :func:`~tui.core.formats.summary_markdown`).

First the headline figures, what a reader came for: how many firms signed (with
the groups and how many the article names), then every fact the file marks
``figure = true``, in file order. Then the programme's facts, and the
ceremony's totals (each with the words that state it) and its other facts, in
full. A figure is a fact like any other, quote included, so moving onto it
lights its sentence; the pane draws the figures one line each. A new summary
line is one entry here, and every place that shows the summary shows it.
"""

from __future__ import annotations

from tui.core.model import Dataset, Fact
from tui.core.records import NamedTuple

FIGURES_TITLE = "Key figures"


class Section(NamedTuple):
    title: str
    facts: tuple[Fact, ...]


def signed_figure(dataset: Dataset) -> Fact:
    """The signed total as one line: the count, each group's share, how many are named.
    Derived from the ceremony's totals; its quote is the signed total's."""
    ceremony = dataset.ceremony
    signed = ceremony.signed
    groups = ", ".join(f"{group.size} {group.label}" for group in ceremony.groups)
    return Fact("Firms signed", f"{signed.value}: {groups}; {len(dataset.firms)} named", signed.quote, figure=True)


def summary_sections(dataset: Dataset) -> list[Section]:
    """The figures, then the programme, then the ceremony with its totals first; every figure with its quote."""
    programme = dataset.programme
    ceremony = dataset.ceremony
    signed = ceremony.signed
    totals = (
        Fact("Firms signed", str(signed.value), signed.quote),
        *(Fact(f"From {group.label}", str(group.size), group.quote) for group in ceremony.groups),
        Fact(
            "Named in the article",
            f"{len(dataset.firms)} of {signed.value} (the other {ceremony.unnamed} are not named in the source)",
            None,
        ),
    )
    marked = tuple(fact for fact in (*programme.facts, *ceremony.facts) if fact.figure)
    return [
        Section(FIGURES_TITLE, (signed_figure(dataset), *marked)),
        Section(f"{programme.short_name}: {programme.name}", programme.facts),
        Section("Signing ceremony", totals + ceremony.facts),
    ]
