"""The oases-tui app: four panes wired together.

Firm list → firm detail → source highlights: moving the list cursor shows the
firm's facts and lights up their sentences in the article; moving the detail's
(or the summary's) cursor lights up one fact's sentence more strongly. The
layout adapts to the terminal: all four panes when there is room, summary and
source sharing one area on a small terminal, only the focused pane on a tiny one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Optional

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from tui.app.palette import CopyCommands, FirmCommands, system_commands
from tui.app.panes import BY_NAME, PANE_NAMES, PANES, SHARING, Pane
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_finder import SEARCH_BAR_HEIGHT, FirmFinder, named_note
from tui.app.widgets.firm_list import FirmList
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.source_pane import SourcePane
from tui.core.model import Dataset, Firm
from tui.core.resources import stylesheet
from tui.core.summary import summary_sections

if TYPE_CHECKING:
    from tui.app.copying import Copier
    from tui.core.copy_text import Copy, CopyCommand
    from tui.core.search import FirmSearch

PANE_KEYS = Binding.Group("Panes")
"""tab and 1-4 share one label in the key line ("tab/1-4 Panes")."""
KEY_LINE_DROPS_FIRST = ("copy_pane", "quit", "copy", "search", "help")
"""Where the key line is short, these keys go first (in this order); then the pane keys,
and the focused pane's own keys last (see KeyBar). At 80 columns only "Y Copy pane" goes."""

WIDE = (100, 30)
"""From this size (columns, rows) all four panes are shown at once."""
TINY = (60, 16)
"""Below this size only the focused pane is shown."""
MONOCHROME_TERMS = ("-mono", "-m")
"""TERM endings (terminfo's convention: xterm-mono, vt100-m…) of terminals without colour."""


class BrowserScreen(Screen[None]):
    AUTO_FOCUS = "#firm-list"
    """Textual's default ("*") focuses the first focusable widget once the screen is
    composed; the firm list inside its pane may not be mounted yet, and the summary
    would take the focus (and the shared area) before on_mount gives it to the list."""


def _is_text_field(widget: Optional[Widget]) -> bool:
    """Whether ``widget`` is an ``Input`` (the search or find field), without importing
    Input for the first frame: until a field is made its module is not loaded."""
    module = sys.modules.get("textual.widgets._input")
    return module is not None and isinstance(widget, module.Input)


class OasesApp(App[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("app.tcss")]
    TITLE = "oases-tui"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", priority=True, group=PANE_KEYS),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, priority=True),
        *(Binding(pane.key, f"focus_pane('{pane.name}')", pane.title, group=PANE_KEYS) for pane in PANES),
        # Priority: taken as the key arrives, before the keys typed after it are handed to the
        # focused list, so "/pudu" typed in one go reaches the field whole (see check_action).
        Binding("slash", "search", "Search", priority=True),
        Binding("y", "copy", "Copy"),
        Binding("Y", "copy_pane", "Copy pane"),  # the first key the line leaves out (KEY_LINE_DROPS_FIRST)
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    COMMANDS: ClassVar = App.COMMANDS | {FirmCommands, CopyCommands}

    def __init__(
        self,
        dataset: Dataset,
        debug: bool = False,
        after_first_frame: Optional[Callable[[], None]] = None,
        exit_on_signals: bool = False,
    ) -> None:
        monochrome = os.environ.get("TERM", "").endswith(MONOCHROME_TERMS) and "NO_COLOR" not in os.environ
        if monochrome:  # a terminal without colours is drawn as NO_COLOR asks (styles/app.tcss: attributes)
            os.environ["NO_COLOR"] = "1"
        try:
            super().__init__()
        finally:
            if monochrome:
                del os.environ["NO_COLOR"]
        self.dataset = dataset
        self._after_first_frame = after_first_frame
        """Called once the first frame is on the terminal (the CLI ends its start-up measures there)."""
        self._exit_on_signals = exit_on_signals
        """SIGTERM, SIGHUP and SIGINT exit cleanly (see tui.app.signals): the CLI's choice, not a test's."""
        self._copier: Optional[Copier] = None
        self.debug_errors = debug
        self.crash: Optional[str] = None
        """What went wrong, if the app stopped on an unexpected exception (for the CLI to report)."""
        self.active_pane = "firms"
        self.front_pane = SHARING[-1].name  # which of the two sharing an area shows (the source)
        self._layout_state: tuple[str, str, str, bool] = ("", "", "", False)
        self._rows: Optional[str] = None
        """The grid rows set inline on the browser's screen (see grid_rows)."""
        self._summary = summary_sections(dataset)
        self._figure_count = len(self._summary[0].facts)
        self._search_shown = False

    def get_default_screen(self) -> Screen[None]:
        """The browser's screen, its layout set before the first styling, so the first
        frame needs no restyle (see apply_layout for what the classes mean)."""
        mode = self.layout_mode(self.size)
        rows, tall_summary = self.grid_rows(mode, self.size.height - 1)  # less the key line
        self._layout_state = (mode, self.active_pane, self.front_pane, tall_summary)
        classes = f"browser -{mode}" + (" -tall-summary" if tall_summary else "")
        self.browser: Screen[None] = BrowserScreen(id="_default", classes=classes)
        """The screen the panes are on (the help and the palette are pushed over it)."""
        self._set_rows(rows)
        return self.browser

    def firm_pane_height(self) -> int:
        """Lines the firm pane needs: a line per firm, the border, and the search field while it
        shows (with room for the summary facts a search lists after the firms)."""
        if not self._search_shown:
            return len(self.dataset.firms) + 2
        rows = max(len(self.dataset.firms), self.query_one(FirmList).row_count)
        return rows + 2 + SEARCH_BAR_HEIGHT

    def _search_field_changed(self) -> None:
        """The search field opened or closed: the firm pane is resized to match."""
        search_bar = self.query_one(FirmFinder).search_bar
        self._search_shown = search_bar is not None and bool(search_bar.display)
        self.apply_layout()

    def grid_rows(self, mode: str, height: int) -> tuple[Optional[str], bool]:
        """The screen grid's rows for ``height`` lines of panes, and whether the summary is
        taller than the firm pane (the -tall-summary layout, see styles/app.tcss).

        The firm pane is as tall as its firms need (one line each, see firm_pane_height),
        up to 60% of the height (55% on a small terminal); the detail below it gets the
        rest. The summary is 40% of the height, and never shorter than its key figures
        need; the source below it gets the rest. The grid's first row ends where the
        shorter of the two top panes ends, its second where the taller one does.
        The tiny layout's rows are the stylesheet's (None).
        """
        if mode == "tiny":
            return None, False
        firms = self.firm_pane_height()
        if mode == "narrow":  # the summary or the source takes the whole right-hand side
            firms = max(3, min(firms, round(height * 0.55)))
            return f"{firms // 2} {firms - firms // 2} 1fr", False
        firms = max(3, min(firms, round(height * 0.6)))
        summary = min(max(round(height * 0.4), self._figure_count + 4), height - 6)
        if summary == firms:
            summary += 1  # two equal top panes would leave the grid a row of no height
        top, bottom = min(firms, summary), max(firms, summary)
        return f"{top} {bottom - top} 1fr", summary > firms

    def _set_rows(self, rows: Optional[str]) -> None:
        """The rows depend on the firms, which CSS can't know: set here (inline, over
        styles/app.tcss); the tiny layout's are the stylesheet's."""
        if rows != self._rows:
            self._rows = rows
            self.browser.styles.grid_rows = rows

    def compose(self) -> ComposeResult:
        # The first firm is shown in the first frame; the list's cursor starts on it.
        first = self.dataset.firms[0] if self.dataset.firms else None
        article = SourcePane(self.dataset, id="source", classes=self._layout_classes("source"))
        article.show_firm(first.quotes() if first is not None else [])
        # The panes sit in the screen's grid (styles/app.tcss), in the order it fills
        # its cells (see pane_order). No containers: each would paint its whole area first.
        panes: dict[str, Widget] = {
            "firms": FirmFinder(self.dataset, id="firms", classes=self._layout_classes("firms")),
            "summary": FactList(id="summary", classes=self._layout_classes("summary")),
            "source": article,
            "detail": FirmFacts(first, id="detail", classes=self._layout_classes("detail")),
        }
        for name in self.pane_order(self._layout_state[3]):
            yield panes[name]
        yield KeyBar(drop_first=KEY_LINE_DROPS_FIRST)

    @staticmethod
    def pane_order(tall_summary: bool) -> tuple[str, ...]:
        """The panes in the order the grid fills its cells, row by row: firms and summary on
        the first row; then whichever top pane is shorter has the pane below it next."""
        return ("firms", "summary", "detail", "source") if tall_summary else ("firms", "summary", "source", "detail")

    def _layout_classes(self, name: str) -> str:
        """A pane's classes for the current layout state."""
        classes = ["pane"]
        if name == self.active_pane:
            classes.append("-active")
        if name == self.front_pane:
            classes.append("-front")
        return " ".join(classes)

    def on_load(self) -> None:
        if self._exit_on_signals:  # on Load: before Textual takes the terminal over
            from tui.app.signals import exit_on_signals

            exit_on_signals(self)

    def on_mount(self) -> None:
        for pane in PANES:
            self.pane(pane.name).border_title = pane.border_title
        self.pane("firms").border_title = f"{BY_NAME['firms'].border_title} · {named_note(self.dataset)}"
        self.query_one(SourcePane).set_title(BY_NAME["source"].border_title)  # and, once known, how many sentences are cited
        self.query_one("#summary", FactList).show_facts(self._summary, one_line=(0,))  # the key figures come first
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
        -wide/-narrow/-tiny on the browser's screen by size (-tall-summary where the summary
        is taller than the firm pane), -active on the focused pane, -front on whichever of
        summary/source shows when they share an area."""
        size = size or self.size
        mode = self.layout_mode(size)
        rows, tall_summary = self.grid_rows(mode, size.height - 1)  # less the key line
        self._set_rows(rows)
        state = (mode, self.active_pane, self.front_pane, tall_summary)
        if state == self._layout_state:
            return  # restyling the whole screen is the costliest step of a resize
        if tall_summary != self._layout_state[3]:
            order = self.pane_order(tall_summary)
            self.browser.move_child(self.pane(order[2]), before=self.pane(order[3]))
        self._layout_state = state
        for name in ("wide", "narrow", "tiny"):
            self.browser.set_class(mode == name, f"-{name}")
        self.browser.set_class(tall_summary, "-tall-summary")
        for pane in PANE_NAMES:
            self.pane(pane).set_classes(self._layout_classes(pane))
        self._label_shared_area(mode)

    def _label_shared_area(self, mode: str) -> None:
        """Where two panes share an area, each says which key shows the other; where only
        one pane shows, each says it is one of four and how to get to the others."""
        for pane in PANES:
            self.pane(pane.name).border_subtitle = self.pane_subtitle(pane, mode)

    @staticmethod
    def pane_subtitle(pane: Pane, mode: str) -> str:
        """The line on a pane's bottom border: what the layout hides and how to show it."""
        if mode == "tiny":
            position = PANES.index(pane) + 1
            return f"{position} of {len(PANES)} · tab or {PANES[0].key}-{PANES[-1].key} to switch"
        if mode == "narrow" and pane.shares_area:
            other = next(candidate for candidate in SHARING if candidate is not pane)
            return f"{other.key}: {other.title.lower()}"
        return ""

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
        """Pane and copy keys act on the main screen only, not over the help or the palette
        (where `y` would copy what is hidden behind it)."""
        main_screen_only = ("next_pane", "previous_pane", "focus_pane", "search", "help", "copy", "copy_pane")
        if action in main_screen_only and self.screen is not self.screen_stack[0]:
            return False
        if action == "search":
            # A "/" typed into a field is text, and the source pane's "/" is its own (find).
            return not _is_text_field(self.focused) and self.pane_of(self.focused) != "source"
        return True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        pane = self.pane_of(event.widget)
        if pane is None:
            return
        if pane != self.active_pane:
            self._show(pane)
        article = self.query_one(ArticleView)
        if pane == "firms":  # no fact is under a cursor, unless a summary fact among search results is
            result = self.query_one(FirmList).summary_fact
            article.show_fact(result.fact.lit_quotes if result is not None and result.fact is not None else ())
        elif isinstance(event.widget, FactList):
            article.show_fact(event.widget.fact.lit_quotes if event.widget.fact else ())

    # -- provenance -------------------------------------------------------------

    def on_firm_list_highlighted(self, message: FirmList.Highlighted) -> None:
        firm = message.firm
        self.query_one(FirmFacts).show_firm(firm, message.firm_list.empty_message)
        article = self.query_one(ArticleView)
        article.show_firm(firm.quotes() if firm is not None else [])
        focused = self.focused
        if isinstance(focused, FactList) and focused.fact is not None:  # the firm was chosen from elsewhere (a cited sentence)
            article.show_fact(focused.fact.lit_quotes)

    def on_source_pane_citation_chosen(self, message: SourcePane.CitationChosen) -> None:
        from tui.app.citations import go_to_citation

        go_to_citation(self, message.citation)

    def on_firm_list_summary_fact_highlighted(self, message: FirmList.SummaryFactHighlighted) -> None:
        """A summary fact among the search results: its sentences are lit, as in the summary."""
        article = self.query_one(ArticleView)
        article.show_firm(())
        article.show_fact(message.fact.lit_quotes)

    def on_firm_list_opened(self, message: FirmList.Opened) -> None:
        """Enter on a row: the firm's detail on the fact that matched, or the summary on its fact."""
        from tui.app.widgets.search_results import open_result

        target = open_result(message.firm, message.fact, self.query_one(FirmFacts), self.query_one("#summary", FactList))
        pane = self.pane_of(target)
        if pane is not None:
            self.action_focus_pane(pane)

    def on_fact_list_fact_highlighted(self, message: FactList.FactHighlighted) -> None:
        if message.fact_list.has_focus:
            fact = message.fact
            self.query_one(ArticleView).show_fact(fact.lit_quotes if fact is not None else ())

    # -- keys -------------------------------------------------------------------

    def firm_search(self) -> FirmSearch:
        return self.query_one(FirmFinder).search_index

    def go_to_firm(self, firm: Firm) -> None:
        """Select ``firm`` in the list (from the palette) and put the focus there."""
        self.query_one(FirmFinder).go_to(firm)
        self.action_focus_pane("firms")
        self._search_field_changed()

    async def action_search(self) -> None:
        self._show("firms")
        await self.query_one(FirmFinder).open_search()
        self._search_field_changed()

    def on_search_bar_cleared(self) -> None:
        self._search_field_changed()

    def on_search_bar_changed(self) -> None:
        self._search_field_changed()  # (after the firm pane's own handler) its rows may need more room

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return system_commands(self, super().get_system_commands(screen))

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
        summary_fact = self.query_one("#summary", FactList).fact
        result = self.query_one(FirmList).summary_fact
        if pane == "firms" and result is not None and result.fact is not None:
            pane, summary_fact = "summary", result.fact  # a summary fact among search results: copied as in the summary
        self._copy(copies.for_pane(self.dataset, pane, self.query_one(FirmList).firm, fact, selected, summary_fact))

    def action_copy_pane(self) -> None:
        """Copy all of the focused pane: the listed firms, the firm, the summary, or the article."""
        from tui.core import copy_text as copies

        pane = self.pane_of(self.focused) or self.active_pane
        firm_list = self.query_one(FirmList)
        self._copy(copies.whole_pane(self.dataset, pane, firm_list.firm, list(firm_list.firms)))

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
