"""The firm pane: the search field and the list of named firms (the pane's title says
how many of the signatories the article names).

It owns searching: each keystroke in the field re-ranks the list with
:class:`tui.core.search.FirmSearch` (built on the first search, not at start-up),
marks the matched letters and says why each firm matched; the summary's facts that
match (:class:`tui.core.search_reasons.SummarySearch`) follow the firms. Enter in the
field goes to the best result: the list on a firm, or the summary on a fact. Escape
brings the whole list back with the cursor on the firm that was selected. The search field itself is mounted on the first
``/``: hidden until then, it would only cost start-up time (four widgets to
style, one of them an ``Input``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar, Optional, overload

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical

from tui.app.widgets.firm_list import FirmList
from tui.core.model import Dataset, Firm

if TYPE_CHECKING:
    from tui.app.widgets.search_bar import SearchBar
    from tui.core.search import FirmSearch
    from tui.core.search_reasons import SummarySearch


def named_note(dataset: Dataset) -> str:
    """How many of the firms that signed the article names, for the pane's title ("8 of 17 named")."""
    named, signed = len(dataset.firms), dataset.ceremony.signed.value
    return f"all {signed:,} named" if named == signed else f"{named:,} of {signed:,} named"


SEARCH_BAR_HEIGHT = 2
"""Lines the search field takes above the list while it shows (styles/search.tcss: a line and a margin)."""


PREBUILD_FROM = 5_000
"""From this many firms the search index is built in the background after start-up."""
PREBUILD_AFTER = 1.0
"""Seconds after start-up; a search typed sooner builds the index there and then."""


class Subset(Sequence[Firm]):
    """Some of the firms, in a given order, without copying them (a search result at 100,000 firms)."""

    def __init__(self, firms: Sequence[Firm], indices: list[int]) -> None:
        self._firms = firms
        self._indices = indices

    def __len__(self) -> int:
        return len(self._indices)

    @overload
    def __getitem__(self, index: int) -> Firm: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Firm]: ...
    def __getitem__(self, index: int | slice) -> Firm | Sequence[Firm]:
        if isinstance(index, slice):
            return [self._firms[i] for i in self._indices[index]]
        return self._firms[self._indices[index]]


class FirmFinder(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "clear_search", "Clear search", show=False)]

    def __init__(self, dataset: Dataset, *, id: Optional[str] = None, classes: Optional[str] = None) -> None:
        super().__init__(id=id, classes=classes)
        self.dataset = dataset
        self._search: Optional[FirmSearch] = None
        self._summary_search: Optional[SummarySearch] = None
        self._search_lock = threading.Lock()
        self.shown_query = ""
        """The query the list is filtered by ("" for every firm)."""
        self._last_selected: Optional[Firm] = None
        self._before_search: Optional[Firm] = None
        """The firm selected when the search field was opened: escape in the field goes back to it."""
        self.search_bar: Optional[SearchBar] = None
        """The search field, once the user has opened it."""

    def compose(self) -> ComposeResult:
        yield FirmList(self.dataset.firms, id="firm-list")

    @property
    def firm_list(self) -> FirmList:
        return self.query_one(FirmList)

    @property
    def search_index(self) -> FirmSearch:
        """The search over every firm: built after the first frame for a large dataset
        (see on_mount), else the first time someone searches; never at start-up."""
        with self._search_lock:  # a build in the background finishes before this returns
            if self._search is None:
                from tui.core.search import FirmSearch

                self._search = FirmSearch(self.dataset.firms)
            return self._search

    @property
    def summary_search(self) -> SummarySearch:
        """The search over the summary's facts (a couple of dozen: built on the first search)."""
        if self._summary_search is None:
            from tui.core.search_reasons import SummarySearch
            from tui.core.summary import summary_sections

            self._summary_search = SummarySearch(fact for section in summary_sections(self.dataset) for fact in section.facts)
        return self._summary_search

    def on_mount(self) -> None:
        if len(self.dataset.firms) >= PREBUILD_FROM:
            # Building takes most of a second at 100,000 firms: do it now, off the UI thread,
            # so the first keystroke of a search doesn't stall.
            # A second's wait keeps the build from competing with the first frames for the GIL.
            self.set_timer(PREBUILD_AFTER, self._prebuild_search_index)

    def _prebuild_search_index(self) -> None:
        self.run_worker(lambda: self.search_index, thread=True, group="search-index")

    def go_to(self, firm: Firm) -> None:
        """Put the cursor on ``firm``, clearing a search that hides it."""
        if not self.firm_list.select(firm):
            self.clear_search()
            self.firm_list.select(firm)

    async def open_search(self) -> None:
        """Show the search field (mounting it the first time) with the cursor in it."""
        self._before_search = self.firm_list.firm or self._last_selected
        if self.search_bar is None:
            from tui.app.widgets.search_bar import SearchBar  # (its module loads on the first search, too)

            self.search_bar = SearchBar(id="search-bar")
            await self.mount(self.search_bar, before=self.firm_list)
        self.search_bar.open()
        self._show_count()

    def clear_search(self) -> None:
        """Back to every firm, the cursor staying on the selected one."""
        if self.search_bar is not None:
            self.search_bar.reset()
        self._show_all()

    def action_clear_search(self) -> None:
        if self.search_bar is not None and self.search_bar.display:
            self.clear_search()

    def filter(self, query: str) -> None:
        """Show the firms matching ``query``, best first, matched letters marked and why each
        matched; then the summary's facts that match."""
        firm_list = self.firm_list
        if not query.strip():  # empty or only spaces: nothing to search for
            self._show_all()
            return
        from tui.core.search import name_highlights
        from tui.core.search_reasons import firm_reasons

        search = self.search_index
        indices = search.search(query)
        summary_facts = self.summary_search.search(query)
        if search.loose and summary_facts:
            indices = []  # firms by their letters in order only when nothing matches better
        self.shown_query = query
        firm_list.empty_message = f"No firm matches “{query}”."
        firm_list.show(
            Subset(self.dataset.firms, indices),
            partial(name_highlights, query=query),
            reasoner=partial(firm_reasons, query=query),
            summary_facts=summary_facts,
        )
        self._show_count()

    def _show_all(self) -> None:
        self.shown_query = ""
        firm_list = self.firm_list
        firm_list.empty_message = "No firms."
        if firm_list.firms is not self.dataset.firms:
            firm_list.show(self.dataset.firms, None, select=firm_list.firm or self._last_selected)
        self._show_count()

    def _show_count(self) -> None:
        if self.search_bar is not None:
            firm_list = self.firm_list
            self.search_bar.show_count(len(firm_list.firms), len(self.dataset.firms), len(firm_list.summary_facts))

    @on(FirmList.Highlighted)
    def _remember(self, event: FirmList.Highlighted) -> None:
        if event.firm is not None:
            self._last_selected = event.firm  # escape comes back to it, even after "no match"

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.filter(event.query)

    def on_search_bar_done(self, event: SearchBar.Done) -> None:
        """Enter or down: to the list, on the best result; enter on a summary fact (no firm
        matched) goes on to it, in the summary."""
        firm_list = self.firm_list
        if event.enter and firm_list.summary_fact is not None:
            # Run by the list, so the message is the list's own and bubbles past this pane to the app.
            firm_list.call_later(firm_list.action_open)
        else:
            firm_list.focus()

    def on_search_bar_cleared(self) -> None:
        """Escape in the field: the whole list, on the firm selected before the search (the
        cursor only sat on matches as they were typed; enter or down is what picks one)."""
        self.clear_search()
        if self._before_search is not None:
            self.firm_list.select(self._before_search)
        self.firm_list.focus()
