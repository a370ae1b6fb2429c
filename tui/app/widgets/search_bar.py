"""The search field above the firm list: type to filter, see how many firms match.

A compact widget that posts its own messages (after toolong's find dialog):
:class:`Changed` on every keystroke, :class:`Done` when the user heads for the
list (enter or down), :class:`Cleared` on escape. The firms pane decides what
they mean for the list.

The field holds at most :data:`~tui.core.search_text.MAX_QUERY_LENGTH`
characters, and says so beside the count once it is full: a paste is cut to what
fits (its first line only, as any one-line field takes it), keys beyond are
refused. So pasting a megabyte costs a search of 200 characters, not minutes of a
frozen app, and escape works at once after it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.core.resources import stylesheet
from tui.core.search_text import MAX_QUERY_LENGTH

_FIRST_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*")
"""A pasted text's first line (up to any of str.splitlines' separators), found without splitting the rest."""


class QueryInput(Input):
    """The search field: an ``Input`` that takes at most ``max_length`` characters of a paste,
    rather than refusing the whole paste as ``Input`` does when it is too long."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # not Input's own paste: it would refuse a long one outright
        event.stop()
        selection = self.selection
        start, end = sorted((selection.start, selection.end))
        line = _FIRST_LINE.match(event.text or "")
        pasted = line.group() if line else ""
        room = max(0, self.max_length - (len(self.value) - (end - start))) if self.max_length else len(pasted)
        if pasted[:room]:
            self.replace(pasted[:room], start, end)
        if len(pasted) > room:
            self.restricted()

    def restricted(self) -> None:
        """A key or paste beyond the limit: the bell, as Input does, and the note stays in view."""
        super().restricted()
        self.post_message(SearchBar.Full())


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

    class Full(Message):
        """The field refused characters beyond its limit."""

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt")
        yield QueryInput(
            placeholder="Search firms and facts…", id="search-input", select_on_focus=False, compact=True, max_length=MAX_QUERY_LENGTH
        )
        yield Static(id="search-limit", markup=False)
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
        # At once, not as Widget.focus does (after the keys already queued): "/pudu" typed in
        # one go, or pasted, must reach the field whole, even on the first "/" that mounts it.
        self.screen.set_focus(self.input)

    def show_count(self, matches: int, total: int, summary_facts: int = 0) -> None:
        """How many firms match, of how many; and how many of the summary's facts, if any."""
        firms = "firm" if total == 1 else "firms"
        count = f"{matches:,} of {total:,} {firms}"
        if summary_facts:
            count += f" · {summary_facts} fact" + ("" if summary_facts == 1 else "s")  # short: the rows say "Summary ·"
        self.query_one("#search-count", Static).update(Content(count))

    def _show_limit(self, full: bool) -> None:
        note = self.query_one("#search-limit", Static)
        note.update(Content(f"limit {MAX_QUERY_LENGTH}" if full else ""))  # short: the field keeps room at 80 columns
        note.display = full

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_limit(len(event.value) >= MAX_QUERY_LENGTH)
        self.post_message(self.Changed(event.value))

    @on(Full)
    def _full(self, event: SearchBar.Full) -> None:
        event.stop()
        self._show_limit(True)

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
