"""The programme summary, defined once: what the summary pane shows and what its copies
and exports say (:func:`tui.core.formats.summary_text`, :func:`~tui.core.formats.summary_markdown`).

The programme's facts, then the ceremony's totals (each with the words that
state it) and its other facts. A new summary line is one entry here, and every
place that shows the summary shows it.
"""

from __future__ import annotations

from tui.core.model import Dataset, Fact
from tui.core.records import NamedTuple


class Section(NamedTuple):
    title: str
    facts: tuple[Fact, ...]


def summary_sections(dataset: Dataset) -> list[Section]:
    """The programme, then the ceremony with its totals first; every figure with its quote."""
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
    return [
        Section(f"{programme.short_name}: {programme.name}", programme.facts),
        Section("Signing ceremony", totals + ceremony.facts),
    ]
