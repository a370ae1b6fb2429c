"""The oases-tui app: four panes wired together.

Firm list → firm detail → source highlights: moving the list cursor shows the
firm's facts and lights up their sentences in the article; moving the detail's
(or the summary's) cursor lights up one fact's sentence more strongly. The
layout adapts to the terminal: all four panes when there is room, summary and
source sharing one area on a small terminal, only the focused pane on a tiny one.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar, Optional

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Footer

from tui import formats
from tui.commands import CopyCommands, FirmCommands
from tui.copier import Copier
from tui.model import Dataset, Firm
from tui.resources import stylesheets
from tui.search import FirmSearch
from tui.summary import summary_sections
from tui.widgets.article_view import ArticleView
from tui.widgets.detail_pane import DetailPane
from tui.widgets.fact_list import FactList
from tui.widgets.firm_list import FirmList
from tui.widgets.firms_pane import FirmsPane
from tui.widgets.help_screen import HelpScreen

PANES = ("firms", "detail", "summary", "source")
"""The panes in tab order; keys 1–4 focus them."""

PANE_TITLES = {"firms": "1 Firms", "detail": "2 Detail", "summary": "3 Summary", "source": "4 Source"}
FOCUS_TARGETS = {"firms": "#firm-list", "detail": "#detail-facts", "summary": "#summary-facts", "source": "#article"}

WIDE = (100, 30)
"""From this size (columns, rows) all four panes are shown at once."""
TINY = (60, 16)
"""Below this size only the focused pane is shown."""


class OasesApp(App[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = list(stylesheets())
    TITLE = "oases-tui"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", show=False, priority=True),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, priority=True),
        Binding("1", "focus_pane('firms')", "Firms", show=False),
        Binding("2", "focus_pane('detail')", "Detail", show=False),
        Binding("3", "focus_pane('summary')", "Summary", show=False),
        Binding("4", "focus_pane('source')", "Source", show=False),
        Binding("slash", "search", "Search"),
        Binding("y", "copy", "Copy"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    COMMANDS: ClassVar = App.COMMANDS | {FirmCommands, CopyCommands}

    def __init__(self, dataset: Dataset, debug: bool = False) -> None:
        super().__init__()
        self.dataset = dataset
        self.copier = Copier(self)
        self.debug_errors = debug
        self.crash: Optional[str] = None
        """What went wrong, if the app stopped on an unexpected exception (for the CLI to report)."""
        self.active_pane = "firms"
        self.front_pane = "source"  # which of summary/source shows when they share an area

    def compose(self) -> ComposeResult:
        with Horizontal(id="columns"):
            with Vertical(id="left", classes="column"):
                yield FirmsPane(self.dataset, id="firms", classes="pane")
                yield DetailPane(id="detail", classes="pane")
            with Vertical(id="right", classes="column"):
                with Vertical(id="summary", classes="pane"):
                    yield FactList(id="summary-facts")
                with Vertical(id="source", classes="pane"):
                    yield ArticleView(self.dataset.source.text, id="article")
        yield Footer()

    def on_mount(self) -> None:
        for pane in PANES:
            self.pane(pane).border_title = PANE_TITLES[pane]
        self.query_one("#summary-facts", FactList).show_facts(summary_sections(self.dataset))
        self.apply_layout()
        self.query_one(FirmList).focus()

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
            if widget.id in PANES:
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
        """Set the classes the stylesheet lays the screen out by (see styles/app.tcss)."""
        mode = self.layout_mode(size or self.size)
        screen = self.screen
        for name in ("wide", "narrow", "tiny"):
            screen.set_class(mode == name, f"-{name}")
        for pane in PANES:
            self.pane(pane).set_class(pane == self.active_pane, "-active")
            self.pane(pane).set_class(pane == self.front_pane, "-front")
        left = self.active_pane in ("firms", "detail")
        self.query_one("#left").set_class(left, "-active")
        self.query_one("#right").set_class(not left, "-active")
        shared = mode != "wide"
        self.pane("summary").border_subtitle = "4: source" if shared else ""
        self.pane("source").border_subtitle = "3: summary" if shared else ""

    def focus_target(self, pane: str) -> Widget:
        return self.query_one(FOCUS_TARGETS[pane])

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
        self.action_focus_pane(PANES[(PANES.index(current) + step) % len(PANES)])

    def _show(self, pane: str) -> None:
        self.active_pane = pane
        if pane in ("summary", "source"):
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
        self.query_one(DetailPane).show_firm(firm, message.firm_list.empty_message)
        self.query_one(ArticleView).show_firm(firm.quotes() if firm is not None else [])

    def on_fact_list_fact_highlighted(self, message: FactList.FactHighlighted) -> None:
        if message.fact_list.has_focus:
            fact = message.fact
            self.query_one(ArticleView).show_fact(fact.quote if fact is not None else None)

    # -- keys -------------------------------------------------------------------

    def firm_search(self) -> FirmSearch:
        return self.query_one(FirmsPane).search_index

    def go_to_firm(self, firm: Firm) -> None:
        """Select ``firm`` in the list (from the palette) and put the focus there."""
        self.query_one(FirmsPane).go_to(firm)
        self.action_focus_pane("firms")

    def action_search(self) -> None:
        self._show("firms")
        self.query_one(FirmsPane).open_search()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # -- copying ----------------------------------------------------------------

    def action_copy(self) -> None:
        """Copy what has focus: the firm, the fact, the summary, or the source text."""
        pane = self.pane_of(self.focused) or self.active_pane
        firm = self.query_one(FirmList).firm
        if pane == "detail":
            fact = self.query_one("#detail-facts", FactList).fact
            if firm is not None and fact is not None:
                self.copier.copy(formats.fact_text(self.dataset, firm, fact), f"{firm.name}: {fact.label}")
                return
        elif pane == "summary":
            self.copier.copy(formats.summary_text(self.dataset), "the programme summary")
            return
        elif pane == "source":
            selected = self.query_one(ArticleView).selected_text()
            if selected:
                self.copier.copy(selected, "the selected text")
            else:
                self.copier.copy(self.dataset.source.text, "the whole article")
            return
        if firm is None:
            self.notify("Nothing to copy: no firm is selected.", severity="warning", markup=False)
            return
        self.copier.copy(formats.firm_text(self.dataset, firm), f"{firm.name} details")

    def copy_as(self, kind: str) -> None:
        """A palette copy: ``kind`` is one of the names in :data:`tui.commands.COPY_COMMANDS`."""
        firm = self.query_one(FirmList).firm
        listed = list(self.query_one(FirmList).firms)
        if kind == "summary_markdown":
            self.copier.copy(formats.summary_markdown(self.dataset), "the programme summary as Markdown")
        elif kind == "list_csv":
            self.copier.copy(formats.firms_csv(self.dataset, listed), f"{len(listed)} firms as CSV")
        elif kind == "list_markdown":
            self.copier.copy(formats.firms_markdown_table(self.dataset, listed), f"{len(listed)} firms as a Markdown table")
        elif firm is None:
            self.notify("Nothing to copy: no firm is selected.", severity="warning", markup=False)
        elif kind == "firm_markdown":
            self.copier.copy(formats.firm_markdown(self.dataset, firm), f"{firm.name} as Markdown")
        elif kind == "firm_json":
            self.copier.copy(formats.firm_json(self.dataset, firm), f"{firm.name} as JSON")
