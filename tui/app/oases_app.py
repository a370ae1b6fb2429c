"""The oases-tui app: four panes wired together.

Firm list → firm detail → source highlights: moving the list cursor shows the
firm's facts and lights up their sentences in the article; moving the detail's
(or the summary's) cursor lights up one fact's sentence more strongly. The
layout adapts to the terminal: all four panes when there is room, summary and
source sharing one area on a small terminal, only the focused pane on a tiny one.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Callable, ClassVar, Optional

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from tui.app.palette import CopyCommands, FirmCommands
from tui.app.panes import BY_NAME, PANE_NAMES, PANES, SHARING
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_finder import FirmFinder
from tui.app.widgets.firm_list import FirmList
from tui.app.widgets.key_bar import KeyBar
from tui.core.model import Dataset, Firm
from tui.core.resources import stylesheet
from tui.core.summary import summary_sections

if TYPE_CHECKING:
    from tui.app.copying import Copier
    from tui.core.copy_text import Copy, CopyCommand
    from tui.core.search import FirmSearch

WIDE = (100, 30)
"""From this size (columns, rows) all four panes are shown at once."""
TINY = (60, 16)
"""Below this size only the focused pane is shown."""


class OasesApp(App[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("app.tcss")]
    TITLE = "oases-tui"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", show=False, priority=True),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, priority=True),
        *(Binding(pane.key, f"focus_pane('{pane.name}')", pane.title, show=False) for pane in PANES),
        Binding("slash", "search", "Search"),
        Binding("y", "copy", "Copy"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    COMMANDS: ClassVar = App.COMMANDS | {FirmCommands, CopyCommands}

    def __init__(self, dataset: Dataset, debug: bool = False, after_first_frame: Optional[Callable[[], None]] = None) -> None:
        super().__init__()
        self.dataset = dataset
        self._after_first_frame = after_first_frame
        """Called once the first frame is on the terminal (the CLI ends its start-up measures there)."""
        self._copier: Optional[Copier] = None
        self.debug_errors = debug
        self.crash: Optional[str] = None
        """What went wrong, if the app stopped on an unexpected exception (for the CLI to report)."""
        self.active_pane = "firms"
        self.front_pane = SHARING[-1].name  # which of the two sharing an area shows (the source)
        self._layout_state: tuple[str, str, str] = ("", "", "")
        self._rows: Optional[str] = None
        """The grid rows set inline on the browser's screen (see _fit_rows)."""

    def get_default_screen(self) -> Screen[None]:
        """The browser's screen, its layout set before the first styling, so the first
        frame needs no restyle (see apply_layout for what the classes mean)."""
        mode = self.layout_mode(self.size)
        self._layout_state = (mode, self.active_pane, self.front_pane)
        self.browser: Screen[None] = Screen(id="_default", classes=f"browser -{mode}")
        """The screen the panes are on (the help and the palette are pushed over it)."""
        self._fit_rows(mode, self.size)
        return self.browser

    def wide_rows(self, height: int) -> str:
        """The screen grid's rows in the wide layout, for ``height`` lines of panes.

        The summary is the first row, 40% of the height; the firm pane spans the
        first two and is as tall as its firms need (two lines each, a blank line,
        the two-line note, the border), at most 60%, and at least a line taller
        than the summary; the detail and the source share the rest. So eight firms
        fill their pane at 120x36 and leave the detail the rest on a taller screen.
        """
        summary = round(height * 0.4)
        firms = max(min(2 * len(self.dataset.firms) + 5, round(height * 0.6)), summary + 1)
        return f"{summary} {firms - summary} 1fr"

    def _fit_rows(self, mode: str, size: Size) -> None:
        """The wide layout's rows depend on the firms, which CSS can't know: set them here
        (inline, over styles/app.tcss); the narrow and tiny layouts' are the stylesheet's."""
        rows = self.wide_rows(size.height - 1) if mode == "wide" else None  # less the key line
        if rows != self._rows:
            self._rows = rows
            self.browser.styles.grid_rows = rows

    def compose(self) -> ComposeResult:
        # The first firm is shown in the first frame; the list's cursor starts on it.
        first = self.dataset.firms[0] if self.dataset.firms else None
        article = ArticleView(self.dataset.source.text, id="source", classes=self._layout_classes("source"))
        article.show_firm(first.quotes() if first is not None else [])
        # The panes sit in the screen's grid (styles/app.tcss), in the order it fills
        # its cells: firms and summary on the first row, source below summary,
        # detail below firms. No containers: each would paint its whole area first.
        yield FirmFinder(self.dataset, id="firms", classes=self._layout_classes("firms"))
        yield FactList(id="summary", classes=self._layout_classes("summary"))
        yield article
        yield FirmFacts(first, id="detail", classes=self._layout_classes("detail"))
        yield KeyBar()

    def _layout_classes(self, name: str) -> str:
        """A pane's classes for the current layout state."""
        classes = ["pane"]
        if name == self.active_pane:
            classes.append("-active")
        if name == self.front_pane:
            classes.append("-front")
        return " ".join(classes)

    def on_mount(self) -> None:
        for pane in PANES:
            self.pane(pane.name).border_title = pane.border_title
        self.query_one("#summary", FactList).show_facts(summary_sections(self.dataset))
        self._label_shared_area(self._layout_state[0])
        self.query_one(FirmList).focus()

    def on_ready(self) -> None:
        if self._after_first_frame is not None:
            self._after_first_frame()

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            self.crash = f"{type(error).__name__}: {error}"
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """Textual's full traceback only with --debug; otherwise the CLI says it in one line."""
        if self.debug_errors:
            super()._print_error_renderables()
        else:
            self._exit_renderables.clear()

    # -- panes and layout -------------------------------------------------------

    def pane(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def pane_of(self, widget: Optional[Widget]) -> Optional[str]:
        while widget is not None:
            if widget.id in BY_NAME:
                return widget.id
            parent = widget.parent
            widget = parent if isinstance(parent, Widget) else None
        return None

    def layout_mode(self, size: Size) -> str:
        width, height = size
        if width < TINY[0] or height < TINY[1]:
            return "tiny"
        if width < WIDE[0] or height < WIDE[1]:
            return "narrow"
        return "wide"

    def on_resize(self, event: events.Resize) -> None:
        self.apply_layout(event.size)

    def apply_layout(self, size: Optional[Size] = None) -> None:
        """Set the classes the stylesheet lays the screen out by (see styles/app.tcss):
        -wide/-narrow/-tiny on the browser's screen by size, -active on the focused pane,
        -front on whichever of summary/source shows when they share an area."""
        size = size or self.size
        mode = self.layout_mode(size)
        self._fit_rows(mode, size)
        state = (mode, self.active_pane, self.front_pane)
        if state == self._layout_state:
            return  # restyling the whole screen is the costliest step of a resize
        self._layout_state = state
        for name in ("wide", "narrow", "tiny"):
            self.browser.set_class(mode == name, f"-{name}")
        for pane in PANE_NAMES:
            self.pane(pane).set_classes(self._layout_classes(pane))
        self._label_shared_area(mode)

    def _label_shared_area(self, mode: str) -> None:
        """Where two panes share an area, each says which key shows the other."""
        shared = mode != "wide"
        for pane in SHARING:
            other = next(candidate for candidate in SHARING if candidate is not pane)
            self.pane(pane.name).border_subtitle = f"{other.key}: {other.title.lower()}" if shared else ""

    def focus_target(self, pane: str) -> Widget:
        return self.query_one(BY_NAME[pane].focus)

    def action_focus_pane(self, pane: str) -> None:
        self._show(pane)
        # Focus now, not after the next refresh, so keys typed right after
        # (e.g. "2" then "j") go to the pane the user asked for.
        self.set_focus(self.focus_target(pane), scroll_visible=False)

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, step: int) -> None:
        current = self.pane_of(self.focused) or self.active_pane
        self.action_focus_pane(PANE_NAMES[(PANE_NAMES.index(current) + step) % len(PANE_NAMES)])

    def _show(self, pane: str) -> None:
        self.active_pane = pane
        if BY_NAME[pane].shares_area:
            self.front_pane = pane
        self.apply_layout()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> Optional[bool]:
        """Pane keys act on the main screen only, not over the help or the palette."""
        if action in ("next_pane", "previous_pane", "focus_pane", "search", "help"):
            return self.screen is self.screen_stack[0]
        return True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        pane = self.pane_of(event.widget)
        if pane is None:
            return
        if pane != self.active_pane:
            self._show(pane)
        article = self.query_one(ArticleView)
        if pane == "firms":
            article.show_fact(None)
        elif isinstance(event.widget, FactList):
            article.show_fact(event.widget.fact.quote if event.widget.fact else None)

    # -- provenance -------------------------------------------------------------

    def on_firm_list_highlighted(self, message: FirmList.Highlighted) -> None:
        firm = message.firm
        self.query_one(FirmFacts).show_firm(firm, message.firm_list.empty_message)
        self.query_one(ArticleView).show_firm(firm.quotes() if firm is not None else [])

    def on_fact_list_fact_highlighted(self, message: FactList.FactHighlighted) -> None:
        if message.fact_list.has_focus:
            fact = message.fact
            self.query_one(ArticleView).show_fact(fact.quote if fact is not None else None)

    # -- keys -------------------------------------------------------------------

    def firm_search(self) -> FirmSearch:
        return self.query_one(FirmFinder).search_index

    def go_to_firm(self, firm: Firm) -> None:
        """Select ``firm`` in the list (from the palette) and put the focus there."""
        self.query_one(FirmFinder).go_to(firm)
        self.action_focus_pane("firms")

    async def action_search(self) -> None:
        self._show("firms")
        await self.query_one(FirmFinder).open_search()

    def action_help(self) -> None:
        from tui.app.widgets.help_screen import HelpScreen

        self.push_screen(HelpScreen())

    # -- copying ----------------------------------------------------------------
    # The formats and the clipboard code load on the first copy, not at start-up.

    def action_copy(self) -> None:
        """Copy what has focus: the firm, the fact, the summary, or the source text."""
        from tui.core import copy_text as copies

        pane = self.pane_of(self.focused) or self.active_pane
        fact = self.query_one(FirmFacts).fact
        selected = self.query_one(ArticleView).selected_text() if pane == "source" else None
        self._copy(copies.for_pane(self.dataset, pane, self.query_one(FirmList).firm, fact, selected))

    def copy_as(self, command: CopyCommand) -> None:
        """A palette copy: one of :data:`tui.core.copy_text.COPY_COMMANDS`."""
        firm_list = self.query_one(FirmList)
        self._copy(command.make(self.dataset, firm_list.firm, list(firm_list.firms)))

    def _copy(self, copy: Optional[Copy]) -> None:
        from tui.core.copy_text import NOTHING_SELECTED

        if copy is None:
            self.notify(NOTHING_SELECTED, severity="warning", markup=False)
            return
        if self._copier is None:
            from tui.app.copying import Copier as LoadedCopier  # (a plain import here is taken for the TYPE_CHECKING one)

            self._copier = LoadedCopier(self)
        self._copier.copy(copy.text, copy.what)
