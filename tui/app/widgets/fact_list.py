"""A list of facts as ``Label  value`` rows, with a cursor that says which fact is in view.

Used by the firm detail and the programme summary. Moving the cursor posts
:class:`FactList.FactHighlighted`, which the app turns into a highlight in the
source pane: the reader sees where the article says each fact. The quote of the
fact under the cursor is docked at the bottom of the pane while it has the
focus; ``v`` shows every quote under its fact instead. Rows are laid out by
:mod:`tui.app.widgets.fact_rows`.

It draws its lines itself (Textual's line API), like the firm list and the
source pane: each fact is wrapped once per pane width and each screen line is a
ready strip. An ``OptionList`` did the same job, but styling and rendering the
two of them was a large share of the app's start-up (the README's Performance
section says how it is measured).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import ClassVar, Optional

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.fact_rows import Row, dock_lines, row_lines, sticky_line
from tui.app.widgets.list_keys import list_bindings
from tui.app.widgets.style_cache import StyleCache
from tui.core.model import NOT_STATED_TEXT, Fact
from tui.core.provenance import note_text, provenance_text

HeaderLine = Sequence[tuple[str, str]]
"""A line above the facts, as pieces of text each with a role: "title", "note" or "" (plain)."""

NO_QUOTE = "No quote: the article does not state this."
"""What the quote line says under a fact the article doesn't state."""


class FactList(StyleCache, ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"fact-list--{part}" for part in ("title", "note", "heading", "label", "not-stated", "quote", "cursor", "rule")
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings(),
        Binding("v", "toggle_quotes", "Quotes"),
        Binding("h,left", "app.focus_pane('firms')", "Firms"),  # back to the list (the app's action)
    ]

    highlighted: reactive[Optional[int]] = reactive(None, always_update=True, init=False)
    """The row under the cursor (an index into :attr:`rows`; never a heading)."""

    class FactHighlighted(Message):
        """The cursor is on ``fact`` (``None``: on nothing)."""

        def __init__(self, fact_list: FactList, fact: Optional[Fact]) -> None:
            super().__init__()
            self.fact_list = fact_list
            self.fact = fact

        @property
        def control(self) -> FactList:
            return self.fact_list

    def __init__(self, *, id: Optional[str] = None, classes: Optional[str] = None) -> None:
        super().__init__(id=id, classes=classes)
        self._sections: Sequence[tuple[Optional[str], Sequence[Fact]]] = []
        self._header_lines: Sequence[HeaderLine] = []
        self.header: list[Text] = []
        """Lines that stay above the facts as they scroll (the detail's firm name)."""
        self._wrapped_header: list[Text] = []
        self.rows: list[Row] = []
        """What the list shows, in order; built from the facts when styles are known."""
        self._text_styles: tuple[Style, ...] = ()
        """The styles the rows' text was built with."""
        self._lines: list[Text] = []
        """The screen lines of the rows wrapped so far."""
        self._row_starts: list[int] = []
        """The first screen line of each row wrapped so far."""
        self._strips: dict[int, Strip] = {}
        """Screen lines rendered so far."""
        self._laid_out_width = 0
        """The width the rows are wrapped to; 0 before the pane has a size."""
        self._finishing = False
        self._one_line: frozenset[int] = frozenset()
        """The sections drawn one line per fact (the summary's key figures)."""
        self.show_quotes = False
        """Every fact's quote under it (``v``), instead of the cursor's docked at the bottom."""
        self._dock_lines: list[Text] = []
        self._dock_key: Optional[tuple[object, ...]] = None
        self._dock_height_shown = 0
        """The dock's height the scroll height was last set for."""

    @property
    def fact(self) -> Optional[Fact]:
        """The fact under the cursor."""
        index = self.highlighted
        return self.rows[index].fact if index is not None and 0 <= index < len(self.rows) else None

    @property
    def facts(self) -> list[Fact]:
        return [row.fact for row in self.rows if row.fact is not None]

    def show_facts(
        self,
        sections: Sequence[tuple[Optional[str], Sequence[Fact]]],
        header: Sequence[HeaderLine] = (),
        one_line: Sequence[int] = (),
    ) -> None:
        """Show the facts, grouped under headings (a heading of ``None`` shows none), below
        ``header``, which doesn't scroll; the sections numbered in ``one_line`` one line per
        fact; the cursor to the top."""
        self._sections = sections
        self._header_lines = header
        self._one_line = frozenset(one_line)
        self._build_rows()
        self.refresh()
        self.highlighted = next((i for i, row in enumerate(self.rows) if row.fact is not None), None)
        self.scroll_home(animate=False)

    def _build_rows(self) -> None:
        """The rows' text, in the current styles (the theme's colours)."""
        self._text_styles = title_style, note_style, heading, label, not_stated, quote = self._current_text_styles()
        roles = {"title": title_style, "note": note_style}
        self.header = [Text.assemble(*((text, roles.get(role, "")) for text, role in line)) for line in self._header_lines]
        self.rows = []
        for section, (title, facts) in enumerate(self._sections):
            column = max((Text(fact.label).cell_len for fact in facts), default=0)
            if title is not None:
                self.rows.append(Row(None, Text.assemble((title, heading)), Text(), None, column))  # a span: Text.render drops a base style
            for fact in facts:
                value = Text(NOT_STATED_TEXT, not_stated) if fact.value is None else Text(fact.value)
                quoted = self._provenance(fact, quote, note_style)
                self.rows.append(Row(fact, Text.assemble((fact.label, label)), value, quoted, column, section in self._one_line))
        self._laid_out_width = 0

    @staticmethod
    def _provenance(fact: Fact, quote_style: Style, note_style: Style) -> Optional[Text]:
        """The fact's quote (or how it is derived) and, on a line of its own, the editor's note."""
        provenance, note = provenance_text(fact), note_text(fact)
        pieces = [*([(provenance, quote_style)] if provenance is not None else []), *([(note, note_style)] if note is not None else [])]
        if not pieces:
            return None
        text = Text.assemble(pieces[0])
        for piece in pieces[1:]:
            text.append("\n")
            text.append(*piece)
        return text

    def _current_text_styles(self) -> tuple[Style, ...]:
        names = ("title", "note", "heading", "label", "not-stated", "quote")
        return tuple(self.style_for(f"fact-list--{name}", partial=True) for name in names)

    # -- layout -----------------------------------------------------------------

    def _layout(self, until_line: Optional[int] = None, until_row: Optional[int] = None) -> bool:
        """Wrap the rows to the pane's width (once per width): up to screen line
        ``until_line`` or row ``until_row`` if given, the rest after the frame is
        painted (what is below the pane's bottom isn't needed to paint it).
        False while the pane has no size yet (nothing is wrapped to a width it won't have)."""
        if self._current_text_styles() != self._text_styles:
            self._build_rows()  # restyled since (a theme change): the colours are in the text
        width = self.scrollable_content_region.width
        if width <= 0:
            return False
        console = self.app.console
        if width != self._laid_out_width:
            self._laid_out_width = width
            self._lines, self._row_starts, self._strips = [], [], {}
            self._wrapped_header = [line for text in self.header for line in text.wrap(console, width, overflow="fold")]
        while len(self._row_starts) < len(self.rows):
            if until_line is not None and len(self._lines) > until_line:
                break
            if until_row is not None and len(self._row_starts) > until_row:
                break
            index = len(self._row_starts)
            self._row_starts.append(len(self._lines))
            self._lines.extend(row_lines(self.rows[index], width, console, self.show_quotes, first=index == 0))
        if len(self._row_starts) == len(self.rows):
            self.virtual_size = Size(width, len(self._lines) + self.header_height + self.dock_reserve)
        elif not self._finishing:
            self._finishing = True
            self.call_after_refresh(self._finish_layout)
        return True

    @property
    def laid_out(self) -> bool:
        """Every row is wrapped to the pane's current width (soon after a frame)."""
        return self._laid_out_width > 0 and len(self._row_starts) == len(self.rows)

    def _finish_layout(self) -> None:
        self._finishing = False
        self._layout()

    @property
    def header_height(self) -> int:
        """Screen lines above the facts: the header, at most half the pane (a 10,000-character
        name must not hide the facts), and a blank line; none without a header."""
        if not self.header:
            return 0
        shown = min(len(self._wrapped_header), max(1, self.scrollable_content_region.height // 2))
        return shown + 1

    # -- the docked quote --------------------------------------------------------

    @property
    def dock_height(self) -> int:
        """Screen lines at the bottom for the cursor fact's quote: a rule and the quote,
        at most a third of the pane; none without the focus, when every quote is shown, or in a
        pane too small for it."""
        return len(self._dock())

    @property
    def dock_reserve(self) -> int:
        """Lines the scroll height keeps below the last fact for the dock: its tallest, so the
        scroll range is set once per focus, not at every cursor move (when it would lag a frame
        behind the dock and leave the cursor row under it)."""
        if self.show_quotes or not self.has_focus or not self.rows:
            return 0
        room = self.scrollable_content_region.height - self.header_height
        return 0 if room < 4 else 1 + max(1, room // 3)

    def _dock(self) -> list[Text]:
        fact = self.fact
        width = self._laid_out_width
        if self.show_quotes or fact is None or width <= 0 or not self.has_focus:
            return []
        room = self.scrollable_content_region.height - self.header_height
        if room < 4:
            return []  # no room for a fact and its quote: the source pane still lights it
        key = (fact, width, room, self._text_styles)
        if key != self._dock_key:
            self._dock_key = key
            rule_style = self.style_for("fact-list--rule", partial=True)
            provenance = self._provenance(fact, self._text_styles[-1], self._text_styles[1])
            self._dock_lines = dock_lines(
                provenance if provenance is not None else Text(NO_QUOTE, self._text_styles[-1]),
                width,
                max(1, room // 3),
                self.app.console,
                rule_style,
                "Derived" if fact.derivation is not None else "Quote",
            )
        return self._dock_lines

    def _dock_changed(self) -> None:
        """The dock came, went or changed height: the scroll height follows, the cursor stays in view."""
        self._dock_height_shown = self.dock_height
        if self.laid_out:
            self.virtual_size = Size(self._laid_out_width, len(self._lines) + self.header_height + self.dock_reserve)
        self.refresh()
        self._scroll_to_row(self.highlighted)

    def on_focus(self) -> None:
        self._dock_changed()

    def on_blur(self) -> None:
        self._dock_changed()

    def action_toggle_quotes(self) -> None:
        """Every quote under its fact, or only the cursor fact's at the bottom."""
        self.show_quotes = not self.show_quotes
        self._laid_out_width = 0
        self._layout(until_row=self.highlighted or 0)
        self._dock_changed()

    def on_resize(self) -> None:
        if self._layout(until_row=self.highlighted or 0) and len(self._row_starts) == len(self.rows):
            self.virtual_size = Size(self._laid_out_width, len(self._lines) + self.header_height + self.dock_reserve)
        self._scroll_to_row(self.highlighted)

    def _row_end(self, row: int) -> int:
        """The screen line after ``row``'s last (the row must be wrapped)."""
        return self._row_starts[row + 1] if row + 1 < len(self._row_starts) else len(self._lines)

    def _row_at_line(self, line: int) -> Optional[int]:
        if not self._layout(until_line=line) or not 0 <= line < len(self._lines):
            return None
        return bisect.bisect_right(self._row_starts, line) - 1

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.style_for()
        if not self._layout(until_line=-1):  # the header, at the pane's width
            return Strip.blank(width, style)
        header_height = self.header_height
        if y < header_height:  # the header stays put while the facts scroll under it
            if y == header_height - 1:
                return Strip.blank(width, style)
            text = self._wrapped_header[y]
            header = Strip(Segment.apply_style(text.render(self.app.console), style))
            return header.extend_cell_length(width, style).crop(0, width)
        dock = self._dock()
        dock_top = self.scrollable_content_region.height - len(dock)
        if dock and dock_top <= y < dock_top + len(dock):
            text = dock[y - dock_top]
            return Strip(Segment.apply_style(text.render(self.app.console), style)).extend_cell_length(width, style).crop(0, width)
        line = self.scroll_offset.y + y - header_height
        if not self._layout(until_line=line) or line >= len(self._lines):
            return Strip.blank(width, style)
        over = None
        row = self._row_at_line(line)
        if self.highlighted is not None and row == self.highlighted:
            cursor, over = self.cursor_styles("fact-list--cursor")
            style = style + cursor
        if y == header_height and row is not None and line != self._row_starts[row]:
            # The top line continues a row that starts above the pane: its label is drawn on it.
            text = sticky_line(self.rows[row], self._lines[line], self._laid_out_width)
            return Strip(Segment.apply_style(text.render(self.app.console), style, over)).extend_cell_length(width, style).crop(0, width)
        strip = self._strips.get(line)
        if strip is None:
            text = self._lines[line]
            strip = self._strips[line] = Strip(text.render(self.app.console), text.cell_len)
        return Strip(Segment.apply_style(strip, style, over)).extend_cell_length(width, style).crop(0, width)

    # -- cursor -----------------------------------------------------------------

    def watch_highlighted(self, old: Optional[int], new: Optional[int]) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        dock_height = self.dock_height
        if dock_height != self._dock_height_shown:
            self._dock_changed()
        elif dock_height:
            self.refresh(Region(0, self.scrollable_content_region.height - dock_height, self.size.width, dock_height))
        self._scroll_to_row(new)
        self.post_message(self.FactHighlighted(self, self.fact))

    def _row_region(self, row: Optional[int]) -> Optional[Region]:
        """Where ``row`` is in the whole list (None for no row, or before the pane has a size)."""
        if row is None or not 0 <= row < len(self.rows) or not self._layout(until_row=row):
            return None
        start = self._row_starts[row]
        return Region(0, start + self.header_height, self.size.width, self._row_end(row) - start)

    def _refresh_row(self, row: Optional[int]) -> None:
        region = self._row_region(row)
        if region is not None:
            self.refresh(region.translate((0, -self.scroll_offset.y)))

    def _scroll_to_row(self, row: Optional[int]) -> None:
        region = self._row_region(row)
        if region is None or row is None:
            return
        heading = self._row_region(row - 1) if row > 0 and self.rows[row - 1].fact is None else None
        if heading is not None:  # the first fact under a heading brings the heading into view too
            region = heading.union(region)
        # A fact taller than the room below the header shows from its first line.
        header_height = self.header_height
        dock_height = self.dock_height
        room = max(1, self.scrollable_content_region.height - header_height - dock_height)
        region = region.crop_size((region.width, min(region.height, room)))
        self.scroll_to_region(region, spacing=Spacing(header_height, 0, dock_height, 0), animate=False, force=True)

    def action_cursor_up(self) -> None:
        """Up, stopping at the first fact (a fact list doesn't wrap around)."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """Down, stopping at the last fact."""
        self._step(1)

    def action_first(self) -> None:
        self._move_to(0, 1)
        self.scroll_home(animate=False)  # with the heading above it

    def action_last(self) -> None:
        self._move_to(len(self.rows) - 1, -1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def _page(self, direction: int) -> None:
        """Move the cursor by a pane's height of lines, to the fact there."""
        if self.highlighted is None or not self._layout():
            return
        page = max(1, self.scrollable_content_region.height - self.header_height - self.dock_height)
        if self._scroll_within_row(direction, page):
            return
        line = self._row_starts[self.highlighted] + direction * page
        line = max(0, min(line, len(self._lines) - 1))
        row = self._row_at_line(line)
        if row is not None:
            self._move_to(row, direction)

    def _scroll_within_row(self, direction: int, page: int) -> bool:
        """A fact taller than the room (a long quote shown with `v`) is read a page at a time
        before the cursor leaves it: True if the pane scrolled within the cursor's fact."""
        assert self.highlighted is not None
        top = self.header_height + self._row_starts[self.highlighted]
        bottom = self.header_height + self._row_end(self.highlighted)
        shown_top = self.scroll_offset.y + self.header_height
        shown_bottom = self.scroll_offset.y + self.scrollable_content_region.height - self.dock_height
        if (direction > 0 and bottom > shown_bottom) or (direction < 0 and top < shown_top):
            self.scroll_relative(y=direction * page, animate=False)
            return True
        return False

    def _step(self, direction: int) -> None:
        index = self.highlighted
        if index is None:
            self._move_to(0, 1)
            return
        self._move_to(index + direction, direction)
        if direction < 0 and self.highlighted == index:
            self.scroll_home(animate=False)  # bring a heading above the first fact into view

    def _move_to(self, row: int, direction: int) -> None:
        """The cursor to ``row``, or the nearest fact from there in ``direction`` (headings are skipped)."""
        while 0 <= row < len(self.rows):
            if self.rows[row].fact is not None:
                if row != self.highlighted:
                    self.highlighted = row
                return
            row += direction

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # inside the border and padding
        if offset is None or offset.y < self.header_height or offset.y >= self.scrollable_content_region.height - self.dock_height:
            return
        row = self._row_at_line(self.scroll_offset.y + offset.y - self.header_height)
        if row is not None and self.rows[row].fact is not None:
            self.highlighted = row
