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
    from collections.abc import Iterable
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


def _anchors(text: str) -> list[int]:
    """Where a figure's digits or number word can be: every digit, and the start of every
    whole number word. Every figure holds one, so :data:`_FIGURE` is only run near these:
    run over the whole text it tries its optional currency and thirty words at every
    character, which made ``check`` on 10,000 firms four times slower. The words are found
    case-sensitively in the casefolded text (cheaper), where casefolding keeps every position."""
    folded = text.casefold()
    if len(folded) == len(text):
        return [match.start() for match in re.finditer(_ANCHOR, folded)]
    # Rare ("İ", "ß"): re's case-blind match folds one character at a time, so every letter run may be a word.
    digits = [match.start() for match in re.finditer(r"\d", text)]
    return sorted(digits + [match.start() for match in re.finditer(_LETTERS, text)])


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order: what ``re.finditer(_FIGURE, text)`` finds, searched
    for only from just before each anchor (a match ending at ``end`` is followed by the
    leftmost match from ``end``, and that one starts at most :data:`_REACH` before the
    first anchor at or after ``end``)."""
    found: list[Figure] = []
    pattern = re.compile(_FIGURE)  # from re's cache after the first call
    end = 0
    for anchor in _anchors(text):
        if anchor < end:
            continue
        match = pattern.search(text, max(end, anchor - _REACH))
        if match is None:
            break
        end = match.end()
        digits, word = match.group("digits"), match.group("word")
        amount = _amount(digits.replace(",", "")) if digits else _word_amount(word)
        scale = match.group("scale")
        if scale:
            amount *= _SCALES[scale.lower()]
        currency = (match.group("currency") or "").replace(" ", "").upper()
        found.append(Figure(match.group().strip(), amount, currency, bool(match.group("percent"))))
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


def unsupported(value: str, quotes: Iterable[str]) -> Optional[tuple[Figure, list[Figure]]]:
    """The first figure ``value`` gives that no quote gives, with the figures the quotes do
    give (for the problem line); None when every figure is in a quote."""
    given = figures(value)
    if not given:
        return None  # the usual case: the quotes need not be read
    quoted = [figure for quote in quotes for figure in figures(quote)]
    for figure in given:
        if not any(figure.matches(candidate) for candidate in quoted):
            return figure, quoted
    return None


def says(quoted: list[Figure], plural: bool = False) -> str:
    """“its quote says 17,000” / “its quotes say 17, 15” / “its quote gives no figure”: the end of a problem line."""
    whose = "its quotes" if plural else "its quote"
    if not quoted:
        return f"{whose} gives no figure" if not plural else f"{whose} give no figure"
    shown = ", ".join(dict.fromkeys(figure.text for figure in quoted))
    return f"{whose} say {shown}" if plural else f"{whose} says {shown}"
