"""Find in the article: where a query matches the text, as ``[start, end)`` offsets of the article itself.

The source pane's find (``/`` there) reads :class:`TextFinder`. Matching is
forgiving the way the firm search is (:func:`tui.core.search_text.fold`): case,
accents and the kind of quote mark do not matter, an apostrophe is ignored
("governments" finds "government’s"), any run of whitespace matches any other
(a phrase may cross a line break), and a query word that is an inflected form
also finds the other forms of its stem ("sanctions" finds "sanctioned"). Matches
are found on the folded text and mapped back through the offsets
:func:`fold_article` keeps, so the pane lights exactly the article's characters.
"""

from __future__ import annotations

import re

from tui import TYPE_CHECKING
from tui.core.search_text import fold

if TYPE_CHECKING:
    from typing import Optional

APOSTROPHES = "'\u2019\u2018\u02bc\u201b\u2032`\u00b4"
"""Marks dropped before matching: straight, curly and modifier apostrophes (and the backtick and acute used as ones)."""
DOUBLE_QUOTES = str.maketrans({char: '"' for char in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"})
"""Curly and angled double quotes, compared as the straight one."""

INFLECTIONS = ("ing", "ies", "es", "ed", "s")
"""Endings taken off a query word to find its stem (longest first); "ies" becomes "y"."""
STEM_ENDINGS = "(?:s|es|ed|d|ing|e|ies|y)?"
"""What may follow a stem for a word to count as one of its forms."""
MIN_STEM = 4
"""A stem shorter than this ("us" from "uses") is not used: it would find unrelated words."""

_WORD_CHAR = r"[^\W_]"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_SPACE = str.maketrans({char: " " for char in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"})
_DROPPED = re.compile(f"[{re.escape(APOSTROPHES)}]")


def fold_article(text: str) -> tuple[str, list[int]]:
    """The text as find compares it (folded, quotes made plain, apostrophes dropped) and,
    for each of its characters, the offset in ``text`` of the character it came from.

    ASCII runs are folded in bulk: a megabyte article folds in a fraction of a second."""
    parts: list[str] = []
    offsets: list[int] = []
    position = 0

    def ascii_run(end: int) -> None:
        run = text[position:end]
        parts.append(run.lower().translate(_ASCII_SPACE))
        offsets.extend(range(position, end))

    for found in _NON_ASCII.finditer(text):
        ascii_run(found.start())
        for index in range(found.start(), found.end()):
            folded = fold(text[index])
            parts.append(folded)
            offsets.extend([index] * len(folded))
        position = found.end()
    ascii_run(len(text))
    folded_text = "".join(parts).translate(DOUBLE_QUOTES)
    if not _DROPPED.search(folded_text):
        return folded_text, offsets
    kept = [index for index, char in enumerate(folded_text) if char not in APOSTROPHES]
    return "".join(folded_text[index] for index in kept), [offsets[index] for index in kept]


def stem(word: str) -> Optional[str]:
    """The stem of an inflected ``word`` ("sanctions" → "sanction", "companies" → "company"),
    or None if it shows no inflection (or the stem would be too short to mean anything)."""
    for ending in INFLECTIONS:
        if word.endswith(ending) and word.isalpha():
            base = word[: -len(ending)] + ("y" if ending == "ies" else "")
            return base if len(base) >= MIN_STEM else None
    return None


def query_pattern(query: str) -> Optional[re.Pattern[str]]:
    """The query as a pattern over :func:`fold_article`'s text (None if it folds to nothing).

    Each word matches itself anywhere (as a browser's find does, so "sanc" finds
    "sanctions"); an inflected word also matches its stem's forms as a whole word;
    the words are separated by any whitespace."""
    folded = _DROPPED.sub("", fold(query).translate(DOUBLE_QUOTES))
    words = folded.split()
    if not words:
        return None
    pieces = []
    for word in words:
        literal = re.escape(word)
        base = stem(word)
        if base is None:
            pieces.append(literal)
        else:
            forms = f"(?<!{_WORD_CHAR}){re.escape(base[:-1] if base.endswith('y') else base)}{STEM_ENDINGS}(?!{_WORD_CHAR})"
            pieces.append(f"(?:{forms}|{literal})")
    return re.compile(r"\s+".join(pieces))


class TextFinder:
    """Finds a query in one text; the folded text is made once, on the first find."""

    __slots__ = ("_folded", "_offsets", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: Optional[str] = None
        self._offsets: list[int] = []

    def find(self, query: str) -> list[tuple[int, int]]:
        """Every match of ``query``, in order, as ``[start, end)`` in the text (none for an empty query)."""
        pattern = query_pattern(query)
        if pattern is None:
            return []
        if self._folded is None:
            self._folded, self._offsets = fold_article(self.text)
        offsets = self._offsets
        spans: list[tuple[int, int]] = []
        for found in pattern.finditer(self._folded):
            if found.end() > found.start():
                spans.append((offsets[found.start()], offsets[found.end() - 1] + 1))
        return spans


def nearest(spans: list[tuple[int, int]], offset: int) -> Optional[int]:
    """The index of the first span starting at or after ``offset`` (the first one if none does; None if empty)."""
    if not spans:
        return None
    return next((index for index, (start, _) in enumerate(spans) if start >= offset), 0)


def position_line(current: Optional[int], total: int) -> str:
    """What the find field says: "3 of 7", or "no matches"."""
    if not total or current is None:
        return "no matches"
    return f"{current + 1:,} of {total:,}"
