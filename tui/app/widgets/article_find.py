"""The find field of the source pane: type to find in the article, see "3 of 7".

It only edits the query and says what the keys mean, posting :class:`Changed` on
every keystroke, :class:`Step` for enter (next) and shift+enter (previous),
:class:`ToText` for down (to the article, the find kept, where ``n``/``N``
step) and :class:`Closed` for escape; :class:`tui.app.widgets.source_pane.SourcePane`
finds (with :class:`tui.core.find_text.TextFinder`) and moves the view.
It is mounted on the first find, in the pane's bottom dock.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class FindInput(Input):
    """The field: enter (the next match: it posts Submitted) and down (to the text) are named in
    the key line; bound here, as the Input's own down (a scroll, which does nothing) would hide it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", "Next"), Binding("down", "to_text", "To the text")]

    def action_to_text(self) -> None:
        self.post_message(FindBar.ToText())


class FindBar(Horizontal):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+enter", "step(-1)", "Previous"),
        Binding("escape", "close", "Close find"),
    ]

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Step(Message):
        """Enter or shift+enter: the next (``direction`` 1) or previous (-1) match."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    class ToText(Message):
        """Down: back to the article, the matches still lit (``n``/``N`` step there)."""

    class Closed(Message):
        """Escape: the find is over; the view goes back to where the reader was."""

    def compose(self) -> ComposeResult:
        yield Static(Content("find:"), id="find-prompt")
        yield FindInput(placeholder="Find in the article…", id="find-input", select_on_focus=True, compact=True)
        yield Static(id="find-count", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    @property
    def text(self) -> str:
        return self.input.value

    def open(self) -> None:
        """Show the field with the cursor in it, the last query kept (and selected, to type over)."""
        self.display = True
        # Now, not after the next refresh (Widget.focus): the keys typed right after the / go in the field.
        self.app.set_focus(self.input, scroll_visible=False)

    def show_position(self, line: str) -> None:
        """ "3 of 7", "no matches" or nothing (an empty query)."""
        self.query_one("#find-count", Static).update(Content(line))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(direction))

    def action_close(self) -> None:
        self.post_message(self.Closed())
