"""The four panes, named once: their keys, titles, the widget that takes the focus in
each, and which two share an area on a small terminal. The app builds its bindings,
titles, tab order and layout classes from this table, so a pane is one entry here
(and its widget in :meth:`tui.app.oases_app.OasesApp.compose`)."""

from __future__ import annotations

from tui.core.records import NamedTuple


class Pane(NamedTuple):
    name: str
    """Its widget's id, and what :func:`tui.core.copy_text.for_pane` is told."""
    key: str
    """The key that focuses it."""
    title: str
    focus: str
    """The selector of the widget in it that takes the focus."""
    shares_area: bool = False
    """On a small terminal it shares one area with the other such pane (the keys switch)."""

    @property
    def border_title(self) -> str:
        return f"{self.key} {self.title}"


PANES: tuple[Pane, ...] = (
    Pane("firms", "1", "Firms", "#firm-list"),
    Pane("detail", "2", "Detail", "#detail"),
    Pane("summary", "3", "Summary", "#summary", shares_area=True),
    Pane("source", "4", "Source", "#source", shares_area=True),
)
"""In tab order."""

PANE_NAMES = tuple(pane.name for pane in PANES)
BY_NAME = {pane.name: pane for pane in PANES}
SHARING = tuple(pane for pane in PANES if pane.shares_area)
