"""What a copy holds: the text for each pane and palette command, and how to describe it.

Pure (no Textual): the app asks here what to copy, then hands it to
:class:`tui.app.copying.Copier` to deliver. The text itself comes from
:mod:`tui.core.formats`, the same code as ``oases-tui export``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Optional

from tui.core import formats
from tui.core.model import Dataset, Fact, Firm


class Copy(NamedTuple):
    text: str
    what: str
    """How the notification names it: "iFLYTEK details", "the whole article"…"""


NOTHING_SELECTED = "Nothing to copy: no firm is selected."


def for_pane(
    dataset: Dataset, pane: str, firm: Optional[Firm], fact: Optional[Fact], selected_text: Optional[str] = None
) -> Optional[Copy]:
    """What `y` copies in ``pane`` ("firms", "detail", "summary" or "source"); None if nothing."""
    if pane == "detail" and firm is not None and fact is not None:
        return Copy(formats.fact_text(dataset, firm, fact), f"{firm.name}: {fact.label}")
    if pane == "summary":
        return Copy(formats.summary_text(dataset), "the programme summary")
    if pane == "source":
        if selected_text:
            return Copy(selected_text, "the selected text")
        return Copy(dataset.source.text, "the whole article")
    if firm is None:
        return None
    return Copy(formats.firm_text(dataset, firm), f"{firm.name} details")


def for_command(dataset: Dataset, kind: str, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    """What a palette copy command copies; ``kind`` is a name from :data:`tui.app.palette.COPY_COMMANDS`."""
    if kind == "summary_markdown":
        return Copy(formats.summary_markdown(dataset), "the programme summary as Markdown")
    if kind == "list_csv":
        return Copy(formats.firms_csv(dataset, listed), f"{len(listed)} firms as CSV")
    if kind == "list_markdown":
        return Copy(formats.firms_markdown_table(dataset, listed), f"{len(listed)} firms as a Markdown table")
    if firm is None:
        return None
    if kind == "firm_markdown":
        return Copy(formats.firm_markdown(dataset, firm), f"{firm.name} as Markdown")
    if kind == "firm_json":
        return Copy(formats.firm_json(dataset, firm), f"{firm.name} as JSON")
    raise ValueError(f"unknown copy command {kind!r}")
