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

_CURRENCY = r"(?P<currency>(?:\b(?-i:[A-Z]{1,3}))?\$|[£€¥₹]|\b(?:RMB|HKD|USD|EUR|GBP|CNY)\s?)?"
_DIGITS = r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_AND_PERCENT = r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion)\b)?(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?"
_FIGURE = "(?i)" + _CURRENCY + "(?:" + _DIGITS + r"|\b(?P<word>" + "|".join(_WORDS) + r")\b)" + _SCALE_AND_PERCENT
"""A figure: an optional currency, digits (thousands separated by commas) or a number word,
an optional scale word and an optional per cent. Number words are whole words only."""

_DIGITS_FIGURE = "(?i)" + _DIGITS + _SCALE_AND_PERCENT
"""What :data:`_FIGURE` matches at a digit no currency comes before (a third of its cost there)."""


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

_REACH = 8
"""How far before its digits or number word a figure can start (its currency: "ABC$", "HKD ")."""

_ASCII_TOKENS = bytes(
    code + 32 if 65 <= code <= 90 else code if 97 <= code <= 122 else 35 if 48 <= code <= 57 else 32 for code in range(256)
)
"""A ``bytes.translate`` table (see :func:`_tokens`): ASCII letters lower-cased, digits to ``#``, all else a space."""

_NUMBER_WORDS = frozenset(word.encode() for word in _WORDS)


def _anchor_starts(text: str) -> list[int]:
    """Where a figure's digits or number word can be in text :func:`_tokens` declines (another
    script's digits, "İ", "ſ"...): every digit, and the start of every letter run, since
    ``re``'s case-blind match folds one character at a time ("ſıx" is "six" to it)."""
    digits = [match.start() for match in re.finditer(r"\d", text)]
    return sorted(digits + [match.start() for match in re.finditer(_LETTERS, text)])


class _Patterns:
    """The figure patterns and a non-ASCII character's, compiled on first use and kept (``re``'s
    own cache costs a lookup per call, and ``check`` calls this for every value)."""

    figure: Optional[re.Pattern[str]] = None
    digits: Optional[re.Pattern[str]] = None
    non_ascii: Optional[re.Pattern[str]] = None

    @classmethod
    def get(cls) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        if cls.figure is None or cls.digits is None or cls.non_ascii is None:
            cls.figure, cls.digits = re.compile(_FIGURE), re.compile(_DIGITS_FIGURE)
            cls.non_ascii = re.compile(r"[^\x00-\x7f]")
        return cls.figure, cls.digits, cls.non_ascii


_CURRENCY_ENDS = frozenset("$£€¥₹BDRPYbdrpy")
"""The last characters of the currencies :data:`_FIGURE` allows ("$", "£", "RMB", "HKD",
"USD", "EUR", "GBP", "CNY", any case): a currency comes right before a figure's digits or
word, or before one space there."""


def _currency_may_end_at(text: str, position: int) -> bool:
    """Whether a currency can end just before ``position`` (then a figure may start before it)."""
    before = text[position - 1]
    return before in _CURRENCY_ENDS or (before.isspace() and position >= 2 and text[position - 2] in _CURRENCY_ENDS)


def _tokens(text: str) -> Optional[bytes]:
    """``text`` as one byte per character for finding anchors: ASCII letters lower-cased,
    ASCII digits ``#``, everything else a space; None when a character needs ``re``'s own
    view, being a digit of another script (``\\d`` and ``int()`` take them) or a letter that
    case-blind matching may take for an ASCII one ("ſ" for "s", "K" for "k", "ß" for "ss").
    Other characters (’, é, 中) are neither digits nor in a number word."""
    if text.isascii():
        return text.encode().translate(_ASCII_TOKENS)
    for char in _Patterns.get()[2].findall(text):
        if char.isdigit() or char in _LIKE_ASCII or char.lower().isascii() or char.upper().isascii():
            return None
    return text.encode("ascii", "replace").translate(_ASCII_TOKENS)  # one "?" per character: positions kept


_LIKE_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""İ, ı, ſ and the Kelvin sign: case-blind ``re`` matches them to i, i, s and k (see the ``re`` docs)."""


def _anchors(text: str, tokens: Optional[bytes]) -> list[int]:
    """Where a figure's digits or number word can be, in order: every digit and the start of
    every whole number word (every figure holds one). In ``tokens`` (:func:`_tokens`) a whole
    number word is a whole letter run; text :func:`_tokens` declines (rare) has every
    letter run taken for one (:func:`_anchor_starts`)."""
    if tokens is None:
        return _anchor_starts(text)
    words = _NUMBER_WORDS.intersection(tokens.split())
    return sorted(_found(tokens, b"#") + [start for word in words for start in _whole_words(tokens, word)])


def _found(tokens: bytes, part: bytes) -> list[int]:
    """Where ``part`` occurs in ``tokens`` (text translated by :data:`_ASCII_TOKENS`)."""
    starts = []
    start = tokens.find(part)
    while start >= 0:
        starts.append(start)
        start = tokens.find(part, start + 1)
    return starts


def _whole_words(tokens: bytes, word: bytes) -> list[int]:
    """Where ``word`` occurs as a whole letter run in ``tokens`` ("seven" not in "seventeen")."""
    end = len(tokens)
    return [
        start
        for start in _found(tokens, word)
        if (start == 0 or tokens[start - 1] in _NOT_LETTERS) and (start + len(word) == end or tokens[start + len(word)] in _NOT_LETTERS)
    ]


_NOT_LETTERS = frozenset(b" #")


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order: what ``re.finditer(_FIGURE, text)`` finds, searched
    for only from just before each anchor, a digit or whole number word (a match ending at
    ``end`` is followed by the leftmost match from ``end``, and that one starts at most
    :data:`_REACH` before the first anchor at or after ``end``, and at that anchor when no
    currency comes between). Run over the whole text, the pattern tries its optional
    currency and thirty words at every character: ``check`` on 10,000 firms took four times
    as long; searching from :data:`_REACH` before each anchor still cost a third of a parse."""
    tokens = text.encode().translate(_ASCII_TOKENS) if text.isascii() else _tokens(text)
    if tokens is not None and _NUMBER_WORDS.isdisjoint(tokens.split()):
        # Most values ("Artificial intelligence", "Shenzhen") end here; most of the rest give digits only.
        return _digit_figures(text, tokens) if b"#" in tokens else []
    found: list[Figure] = []
    pattern = _Patterns.get()[0]
    end = 0
    for anchor in _anchors(text, tokens):
        if anchor < end:
            continue
        reach = max(end, anchor - _REACH)
        if reach < anchor and _currency_may_end_at(text, anchor):
            match = pattern.search(text, reach)
        else:
            match = pattern.match(text, anchor) or pattern.search(text, anchor)
        if match is None:
            break
        end = match.end()
        found.append(_figure(match))
    return found


def _digit_figures(text: str, tokens: bytes) -> list[Figure]:
    """:func:`figures` for text whose anchors are digits only (no number word): each found in
    ``tokens`` as the first ``#`` past the last figure, and a figure no currency comes
    before matched at its first digit by the cheaper :data:`_DIGITS_FIGURE`."""
    pattern, digits_pattern, _ = _Patterns.get()
    found: list[Figure] = []
    end = 0
    anchor = tokens.find(b"#")
    while anchor >= 0:
        reach = max(end, anchor - _REACH)
        if reach < anchor and _currency_may_end_at(text, anchor):
            match = pattern.search(text, reach)
            if match is None:  # cannot be: the digit at anchor is a figure
                break
            found.append(_figure(match))
        else:
            match = digits_pattern.match(text, anchor)
            if match is None:  # cannot be: \d+ matches there
                break
            whole, digits, scale, percent = match.group(0, "digits", "scale", "percent")
            found.append(Figure(whole.strip(), _scaled(_amount(digits.replace(",", "")), scale), "", bool(percent)))
        end = match.end()
        anchor = tokens.find(b"#", end)
    return found


def _figure(match: re.Match[str]) -> Figure:
    """The figure a match of :data:`_FIGURE` stands for."""
    whole, digits, word, scale, currency, percent = match.group(0, "digits", "word", "scale", "currency", "percent")
    amount = _amount(digits.replace(",", "")) if digits else _word_amount(word)
    return Figure(whole.strip(), _scaled(amount, scale), (currency or "").replace(" ", "").upper(), bool(percent))


def _scaled(amount: Amount, scale: Optional[str]) -> Amount:
    """``amount`` times its scale word ("4 million" is 4,000,000)."""
    return amount * _SCALES[scale.lower()] if scale else amount


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
