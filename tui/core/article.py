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
        self._nfc: Optional[str] = None
        """The article in NFC, made the first time a quote needs it (see normalisation_differs)."""

    def resolve(self, quote: str) -> Quote | int:
        """Where ``quote`` is: a :class:`Quote`, or how often it occurs (0, or 2 and more)."""
        found = self._cache.get(quote)
        if found is None:
            found = self._cache[quote] = self._resolve(quote)
        return found

    def sound_quote(self, quote: str) -> Optional[Quote]:
        """``quote`` as a :class:`Quote` if it occurs once and cuts no character in two (the
        loader's fast path asks this of each distinct quote once), else None."""
        found = self.resolve(quote)
        return found if isinstance(found, Quote) and self.cut_character(found) is None else None

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
        when a quote is not found word for word (a typo, a straight apostrophe…): the part
        of it around the first place the quote differs, the article's word there marked
        ``⟦ ⟧``, at most about ``width`` characters. (Cut from the sentence's start, it
        could stop just before the word that differs, and look identical to the quote.)"""
        import difflib  # only a refused quote needs it

        best_size, best = 0, (0, 0)
        for start, end in self.sentences():
            matcher = difflib.SequenceMatcher(None, self.text[start:end], quote, autojunk=False)
            match = matcher.find_longest_match(0, end - start, 0, len(quote))
            if match.size > best_size:
                best_size, best = match.size, (start, end)
        if best_size < min(8, len(quote)):
            return None
        passage = self.text[best[0] : best[1]]
        return _marked_difference(passage, quote, width)

    def normalisation_differs(self, quote: str) -> Optional[str]:
        """How ``quote`` and the article are normalised (``"the quote is NFD, the article NFC"``)
        if they are the same words in different Unicode normalisations, else None: the
        same letters, accents composed (é) in one and decomposed (e + ◌́) in the other,
        look identical but are not equal."""
        if quote.isascii():
            return None  # ASCII is the same in every normalisation
        import unicodedata

        if self._nfc is None:
            self._nfc = unicodedata.normalize("NFC", self.text)
        if unicodedata.normalize("NFC", quote) not in self._nfc:
            return None
        return f"the quote is {_form(quote)}, the article {_form(self.text)}"

    def cut_character(self, found: Quote) -> Optional[str]:
        """Why ``found`` begins or ends inside a character, if it does: next to a combining
        mark, a variation selector or a zero-width joiner, which belong with the character
        before them (é as e + ◌́, an emoji sequence). Such a quote lights half a character."""
        text = self.text
        if found.end < len(text) and _joins_previous(text[found.end]):
            return f"ends inside a character: the article goes on with U+{ord(text[found.end]):04X}, which belongs with its last one"
        if text[found.end - 1] == _ZWJ:
            return "ends inside a character: its last is a zero-width joiner (U+200D), which joins it to the next"
        if found.start > 0 and _joins_previous(text[found.start]):
            return f"starts inside a character: its first, U+{ord(text[found.start]):04X}, belongs with the one before it"
        return None

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


_ZWJ = "\u200d"

_MARK_CONTEXT = 0.6
"""How much of the passage shown comes before the first difference."""


def _joins_previous(char: str) -> bool:
    """Whether ``char`` belongs with the character before it: a combining mark (categories Mn,
    Mc, Me: accents, variation selectors) or a zero-width joiner."""
    if char.isascii():
        return False  # the usual case, without unicodedata
    import unicodedata

    return char == _ZWJ or unicodedata.category(char) in ("Mn", "Mc", "Me")


def _form(text: str) -> str:
    import unicodedata

    for form in ("NFC", "NFD"):
        if unicodedata.is_normalized(form, text):
            return f"in {form}"
    return "in neither NFC nor NFD"


def _marked_difference(passage: str, quote: str, width: int) -> str:
    """``passage`` around where ``quote`` first differs from it, the passage's word there
    marked ``⟦ ⟧``: the first edit between the two that is not merely the passage going on
    before or after the quote."""
    import difflib

    edits = difflib.SequenceMatcher(None, passage, quote, autojunk=False).get_opcodes()
    equal = [index for index, edit in enumerate(edits) if edit[0] == "equal"]
    differs = len(passage)
    for tag, i1, _, j1, _ in edits[equal[0] if equal else 0 :]:
        if tag != "equal" and not (tag == "delete" and j1 == len(quote)):  # not the sentence's rest
            differs = i1
            break
    word_start = passage.rfind(" ", 0, differs) + 1
    word_end = passage.find(" ", differs)
    word_end = len(passage) if word_end < 0 else word_end
    left = max(0, word_start - int(width * _MARK_CONTEXT))
    right = min(len(passage), max(word_end, left + width))
    if left > 0:
        space = passage.find(" ", left, word_start)
        left = space + 1 if space >= 0 else left
    if right < len(passage):
        space = passage.rfind(" ", word_end, right)
        right = space if space > word_end else right
    marked = f"{passage[left:word_start]}⟦{passage[word_start:word_end]}⟧{passage[word_end:right]}"
    return ("…" if left > 0 else "") + marked + ("…" if right < len(passage) else "")
