"""Find firms by what a reader types: forgiving, ranked, and fast enough to run on every keystroke.

Pure data layer (nothing here imports Textual). :class:`FirmSearch` answers a
query with indices into the firms it was built on, best first;
:func:`name_highlights` says which characters of a firm's name to mark, and is
only called for the rows on screen.

What is searched
    A firm's name, aliases, subsidiaries' names, people's names and roles, and
    its origin and sector values (where stated). Each of these is a *field*.

Normalisation
    Text and query are compared *folded*: NFKD, combining marks stripped,
    casefolded (then NFKD and marks again, for what casefolding produces), and
    every whitespace character made a plain space. So ``Prophésée``, ``PROPHESEE``
    and ``prophesee`` are the same, and ``ﬁ`` is ``fi``. The query is split on
    whitespace into *terms*; a query that folds to nothing finds every firm.

How a term matches, best tier first
    0. it is a firm's whole name or alias;
    1. a name or alias starts with it;
    2. a word of any field starts with it; or its letters are the initials of
       consecutive words of a field (``ev``: "New Energy Vehicles"); or it
       names a country or people in :data:`EQUIVALENTS` and a field has an
       equivalent word (``france``: "French");
    3. it occurs anywhere in a field;
    4. its characters occur in order within one field (``rbt``: "Robotics").

    A word is a run of letters and digits (``str.isalnum``). Names and aliases
    are compared with runs of spaces made one.

Several terms
    Every term must match (AND). A firm's tier is that of its worst term, except
    that the whole query (terms joined by one space) matching a name or alias
    exactly or as a prefix ranks it 0 or 1, like a single term. A two-word name in
    :data:`EQUIVALENTS` typed in full ("united states") is taken as one term.

Ties
    Within a tier, firms keep their dataset order.

How it is fast
    Every field is folded once, when the search is built. A value only one firm
    has (its name, usually) goes on that firm's line of one big string; a value
    several firms share (an origin, a sector) goes, once, on a line of a small
    second string that knows which firms hold it. Each kind of match is then one
    compiled regular expression run over both strings in C (``re.sub`` marks the
    matching lines, ``bytes.translate`` boils that down to one byte per line),
    and the flags become a big integer with one byte per firm: tiers, the AND of
    terms and "each firm at its best tier" are a few integer operations, and
    ``itertools.compress`` turns the final flags into indices in dataset order.
    The last few terms' flags are kept, so typing a second word doesn't redo the
    first. The README's Performance section gives the keystroke and build times
    at up to 100,000 firms, and the command that measures them.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import chain, compress

from tui import TYPE_CHECKING
from tui.core.collector import paused
from tui.core.model import Firm
from tui.core.records import NamedTuple

if TYPE_CHECKING:
    from typing import Optional

__all__ = ["EQUIVALENTS", "FirmSearch", "fold", "name_highlights", "query_terms"]

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

_TIERS = 5
_MIN_SYNONYM_PREFIX = 3
_FIELD = "\x1f"
"""Before every value on a line. Whitespace, like the newline: no folded text or term holds one."""
_HIT = "\x1d"
"""What a match and the rest of its line are replaced with, to flag the line (whitespace too)."""
_REST = r"[^\n]*"
"""Every pattern ends by eating the rest of its line: one match per line at most."""
_ALNUM = r"[^\W_]"
"""``str.isalnum`` in Python's ``re`` (``\\w`` is letters, digits and the underscore)."""
_NOT_INITIAL = re.compile(r"(?<=[^\W_])[^\W_]+|[^\w\x1f\n]+|_+")
"""All but the first letter or digit of each word (separators aside): deleted, it leaves the initials."""
_ASCII_SPACE = str.maketrans({char: " " for char in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"})
_ALL_BUT_LINES_AND_HITS = bytes(byte for byte in range(256) if byte not in b"\n\x1d")
_LINE_TO_0_HIT_TO_1 = bytes.maketrans(b"\n\x1d", b"\x00\x01")
_DENSE = 64
"""A shared value held by at least 1/64 of the firms keeps its firms as ready-made flags."""
_TIER_CACHE = 16


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


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the offset of the character of ``text`` it came from."""
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(parts), offsets


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


def _groups(term: str) -> list[tuple[str, ...]]:
    """The :data:`EQUIVALENTS` groups ``term`` triggers."""
    return [
        group
        for group in EQUIVALENTS
        if term in group or (len(term) >= _MIN_SYNONYM_PREFIX and any(" " not in word and word.startswith(term) for word in group))
    ]


def _is_word_start(text: str, index: int) -> bool:
    return text[index].isalnum() and (index == 0 or not text[index - 1].isalnum())


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
def _patterns(term: str) -> _Patterns:
    word_prefix = equivalents = in_order = None
    if term[0].isalnum():
        word_prefix = re.compile(re.escape(term) + _at_word_start(len(term)) + _REST)
    targets = sorted({word for group in _groups(term) for word in group})
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


def _line_flags(pattern: re.Pattern[str], haystack: str) -> bytes:
    """One byte per line of ``haystack``: 1 where ``pattern`` matches."""
    return _hit_lines(pattern.sub(_HIT, haystack))


def _nested_line_flags(patterns: Sequence[Optional[re.Pattern[str]]], haystack: str) -> list[bytes]:
    """``_line_flags`` of each pattern, for patterns each matching wherever the one before it does
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


def _char_flags(char: str, encoded: bytes) -> bytes:
    """``_line_flags`` of one ASCII character's substring pattern, without a regular expression:
    keep only the newlines (as 0) and that character (as 1), and squeeze each line's 1s into one."""
    kept = encoded.translate(*_keep_lines_and(ord(char)))
    while b"\x01\x01" in kept:
        kept = kept.replace(b"\x01\x01", b"\x01")
    return kept.replace(b"\x00\x01", b"\x01")


class _Lines:
    """Folded values, one line per holder (a firm, or a shared value): as text, as UTF-8, and
    reduced to the initials of their words."""

    __slots__ = ("encoded", "encoded_initials", "initials", "text")

    def __init__(self, lines: Iterable[str]) -> None:
        self.text = "".join(f"\n{line}" for line in lines)
        self.encoded = self.text.encode("utf-8", "surrogatepass")
        self.initials = _NOT_INITIAL.sub("", self.text)
        self.encoded_initials = self.initials.encode("utf-8", "surrogatepass")


def _successor(prefix: str) -> Optional[str]:
    """The least string greater than every string starting with ``prefix`` (None: there is none)."""
    chars = list(prefix)
    while chars:
        last = ord(chars.pop())
        if last < 0x10FFFF:
            return "".join(chars) + chr(last + 1)
    return None


class _FoldOnce(dict[str, str]):
    """``fold``, remembering: ``folded[text]``."""

    def __missing__(self, text: str) -> str:
        value = self[text] = fold(text)
        return value


def _fields(firm: Firm) -> list[str]:
    """The searched fields, name and aliases first."""
    fields = [firm.name, *firm.aliases, *(subsidiary.name for subsidiary in firm.subsidiaries)]
    for person in firm.people:
        fields += (person.name, person.role)
    if firm.origin.value is not None:
        fields.append(firm.origin.value)
    if firm.sector.value is not None:
        fields.append(firm.sector.value)
    return fields


class FirmSearch:
    """Search over a fixed list of firms. Build once (it folds every field), then call :meth:`search`."""

    def __init__(self, firms: Sequence[Firm]) -> None:
        with paused():  # a few objects per firm, no cycles (see tui.core.collector)
            self._build(firms)

    def _build(self, firms: Sequence[Firm]) -> None:
        self._count = len(firms)
        folded = _FoldOnce()  # the same text is often in many firms (an origin, a sector): fold it once
        values: list[list[str]] = []  # each firm's folded fields, without repeats, name first
        names: list[tuple[str, int]] = []  # (name or alias with runs of spaces made one, firm)
        for index, firm in enumerate(firms):
            fields = list(map(folded.__getitem__, _fields(firm)))
            names.append((" ".join(fields[0].split()), index))
            for alias in fields[1 : 1 + len(firm.aliases)]:
                names.append((" ".join(alias.split()), index))
            values.append(list(dict.fromkeys(fields)))
        names.sort()
        self._name_keys = [key for key, _ in names]
        self._name_ids = [index for _, index in names]

        holders = Counter(chain.from_iterable(values))
        shared: dict[str, list[int]] = {value: [] for value, held in holders.items() if held > 1}
        own: list[str] = []
        for index, firm_values in enumerate(values):
            line = ""
            for value in firm_values:
                holding = shared.get(value)
                if holding is None:
                    line += _FIELD + value
                else:
                    holding.append(index)
            own.append(line)
        self._own = _Lines(own)
        self._shared = _Lines(_FIELD + value for value in shared)
        self._holders = list(shared.values())
        self._dense: dict[int, int] = {}
        self._tier_cache: dict[str, list[int]] = {}
        self._last_terms: list[str] = []
        self._last_result: list[int] = []

    def __len__(self) -> int:
        return self._count

    def search(self, query: str) -> list[int]:
        """Indices of the firms matching ``query``, best first (all firms, in order, for a blank
        query). A new list each time: the caller may keep or change it."""
        terms = query_terms(query)
        if not terms:
            return list(range(self._count))
        if terms != self._last_terms:
            self._last_result = self._search(terms)
            self._last_terms = terms
        return list(self._last_result)

    def forget(self) -> None:
        """Drop what earlier searches kept (benchmarks measure each search from cold)."""
        self._tier_cache.clear()
        self._last_terms = []
        self._last_result = []

    def _search(self, terms: list[str]) -> list[int]:
        per_term = [self._term_tiers(term) for term in terms]
        by_phrase = [0, 0]  # tiers 0 and 1 for the whole query; a single term's own tiers hold them
        if len(terms) > 1:
            exact, prefixed = (self._from_ids(ids) for ids in self._name_tiers(" ".join(terms)))
            by_phrase = [exact, exact | prefixed]
        cumulative = [0] * len(per_term)
        result: list[int] = []
        placed = 0
        for tier in range(_TIERS):
            for number, tiers in enumerate(per_term):
                cumulative[number] |= tiers[tier]
            matched = cumulative[0]
            for flags in cumulative[1:]:
                matched &= flags
            matched |= placed | (by_phrase[tier] if tier < len(by_phrase) else 0)
            fresh = matched & ~placed
            if fresh:
                result += compress(range(self._count), fresh.to_bytes(self._count, "little"))
            placed = matched
        return result

    def _term_tiers(self, term: str) -> list[int]:
        """Flags of the firms ``term`` matches at each tier (a firm may be flagged at several)."""
        tiers = self._tier_cache.get(term)
        if tiers is None:
            tiers = self._compute_tiers(term)
            if len(self._tier_cache) >= _TIER_CACHE:
                del self._tier_cache[next(iter(self._tier_cache))]
            self._tier_cache[term] = tiers
        return tiers

    def _compute_tiers(self, term: str) -> list[int]:
        patterns = _patterns(term)
        exact, prefixed = (self._from_ids(ids) for ids in self._name_tiers(term))
        own, shared = self._own, self._shared
        if len(term) == 1 and term.isascii():  # no regular expression: see _char_flags
            anywhere = self._combine(_char_flags(term, own.encoded), _char_flags(term, shared.encoded))
            words = self._combine(_char_flags(term, own.encoded_initials), _char_flags(term, shared.encoded_initials))
            in_order = anywhere
        else:
            nested = (patterns.word_prefix, patterns.substring, patterns.in_order)
            pairs = zip(_nested_line_flags(nested, own.text), _nested_line_flags(nested, shared.text))
            words, anywhere, in_order = (self._combine(*pair) for pair in pairs)
        if len(term) > 1 and term.isalnum():
            words |= self._matching(patterns.substring, initials=True)
        words |= self._matching(patterns.equivalents)
        return [exact, prefixed, words, anywhere, in_order]

    def _matching(self, pattern: Optional[re.Pattern[str]], initials: bool = False) -> int:
        """Flags of the firms with a field matching ``pattern`` (or whose words' initials do)."""
        if pattern is None:
            return 0
        if initials:
            return self._combine(_line_flags(pattern, self._own.initials), _line_flags(pattern, self._shared.initials))
        return self._combine(_line_flags(pattern, self._own.text), _line_flags(pattern, self._shared.text))

    def _combine(self, own: bytes, shared: bytes) -> int:
        """Firm flags from the flags of the firms' own lines and of the shared values' lines."""
        flags = int.from_bytes(own, "little")
        if 1 in shared:
            scattered: Optional[bytearray] = None
            for number in compress(range(len(shared)), shared):
                holders = self._holders[number]
                if len(holders) * _DENSE >= self._count:
                    dense = self._dense.get(number)
                    if dense is None:
                        dense = self._dense[number] = self._from_ids(holders)
                    flags |= dense
                else:
                    if scattered is None:
                        scattered = bytearray(self._count)
                    for index in holders:
                        scattered[index] = 1
            if scattered is not None:
                flags |= int.from_bytes(scattered, "little")
        return flags

    def _from_ids(self, ids: Iterable[int]) -> int:
        flags = bytearray(self._count)
        for index in ids:
            flags[index] = 1
        return int.from_bytes(flags, "little")

    def _name_tiers(self, text: str) -> tuple[list[int], list[int]]:
        """Firms whose name or alias is ``text`` (tier 0), or starts with it (tier 1): sorted, the
        names equal to ``text`` come first among those starting with it."""
        keys = self._name_keys
        low = bisect.bisect_left(keys, text)
        equal = bisect.bisect_right(keys, text, low)
        upper = _successor(text)
        high = len(keys) if upper is None else bisect.bisect_left(keys, upper, equal)
        return self._name_ids[low:equal], self._name_ids[equal:high]


# --- highlighting ---------------------------------------------------------------------------------


def _term_spans(folded: str, term: str) -> list[tuple[int, int]]:
    """Where ``term`` matches in ``folded`` (a folded name), by the best kind of match it has."""
    first = folded.find(term)
    if first >= 0:
        start = first
        while start >= 0:
            if _is_word_start(folded, start):
                return [(start, start + len(term))]
            start = folded.find(term, start + 1)
        return [(first, first + len(term))]
    for group in _groups(term):
        for word in group:
            start = folded.find(word)
            while start >= 0:
                end = start + len(word)
                if _is_word_start(folded, start) and (end == len(folded) or not folded[end].isalnum()):
                    return [(start, end)]
                start = folded.find(word, start + 1)
    if len(term) > 1 and all(char.isalnum() for char in term):
        starts = [index for index in range(len(folded)) if _is_word_start(folded, index)]
        for first_word in range(len(starts) - len(term) + 1):
            chosen = starts[first_word : first_word + len(term)]
            if all(folded[index] == char for index, char in zip(chosen, term)):
                return [(index, index + 1) for index in chosen]
    spans = []
    position = 0
    for char in term:
        position = folded.find(char, position)
        if position < 0:
            return []
        spans.append((position, position + 1))
        position += 1
    return spans


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
    folded, offsets = _fold_with_offsets(name)
    spans: list[tuple[int, int]] = []
    phrase = " ".join(terms)
    start = folded.find(phrase) if len(terms) > 1 else -1
    if start >= 0:
        spans.append((start, start + len(phrase)))
    else:
        for term in terms:
            spans.extend(_term_spans(folded, term))
    ranges: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        begin = offsets[low]
        end = max(offsets[high - 1] + 1, offsets[high] if high < len(offsets) else len(name))
        if ranges and begin <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], end))
        else:
            ranges.append((begin, end))
    return ranges
