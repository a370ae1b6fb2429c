"""Pane 4, the source: the article (:class:`ArticleView` draws it) with a sentence cursor and a find.

The sentence cursor (``j``/``k`` or ``]``/``[``; ``g``/``G`` the first and last)
marks one sentence and a line docked at the bottom says which facts quote it
(:func:`tui.core.coverage.coverage`); ``enter`` asks the app to go to the first
of them, again to the next (:class:`CitationChosen`). Sentences no fact quotes
are marked in the gutter, and the pane's title says how many are cited
(once coverage is worked out, after the first frame).

``/`` here finds in the article (the app's ``/`` elsewhere searches the firms):
every match lit, the current one distinct, "3 of 7" in the field; ``enter`` and
``shift+enter`` in the field, ``n`` and ``N`` in the text step through them, each
brought into view with a few lines around it and the sentence cursor on its
sentence; ``escape`` ends the find and puts the view and the cursor back where
the reader was. The arrows, page keys and home/end scroll as before.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar, Optional

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from tui.app.widgets.article_view import ArticleView, Span

if TYPE_CHECKING:
    from tui.app.widgets.article_find import FindBar
    from tui.app.widgets.source_dock import SourceDock
    from tui.core.coverage import Citation, SentenceCoverage
    from tui.core.find_text import TextFinder
    from tui.core.model import Dataset

FIND_CONTEXT = 3
"""Lines kept in view above and below the current match."""
SENTENCE_CONTEXT = 2
"""Lines kept in view around the sentence under the cursor."""


class SourcePane(ArticleView):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Up", show=False),
        Binding("down", "scroll_down", "Down", show=False),
        Binding("j,right_square_bracket", "sentence(1)", "Next sentence", show=False),
        Binding("k,left_square_bracket", "sentence(-1)", "Previous sentence", show=False),
        Binding("g", "end_sentence(-1)", "First sentence", show=False),
        Binding("G", "end_sentence(1)", "Last sentence", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "cite", "To the fact"),
        # Priority, as the firm search's: taken before the keys typed after it reach the pane.
        Binding("slash", "find", "Find", priority=True),
        Binding("n", "step(1)", "Next match"),
        Binding("N", "step(-1)", "Previous match"),
        Binding("escape", "close_find", "Close find"),
    ]

    class CitationChosen(Message):
        """``enter`` on a sentence: go to ``citation``'s fact, in its pane."""

        def __init__(self, citation: Citation) -> None:
            super().__init__()
            self.citation = citation

    def __init__(self, dataset: Dataset, *, id: Optional[str] = None, classes: Optional[str] = None) -> None:
        super().__init__(dataset.source.text, id=id, classes=classes)
        self.dataset = dataset
        self.coverage: Optional[list[SentenceCoverage]] = None
        """Per sentence, the facts that quote it: worked out after the first frame."""
        self._coverage_note = ""
        """"15 of 16 sentences cited", once coverage is known."""
        self._base_title = ""
        self.cursor: Optional[int] = None
        """The sentence under the cursor (an index into the article's sentences)."""
        self._next_citation = 0
        """Which of the cursor sentence's citations ``enter`` goes to next."""
        self.dock: Optional[SourceDock] = None
        self._finder: Optional[TextFinder] = None
        self.find_query = ""
        self.find_active = False
        self._find_from = 0
        """The article offset the find started from (the top of the view): the first match is the next after it."""
        self._before_find: tuple[float, Optional[int]] = (0, None)
        """The scroll position and the sentence cursor when the find was opened (escape goes back)."""

    @property
    def is_container(self) -> bool:
        """A line-API widget, with one child once the pane has had the focus: its bottom dock."""
        return self.dock is not None

    @property
    def laid_out(self) -> bool:
        return super().laid_out and self.coverage is not None

    def on_mount(self) -> None:
        # Off the UI thread: at 100,000 firms it takes seconds (every quote of every fact).
        self.call_after_refresh(lambda: self.run_worker(self._work_out_coverage, thread=True, group="coverage", exit_on_error=False))

    def _work_out_coverage(self) -> None:
        from tui.core.coverage import coverage

        found = coverage(self.dataset)
        with contextlib.suppress(RuntimeError):  # the app closed while this ran (quit at once on a large dataset)
            self.app.call_from_thread(self._coverage_known, found)

    def _coverage_known(self, found: list[SentenceCoverage]) -> None:
        from tui.core.coverage import coverage_line

        self.coverage = found
        self.uncited_sentences = [(sentence.start, sentence.end) for sentence in self.coverage if not sentence.cited]
        self._coverage_note = coverage_line(self.coverage)
        self.set_title(self._base_title)
        self.refresh()
        self._show_citations()

    def set_title(self, title: str) -> None:
        """The pane's title (the app names the panes), followed by how many sentences are cited once that is known."""
        self._base_title = title
        self.border_title = f"{title} · {self._coverage_note}" if self._coverage_note else title

    # -- the sentence cursor ----------------------------------------------------

    @property
    def sentence_spans(self) -> list[Span]:
        return self.dataset.sentences.spans

    def _place_cursor(self) -> None:
        """Where the cursor starts when the pane first takes the focus: on the lit fact's
        sentence if it is in view, else on the first sentence that begins in view."""
        spans = self.sentence_spans
        if self.cursor is not None or not spans:
            return
        sentences = self.dataset.sentences
        lit = self.focus_sentence
        if lit is not None and self.first_line_shown(lit):
            self.cursor = sentences.index_at(lit[0])
            return
        top = self.top_offset()
        start = sentences.index_at(top) or 0
        if spans[start][0] < top and start + 1 < len(spans) and self.first_line_shown(spans[start + 1]):
            start += 1
        self.cursor = start

    def move_cursor(self, index: int, context: int = SENTENCE_CONTEXT) -> None:
        """The cursor to sentence ``index`` (kept in range), brought into view."""
        spans = self.sentence_spans
        if not spans:
            return
        index = max(0, min(index, len(spans) - 1))
        if index != self.cursor:
            self._next_citation = 0
        self.cursor = index
        self.cursor_sentence = spans[index]
        self.refresh()
        self.bring_into_view(*spans[index], context=context)
        self._show_citations()

    def action_sentence(self, step: int) -> None:
        self._place_cursor()
        if self.cursor is not None:
            self.move_cursor(self.cursor + step)

    def action_end_sentence(self, direction: int) -> None:
        if not self.sentence_spans:
            return
        self.move_cursor(0 if direction < 0 else len(self.sentence_spans) - 1)
        if direction < 0:
            self.scroll_home(animate=False)
        else:
            self.scroll_end(animate=False, force=True)

    @property
    def cursor_coverage(self) -> Optional[SentenceCoverage]:
        """Who cites the sentence under the cursor (None before coverage is known or with no cursor)."""
        if self.coverage is None or self.cursor is None or self.cursor >= len(self.coverage):
            return None
        return self.coverage[self.cursor]

    def action_cite(self) -> None:
        """To the cursor sentence's next citing fact (the first, the first time)."""
        sentence = self.cursor_coverage
        if sentence is None or not sentence.cited:
            return
        citation = sentence.citations[self._next_citation % len(sentence.citations)]
        self._next_citation += 1
        self.post_message(self.CitationChosen(citation))

    # -- the dock ----------------------------------------------------------------

    async def _ensure_dock(self) -> SourceDock:
        if self.dock is None:
            from tui.app.widgets.source_dock import SourceDock

            self.dock = SourceDock()
            await self.mount(self.dock)
        return self.dock

    def _show_citations(self) -> None:
        self.refresh_bindings()  # enter goes to a fact only on a cited sentence
        if self.dock is None:
            return
        shown = self.has_focus_within and self.cursor is not None
        self.dock.show_citations(self.cursor_coverage if shown else None)
        self.dock.display = shown or self.find_active
        self._reserve_dock()

    def _reserve_dock(self) -> None:
        self.set_bottom_reserve(self.dock.height_shown if self.dock is not None else 0)

    def on_source_dock_resized(self, event: SourceDock.Resized) -> None:
        event.stop()
        self._reserve_dock()
        # What the reader is looking at stays clear of the dock as it grows.
        if self.find_active and self.current_match is not None:
            self.bring_into_view(*self.current_match, context=FIND_CONTEXT)
        elif self.cursor_sentence is not None and self.has_focus_within:
            self.bring_into_view(*self.cursor_sentence, context=SENTENCE_CONTEXT)

    async def _focus_changed(self) -> None:
        if self.has_focus_within:
            await self._ensure_dock()
            self._place_cursor()
            if self.cursor is not None:
                self.cursor_sentence = self.sentence_spans[self.cursor]
        self.refresh()
        self._show_citations()

    async def on_focus(self) -> None:
        await self._focus_changed()

    async def on_blur(self) -> None:
        await self._focus_changed()

    async def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        await self._focus_changed()

    async def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        await self._focus_changed()

    # -- find --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> Optional[bool]:
        """``n``/``N`` and escape only while a find is open, ``enter`` only on a cited sentence:
        the key line names only keys that do something."""
        if action == "find":
            return self.app.focused is self  # in the find field, "/" is text
        if action in ("step", "close_find"):
            return self.find_active
        if action == "cite":
            sentence = self.cursor_coverage
            return sentence is not None and sentence.cited
        return True

    @property
    def find_bar(self) -> Optional[FindBar]:
        return self.dock.find_bar if self.dock is not None else None

    async def action_find(self) -> None:
        """Open the find field (the last query kept), remembering where the reader is."""
        dock = await self._ensure_dock()
        bar = await dock.find_field()
        if not self.find_active:
            self.find_active = True
            self._before_find = (self.scroll_offset.y, self.cursor)
            self._find_from = self.top_offset()
        dock.display = True
        bar.open()
        self._reserve_dock()
        self.refresh_bindings()

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        event.stop()
        self.find(event.query)

    def find(self, query: str) -> None:
        """Light every match of ``query``; the current one is the first after where the find began."""
        from tui.core.find_text import TextFinder, nearest

        if self._finder is None:
            self._finder = TextFinder(self.text)
        self.find_query = query
        self.match_spans = self._finder.find(query)
        index = nearest(self.match_spans, self._find_from)
        if index is None:
            self.current_match = None
            self.refresh()
            if not query.strip():
                self._go_back()
        self._show_match(index)

    def _show_match(self, index: Optional[int]) -> None:
        from tui.core.find_text import position_line

        bar = self.find_bar
        if bar is not None:
            bar.show_position(position_line(index, len(self.match_spans)) if self.find_query.strip() else "")
        if index is None:
            return
        self.current_match = self.match_spans[index]
        self.refresh()
        start, end = self.current_match
        sentence = self.dataset.sentences.index_at(start)
        if sentence is not None:
            self.move_cursor(sentence, context=0)  # the cursor follows: who cites where it says that
        self.bring_into_view(start, end, context=FIND_CONTEXT)

    @property
    def match_index(self) -> Optional[int]:
        """Which match is current (None with none)."""
        if self.current_match is None:
            return None
        return self.match_spans.index(self.current_match)

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        event.stop()
        self.action_step(event.direction)

    def action_step(self, direction: int) -> None:
        """The next (1) or previous (-1) match, round the end to the other."""
        index = self.match_index
        if index is None:
            return
        self._show_match((index + direction) % len(self.match_spans))

    def on_find_bar_to_text(self, event: FindBar.ToText) -> None:
        event.stop()
        self.focus()

    def on_find_bar_closed(self, event: FindBar.Closed) -> None:
        event.stop()
        self.action_close_find()

    def action_close_find(self) -> None:
        """End the find: no match lit, the field hidden, the view and the cursor back where they were."""
        if not self.find_active:
            return
        self.find_active = False
        self.match_spans, self.current_match = [], None
        bar = self.find_bar
        if bar is not None:
            bar.display = False
        self._go_back()
        self.focus()
        self._show_citations()
        self.refresh_bindings()

    def _go_back(self) -> None:
        scroll_y, cursor = self._before_find
        self.cursor = cursor
        self.cursor_sentence = self.sentence_spans[cursor] if cursor is not None else None
        self.refresh()
        self.scroll_to(y=scroll_y, animate=False, force=True)
        self._show_citations()
