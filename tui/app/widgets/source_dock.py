"""What is docked at the bottom of the source pane: the find field (once a find is
opened) over the line that says which facts cite the sentence under the cursor.

Mounted the first time the pane takes the focus (start-up neither builds nor
styles it); its styles, from ``styles/source.tcss``, load with it. The pane
keeps the scroll height clear of it (``ArticleView.bottom_reserve``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.core.resources import stylesheet

if TYPE_CHECKING:
    from tui.app.widgets.article_find import FindBar
    from tui.core.coverage import SentenceCoverage

NOT_CITED = "not cited by any fact"


def cited_by_text(sentence: SentenceCoverage) -> str:
    """ "cited by: iFLYTEK · Origin, Sector; Summary · Signed", or :data:`NOT_CITED`."""
    from tui.core.coverage import cited_by_line

    return f"cited by: {cited_by_line(sentence.citations)}" if sentence.cited else NOT_CITED


class SourceDock(Vertical):
    DEFAULT_CSS = stylesheet("source.tcss").read_text(encoding="utf-8")

    class Resized(Message):
        """The dock's height changed (it grew a line, or the find field came)."""

    def __init__(self) -> None:
        super().__init__(id="source-dock")
        self.find_bar: Optional[FindBar] = None
        """The find field, once a find has been opened."""

    def compose(self) -> ComposeResult:
        yield Static(id="cited-by", markup=False)

    @property
    def cited_by(self) -> Static:
        return self.query_one("#cited-by", Static)

    def show_citations(self, sentence: Optional[SentenceCoverage]) -> None:
        """The line for the sentence under the cursor (hidden for none)."""
        line = self.cited_by
        line.display = sentence is not None
        if sentence is not None:
            line.set_class(not sentence.cited, "-uncited")
            line.update(Content(cited_by_text(sentence)))

    async def find_field(self) -> FindBar:
        """The find field, mounted above the cited-by line the first time."""
        if self.find_bar is None:
            from tui.app.widgets.article_find import FindBar

            self.find_bar = FindBar(id="find-bar")
            await self.mount(self.find_bar, before=self.cited_by)
        return self.find_bar

    @property
    def height_shown(self) -> int:
        """Lines the dock covers now (none while hidden)."""
        return self.outer_size.height if self.display else 0

    def on_resize(self) -> None:
        self.post_message(self.Resized())
