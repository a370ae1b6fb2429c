"""The figures a piece of text gives (numbers, amounts, years, counts), so ``check`` can hold
every value to its quotes: a value may not give a figure that none of its quotes gives.

A figure is what a reader would copy as a number: ``17,000``, ``HK$42 billion``,
``2019``, ``five``, ``Seventeen``, ``12.5%``. Two figures are the same when they
are the same amount (``17,000`` is ``17000``, ``five`` is ``5``, ``HK$4 million``
is ``HK$4,000,000``) in the same currency and unit; a figure without a currency
or unit matches the same amount with one (a value may say less than its quote,
never more or other). Digits inside a word (``5G``, ``A380``) count too: a value
that turns an ``A380`` into an ``A350`` says something its quote does not.

Plain :mod:`re`, compiled on first use (``check`` starts anew for every run). An amount
is an ``int``; :mod:`decimal` (a few milliseconds to import) is imported only for a figure
with a decimal point, which compares and computes with ints exactly.
"""

from __future__ import annotations

import re

from tui import TYPE_CHECKING
from tui.core.records import NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterator
    from decimal import Decimal
    from typing import Optional, Union

    Amount = Union[int, Decimal]

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12,
}  # fmt: skip
"""Number words a sentence may spell a count with ("Seventeen companies", "the next five years")."""

_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_FIGURE = (
    r"(?i)(?P<currency>(?:\b(?-i:[A-Z]{1,3}))?\$|[£€¥₹]|\b(?:RMB|HKD|USD|EUR|GBP|CNY)\s?)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|\b(?P<word>" + "|".join(_WORDS) + r")\b)"
    r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?"
)
"""A figure: an optional currency, digits (thousands separated by commas) or a number word,
an optional scale word and an optional per cent. Number words are whole words only."""


class Figure(NamedTuple):
    """One figure as written (``text``) and the amount it stands for."""

    text: str
    amount: Amount
    currency: str
    """"HK$", "£"… upper-cased and without spaces; "" for none."""
    percent: bool

    def matches(self, other: Figure) -> bool:
        """The same amount, and the same currency and unit where this figure names one."""
        if self.amount != other.amount:
            return False
        return (not self.currency or self.currency == other.currency) and (not self.percent or other.percent)


_LETTERS = r"[^\W\d_]+"
"""A run of letters: where a number word may start."""

_ANCHOR = r"\d|\b(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b"
"""A digit, or a whole number word in casefolded text."""

_REACH = 8
"""How far before its digits or number word a figure can start (its currency: "ABC$", "HKD ")."""

_ASCII_TOKENS = bytes(
    code + 32 if 65 <= code <= 90 else code if 97 <= code <= 122 else 35 if 48 <= code <= 57 else 32 for code in range(256)
)
"""A ``bytes.translate`` table for ASCII text: letters lower-cased, digits to ``#``, all else a space."""

_NUMBER_WORDS = frozenset(word.encode() for word in _WORDS)


def _unicode_may_have_figure(text: str) -> bool:
    """False when the non-ASCII ``text`` surely gives no figure: no digit of any script
    (``int()`` reads them all) and no letter run, casefolded, that is a number word."""
    if re.search(r"\d", text):
        return True
    folded = text.casefold()
    if len(folded) != len(text):
        return True  # "İ", "ß": see _anchor_starts
    # re's case-blind match also takes "ſ" for "s" and "K" (Kelvin) for "k": casefolding does too.
    return not _WORDS.keys().isdisjoint(re.findall(_LETTERS, folded))


def _anchor_starts(text: str, folded: str) -> list[int]:
    """Where a figure's digits or number word can be when casefolding changed the text's
    length ("İ", "ß"): re's case-blind match folds one character at a time, so every
    letter run may be a word."""
    digits = [match.start() for match in re.finditer(r"\d", text)]
    return sorted(digits + [match.start() for match in re.finditer(_LETTERS, text)])


class _Patterns:
    """The figure, anchor and currency patterns, compiled on first use and kept (``re``'s
    own cache costs a lookup per call, and ``check`` calls this for every value)."""

    figure: Optional[re.Pattern[str]] = None
    anchor: Optional[re.Pattern[str]] = None
    currency: Optional[re.Pattern[str]] = None

    @classmethod
    def get(cls) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        if cls.figure is None or cls.anchor is None or cls.currency is None:
            cls.figure, cls.anchor, cls.currency = re.compile(_FIGURE), re.compile(_ANCHOR), re.compile(_CURRENCY_HINT)
        return cls.figure, cls.anchor, cls.currency


_CURRENCY_HINT = r"(?i)[$£€¥₹]|RMB|HKD|USD|EUR|GBP|CNY"
"""What any currency :data:`_FIGURE` allows holds: without one just before an anchor, a
figure there can only start at the anchor itself."""


def _anchors(text: str) -> Optional[Iterator[int]]:
    """Where a figure's digits or number word can be, in order (every digit and the start of
    every whole number word: every figure holds one), or None where there is none. Most
    values ("Artificial intelligence", "Shenzhen") have none, and are settled for ASCII text
    by two C-level passes over its bytes (a regex over every character of every value cost
    half a parse at 10,000 firms): a whole number word is a whole letter run there, and
    without one the digits are found in the bytes too. Otherwise :data:`_ANCHOR` finds them
    in the casefolded text (case-sensitively, which is cheaper; casefolding keeps every
    position), or :func:`_anchor_starts` where casefolding changes the length."""
    if text.isascii():
        tokens = text.encode().translate(_ASCII_TOKENS)
        if _NUMBER_WORDS.isdisjoint(tokens.split()):
            return _digits(tokens) if b"#" in tokens else None
        folded = text.lower()
    else:
        if not _unicode_may_have_figure(text):
            return None
        folded = text.casefold()
        if len(folded) != len(text):
            return iter(_anchor_starts(text, folded))
    return (anchor.start() for anchor in _Patterns.get()[1].finditer(folded))


def _digits(tokens: bytes) -> Iterator[int]:
    """Where the digits are in text translated by :data:`_ASCII_TOKENS`."""
    start = tokens.find(b"#")
    while start >= 0:
        yield start
        start = tokens.find(b"#", start + 1)


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order: what ``re.finditer(_FIGURE, text)`` finds, searched
    for only from just before each anchor, a digit or whole number word (a match ending at
    ``end`` is followed by the leftmost match from ``end``, and that one starts at most
    :data:`_REACH` before the first anchor at or after ``end``, and at that anchor when no
    currency comes between). Run over the whole text, the pattern tries its optional
    currency and thirty words at every character: ``check`` on 10,000 firms took four times
    as long; searching from :data:`_REACH` before each anchor still cost a third of a parse."""
    found: list[Figure] = []
    anchors = _anchors(text)
    if anchors is None:
        return found
    pattern, _, currency_hint = _Patterns.get()
    end = 0
    for anchor in anchors:
        if anchor < end:
            continue
        reach = max(end, anchor - _REACH)
        if reach < anchor and currency_hint.search(text, reach, anchor):
            match = pattern.search(text, reach)
        else:
            match = pattern.match(text, anchor) or pattern.search(text, anchor)
        if match is None:
            break
        end = match.end()
        whole, digits, word, scale, currency, percent = match.group(0, "digits", "word", "scale", "currency", "percent")
        amount = _amount(digits.replace(",", "")) if digits else _word_amount(word)
        if scale:
            amount *= _SCALES[scale.lower()]
        found.append(Figure(whole.strip(), amount, (currency or "").replace(" ", "").upper(), bool(percent)))
    return found


def _word_amount(word: str) -> int:
    """The number a matched word spells: re matched it case-blind one character at a time,
    so "FİVE" is "five" though its ``lower()`` is not."""
    amount = _WORDS.get(word.lower())
    if amount is None:
        amount = next(value for name, value in _WORDS.items() if re.fullmatch(name, word, re.IGNORECASE))
    return amount


def _amount(digits: str) -> Amount:
    """ "17000" as 17000, "12.5" as Decimal("12.5") (any Unicode digits: int() and Decimal() read them)."""
    if "." not in digits:
        return int(digits)
    from decimal import Decimal

    return Decimal(digits)


def unsupported(given: list[Figure], quoted: list[Figure]) -> Optional[Figure]:
    """The first of a value's figures (``given``) that none of its quotes' (``quoted``)
    matches; None when every one is in a quote."""
    for figure in given:
        if not any(figure.matches(candidate) for candidate in quoted):
            return figure
    return None


def says(quoted: list[Figure], plural: bool = False) -> str:
    """“its quote says 17,000” / “its quotes say 17, 15” / “its quote gives no figure”: the end of a problem line."""
    whose = "its quotes" if plural else "its quote"
    if not quoted:
        return f"{whose} gives no figure" if not plural else f"{whose} give no figure"
    shown = ", ".join(dict.fromkeys(figure.text for figure in quoted))
    return f"{whose} say {shown}" if plural else f"{whose} says {shown}"
