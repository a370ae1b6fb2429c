"""The firm detail: who the firm is, then every fact the article states about it."""

from __future__ import annotations

from typing import Optional

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.model import Firm
from tui.widgets.fact_list import FactList


def firm_heading(firm: Optional[Firm], empty_reason: str) -> Content:
    if firm is None:
        return Content("Nothing selected").stylize("bold") + Content(f"\n{empty_reason}").stylize("$text-muted")
    heading = Content(firm.name).stylize("bold $text-accent")
    if firm.aliases:
        heading += Content("\nAlso written: ").stylize("$text-muted") + Content(", ".join(firm.aliases))
    return heading


class DetailPane(Vertical):
    """The pane's heading names the firm; its :class:`FactList` holds the facts."""

    def __init__(self, firm: Optional[Firm], *, id: Optional[str] = None, classes: Optional[str] = None) -> None:
        super().__init__(id=id, classes=classes)
        self.firm = firm
        """The firm shown; the first one is shown from the first frame, not a frame later."""

    def compose(self) -> ComposeResult:
        yield Static(firm_heading(self.firm, "No firm is selected."), id="detail-heading", markup=False)
        yield FactList(id="detail-facts")

    def on_mount(self) -> None:
        self._show_facts()

    @property
    def facts(self) -> FactList:
        return self.query_one("#detail-facts", FactList)

    def show_firm(self, firm: Optional[Firm], empty_reason: str = "No firm is selected.") -> None:
        if firm is self.firm and firm is not None:
            return  # already shown: no repaint
        self.firm = firm
        self.query_one("#detail-heading", Static).update(firm_heading(firm, empty_reason))
        self._show_facts()

    def _show_facts(self) -> None:
        self.facts.show_facts([(None, self.firm.fact_rows())] if self.firm is not None else [])
