"""Problems found in a data file, and how they are printed.

A problem is one line for a human: ``FILE:LINE:COL: key.path: message`` where the
line is known, ``FILE: key.path: message`` otherwise.
"""

from __future__ import annotations

from typing import NamedTuple, Optional


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


class DatasetError(Exception):
    """A data file that cannot be used, with every problem found in it."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(self.lines()[0] if problems else file)

    def lines(self) -> list[str]:
        return [problem.format(self.file) for problem in self.problems]


def one_line(text: str) -> str:
    """Collapse a message onto one printable line, whatever it quotes."""
    return " ".join(visible(text).split())


def visible(text: str) -> str:
    """Show control and format characters as escapes, so a message can't mangle a terminal."""
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0 or char in BIDI_CONTROLS:
            out.append(f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}")
        else:
            out.append(char)
    return "".join(out)


BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that reorder the text around them (the "Trojan Source" set)."""
