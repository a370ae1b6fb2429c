"""The search field above the firm list: type to filter, see how many firms match.

A compact widget that posts its own messages (after toolong's find dialog):
:class:`Changed` on every keystroke, :class:`Done` when the user heads for the
list (enter or down), :class:`Cleared` on escape. The firms pane decides what
they mean for the list.
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

from tui.core.resources import stylesheet


class SearchBar(Horizontal):
    # Its styles, from styles/search.tcss, load with it: start-up doesn't parse them.
    DEFAULT_CSS = stylesheet("search.tcss").read_text(encoding="utf-8")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear search"),
        Binding("down", "done", "To the list", show=False),
    ]

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Done(Message):
        """Enter or down: go to the list, keeping the filter (``enter``: to the best result itself)."""

        def __init__(self, enter: bool = False) -> None:
            super().__init__()
            self.enter = enter

    class Cleared(Message):
        """Escape: the query is gone and the full list should come back."""

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt")
        yield Input(placeholder="Search firms and facts…", id="search-input", select_on_focus=False, compact=True)
        yield Static(id="search-count", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def text(self) -> str:
        """What is typed in the field."""
        return self.input.value

    def open(self) -> None:
        """Show the bar and put the cursor in the field, keeping any query."""
        self.display = True
        self.input.focus()

    def show_count(self, matches: int, total: int, summary_facts: int = 0) -> None:
        """How many firms match, of how many; and how many of the summary's facts, if any."""
        firms = "firm" if total == 1 else "firms"
        count = f"{matches:,} of {total:,} {firms}"
        if summary_facts:
            count += f" · {summary_facts} fact" + ("" if summary_facts == 1 else "s")  # short: the rows say "Summary ·"
        self.query_one("#search-count", Static).update(Content(count))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(enter=True))

    def action_done(self) -> None:
        self.post_message(self.Done())

    def action_clear(self) -> None:
        self.post_message(self.Cleared())

    def reset(self) -> None:
        """Empty the field and hide the bar."""
        self.input.value = ""
        self.display = False
