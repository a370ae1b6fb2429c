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


def keys_table() -> Content:
    width = max(len(key.shown) for key in KEYS) + 2
    lines = [Content(key.shown.ljust(width)).stylize("bold $text-accent") + Content(key.does) for key in KEYS]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = stylesheet("help.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "dismiss", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content("Keys").stylize("bold"), id="help-title")
            yield Static(keys_table(), id="help-keys")
            yield Static(
                Content(
                    "Every fact quotes the article; the source pane (4) lights up the sentence behind "
                    "the selected firm, and the fact under the cursor. Mouse clicks and scrolling work too."
                ).stylize("$text-muted"),
                id="help-about",
            )
            yield Static(Content("escape: close").stylize("$text-muted"), id="help-close")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
