"""Command palette (ctrl+p) commands: go to a firm, and copy in other formats.

Hit text is always built as literal ``Content``, and help text (which the
palette parses as markup) never holds data. Textual's own
``Matcher.highlight`` parses its candidate as markup, so a firm named
``[bold]Acme[/bold]`` would lose its brackets (and ``[/]`` would crash it):
:func:`literal_highlight` does the same job on plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

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
