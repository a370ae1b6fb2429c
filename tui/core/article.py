"""The article as a searchable text: find quotes, and the sentences around them."""

from __future__ import annotations

import bisect
import re

from tui import TYPE_CHECKING
from tui.core.model import Quote

if TYPE_CHECKING:
    from typing import Optional

# A sentence ends at . ! or ? (with any closing quote or bracket) followed by
# whitespace, or at a line break. Good for news prose; an abbreviation such as
# "Mr." only makes a highlighted sentence shorter, never wrong about the quote.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


class Article:
    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        ends = []
        for match in _SENTENCE_BREAK.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        self._starts = starts
        self._ends = ends
        self._cache: dict[str, Quote | int] = {}

    def resolve(self, quote: str) -> Quote | int:
        """Where ``quote`` is: a :class:`Quote`, or how often it occurs (0, or 2 and more)."""
        found = self._cache.get(quote)
        if found is None:
            found = self._cache[quote] = self._resolve(quote)
        return found

    def _resolve(self, quote: str) -> Quote | int:
        start = self.text.find(quote)
        if start < 0:
            return 0
        following = self.text.find(quote, start + 1)
        if following >= 0:
            count = 1  # str.count skips overlapping occurrences ("ha ha" in "ha ha ha" is two)
            while following >= 0:
                count, following = count + 1, self.text.find(quote, following + 1)
            return count
        end = start + len(quote)
        first = bisect.bisect_right(self._starts, start) - 1
        last = max(first, bisect.bisect_left(self._ends, end))
        return Quote(quote, start, end, self._starts[first], self._ends[min(last, len(self._ends) - 1)])

    def sentences(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e in zip(self._starts, self._ends) if e > s]

    def closest_passage(self, quote: str, width: int = 100) -> Optional[str]:
        """The sentence sharing the longest run of characters with ``quote``, to suggest
        when a quote is not found word for word (a typo, a straight apostrophe…)."""
        import difflib  # only a refused quote needs it

        best_size, best = 0, (0, 0)
        for start, end in self.sentences():
            matcher = difflib.SequenceMatcher(None, self.text[start:end], quote, autojunk=False)
            size = matcher.find_longest_match(0, end - start, 0, len(quote)).size
            if size > best_size:
                best_size, best = size, (start, end)
        if best_size < min(8, len(quote)):
            return None
        passage = self.text[best[0] : best[1]]
        return passage if len(passage) <= width else passage[: width - 1].rstrip() + "…"

    def typographic_variant(self, quote: str) -> Optional[str]:
        """The article's own spelling of ``quote`` if they differ only in quote marks,
        apostrophes, dashes or spacing, the usual slips when copying from a web page."""
        spaced = " ".join(quote.split())  # doubled, leading or non-breaking spaces are spacing too
        pattern = "".join(_LOOSE.get(char, re.escape(char)) for char in spaced)
        match = re.search(pattern, self.text)
        return match.group() if match else None


_LOOSE = {
    "'": "['’‘]",
    "’": "['’‘]",
    "‘": "['’‘]",
    '"': '["“”]',
    "“": '["“”]',
    "”": '["“”]',
    "-": "[-–—]",
    "–": "[-–—]",
    "—": "[-–—]",
    " ": "\\s+",
}
