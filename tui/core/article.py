"""The article as a searchable text: find quotes, and the sentences around them
(the sentences themselves are :mod:`tui.core.sentences`, found once)."""

from __future__ import annotations

import re

from tui import TYPE_CHECKING
from tui.core.model import Quote
from tui.core.sentences import Sentences

if TYPE_CHECKING:
    from typing import Optional


class Article:
    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_index = Sentences(text)
        """Every sentence, found once: the loader's quotes, the source pane and coverage share it."""
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
        spans = self.sentence_index.spans
        if not spans:
            return Quote(quote, start, end, start, end)
        first, last = self.sentence_index.covering(start, end)
        return Quote(quote, start, end, min(start, spans[first][0]), max(end, spans[last][1]))

    def sentences(self) -> list[tuple[int, int]]:
        return list(self.sentence_index.spans)

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
