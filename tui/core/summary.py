"""The programme summary as sections of facts, shared by the summary pane and the copy formats."""

from __future__ import annotations

from tui.core.model import Dataset, Fact

Section = tuple[str, tuple[Fact, ...]]


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
        (f"{programme.short_name}: {programme.name}", programme.facts),
        ("Signing ceremony", totals + ceremony.facts),
    ]
