"""Derived values and the figure rule, checked as the loader reads a file.

The figure rule: every figure a value gives (number, amount, year, count) must
occur in one of its quotes, and a count must be one its quote states, unless
the value is derived. A derived value carries ``derived = { how, from }``:
``how`` is arithmetic in words, figures each followed by what they count,
joined by ``+ − × ÷`` (``"17 signed − 8 named"``), ``from`` the key paths of what
it rests on (``["ceremony.signed", "ceremony.named"]``). The loader checks that
every path names something in the file, that each figure of ``how`` is a figure
of what it rests on, that the arithmetic gives a figure of the value, and that
the value gives no figure the arithmetic doesn't use. What the fact rests on
supplies the sentences the source pane lights for it.

Paths are read in the parsed document, so a derivation may rest on anything in
the file, before or after it. Kept apart from :mod:`tui.core.loader`, which only
calls in here for the tables that carry these keys.
"""

from __future__ import annotations

import re

from tui import TYPE_CHECKING
from tui.core.figures import Figure, figures, says, unsupported
from tui.core.model import Derivation, Quote

if TYPE_CHECKING:
    from typing import Any, Callable, Optional

    from tui.core.article import Article
    from tui.core.figures import Amount

DERIVED_KEYS = frozenset({"how", "from"})
"""The keys of a ``derived = { … }`` table."""

_OPERATOR = r"\s+([+−×÷*/-])\s+"
"""An operator between two terms, with a space each side (so "Hong-Kong" is not a minus)."""

_PATH_PART = r"([^.\[\]]+)|\[(\d+)\]"

_HOW_RULE = 'figures, each followed by what it counts, joined by + − × ÷ with spaces (e.g. "17 signed − 8 named")'
_PATH_EXAMPLE = "ceremony.signed, ceremony.groups[0], firms[2].facts[1]"

_MAX_DEPTH = 20
"""How far lighting follows derived facts resting on derived facts (a cycle stops here too)."""


def parse_how(how: str) -> Optional[tuple[list[Figure], list[str]]]:
    """``how``'s figures (one leading each term) and the operators between them; None if it
    is not arithmetic in words (two or more terms, each starting with a figure)."""
    parts = re.split(_OPERATOR, how.strip())
    terms, operators = parts[::2], parts[1::2]
    if len(terms) < 2:
        return None
    operands = []
    for term in terms:
        found = figures(term)
        if not found or not term.startswith(found[0].text) or len(found) > 1:
            return None
        operands.append(found[0])
    return operands, operators


def evaluate(operands: list[Figure], operators: list[str]) -> Optional[Amount]:
    """The arithmetic, × and ÷ before + and −, exactly (a division in :mod:`decimal`); None
    for a division by zero."""
    try:
        sums: list[Amount] = [operands[0].amount]
        signs = [1]
        for operator, operand in zip(operators, operands[1:]):
            if operator in "×*":
                sums[-1] *= operand.amount
            elif operator in "÷/":
                from decimal import Decimal  # only a division needs it

                sums[-1] = Decimal(sums[-1]) / operand.amount
            else:
                sums.append(operand.amount)
                signs.append(-1 if operator in "−-" else 1)
        return sum((sign * amount for sign, amount in zip(signs, sums)), 0)
    except ArithmeticError:  # decimal's DivisionByZero and InvalidOperation are ArithmeticErrors too
        return None


def lookup(document: dict[str, Any], path: str) -> Optional[Any]:
    """The node at key path ``path`` (``firms[0].facts[2]``) in the parsed document, or None."""
    node: Any = document
    position = 0
    for match in re.finditer(_PATH_PART, path):
        if match.start() != position and not (match.start() == position + 1 and path[position] == "."):
            return None
        position = match.end()
        key, index = match.group(1), match.group(2)
        if key is not None and type(node) is dict and key in node:
            node = node[key]
        elif index is not None and type(node) is list and int(index) < len(node):
            node = node[int(index)]
        else:
            return None
    return node if position == len(path) and path else None


def node_figures(node: Any) -> list[Figure]:
    """The figures something in the file gives: a bare count, a table's ``count`` and its
    value's, quote's and derivation's figures."""
    if type(node) is int:
        return [Figure(str(node), node, "", False)]
    if type(node) is str:
        return figures(node)
    if type(node) is not dict:
        return []
    found = node_figures(node["count"]) if type(node.get("count")) is int else []
    for key in ("value", "quote"):
        if type(node.get(key)) is str:
            found += figures(node[key])
    for words in node.get("more_quotes", ()) if type(node.get("more_quotes")) is list else ():
        if type(words) is str:
            found += figures(words)
    return found


class Deriver:
    """Checks the figure rule and reads ``derived`` tables for one file, recording problems
    through ``problem(path, message)`` (the loader's)."""

    def __init__(self, document: dict[str, Any], article: Article, problem: Callable[[str, str], None]) -> None:
        self.document = document
        self.article = article
        self.problem = problem
        self._quoted: dict[str, list[Figure]] = {}
        """Each quote's figures, read once: quotes are passages of the one article, so a large
        file quotes the same sentences again and again (as :meth:`Article.resolve` finds each once)."""

    def quote_figures(self, words: str) -> list[Figure]:
        """The figures a quote gives (not to be changed: the list is shared)."""
        found = self._quoted.get(words)
        if found is None:
            found = self._quoted[words] = figures(words)
        return found

    def check_figures(self, path: str, value: str, quotes: tuple[Quote, ...], key: str = "value") -> None:
        """A value's figures against its quotes: ``path.value: gives 18,000 but its quote says 17,000``."""
        given = figures(value)
        if given:  # most values give none: the quotes need not be read
            self.check_given(f"{path}.{key}" if path else key, given, quotes)

    def check_given(self, where: str, given: list[Figure], quotes: tuple[Quote, ...]) -> None:
        """A value's figures (``given``, not empty) against its quotes'; ``where`` is the value's key path."""
        quoted = [figure for quote in quotes for figure in self.quote_figures(quote.text)]
        figure = unsupported(given, quoted)
        if figure is not None:
            self.problem(where, f"gives {figure.text} but {says(quoted, len(quotes) > 1)}")

    def check_count(self, path: str, count: int, quote: Quote) -> None:
        """A declared count must be one its quote states: ``gives 3 but its quote says 2``."""
        quoted = self.quote_figures(quote.text)
        if not any(figure.amount == count and not figure.currency and not figure.percent for figure in quoted):
            self.problem(f"{path}.count", f"gives {count} but {says(quoted)}")

    def derivation(self, path: str, table: Any, value: str) -> Optional[Derivation]:
        """The ``derived`` table at ``path`` for a value reading ``value``; None (and problems) if wrong."""
        where = f"{path}.derived"
        if type(table) is not dict:
            self.problem(where, 'expected a table { how = "17 signed − 8 named", from = ["ceremony.signed", ...] }')
            return None
        for key in [key for key in table if key not in DERIVED_KEYS]:
            self.problem(f"{where}.{key}", f"unknown key (expected one of: {', '.join(sorted(DERIVED_KEYS))})")
        how: Any = table.get("how")
        rests_on: Any = table.get("from")
        ok = True
        if type(how) is not str or not how.strip() or not how.isprintable():
            self.problem(f"{where}.how", 'missing or not a one-line string (expected arithmetic in words, e.g. "17 signed − 8 named")')
            ok = False
        if type(rests_on) is not list or not rests_on or any(type(item) is not str for item in rests_on):
            self.problem(f"{where}.from", 'missing or not an array of key paths (e.g. ["ceremony.signed", "ceremony.named"])')
            ok = False
        if not ok:
            return None
        nodes = []
        for index, item in enumerate(rests_on):
            node = lookup(self.document, item)
            if node is None:
                self.problem(
                    f"{where}.from[{index}]",
                    f"no such key in the file: {item!r} (a key path as check prints them: {_PATH_EXAMPLE})",
                )
                return None
            nodes.append(node)
        if not self._arithmetic(where, how, value, nodes, rests_on):
            return None
        return Derivation(how, tuple(rests_on), tuple(self._quotes(nodes)))

    def _arithmetic(self, where: str, how: str, value: str, nodes: list[Any], rests_on: list[str]) -> bool:
        parsed = parse_how(how)
        if parsed is None:
            self.problem(
                f"{where}.how",
                f"not arithmetic in words: {_HOW_RULE}",
            )
            return False
        operands, operators = parsed
        known = [figure for node in nodes for figure in node_figures(node)]
        for operand in operands:
            if not any(operand.matches(figure) for figure in known):
                self.problem(f"{where}.how", f"{operand.text} is not a figure of what it rests on ({', '.join(rests_on)})")
                return False
        result = evaluate(operands, operators)
        given = figures(value)
        if result is None or not any(figure.amount == result for figure in given):
            shown = "a division by zero" if result is None else _plain(result)
            gives = ", ".join(figure.text for figure in given) or "no figure"
            self.problem(f"{where}.how", f"{how.strip()} is {shown}, but the value gives {gives}")
            return False
        extra = next((figure for figure in given if figure.amount != result and not any(figure.matches(o) for o in operands)), None)
        if extra is not None:
            self.problem(f"{where[: -len('.derived')]}.value", f"gives {extra.text}, which its derivation ({how.strip()}) does not")
            return False
        return True

    def _quotes(self, nodes: list[Any], depth: int = 0) -> list[Quote]:
        """The quotes behind ``nodes`` (through derived ones, to a depth), for lighting."""
        found: list[Quote] = []
        for node in nodes:
            if type(node) is not dict or depth > _MAX_DEPTH:
                continue
            words = [node.get("quote"), *(node.get("more_quotes") or [] if type(node.get("more_quotes")) is list else [])]
            for text in words:
                quote = self.article.resolve(text) if type(text) is str else None
                if isinstance(quote, Quote):
                    found.append(quote)
            derived = node.get("derived")
            if type(derived) is dict and type(derived.get("from")) is list:
                inner = [lookup(self.document, item) for item in derived["from"] if type(item) is str]
                found += self._quotes([node for node in inner if node is not None], depth + 1)
        return list({(quote.start, quote.end): quote for quote in found}.values())


def _plain(amount: Amount) -> str:
    """A computed amount as a reader writes it: 9, 2.5, 17,000."""
    text = f"{amount:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
