"""Problems found in a data file, and how they are printed.

A problem is one line for a human: ``FILE:LINE:COL: key.path: message`` where the
line is known, ``FILE: key.path: message`` otherwise.

A :class:`Problem` is a record like those of :mod:`tui.core.model` (see there).
"""

from __future__ import annotations

from tui import TYPE_CHECKING
from tui.core.characters import is_unsafe
from tui.core.records import NamedTuple

if TYPE_CHECKING:
    from typing import Optional


class Problem(NamedTuple):
    path: str
    """Where in the data, as a key path (``firms[2].facts[0].quote``); "" for the whole file."""
    message: str
    line: Optional[int] = None
    column: Optional[int] = None

    def format(self, file: str) -> str:
        place = visible(file)
        if self.line is not None:
            place += f":{self.line}:{self.column or 1}"
        where = f" {visible(self.path)}:" if self.path else ""  # a key path can hold any character
        return f"{place}:{where} {one_line(self.message)}"


MAX_REPORTED = 100
"""A refused file's problems beyond this many are counted, not printed: 800,000 lines would help no one."""


class DatasetError(Exception):
    """A data file that cannot be used, with every problem found in it."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(problems[0].format(file) if problems else file)  # not lines()[0]: a file can have 800,000 problems

    def lines(self) -> list[str]:
        return [problem.format(self.file) for problem in self.problems]

    def report(self, limit: int = MAX_REPORTED) -> list[str]:
        """What ``check`` prints: the first ``limit`` problems' lines, then how many more there are, if any."""
        lines = [problem.format(self.file) for problem in self.problems[:limit]]
        more = len(self.problems) - limit
        if more > 0:
            lines.append(f"… and {more:,} more problem{'s' if more > 1 else ''}")
        return lines


def one_line(text: str) -> str:
    """Collapse a message onto one printable line, whatever it quotes."""
    return " ".join(visible(text).split())


def visible(text: str) -> str:
    """Show control and format characters as escapes, so a message can't mangle a terminal.

    Line separators and lone surrogates too: the first would break the line, the second
    (a file name's undecodable byte, as Python gives it) can't be written to a strict UTF-8 stream.
    """
    if text.isprintable():
        return text  # the usual case: no control or format character at all (bidi controls are format characters)
    return "".join((f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}") if is_unsafe(char) else char for char in text)
