"""The help screen: every key, in one table, over the app."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keys import KEYS
from tui.core.resources import stylesheet


def keys_table(width: int = 0) -> Content:
    """The keys and what they do, in two columns; a description too long for ``width``
    cells (0: no limit) wraps under its own column, not under the keys."""
    import textwrap

    column = max(len(key.shown) for key in KEYS) + 2
    room = width - column if width > column + 10 else 0
    lines: list[Content] = []
    for key in KEYS:
        parts = textwrap.wrap(key.does, room) if room else [key.does]
        lines.append(Content(key.shown.ljust(column)).stylize("bold $text-accent") + Content(parts[0]))
        lines.extend(Content(" " * column + part) for part in parts[1:])
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = stylesheet("help.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "dismiss", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            # The way out on the first line: at 80x24 the end of the list is below the fold.
            yield Static(Content("Keys").stylize("bold") + Content("  ·  escape: close").stylize("$text-muted"), id="help-title")
            yield Static(keys_table(), id="help-keys")
            yield Static(
                Content(
                    "Every fact quotes the article; the source pane (4) lights up the sentence behind "
                    "the selected firm, and the fact under the cursor. Mouse clicks and scrolling work too."
                ).stylize("$text-muted"),
                id="help-about",
            )
            yield Static(Content("escape: close").stylize("$text-muted"), id="help-close")

    def on_resize(self) -> None:
        keys = self.query_one("#help-keys", Static)
        keys.update(keys_table((keys.content_region.width or keys.size.width) - 2))  # room for a scrollbar

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
