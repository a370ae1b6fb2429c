"""Command palette (ctrl+p) commands: go to a firm, copy in other formats, and
Textual's own commands with "Keys" and "Screenshot" made ours.

Hit text is always built as literal ``Content``, and help text (which the
palette parses as markup) never holds data. Textual's own
``Matcher.highlight`` parses its candidate as markup, so a firm named
``[bold]Acme[/bold]`` would lose its brackets (and ``[/]`` would crash it):
:func:`literal_highlight` does the same job on plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.core.copy_text import COPY_COMMANDS, CopyCommand
from tui.core.model import Firm

if TYPE_CHECKING:
    from tui.app.oases_app import OasesApp


FIRM_PREFIX = "Go to firm: "
FIRM_HELP = "select it in the firm list"
"""Constant on purpose: the palette parses help text as markup, so no data goes there."""
MAX_FIRM_HITS = 50
"""The palette shows a screenful; ranking more firms than this only costs time."""
SCREENSHOT_AFTER = 0.1
"""Seconds between choosing "Screenshot" and taking it: the palette has gone by then (Textual's delay)."""
KEYS_HELP = "Every key oases-tui answers to (the help screen, also ? or f1)"
SCREENSHOT_HELP = "Save an SVG of the screen in ~/Downloads, or the working directory if there is none"


def system_commands(app: OasesApp, textual_commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's palette commands, but "Keys" opens our help (every key, in one table)
    instead of Textual's generic keys panel, and "Screenshot" saves where it can and
    says where (tui/app/screenshot.py)."""
    for command in textual_commands:
        if command.title == "Keys":
            yield SystemCommand("Keys", KEYS_HELP, app.action_help)
        elif command.title == "Screenshot":
            yield SystemCommand("Screenshot", SCREENSHOT_HELP, lambda: app.set_timer(SCREENSHOT_AFTER, lambda: _screenshot(app)))
        else:
            yield command


def _screenshot(app: OasesApp) -> None:
    from tui.app.screenshot import screenshot_and_say  # (loads when used, not at start-up)

    screenshot_and_say(app)


def literal_highlight(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` as plain text with the matched letters styled."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class _OasesProvider(Provider):
    @property
    def oases(self) -> OasesApp:
        return cast("OasesApp", self.app)


class FirmCommands(_OasesProvider):
    """ "Go to firm: NAME" for every firm, found with the app's own forgiving search."""

    def _go(self, firm: Firm) -> Callable[[], None]:
        return lambda: self.oases.go_to_firm(firm)

    async def discover(self) -> Hits:
        for firm in self.oases.dataset.firms[:MAX_FIRM_HITS]:
            yield DiscoveryHit(Content(FIRM_PREFIX + firm.name), self._go(firm), FIRM_PREFIX + firm.name, FIRM_HELP)

    async def search(self, query: str) -> Hits:
        firms = self.oases.dataset.firms
        matcher = self.matcher(query)
        for rank, index in enumerate(self.oases.firm_search().search(query)[:MAX_FIRM_HITS]):
            firm = firms[index]
            title = FIRM_PREFIX + firm.name
            # Rank by our search (which also matches aliases, people, sectors…), most relevant first.
            score = max(matcher.match(title), 1.0 - rank / (MAX_FIRM_HITS + 1))
            yield Hit(score, literal_highlight(matcher, title), self._go(firm), title, FIRM_HELP)


class CopyCommands(_OasesProvider):
    """The copy formats beyond the plain text that `y` copies."""

    def _command(self, command: CopyCommand) -> Callable[[], None]:
        return lambda: self.oases.copy_as(command)

    async def discover(self) -> Hits:
        for command in COPY_COMMANDS:
            yield DiscoveryHit(Content(command.title), self._command(command), command.title, command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in COPY_COMMANDS:
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, literal_highlight(matcher, command.title), self._command(command), command.title, command.help)
