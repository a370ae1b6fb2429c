"""How a fact list's rows are laid out on screen lines: ``Label  value`` tables.

A fact is its label in a column, then its value; a long value wraps with its
continuation indented under the value, a long label wraps inside its column,
so the label column is never broken into. Each section aligns on its own
widest label, up to two fifths of the width. Rows of a one-line section (the
summary's key figures) are cut to one line with "…" where they are too wide,
and align only where all their labels fit the column (else each value follows
its label). A quote, when the list shows them all, hangs under its value; else the
cursor fact's is docked at the bottom (:func:`dock_lines`).

Plain functions of rich ``Text``, kept apart from the widget that scrolls them
(:mod:`tui.app.widgets.fact_list`).
"""

from __future__ import annotations

from itertools import zip_longest
from typing import Optional

from rich.console import Console
from rich.style import Style
from rich.text import Text

from tui.app.widgets.text_wrap import truncate_at_word
from tui.core.model import Fact
from tui.core.records import NamedTuple

GAP = 2
"""Cells between the label column and the value."""
MIN_VALUE = 12
"""Below this many cells for the value, the value goes under its label instead of beside it."""


class Row(NamedTuple):
    """A heading (``fact`` is ``None``; ``label`` is its title) or a fact, as the texts it is drawn from."""

    fact: Optional[Fact]
    label: Text
    value: Text
    quote: Optional[Text]
    """The fact's provenance (None for a heading or a fact the article doesn't state)."""
    column: int
    """The widest label of the row's section, in cells."""
    one_line: bool = False

    @property
    def text(self) -> Text:
        """The row as one line of text: the heading, or ``Label  value``."""
        if self.fact is None:
            return self.label
        return Text.assemble(self.label, " " * GAP, self.value)


def label_width(row: Row, width: int) -> int:
    """The label column's width for ``row`` at ``width`` cells."""
    return max(1, min(row.column, width * 2 // 5))


def row_lines(row: Row, width: int, console: Console, with_quote: bool, first: bool) -> list[Text]:
    """``row``'s screen lines at ``width`` cells; ``with_quote`` hangs its quote under the value
    (and leaves a blank line after it); a heading other than the ``first`` row has a blank line above."""
    width = max(1, width)
    if row.fact is None:
        lines = list(row.label.wrap(console, width, overflow="fold"))
        return lines if first else [Text(), *lines]
    column = label_width(row, width)
    if row.one_line:
        return [_one_line(row, width, column)]
    value_width = width - column - GAP
    if value_width < MIN_VALUE:  # too narrow for two columns: the value under its label
        indent = min(GAP, width - 1)
        label_lines = list(row.label.wrap(console, width, overflow="fold"))
        value_lines = [_indented(line, indent) for line in row.value.wrap(console, width - indent, overflow="fold")]
        lines = [*label_lines, *value_lines]
        if with_quote and row.quote is not None:
            lines += [_indented(line, indent) for line in row.quote.wrap(console, width - indent, overflow="fold")]
            lines.append(Text())
        return lines
    labels = row.label.wrap(console, column, overflow="fold")
    values = row.value.wrap(console, value_width, overflow="fold")
    lines = []
    for label, value in zip_longest(labels, values):
        line = Text.assemble(label or "")
        line.append(" " * (column - line.cell_len + GAP))
        if value is not None:
            line.append_text(value)
        lines.append(line)
    if with_quote and row.quote is not None:
        lines += [_indented(line, column + GAP) for line in row.quote.wrap(console, value_width, overflow="fold")]
        lines.append(Text())
    return lines


def sticky_line(row: Row, line: Text, width: int) -> Text:
    """``line`` (a continuation of ``row``, at the top of the pane) with the row's label drawn
    in its label column, so a value or quote scrolled half out of view still says what it is."""
    column = label_width(row, width)
    if row.fact is None or width - column - GAP < MIN_VALUE:
        return line
    label = row.label.copy()
    truncate_at_word(label, column)
    label.append(" " * (column - label.cell_len + GAP))
    label.append_text(line[column + GAP :])
    return label


def dock_lines(quote: Text, width: int, most: int, console: Console, rule_style: Style, title: str = "Quote") -> list[Text]:
    """The provenance docked at the bottom of a fact list: a rule named ``title`` ("Quote", or
    "Derived" for a derived fact: never a quote-like line for it), then ``quote`` (with any
    editor's note on its own line) wrapped to ``width``, at most ``most`` lines (the last cut
    with "…"; ``v`` shows it whole)."""
    lines = list(quote.wrap(console, width, overflow="fold"))
    if len(lines) > most:
        lines = lines[:most]
        lines[-1].truncate(max(1, width - 1))
        lines[-1].append("…", quote.style)
    rule = f"─ {title} "
    return [Text(rule + "─" * max(0, width - len(rule)), rule_style), *lines]


def _one_line(row: Row, width: int, column: int) -> Text:
    """A key figure on one line: in the label column where the section's labels all fit it,
    else just after its label (so a short label leaves its value the room: "Jobs  17,000…")."""
    label = row.label.copy()
    truncate_at_word(label, max(1, width // 2))
    pad = column - label.cell_len if row.column <= column else 0
    label.append(" " * (max(0, pad) + GAP))
    value = row.value.copy()
    truncate_at_word(value, max(1, width - label.cell_len))
    label.append_text(value)
    return label


def _indented(line: Text, indent: int) -> Text:
    text = Text(" " * indent)
    text.append_text(line)
    return text
