"""The firm detail: who the firm is, then every fact the article states about it."""

from __future__ import annotations

from typing import Optional

from tui.app.widgets.fact_list import FactList, HeaderLine
from tui.core.model import ALIASES_LABEL, Firm


def firm_heading(firm: Optional[Firm], empty_reason: str) -> list[HeaderLine]:
    """The lines above the facts: the firm's name and other spellings, or why there is none."""
    if firm is None:
        return [[("Nothing selected", "title")], [(empty_reason, "note")]]
    heading: list[HeaderLine] = [[(firm.name, "title")]]
    if firm.aliases:
        heading.append([(f"{ALIASES_LABEL}: ", "note"), (", ".join(firm.aliases), "")])
    return heading


class FirmFacts(FactList):
    """A fact list whose header names the firm and stays put as the facts scroll.

    One widget, not a container holding a heading and a list: a container paints its
    whole area before its children cover it, and each widget is styled twice before
    the first frame (see the README's Performance section)."""

    def __init__(self, firm: Optional[Firm], *, id: Optional[str] = None, classes: Optional[str] = None) -> None:
        super().__init__(id=id, classes=classes)
        self.firm = firm
        """The firm shown; the first one is shown from the first frame, not a frame later."""
        self._empty_reason = "No firm is selected."

    def on_mount(self) -> None:
        self._show()

    def show_firm(self, firm: Optional[Firm], empty_reason: str = "No firm is selected.") -> None:
        if firm is self.firm and firm is not None:
            return  # already shown: no repaint
        self.firm = firm
        self._empty_reason = empty_reason
        self._show()

    def _show(self) -> None:
        firm = self.firm
        self.show_facts([(None, firm.fact_rows())] if firm is not None else [], header=firm_heading(firm, self._empty_reason))
