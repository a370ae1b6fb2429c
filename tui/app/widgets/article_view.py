"""The source pane: the whole article, wrapped to the pane, with provenance lit up.

Two layers of highlight: every sentence quoted by the selected firm's facts, and,
more strongly, the sentence of the one fact under a cursor, with its quoted words
underlined. Over those, the matches of a find (the current one distinct), and
under them the sentence cursor and the sentences no fact quotes, each with a
mark in a gutter of its own (not colour alone); :mod:`tui.app.widgets.source_pane`
moves the cursor and runs the find, this module only draws. It renders only the
visible lines (Textual's line API), so a megabyte article scrolls as smoothly as
this one, and it supports mouse text selection, which maps back to exact article text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Optional

from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.geometry import Offset, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.app.widgets.list_keys import list_bindings
from tui.app.widgets.style_cache import StyleCache
from tui.app.widgets.text_wrap import Line, wrap_lines
from tui.core.model import Quote

Span = tuple[int, int]

GUTTER = 2
"""Cells left of the text: a mark for the sentence cursor's lines or an uncited sentence's, and a space."""
CURSOR_MARK = "\u258c"
"""The gutter beside the sentence under the cursor (a left half block)."""
UNCITED_MARK = "!"
"""The gutter beside a sentence no fact quotes (as ``oases-tui coverage`` marks it)."""


class ArticleView(StyleCache, ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--firm",
        "article-view--focus",
        "article-view--quote",
        "article-view--match",
        "article-view--current-match",
        "article-view--cursor",
        "article-view--cursor-mark",
        "article-view--uncited",
        "article-view--uncited-mark",
    }

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("scroll_up", "scroll_down", "scroll_home", "scroll_end")

    def __init__(self, text: str, *, id: Optional[str] = None, classes: Optional[str] = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        """The article exactly (what a selection copies)."""
        self._shown = text.replace("\t", " ")
        """The article as drawn: a tab, which the loader allows in the article, would move
        the terminal's cursor past the pane's edge; a space keeps every offset the same."""
        self._lines: list[Line] = []
        self._line_starts: list[int] = []
        self._wrapped_width = -1
        self._unwrapped: Optional[Iterator[Line]] = None
        """The lines still to wrap at this width."""
        self._finishing = False
        self.firm_sentences: list[Span] = []
        self.firm_quotes: list[Span] = []
        self.focus_sentences: list[Span] = []
        """The sentences of the fact under a cursor: its quotes', or what a derived fact rests on."""
        self.focus_quotes: list[Span] = []
        self._pending_scroll: Optional[int] = None
        """An offset to scroll to once the pane has a size (a firm shown before the first frame)."""
        self.match_spans: list[Span] = []
        """Every match of the find, in order (none while no find is open)."""
        self.current_match: Optional[Span] = None
        self.cursor_sentence: Optional[Span] = None
        """The sentence under the sentence cursor; drawn only while the pane has the focus."""
        self.uncited_sentences: list[Span] = []
        """The sentences no fact quotes."""
        self.bottom_reserve = 0
        """Lines covered at the bottom of the pane by what is docked there (the find field, the cited-by line)."""

    # -- what is lit up ---------------------------------------------------------

    def show_firm(self, quotes: Iterable[Quote]) -> None:
        """Light up the sentences behind a firm's facts and scroll to the first of them."""
        quotes = sorted(quotes, key=lambda quote: quote.start)
        sentences = _merge((quote.sentence_start, quote.sentence_end) for quote in quotes)
        quoted = _merge((quote.start, quote.end) for quote in quotes)
        if (sentences, quoted, []) == (self.firm_sentences, self.firm_quotes, self.focus_sentences):
            return  # lit up already: no repaint
        self.firm_sentences, self.firm_quotes = sentences, quoted
        self.focus_sentences, self.focus_quotes = [], []
        self.refresh()
        if self.firm_sentences:
            self.scroll_to_offset(self.firm_sentences[0][0])

    def show_fact(self, quotes: Sequence[Quote]) -> None:
        """Light up one fact's sentences distinctly (:attr:`tui.core.model.Fact.lit_quotes`: a
        fact with two quotes lights both; a derived one what it rests on; none stops) and bring
        the first into view."""
        ordered = sorted(quotes, key=lambda quote: quote.start)
        self.focus_sentences = _merge((quote.sentence_start, quote.sentence_end) for quote in ordered)
        self.focus_quotes = _merge((quote.start, quote.end) for quote in ordered)
        self.refresh()
        if ordered:
            self.scroll_to_offset(ordered[0].sentence_start)

    @property
    def focus_sentence(self) -> Optional[Span]:
        """The first of :attr:`focus_sentences` (None when no fact is lit)."""
        return self.focus_sentences[0] if self.focus_sentences else None

    @property
    def focus_quote(self) -> Optional[Span]:
        """The first of :attr:`focus_quotes`."""
        return self.focus_quotes[0] if self.focus_quotes else None

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding article character ``offset`` is near the top, with context."""
        if not self.scrollable_content_region.width:
            self._pending_scroll = offset  # not laid out yet: wrapping now would be at a made-up width
            return
        line = self.line_of(offset)
        top, bottom = self.scroll_offset.y, self.scroll_offset.y + self.shown_height
        if not top <= line < bottom - 1:
            self._ensure_wrapped()  # all of it: scrolling needs the whole height
            self.scroll_to(y=max(0, line - 1), animate=False, force=True)  # force: the scrollbar may be a frame behind

    @property
    def shown_height(self) -> int:
        """Lines of article the pane shows: its height less what is docked at its bottom."""
        return max(1, self.scrollable_content_region.height - self.bottom_reserve)

    def bring_into_view(self, start: int, end: int, context: int = 3) -> None:
        """Scroll, if needed, so article characters ``start``–``end`` are in view with up to
        ``context`` lines around them; a span taller than the pane shows from its top."""
        if not self.scrollable_content_region.width:
            self._pending_scroll = start
            return
        self._ensure_wrapped()
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        height = self.shown_height
        context = max(0, min(context, (height - (last - first + 1)) // 2))
        top = self.scroll_offset.y
        if first - context < top or last + context >= top + height:
            wanted = first - context if last - first + 1 + 2 * context > height or first - context < top else last + context - height + 1
            self.scroll_to(y=max(0, wanted), animate=False, force=True)

    def top_offset(self) -> int:
        """The article character at the top of the view (where a find starts looking)."""
        self._ensure_wrapped(until_line=self.scroll_offset.y)
        index = min(self.scroll_offset.y, len(self._lines) - 1)
        return self._lines[index][0] if index >= 0 else 0

    def first_line_shown(self, span: Span) -> bool:
        """Whether the first line of ``span`` is in view."""
        line = self.line_of(span[0])
        return self.scroll_offset.y <= line < self.scroll_offset.y + self.shown_height

    def line_of(self, offset: int) -> int:
        """The screen line (in the whole wrapped article) that shows character ``offset``."""
        self._ensure_wrapped(until_offset=offset)
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    # -- rendering --------------------------------------------------------------

    def _ensure_wrapped(self, until_line: Optional[int] = None, until_offset: Optional[int] = None) -> None:
        """Wrap the article to the pane's width (once per width): up to screen line
        ``until_line`` or article character ``until_offset`` if given, the rest after
        the frame is painted (a megabyte article need not be wrapped to draw its top)."""
        width = max(1, (self.scrollable_content_region.width or self.size.width) - GUTTER)
        if width != self._wrapped_width:
            self._wrapped_width = width
            self._lines, self._line_starts = [], []
            self._unwrapped = wrap_lines(self._shown, width)
        while self._unwrapped is not None:
            if until_line is not None and len(self._lines) > until_line:
                break
            if until_offset is not None and self._line_starts and self._line_starts[-1] > until_offset:
                break
            line = next(self._unwrapped, None)
            if line is None:
                self._unwrapped = None
                self.virtual_size = Size(width + GUTTER, len(self._lines) + self.bottom_reserve)
                break
            self._lines.append(line)
            # Paragraph gaps are empty lines at their paragraph's first character; for
            # lookups by offset, the real text line that follows must win.
            self._line_starts.append(line[0])
        if self._unwrapped is not None and not self._finishing:
            self._finishing = True
            self.call_after_refresh(self._finish_wrapping)

    @property
    def laid_out(self) -> bool:
        """The whole article is wrapped to the pane's current width (soon after a frame)."""
        return self._wrapped_width > 0 and self._unwrapped is None

    def _finish_wrapping(self) -> None:
        self._finishing = False
        self._ensure_wrapped()

    def set_bottom_reserve(self, lines: int) -> None:
        """What is docked at the bottom now covers ``lines``: the scroll height makes room for it."""
        if lines != self.bottom_reserve:
            self.bottom_reserve = lines
            if self.laid_out:
                self.virtual_size = Size(self._wrapped_width + GUTTER, len(self._lines) + lines)

    def on_resize(self) -> None:
        self._ensure_wrapped(until_line=self.scroll_offset.y + self.size.height)
        if self._pending_scroll is not None:
            offset, self._pending_scroll = self._pending_scroll, None
            self.scroll_to_offset(offset)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        self._ensure_wrapped(until_line=index)
        width = self.scrollable_content_region.width
        base = self.style_for()
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        segments = [self._gutter(start, end, base), *self._segments(start, end, base)]
        selection = self.text_selection
        strip = Strip(segments).apply_offsets(0, index)
        if selection is not None:
            span = selection.get_span(index)
            if span is not None:
                sel_start, sel_end = span
                sel_end = end - start + GUTTER if sel_end == -1 else sel_end
                selection_style = self.screen.get_component_rich_style("screen--selection")
                strip = _restyle(strip, max(GUTTER, sel_start), sel_end, selection_style)
        return strip.extend_cell_length(width, base).crop(0, width)

    @property
    def cursor_shown(self) -> Optional[Span]:
        """The sentence cursor, while the pane (or its find field) has the focus."""
        return self.cursor_sentence if self.has_focus_within else None

    def _gutter(self, start: int, end: int, base: Style) -> Segment:
        """The line's mark: the sentence cursor's, or an uncited sentence's, or none."""
        cursor = self.cursor_shown
        if start == end:  # a paragraph gap belongs to no sentence
            return Segment(" " * GUTTER, base)
        if cursor is not None and cursor[0] < end and start < cursor[1]:
            return Segment(CURSOR_MARK.ljust(GUTTER), base + self.style_for("article-view--cursor-mark", partial=True))
        if _overlapping(self.uncited_sentences, start, end):
            return Segment(UNCITED_MARK.ljust(GUTTER), base + self.style_for("article-view--uncited-mark", partial=True))
        return Segment(" " * GUTTER, base)

    def _segments(self, start: int, end: int, base: Style) -> Iterable[Segment]:
        """The line's text cut wherever a highlight begins or ends, each piece styled."""
        if start == end:
            return
        firm, focus, quote = self._highlight_styles()
        cuts = {start, end}
        layers: list[tuple[list[Span], Style]] = []
        if self.uncited_sentences:
            layers.append((self.uncited_sentences, self.style_for("article-view--uncited", partial=True)))
        cursor = self.cursor_shown
        if cursor is not None:
            layers.append(([cursor], self.style_for("article-view--cursor", partial=True)))
        layers += [(self.firm_sentences, firm), (self.firm_quotes, quote)]
        if self.focus_sentences:
            layers += [(self.focus_sentences, focus), (self.focus_quotes, quote + Style(underline=True))]
        if self.match_spans:
            layers.append((self.match_spans, self.style_for("article-view--match", partial=True)))
            if self.current_match is not None:
                layers.append(([self.current_match], self.style_for("article-view--current-match", partial=True)))
        for spans, _ in layers:
            for span_start, span_end in _overlapping(spans, start, end):
                cuts.update((max(start, span_start), min(end, span_end)))
        points = sorted(cuts)
        for piece_start, piece_end in zip(points, points[1:]):
            style = base
            for spans, layer_style in layers:
                if any(s <= piece_start and piece_end <= e for s, e in _overlapping(spans, piece_start, piece_end)):
                    style = style + layer_style
            yield Segment(self._shown[piece_start:piece_end], style)

    def _highlight_styles(self) -> tuple[Style, Style, Style]:
        return (
            self.style_for("article-view--firm", partial=True),
            self.style_for("article-view--focus", partial=True),
            self.style_for("article-view--quote", partial=True),
        )

    def get_selection(self, selection: Selection) -> Optional[tuple[str, str]]:
        """The article text under a mouse selection, exactly as in the article (not as wrapped)."""
        self._ensure_wrapped()
        start = self._position(selection.start, default=0)
        end = self._position(selection.end, default=len(self.text))
        return self.text[min(start, end) : max(start, end)], "\n"

    def _position(self, offset: Optional[Offset], default: int) -> int:
        if offset is None:
            return default
        x, y = offset
        if y >= len(self._lines):
            return len(self.text)
        line_start, line_end = self._lines[max(0, y)]
        # x < 0: the line's end; the gutter's marks, left of the text, are not the article's.
        return min(line_start + max(0, x - GUTTER), line_end) if x >= 0 else line_end

    def selected_text(self) -> Optional[str]:
        """The text the user has selected in this pane, if any."""
        selection = self.text_selection
        if selection is None:
            return None
        extracted = self.get_selection(selection)
        return extracted[0] if extracted and extracted[0] else None


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlapping(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans (sorted, disjoint) that overlap ``[start, end)``."""
    first = max(0, bisect.bisect_right(spans, (start, start)) - 1)
    found = []
    for span in spans[first:]:
        if span[0] >= end:
            break
        if span[1] > start:
            found.append(span)
    return found


def _restyle(strip: Strip, start: int, end: int, style: Style) -> Strip:
    """``strip`` with characters ``start``–``end`` (of its text) drawn in ``style`` on top."""
    segments: list[Segment] = []
    position = 0
    for segment in strip:
        text, segment_style, control = segment
        length = len(text)
        cuts = sorted({0, length, min(length, max(0, start - position)), min(length, max(0, end - position))})
        for a, b in zip(cuts, cuts[1:]):
            piece_style = segment_style
            if start <= position + a and position + b <= end:
                piece_style = (segment_style or Style()) + style
            segments.append(Segment(text[a:b], piece_style, control))
        position += length
    return Strip(segments)
