"""The firm list: one line per firm (its name, then origin · sector as far as the width allows), with a cursor.

It draws only the rows on screen (Textual's line API), so it is as quick with
100,000 firms as with 8, and it shows whatever sequence of firms it is given:
the whole dataset, or the results of a search with the matched letters marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Callable, ClassVar, Optional

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
from tui.core.model import NOT_STATED, Firm

ROW_HEIGHT = 1

Highlighter = Callable[[str], list[tuple[int, int]]]
"""Given a firm name, the character ranges to mark as matched."""


class FirmList(StyleCache, ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"firm-list--{part}" for part in ("name", "detail", "cursor", "match", "empty")}

    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings(),
        Binding("enter,l,right", "app.focus_pane('detail')", "Detail"),  # the app's action: the list knows no panes
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor is on a new firm (``None``: the list is empty)."""

        def __init__(self, firm_list: FirmList, firm: Optional[Firm]) -> None:
            super().__init__()
            self.firm_list = firm_list
            self.firm = firm

    def __init__(self, firms: Sequence[Firm], *, id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self.firms: Sequence[Firm] = firms
        self.highlighter: Optional[Highlighter] = None
        self.empty_message = "No firms."
        self._announced: Optional[Firm] = None
        self._all_firms = firms
        self._name_width: Optional[int] = None

    @property
    def firm(self) -> Optional[Firm]:
        """The firm under the cursor."""
        return self.firms[self.cursor] if 0 <= self.cursor < len(self.firms) else None

    def show(self, firms: Sequence[Firm], highlighter: Optional[Highlighter] = None, select: Optional[Firm] = None) -> None:
        """Show ``firms`` instead; the cursor goes to ``select`` if it is among them, else the top."""
        self.firms = firms
        self.highlighter = highlighter
        index = 0
        if select is not None:
            index = next((i for i, firm in enumerate(firms) if firm is select), 0)
        self.virtual_size = Size(self.size.width, len(firms) * ROW_HEIGHT)
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
        return max(0, min(cursor, len(self.firms) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_row(new)
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
        self.cursor = len(self.firms) - 1

    def action_page_up(self) -> None:
        self.cursor -= self._rows_per_page()

    def action_page_down(self) -> None:
        self.cursor += self._rows_per_page()

    def on_click(self, event: events.Click) -> None:
        row = (event.y + self.scroll_offset.y) // ROW_HEIGHT
        if 0 <= row < len(self.firms):
            self.cursor = row

    # -- rendering --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.style_for()
        line = self.scroll_offset.y + y
        row = line // ROW_HEIGHT
        if not self.firms:
            if line == 0:
                message = Text.assemble((self.empty_message, self.style_for("firm-list--empty", partial=True)))
                return _strip(self.app.console, message, width, base)
            return Strip.blank(width, base)
        if row >= len(self.firms):
            return Strip.blank(width, base)
        firm = self.firms[row]
        style, over = base, None
        if row == self.cursor:
            cursor, over = self.cursor_styles("firm-list--cursor")
            style = base + cursor
        text = self._name_line(firm)
        column = self._name_column()
        if column <= width * 3 // 5:  # aligned where the widest name leaves room, else just after each name
            text.append(" " * max(0, column - text.cell_len))
        text.append_text(self._detail_line(firm))
        return _strip(self.app.console, text, width, style, over)

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
