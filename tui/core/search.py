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
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, compress

from tui import TYPE_CHECKING
from tui.core.collector import paused
from tui.core.model import Firm
from tui.core.search_flags import FIELD, Lines, char_flags, line_flags, nested_line_flags, patterns, successor
from tui.core.search_text import EQUIVALENTS, fold, name_highlights, query_terms

if TYPE_CHECKING:
    from typing import Optional

__all__ = ["EQUIVALENTS", "FirmSearch", "fold", "name_highlights", "query_terms"]

_TIERS = 6
_LOOSE = _TIERS - 1
"""The tier of a term's letters in order: offered only when no firm matches better."""
_DENSE = 64
"""A shared value held by at least 1/64 of the firms keeps its firms as ready-made flags."""
_TIER_CACHE = 16


class _FoldOnce(dict[str, str]):
    """``fold``, remembering: ``folded[text]``."""

    def __missing__(self, text: str) -> str:
        value = self[text] = fold(text)
        return value


def _fields(firm: Firm) -> list[str]:
    """The firm's own values, name and aliases first: who and what it is."""
    fields = [firm.name, *firm.aliases, *(subsidiary.name for subsidiary in firm.subsidiaries)]
    for person in firm.people:
        fields += (person.name, person.role)
    if firm.origin.value is not None:
        fields.append(firm.origin.value)
    if firm.sector.value is not None:
        fields.append(firm.sector.value)
    return fields


def _fact_texts(firm: Firm) -> list[str]:
    """What the firm's other facts state, and the article's words behind all its facts:
    searched too, ranked below its own values (a sentence often names other firms too)."""
    return [*(fact.value for fact in firm.facts if fact.value is not None), *(quote.text for quote in firm.quotes())]


_WORD = re.compile(r"[^\W_]+")


def _mask_other_firms(texts: list[list[str]], names: list[tuple[str, int]]) -> None:
    """Cut the names of other firms (as whole words) out of each firm's facts and quotes, in place,
    so a sentence listing five firms finds each by its own name only ("pudu" is not Horizon Robotics)."""
    words = {word for firm_texts in texts for text in firm_texts for word in _WORD.findall(text)}
    named: dict[str, set[int]] = {}
    for key, index in names:  # a cheap first sieve: every word of the name is a word of some text
        key_words = _WORD.findall(key)
        if key_words and words.issuperset(key_words):
            named.setdefault(key, set()).add(index)
    if not named:
        return
    patterns = _whole_words(named)
    masks: dict[str, list[tuple[re.Pattern[str], set[int]]]] = {}
    for index, firm_texts in enumerate(texts):
        for number, text in enumerate(firm_texts):
            found = masks.get(text)
            if found is None:
                found = masks[text] = [(pattern, held) for pattern, held in patterns if pattern.search(text)]
            for pattern, held in found:
                if index not in held:
                    text = pattern.sub(FIELD, text)
            firm_texts[number] = text


def _whole_words(named: dict[str, set[int]]) -> list[tuple[re.Pattern[str], set[int]]]:
    return [(re.compile(f"(?<![^\\W_]){re.escape(key)}(?![^\\W_])"), held) for key, held in named.items()]


def _flags_of(ids: Iterable[int], count: int) -> int:
    flags = bytearray(count)
    for index in ids:
        flags[index] = 1
    return int.from_bytes(flags, "little")


class _Corpus:
    """One kind of searched text (the firms' own values, or their facts and quotes) of every firm: a value only one firm
    has on that firm's line of ``own``; a value several share, once, on a line of ``shared``."""

    __slots__ = ("_count", "_dense", "_holders", "own", "shared")

    def __init__(self, values: list[list[str]], count: int) -> None:
        self._count = count
        holders = Counter(chain.from_iterable(values))
        shared: dict[str, list[int]] = {value: [] for value, held in holders.items() if held > 1}
        own: list[str] = []
        for index, firm_values in enumerate(values):
            line = ""
            for value in firm_values:
                holding = shared.get(value)
                if holding is None:
                    line += FIELD + value
                else:
                    holding.append(index)
            own.append(line)
        self.own = Lines(own)
        self.shared = Lines(FIELD + value for value in shared)
        self._holders = list(shared.values())
        self._dense: dict[int, int] = {}

    def matching(self, pattern: Optional[re.Pattern[str]], initials: bool = False) -> int:
        """Flags of the firms with a value matching ``pattern`` (or whose words' initials do)."""
        if pattern is None:
            return 0
        if initials:
            return self.combine(line_flags(pattern, self.own.initials), line_flags(pattern, self.shared.initials))
        return self.combine(line_flags(pattern, self.own.text), line_flags(pattern, self.shared.text))

    def nested(self, nested: Sequence[Optional[re.Pattern[str]]]) -> list[int]:
        """Flags for each of ``nested`` (see :func:`~tui.core.search_flags.nested_line_flags`)."""
        pairs = zip(nested_line_flags(nested, self.own.text), nested_line_flags(nested, self.shared.text))
        return [self.combine(*pair) for pair in pairs]

    def single_char(self, char: str) -> tuple[int, int]:
        """Flags of the firms with ``char`` (ASCII) anywhere, and at the start of a word: no regex."""
        own, shared = self.own, self.shared
        anywhere = self.combine(char_flags(char, own.encoded), char_flags(char, shared.encoded))
        words = self.combine(char_flags(char, own.encoded_initials), char_flags(char, shared.encoded_initials))
        return anywhere, words

    def combine(self, own: bytes, shared: bytes) -> int:
        """Firm flags from the flags of the firms' own lines and of the shared values' lines."""
        flags = int.from_bytes(own, "little")
        if 1 in shared:
            scattered: Optional[bytearray] = None
            for number in compress(range(len(shared)), shared):
                holders = self._holders[number]
                if len(holders) * _DENSE >= self._count:
                    dense = self._dense.get(number)
                    if dense is None:
                        dense = self._dense[number] = _flags_of(holders, self._count)
                    flags |= dense
                else:
                    if scattered is None:
                        scattered = bytearray(self._count)
                    for index in holders:
                        scattered[index] = 1
            if scattered is not None:
                flags |= int.from_bytes(scattered, "little")
        return flags


class FirmSearch:
    """Search over a fixed list of firms. Build once (it folds every field), then call :meth:`search`."""

    def __init__(self, firms: Sequence[Firm]) -> None:
        with paused():  # a few objects per firm, no cycles (see tui.core.collector)
            self._build(firms)

    def _build(self, firms: Sequence[Firm]) -> None:
        self._count = len(firms)
        folded = _FoldOnce()  # the same text is often in many firms (an origin, a sector): fold it once
        values: list[list[str]] = []  # each firm's folded fields, without repeats, name first
        quotes: list[list[str]] = []
        names: list[tuple[str, int]] = []  # (name or alias with runs of spaces made one, firm)
        for index, firm in enumerate(firms):
            fields = list(map(folded.__getitem__, _fields(firm)))
            names.append((" ".join(fields[0].split()), index))
            for alias in fields[1 : 1 + len(firm.aliases)]:
                names.append((" ".join(alias.split()), index))
            values.append(list(dict.fromkeys(fields)))
            quotes.append(list(dict.fromkeys(map(folded.__getitem__, _fact_texts(firm)))))
        names.sort()
        self._name_keys = [key for key, _ in names]
        self._name_ids = [index for _, index in names]
        _mask_other_firms(quotes, names)
        self._values = _Corpus(values, self._count)
        self._quotes = _Corpus(quotes, self._count)
        self._tier_cache: dict[str, list[int]] = {}
        self._last_terms: list[str] = []
        self._last_result: list[int] = []
        self.loose = False
        """Whether the last search's firms matched only by their letters in order (tier 4 above): a loose
        match, which a result that matches better elsewhere (a summary fact) should outrank."""

    def __len__(self) -> int:
        return self._count

    def search(self, query: str) -> list[int]:
        """Indices of the firms matching ``query``, best first (all firms, in order, for a blank
        query). A new list each time: the caller may keep or change it."""
        terms = query_terms(query)
        if not terms:
            return list(range(self._count))
        if terms != self._last_terms:
            self._last_result, self.loose = self._search(terms)
            self._last_terms = terms
        return list(self._last_result)

    def forget(self) -> None:
        """Drop what earlier searches kept (benchmarks measure each search from cold)."""
        self._tier_cache.clear()
        self._last_terms = []
        self._last_result = []
        self.loose = False

    def _search(self, terms: list[str]) -> tuple[list[int], bool]:
        per_term = []
        together = -1  # the firms matching every term so far, at any tier (all of them, to start)
        for term in terms:
            tiers = self._term_tiers(term)
            per_term.append(tiers)
            union = 0
            for flags in tiers:
                union |= flags
            together &= union
            if not together:
                # No firm matches every term so far, so none can match them all: the rest of a
                # long query (a paste of 200 characters is up to 100 terms) costs nothing.
                per_term = [[0] * _TIERS]
                break
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
            if tier == _LOOSE:
                if placed:
                    break  # letters in order only when nothing better matched
                result = list(compress(range(self._count), matched.to_bytes(self._count, "little")))
                return result, bool(result)
            matched |= placed | (by_phrase[tier] if tier < len(by_phrase) else 0)
            fresh = matched & ~placed
            if fresh:
                result += compress(range(self._count), fresh.to_bytes(self._count, "little"))
            placed = matched
        return result, False

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
        term_patterns = patterns(term)
        exact, prefixed = (self._from_ids(ids) for ids in self._name_tiers(term))
        values, quotes = self._values, self._quotes
        if len(term) == 1 and term.isascii():  # no regular expression: see char_flags
            anywhere, words = values.single_char(term)
            quoted_anywhere, quoted_words = quotes.single_char(term)
            in_order = anywhere
        else:
            nested = (term_patterns.word_prefix, term_patterns.substring, term_patterns.in_order)
            words, anywhere, in_order = values.nested(nested)
            quoted_words, quoted_anywhere = quotes.nested(nested[:2])
        if len(term) > 1 and term.isalnum():
            words |= values.matching(term_patterns.substring, initials=True)
        words |= values.matching(term_patterns.equivalents)
        quoted_words |= quotes.matching(term_patterns.equivalents)
        return [exact, prefixed, words, quoted_words, anywhere | quoted_anywhere, in_order]

    def _from_ids(self, ids: Iterable[int]) -> int:
        return _flags_of(ids, self._count)

    def _name_tiers(self, text: str) -> tuple[list[int], list[int]]:
        """Firms whose name or alias is ``text`` (tier 0), or starts with it (tier 1): sorted, the
        names equal to ``text`` come first among those starting with it."""
        keys = self._name_keys
        low = bisect.bisect_left(keys, text)
        equal = bisect.bisect_right(keys, text, low)
        upper = successor(text)
        high = len(keys) if upper is None else bisect.bisect_left(keys, upper, equal)
        return self._name_ids[low:equal], self._name_ids[equal:high]
