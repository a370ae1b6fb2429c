"""The firm pane: the list of named firms, and a note on the signatories the article leaves unnamed."""

from __future__ import annotations

from typing import Optional

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.model import Dataset
from tui.widgets.firm_list import FirmList


def unnamed_note(dataset: Dataset) -> Content:
    unnamed = dataset.ceremony.unnamed
    if unnamed == 0:
        return Content("Every firm that signed is named in the source.")
    firms = "firm" if unnamed == 1 else "firms"
    return Content(f"+ {unnamed} further {firms} signed but {'is' if unnamed == 1 else 'are'} not named in the source.")


class FirmsPane(Vertical):
    def __init__(self, dataset: Dataset, *, id: Optional[str] = None, classes: Optional[str] = None) -> None:
        super().__init__(id=id, classes=classes)
        self.dataset = dataset

    def compose(self) -> ComposeResult:
        yield FirmList(self.dataset.firms, id="firm-list")
        yield Static(unnamed_note(self.dataset), id="unnamed-note", markup=False)
