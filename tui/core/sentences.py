"""The article's sentences, found once: the lighting, the sentence cursor and coverage share them.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quote or bracket)
followed by whitespace and then something that can begin a sentence (a capital,
a digit, an opening quote or bracket), or at a line break: the article's
paragraphs are always boundaries. A full stop after an abbreviation ("Mr.",
"Dr.", "U.S.", "e.g.") or an initial ("J. Smith") ends no sentence. A quote may
still span two sentences; :meth:`Sentences.covering` gives the first and last.
"""

from __future__ import annotations

import bisect
import re

from tui import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Optional

ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "inc", "ltd", "co", "corp", "gov", "sen")
    + ("rep", "gen", "col", "lt", "sgt", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept")
    + ("oct", "nov", "dec", "fig", "approx", "dept")
)
"""Words that, followed by a full stop, are abbreviated rather than ending a sentence (compared casefolded)."""

_CANDIDATE = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")
_NEXT_BEGINS = re.compile(r"\s+(?=[\"'“‘(\[]?[A-Z0-9\u00c0-\u024f])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$")


def _ends_abbreviation(text: str, stop: int) -> bool:
    """The full stop at ``stop`` closes an abbreviation or an initial, not a sentence."""
    found = _WORD_BEFORE.search(text, max(0, stop - 24), stop + 1)
    if found is None:
        return False
    word = found.group(1)
    start = found.start(1)
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        return False  # the end of a longer word ("Xiaodong.")
    return "." in word or (len(word) == 1 and word.isupper()) or word.casefold() in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every sentence of ``text``, in order, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if match.group() == "\n":
            end = match.start()
        else:
            if text[match.start()] == "." and _ends_abbreviation(text, match.start()):
                continue
            if _NEXT_BEGINS.match(text, match.end()) is None:
                continue  # "... 2.5 million" or a lower-case word: the sentence goes on
            end = match.end()
        _add(text, spans, start, end)
        start = match.end()
    _add(text, spans, start, len(text))
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class Sentences:
    """The sentences of one text, found once, with lookups by character offset."""

    __slots__ = ("_ends", "_starts", "spans", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [start for start, _ in self.spans]
        self._ends = [end for _, end in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def index_at(self, offset: int) -> Optional[int]:
        """The sentence holding character ``offset`` (the one before it, in the space between two)."""
        if not self.spans:
            return None
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """The first and last sentence that ``[start, end)`` touches (a quote may span two)."""
        first = self.index_at(start) or 0
        last = max(first, min(bisect.bisect_left(self._ends, end), len(self.spans) - 1))
        return first, last

    def text_of(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]
