"""Command palette (ctrl+p) commands: copy in other formats, and (with search) go to a firm.

Every hit's text is built with ``Content``/the matcher, never parsed as markup,
so a firm named ``[bold]Acme[/bold]`` shows exactly so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from tui.app import OasesApp

COPY_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Copy firm as Markdown", "the selected firm, with its facts and quotes", "firm_markdown"),
    ("Copy firm as JSON", "the selected firm, with quotes and their places in the article", "firm_json"),
    ("Copy summary as Markdown", "the programme and ceremony summary", "summary_markdown"),
    ("Copy list as CSV", "the firm list as it is filtered now", "list_csv"),
    ("Copy list as Markdown table", "the firm list as it is filtered now", "list_markdown"),
)


class CopyCommands(Provider):
    """The copy formats beyond the plain text that `y` copies."""

    @property
    def oases(self) -> OasesApp:
        return cast("OasesApp", self.app)

    def _command(self, kind: str) -> Callable[[], None]:
        return lambda: self.oases.copy_as(kind)

    async def discover(self) -> Hits:
        for title, help_text, kind in COPY_COMMANDS:
            yield DiscoveryHit(Content(title), self._command(kind), title, help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, kind in COPY_COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._command(kind), title, help_text)
