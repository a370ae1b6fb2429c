"""What a copy holds: the text for each pane and each palette copy command, and how to name it.

Pure (no Textual): the app asks here what to copy, then hands it to
:class:`tui.app.copying.Copier` to deliver. The text itself comes from
:mod:`tui.core.formats`, the same code as ``oases-tui export``, which is
imported on the first copy, not when the app starts.

Adding a copy format to the palette is one entry in :data:`COPY_COMMANDS`
(and, for a new format, its function in :mod:`tui.core.formats`).
"""

from __future__ import annotations

from tui import TYPE_CHECKING
from tui.core.records import NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Callable, Optional

    from tui.core.model import Dataset, Fact, Firm


class Copy(NamedTuple):
    text: str
    what: str
    """How the notification names it: "iFLYTEK details", "the whole article"…"""


NOTHING_SELECTED = "Nothing to copy: no firm is selected."


def for_pane(
    dataset: Dataset,
    pane: str,
    firm: Optional[Firm],
    fact: Optional[Fact],
    selected_text: Optional[str] = None,
    summary_fact: Optional[Fact] = None,
) -> Optional[Copy]:
    """What `y` copies in ``pane`` (a name from :data:`tui.app.panes.PANES`): what is under
    its cursor (the firm, the detail's fact, the summary's fact, the selected text); None if nothing."""
    from tui.core import formats

    if pane == "detail" and firm is not None and fact is not None:
        return Copy(formats.fact_text(dataset, firm, fact), f"{firm.name}: {fact.label}")
    if pane == "summary":
        if summary_fact is not None:
            return Copy(formats.fact_text(dataset, None, summary_fact), f"Summary: {summary_fact.label}")
        return Copy(formats.summary_text(dataset), "the programme summary")
    if pane == "source":
        if selected_text:
            return Copy(selected_text, "the selected text")
        return Copy(dataset.source.text, "the whole article")
    if firm is None:
        return None
    return Copy(formats.firm_text(dataset, firm), f"{firm.name} details")


def whole_pane(dataset: Dataset, pane: str, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    """What `Y` copies: all of ``pane`` (the firms listed now, the firm's every fact, the summary, the article)."""
    from tui.core import formats

    if pane == "firms":
        if not listed:
            return None
        return Copy(formats.export(dataset, listed, "text").rstrip("\n"), f"{len(listed)} firm{'s' if len(listed) != 1 else ''}")
    if pane == "summary":
        return Copy(formats.summary_text(dataset), "the programme summary")
    if pane == "source":
        return Copy(dataset.source.text, "the whole article")
    if firm is None:
        return None
    return Copy(formats.firm_text(dataset, firm), f"{firm.name} details")


class CopyCommand(NamedTuple):
    """A command palette entry that copies in a format beyond the plain text `y` copies."""

    title: str
    help: str
    """What the palette says under the title (constant: the palette parses it as markup)."""
    make: Callable[[Dataset, Optional[Firm], Sequence[Firm]], Optional[Copy]]
    """The copy, from the dataset, the selected firm and the firms listed now; None if nothing."""


def _firm_markdown(dataset: Dataset, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    from tui.core import formats

    return None if firm is None else Copy(formats.firm_markdown(dataset, firm), f"{firm.name} as Markdown")


def _firm_json(dataset: Dataset, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    from tui.core import formats

    return None if firm is None else Copy(formats.firm_json(dataset, firm), f"{firm.name} as JSON")


def _summary_markdown(dataset: Dataset, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    from tui.core import formats

    return Copy(formats.summary_markdown(dataset), "the programme summary as Markdown")


def _list_csv(dataset: Dataset, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    from tui.core import formats

    return Copy(formats.firms_csv(dataset, listed), f"{len(listed)} firms as CSV")


def _list_markdown(dataset: Dataset, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    from tui.core import formats

    return Copy(formats.firms_markdown_table(dataset, listed), f"{len(listed)} firms as a Markdown table")


def _annotations(dataset: Dataset, firm: Optional[Firm], listed: Sequence[Firm]) -> Optional[Copy]:
    from tui.core.annotations import annotations_json

    return Copy(annotations_json(dataset, listed), f"the quoted facts of {len(listed)} firms and the summary as Web Annotations")


COPY_COMMANDS: tuple[CopyCommand, ...] = (
    CopyCommand("Copy firm as Markdown", "the selected firm, with its facts and quotes", _firm_markdown),
    CopyCommand("Copy firm as JSON", "the selected firm, with quotes and their places in the article", _firm_json),
    CopyCommand("Copy summary as Markdown", "the programme and ceremony summary", _summary_markdown),
    CopyCommand("Copy list as CSV", "the firm list as it is filtered now", _list_csv),
    CopyCommand("Copy list as Markdown table", "the firm list as it is filtered now", _list_markdown),
    CopyCommand(
        "Copy as Web Annotations",
        "W3C JSON-LD: the summary's and the listed firms' quoted facts, each anchored in the article",
        _annotations,
    ),
)
"""The palette's copy commands, in the order it lists them."""
