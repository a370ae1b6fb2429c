"""The firm search's fast path: one regular expression per kind of match, run over all the
firms' folded values at once, and its hits boiled down to one byte per line.

See "How it is fast" in :mod:`tui.core.search`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from tui import TYPE_CHECKING
from tui.core.records import NamedTuple
from tui.core.search_text import equivalent_groups

if TYPE_CHECKING:
    from typing import Optional

FIELD = "\x1f"
"""Before every value on a line. Whitespace, like the newline: no folded text or term holds one."""
_HIT = "\x1d"
"""What a match and the rest of its line are replaced with, to flag the line (whitespace too)."""
_REST = r"[^\n]*"
"""Every pattern ends by eating the rest of its line: one match per line at most."""
_ALNUM = r"[^\W_]"
"""``str.isalnum`` in Python's ``re`` (``\\w`` is letters, digits and the underscore)."""
_NOT_INITIAL = re.compile(r"(?<=[^\W_])[^\W_]+|[^\w\x1f\n]+|_+")
"""All but the first letter or digit of each word (separators aside): deleted, it leaves the initials."""
_ALL_BUT_LINES_AND_HITS = bytes(byte for byte in range(256) if byte not in b"\n\x1d")
_LINE_TO_0_HIT_TO_1 = bytes.maketrans(b"\n\x1d", b"\x00\x01")


# --- patterns ------------------------------------------------------------------------------------


def _at_word_start(length: int) -> str:
    """Asserts, just after ``length`` characters that begin with a letter or digit, that they begin a word."""
    return f"(?<!{_ALNUM}[^\\n]{{{length}}})"


class _Patterns(NamedTuple):
    """The regular expressions for one term (each eats the rest of its line); ``None`` where impossible."""

    substring: re.Pattern[str]
    """The term anywhere; run on the initials, the initials of consecutive words."""
    word_prefix: Optional[re.Pattern[str]]
    """The term at the start of a word."""
    equivalents: Optional[re.Pattern[str]]
    """A whole word equivalent to the term (:data:`EQUIVALENTS`)."""
    in_order: Optional[re.Pattern[str]]
    """Two characters or more: the term's characters in order within one field."""


@lru_cache(maxsize=256)
def patterns(term: str) -> _Patterns:
    word_prefix = equivalents = in_order = None
    if term[0].isalnum():
        word_prefix = re.compile(re.escape(term) + _at_word_start(len(term)) + _REST)
    targets = sorted({word for group in equivalent_groups(term) for word in group})
    if targets:
        words = "|".join(re.escape(word) + _at_word_start(len(word)) for word in targets)
        equivalents = re.compile(f"(?:{words})(?!{_ALNUM}){_REST}")
    if len(term) > 1:
        # [^c]*c can only stop at the first c: no backtracking, linear time whatever the term.
        gaps = "".join(f"[^{re.escape(char)}\\x1f\\n]*{re.escape(char)}" for char in term[1:])
        in_order = re.compile(re.escape(term[0]) + gaps + _REST)
    return _Patterns(re.compile(re.escape(term) + _REST), word_prefix, equivalents, in_order)


# --- flags: one byte per line, or per firm, 1 where it matches --------------------------------------


def _hit_lines(marked: str) -> bytes:
    """One byte per line of ``marked`` (each line starts with a newline): 1 where it holds a hit mark."""
    hits = marked.encode("utf-8", "surrogatepass")
    return hits.translate(_LINE_TO_0_HIT_TO_1, _ALL_BUT_LINES_AND_HITS).replace(b"\x00\x01", b"\x01")


def line_flags(pattern: re.Pattern[str], haystack: str) -> bytes:
    """One byte per line of ``haystack``: 1 where ``pattern`` matches."""
    return _hit_lines(pattern.sub(_HIT, haystack))


def nested_line_flags(patterns: Sequence[Optional[re.Pattern[str]]], haystack: str) -> list[bytes]:
    """``line_flags`` of each pattern, for patterns each matching wherever the one before it does
    (word prefix, substring, in order): each runs on what the one before left, where the lines it
    matched are already cut short at a hit mark, so each pass has less to read."""
    flags = []
    for pattern in patterns:
        if pattern is not None:
            haystack = pattern.sub(_HIT, haystack)
        flags.append(_hit_lines(haystack))
    return flags


@lru_cache(maxsize=128)
def _keep_lines_and(byte: int) -> tuple[bytes, bytes]:
    """Translation table and deletions for ``bytes.translate``: newlines become 0, ``byte`` 1, the rest go."""
    return bytes.maketrans(bytes([10, byte]), b"\x00\x01"), bytes(other for other in range(256) if other not in (byte, 10))


def char_flags(char: str, encoded: bytes) -> bytes:
    """``line_flags`` of one ASCII character's substring pattern, without a regular expression:
    keep only the newlines (as 0) and that character (as 1), and squeeze each line's 1s into one."""
    kept = encoded.translate(*_keep_lines_and(ord(char)))
    while b"\x01\x01" in kept:
        kept = kept.replace(b"\x01\x01", b"\x01")
    return kept.replace(b"\x00\x01", b"\x01")


class Lines:
    """Folded values, one line per holder (a firm, or a shared value): as text, as UTF-8, and
    reduced to the initials of their words."""

    __slots__ = ("encoded", "encoded_initials", "initials", "text")

    def __init__(self, lines: Iterable[str]) -> None:
        self.text = "".join(f"\n{line}" for line in lines)
        self.encoded = self.text.encode("utf-8", "surrogatepass")
        self.initials = _NOT_INITIAL.sub("", self.text)
        self.encoded_initials = self.initials.encode("utf-8", "surrogatepass")


def successor(prefix: str) -> Optional[str]:
    """The least string greater than every string starting with ``prefix`` (None: there is none)."""
    chars = list(prefix)
    while chars:
        last = ord(chars.pop())
        if last < 0x10FFFF:
            return "".join(chars) + chr(last + 1)
    return None
