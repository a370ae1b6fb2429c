"""Word-wrap text to a width in terminal cells, keeping every line's character offsets.

The source pane needs to know exactly which characters of the article are on
each screen line, to paint highlights and to turn a mouse selection back into
article text. Rich's wrapping gives lines, not offsets, so this is our own:
greedy, on whitespace, by cell width (CJK and emoji count double), hard-breaking
words longer than the width.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len, get_character_cell_size

from tui import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_TOKEN = re.compile(r"\S+|\s+")

Line = tuple[int, int]
"""A screen line: the article's characters ``text[start:end]``."""


def wrap_lines(text: str, width: int, paragraph_gap: bool = True) -> Iterator[Line]:
    """Lines of ``text`` at ``width`` cells, a blank line between paragraphs if ``paragraph_gap``;
    yielded a paragraph at a time, so a pane can draw its top before the rest is wrapped."""
    width = max(1, width)
    any_lines = False
    start = 0
    while start <= len(text):
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        paragraph = text[start:end]
        if any_lines and paragraph_gap and paragraph.strip():
            yield (start, start)
        if paragraph.strip():
            for line in _wrap_paragraph(text, start, end, width):
                any_lines = True
                yield line
        elif not paragraph_gap:
            any_lines = True
            yield (start, start)
        start = end + 1
    if not any_lines:
        yield (0, 0)


def _wrap_paragraph(text: str, start: int, end: int, width: int) -> list[Line]:
    lines: list[Line] = []
    line_start = start
    line_end = start  # end of the last word placed on the line
    used = 0  # cells used up to line_end plus pending spaces
    for token in _TOKEN.finditer(text, start, end):
        piece = token.group()
        cells = cell_len(piece)
        if piece[0].isspace():
            if line_end > line_start:
                used += cells
            else:
                line_start = token.end()  # no leading spaces on a wrapped line
            continue
        if line_end > line_start and used + cells > width:
            lines.append((line_start, line_end))
            line_start, line_end, used = token.start(), token.start(), 0
        if cells > width:  # the line is empty here: a word this long never joins a line
            line_start, used = _hard_break(text, token.start(), token.end(), width, lines)
            line_end = token.end()
            continue
        line_end = token.end()
        used += cells
    if line_end > line_start:
        lines.append((line_start, line_end))
    return lines


def _hard_break(text: str, start: int, end: int, width: int, lines: list[Line]) -> tuple[int, int]:
    """Cut the word ``text[start:end]``, wider than ``width``, into lines of ``width`` cells,
    appending all but the last to ``lines``; the last line's start and cells (it stays open).

    Each cut measures only the characters it places, never the rest of the word, so a
    word of any length costs time in proportion to its length: measuring the rest at
    every cut made a 1,000,000-character line take most of a minute.
    """
    position = start
    while True:
        cut, used = _fit(text, position, end, width)
        if cut == position:  # one character wider than the whole line (CJK at width 1): it goes alone
            cut, used = position + 1, cell_len(text[position])
        if cut == end:
            return position, used
        lines.append((position, cut))
        position = cut


def _fit(text: str, start: int, end: int, cells: int) -> tuple[int, int]:
    """The furthest position after ``start`` (at most ``end``) whose characters fit in
    ``cells``, and the cells they take; zero-width characters (combining marks) after
    the last that fits go with it. Looks at no more characters than fit, plus one."""
    chunk = text[start : min(end, start + cells)]
    if chunk.isascii() and chunk.isprintable():  # one cell a character: the usual case, measured at C speed
        position, used = start + len(chunk), len(chunk)
    else:  # no character takes more than two cells, so half as many as there are cells fit for sure:
        sure = text[start : min(end, start + cells // 2)]
        position, used = start + len(sure), cell_len(sure)
        while position < end:  # the rest character by character
            size = get_character_cell_size(text[position])
            if used + size > cells:
                break
            used += size
            position += 1
    while position < end and get_character_cell_size(text[position]) == 0:
        position += 1
    return position, used


def truncate_at_word(text: Text, width: int) -> None:
    """Shorten ``text`` in place to ``width`` cells, at a word boundary where one fits, with "…"."""
    if text.cell_len <= width:
        return
    plain = text.plain
    # A character is at least one cell wide, so no space beyond ``width`` can be a cut point.
    for position in range(min(len(plain), width + 1) - 1, 0, -1):
        if plain[position] == " ":
            head = plain[:position].rstrip(" ·")
            if head.strip() and cell_len(head) + 1 <= width:
                text.truncate(len(head))
                text.append("…")
                return
    text.truncate(width, overflow="ellipsis")
