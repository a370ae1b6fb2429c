"""The firm list: one line per firm (its name, then origin · sector as far as the width allows), with a cursor.

It draws only the rows on screen (Textual's line API), so it is as quick with
100,000 firms as with 8, and it shows whatever sequence of firms it is given:
the whole dataset, or the results of a search with the matched letters marked,
why each firm matched, and the summary's matching facts after the firms (how
those rows read: :mod:`tui.app.widgets.search_results`, loaded with the first search).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, ClassVar, Optional

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.list_keys import list_bindings
from tui.app.widgets.style_cache import StyleCache
from tui.app.widgets.text_wrap import truncate_at_word
from tui.core.model import NOT_STATED, Fact, Firm

if TYPE_CHECKING:
    from tui.core.search_reasons import Reason

ROW_HEIGHT = 1
REASON_ROOM = 28
"""Cells a search result's reason needs after the aligned names; in a narrower pane it follows its firm's name."""

Highlighter = Callable[[str], list[tuple[int, int]]]
"""Given a firm name, the character ranges to mark as matched."""
Reasoner = Callable[[Firm], "list[Reason]"]
"""Given a firm of a search's results, why it matched (nothing when its name says so)."""


class FirmList(StyleCache, ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"firm-list--{part}" for part in ("name", "detail", "cursor", "match", "empty", "label", "loose", "group")
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings(),
        Binding("enter,l,right", "open", "Detail"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor is on a new firm (``None``: the list is empty)."""

        def __init__(self, firm_list: FirmList, firm: Optional[Firm]) -> None:
            super().__init__()
            self.firm_list = firm_list
            self.firm = firm

    class SummaryFactHighlighted(Message):
        """The cursor is on one of the summary's facts among a search's results."""

        def __init__(self, firm_list: FirmList, fact: Fact) -> None:
            super().__init__()
            self.firm_list = firm_list
            self.fact = fact

    class Opened(Message):
        """Enter on a row: go to ``firm`` (on ``fact``, the fact that matched, if any), or to the
        summary's ``fact`` when ``firm`` is None. The app knows where those are."""

        def __init__(self, firm_list: FirmList, firm: Optional[Firm], fact: Optional[Fact]) -> None:
            super().__init__()
            self.firm_list = firm_list
            self.firm = firm
            self.fact = fact

    def __init__(self, firms: Sequence[Firm], *, id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self.firms: Sequence[Firm] = firms
        self.highlighter: Optional[Highlighter] = None
        self.reasoner: Optional[Reasoner] = None
        self.summary_facts: Sequence[Reason] = ()
        """The summary's facts a search matched, listed after the firms."""
        self._reasons: dict[int, list[Reason]] = {}
        """Why the firm of each row drawn so far matched (worked out for the rows on screen only)."""
        self.empty_message = "No firms."
        self._announced: Optional[Firm] = None
        self._all_firms = firms
        self._name_width: Optional[int] = None

    @property
    def firm(self) -> Optional[Firm]:
        """The firm under the cursor."""
        return self.firms[self.cursor] if 0 <= self.cursor < len(self.firms) else None

    @property
    def summary_fact(self) -> Optional[Reason]:
        """The summary fact under the cursor (after the firms of a search), and why it matched."""
        index = self.cursor - len(self.firms)
        return self.summary_facts[index] if 0 <= index < len(self.summary_facts) else None

    @property
    def row_count(self) -> int:
        return len(self.firms) + len(self.summary_facts)

    def reasons(self, row: int) -> list[Reason]:
        """Why the firm of ``row`` matched the search (nothing outside a search, or when its name did)."""
        if self.reasoner is None or not 0 <= row < len(self.firms):
            return []
        found = self._reasons.get(row)
        if found is None:
            found = self._reasons[row] = self.reasoner(self.firms[row])
        return found

    def show(
        self,
        firms: Sequence[Firm],
        highlighter: Optional[Highlighter] = None,
        select: Optional[Firm] = None,
        reasoner: Optional[Reasoner] = None,
        summary_facts: Sequence[Reason] = (),
    ) -> None:
        """Show ``firms`` (and, after them, ``summary_facts``) instead; the cursor goes to ``select``
        if it is among them, else the top."""
        self.firms = firms
        self.highlighter = highlighter
        self.reasoner = reasoner
        self.summary_facts = summary_facts
        self._reasons = {}
        index = 0
        if select is not None:
            index = next((i for i, firm in enumerate(firms) if firm is select), 0)
        self.virtual_size = Size(self.size.width, self.row_count * ROW_HEIGHT)
        self.cursor = index
        self.refresh()

    def select(self, firm: Firm) -> bool:
        """Put the cursor on ``firm``; False if it isn't in the list."""
        for index, candidate in enumerate(self.firms):
            if candidate is firm:
                self.cursor = index
                return True
        return False

    # -- cursor -----------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_row(new)
        summary_fact = self.summary_fact
        if summary_fact is not None and summary_fact.fact is not None:
            if not self.firms:  # no firm matched: the detail says so
                self.post_message(self.Highlighted(self, None))
            self._announced = None
            self.post_message(self.SummaryFactHighlighted(self, summary_fact.fact))
            return
        firm = self.firm
        if firm is not self._announced or not self.firms:
            self._announced = firm
            self.post_message(self.Highlighted(self, firm))

    def on_mount(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.firms) * ROW_HEIGHT)
        self.post_message(self.Highlighted(self, self.firm))
        self._announced = self.firm

    def _refresh_row(self, row: int) -> None:
        y = row * ROW_HEIGHT - self.scroll_offset.y
        self.refresh(Region(0, y, self.size.width, ROW_HEIGHT))

    def _scroll_to_row(self, row: int) -> None:
        self.scroll_to_region(Region(0, row * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, force=True)

    def _rows_per_page(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.row_count - 1

    def action_page_up(self) -> None:
        self.cursor -= self._rows_per_page()

    def action_page_down(self) -> None:
        self.cursor += self._rows_per_page()

    def on_click(self, event: events.Click) -> None:
        row = (event.y + self.scroll_offset.y) // ROW_HEIGHT
        if 0 <= row < self.row_count:
            self.cursor = row

    def action_open(self) -> None:
        """Enter: to the firm's detail (on the fact that matched), or to the summary fact."""
        summary_fact = self.summary_fact
        if summary_fact is not None:
            self.post_message(self.Opened(self, None, summary_fact.fact))
            return
        reasons = self.reasons(self.cursor)
        self.post_message(self.Opened(self, self.firm, next((reason.fact for reason in reasons if reason.fact is not None), None)))

    # -- rendering --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.style_for()
        line = self.scroll_offset.y + y
        row = line // ROW_HEIGHT
        if not self.row_count:
            if line == 0:
                message = Text.assemble((self.empty_message, self.style_for("firm-list--empty", partial=True)))
                return _strip(self.app.console, message, width, base)
            return Strip.blank(width, base)
        if row >= self.row_count:
            return Strip.blank(width, base)
        style, over = base, None
        if row == self.cursor:
            cursor, over = self.cursor_styles("firm-list--cursor")
            style = base + cursor
        if row >= len(self.firms):
            from tui.app.widgets.search_results import summary_row

            return _strip(self.app.console, summary_row(self.summary_facts[row - len(self.firms)], self._part_style), width, style, over)
        firm = self.firms[row]
        text = self._name_line(firm)
        column = self._name_column()
        room = width - column if not self.reasons(row) else width - column - REASON_ROOM  # a reason needs more
        if column <= width * 3 // 5 and room >= 0:  # aligned where the widest name leaves room, else just after each name
            text.append(" " * max(0, column - text.cell_len))
        text.append_text(self._why_line(row, firm))
        return _strip(self.app.console, text, width, style, over)

    def _part_style(self, part: str) -> Style:
        return self.style_for(f"firm-list--{part}", partial=True)

    def _why_line(self, row: int, firm: Firm) -> Text:
        """What follows the name: why the firm matched a search, else its origin · sector."""
        reasons = self.reasons(row)
        if not reasons:
            return self._detail_line(firm)
        from tui.app.widgets.search_results import LOOSE_MARK, firm_reason_shows_name_only, reason_text

        if firm_reason_shows_name_only(reasons):  # the name matched, loosely: say so, then the usual detail
            detail = self._detail_line(firm)[2:]  # (its leading spaces: the mark goes there)
            return Text.assemble(("  ", ""), (LOOSE_MARK, self._part_style("loose")), detail, no_wrap=True)
        return Text.assemble(("  ", ""), reason_text(reasons, self._part_style), no_wrap=True)

    def _name_column(self) -> int:
        """Where origin · sector start (after the longest name of the whole dataset), so they
        line up below each other; worked out once, on the first line drawn, in characters (C
        speed: 5 ms at 100,000 firms, where counting cells took 67 ms of the first frame). A name of
        wide characters pushes its own detail along, two spaces after it."""
        if self._name_width is None:
            self._name_width = max(map(len, map(_name, self._all_firms)), default=0)
        return self._name_width

    def _name_line(self, firm: Firm) -> Text:
        # Styles as spans, not the Text's base style, which Text.render leaves out.
        text = Text.assemble((firm.name, self.style_for("firm-list--name", partial=True)), no_wrap=True)
        if self.highlighter is not None:
            match = self.style_for("firm-list--match", partial=True)
            for start, end in self.highlighter(firm.name):
                text.stylize(match, start, end)
        return text

    def _detail_line(self, firm: Firm) -> Text:
        origin = firm.origin.value or f"origin {NOT_STATED}"
        sector = firm.sector.value or f"sector {NOT_STATED}"
        return Text.assemble((f"  {origin} · {sector}", self.style_for("firm-list--detail", partial=True)), no_wrap=True)


_name = attrgetter("name")


def _strip(console: Console, text: Text, width: int, style: Style, over: Optional[Style] = None) -> Strip:
    """One screen line of ``text`` in ``style`` (``over`` drawn over the text's own):
    never wrapped, cut with an ellipsis if it is too wide."""
    truncate_at_word(text, max(1, width))
    segments = Segment.apply_style(text.render(console), style, over)
    return Strip(segments).extend_cell_length(width, style).crop(0, width)
