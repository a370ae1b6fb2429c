"""Search text: how text and queries are folded, what a term is, and where a term matches a text.

Shared by the firm search's engine (:mod:`tui.core.search`), its flags
(:mod:`tui.core.search_flags`) and the reasons shown beside each result
(:mod:`tui.core.search_reasons`). The rules are in :mod:`tui.core.search`'s docstring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("france", "french"),
    ("america", "american", "usa", "us", "united states"),
    ("china", "chinese"),
)
"""Words that find one another, so "france" finds a firm whose origin is "French".

Kept small on purpose: the countries and peoples of the bundled article. A term
triggers a group if it is one of its words, or, from three characters on, the
beginning of one of its one-word entries ("fran", "chin"). A triggered group's
words are then looked for as whole words, at tier 2.
"""


MAX_QUERY_LENGTH = 200
"""The longest query a search takes, in characters: the search field holds no more (it
says so), and ``export --query`` refuses a longer one. Far beyond any firm's name and
alias together, and it bounds what a pasted megabyte can cost (each term is a pass
over every firm's fields)."""

_MIN_SYNONYM_PREFIX = 3
_ASCII_SPACE = str.maketrans({char: " " for char in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"})


# --- folding -------------------------------------------------------------------------------------


def _strip_marks(text: str) -> str:
    return "".join(char for char in text if not unicodedata.combining(char))


@cache
def _fold_char(char: str) -> str:
    if char.isspace():
        return " "
    text = _strip_marks(unicodedata.normalize("NFKD", char)).casefold()
    text = _strip_marks(unicodedata.normalize("NFKD", text))
    return "".join(" " if part.isspace() else part for part in text)


def fold(text: str) -> str:
    """``text`` as search compares it: accent-free, casefolded, every whitespace a space."""
    if text.isascii():
        return text.lower().translate(_ASCII_SPACE) if not text.isprintable() else text.lower()
    return "".join(map(_fold_char, text))


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """``fold(text)`` and, for each of its characters, the offset of the character of ``text`` it came from.

    Runs of ASCII fold character for character, so they are folded whole (in C); only the
    other characters are folded one at a time (the reasons beside search results fold
    every field of the rows on screen at each keystroke)."""
    if text.isascii():
        return fold(text), range(len(text))
    parts: list[str] = []
    offsets: list[int] = []
    done = 0
    for found in _NON_ASCII.finditer(text):
        index = found.start()
        if index > done:
            parts.append(fold(text[done:index]))
            offsets.extend(range(done, index))
        folded = _fold_char(text[index])
        parts.append(folded)
        offsets.extend([index] * len(folded))
        done = index + 1
    if done < len(text):
        parts.append(fold(text[done:]))
        offsets.extend(range(done, len(text)))
    return "".join(parts), offsets


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _merge_two_word_names(words: list[str]) -> list[str]:
    terms: list[str] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index : index + 2])
        if index + 1 < len(words) and pair in _TWO_WORD_NAMES:
            terms.append(pair)
            index += 2
        else:
            terms.append(words[index])
            index += 1
    return terms


_TWO_WORD_NAMES = frozenset(word for group in EQUIVALENTS for word in group if " " in word)


def query_terms(query: str) -> list[str]:
    """The folded terms of ``query`` (empty if it folds to nothing)."""
    return _merge_two_word_names(fold(query).split())


@lru_cache(maxsize=256)
def equivalent_groups(term: str) -> tuple[tuple[str, ...], ...]:
    """The :data:`EQUIVALENTS` groups ``term`` triggers."""
    return tuple(
        group
        for group in EQUIVALENTS
        if term in group or (len(term) >= _MIN_SYNONYM_PREFIX and any(" " not in word and word.startswith(term) for word in group))
    )


def is_word_start(text: str, index: int) -> bool:
    return text[index].isalnum() and (index == 0 or not text[index - 1].isalnum())


# --- highlighting ---------------------------------------------------------------------------------


def word_start_span(folded: str, term: str) -> list[tuple[int, int]]:
    """``term`` where it starts a word of ``folded``, or []."""
    start = folded.find(term)
    while start >= 0:
        if is_word_start(folded, start):
            return [(start, start + len(term))]
        start = folded.find(term, start + 1)
    return []


def equivalent_span(folded: str, term: str) -> list[tuple[int, int]]:
    """A whole word of ``folded`` equivalent to ``term`` ("french" for "france"), or []."""
    for group in equivalent_groups(term):
        for word in group:
            start = folded.find(word)
            while start >= 0:
                end = start + len(word)
                if is_word_start(folded, start) and (end == len(folded) or not folded[end].isalnum()):
                    return [(start, end)]
                start = folded.find(word, start + 1)
    return []


def initials_spans(folded: str, term: str) -> list[tuple[int, int]]:
    """``term``'s letters as the initials of consecutive words of ``folded`` ("ev": "Electric
    Vehicles"), or []."""
    if len(term) < 2 or not all(char.isalnum() for char in term):
        return []
    starts = [index for index in range(len(folded)) if is_word_start(folded, index)]
    for first_word in range(len(starts) - len(term) + 1):
        chosen = starts[first_word : first_word + len(term)]
        if all(folded[index] == char for index, char in zip(chosen, term)):
            return [(index, index + 1) for index in chosen]
    return []


def in_order_spans(folded: str, term: str) -> list[tuple[int, int]]:
    """``term``'s characters in order within ``folded`` ("rbt": "Robotics"), or []."""
    spans = []
    position = 0
    for char in term:
        position = folded.find(char, position)
        if position < 0:
            return []
        spans.append((position, position + 1))
        position += 1
    return spans


def term_spans(folded: str, term: str) -> list[tuple[int, int]]:
    """Where ``term`` matches in ``folded`` (a folded name), by the best kind of match it has."""
    first = folded.find(term)
    if first >= 0:
        return word_start_span(folded, term) or [(first, first + len(term))]
    return equivalent_span(folded, term) or initials_spans(folded, term) or in_order_spans(folded, term)


def name_highlights(name: str, query: str) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of ``name`` (original character offsets) to mark for ``query``.

    Each term is marked where it matches the name (a word-start occurrence, any
    occurrence, an equivalent word, initials, or its characters in order); a
    term that does not match the name marks nothing, so the result is empty
    when the name itself does not match. Ranges are sorted and do not overlap.
    """
    terms = query_terms(query)
    if not terms or not name:
        return []
    folded, offsets = fold_with_offsets(name)
    spans: list[tuple[int, int]] = []
    phrase = " ".join(terms)
    start = folded.find(phrase) if len(terms) > 1 else -1
    if start >= 0:
        spans.append((start, start + len(phrase)))
    else:
        for term in terms:
            spans.extend(term_spans(folded, term))
    return original_ranges(spans, offsets, len(name))


def original_ranges(spans: list[tuple[int, int]], offsets: Sequence[int], length: int) -> list[tuple[int, int]]:
    """``spans`` of a folded text as ranges of the text it was folded from (``offsets`` from
    :func:`fold_with_offsets`, ``length`` its length): sorted, overlapping ones merged."""
    ranges: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        begin = offsets[low]
        end = max(offsets[high - 1] + 1, offsets[high] if high < len(offsets) else length)
        if ranges and begin <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], end))
        else:
            ranges.append((begin, end))
    return ranges
