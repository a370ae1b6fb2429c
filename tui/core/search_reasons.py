"""Why a search result matched, and the summary's facts as search results.

The firm search (:mod:`tui.core.search`) only says *which* firms match, best
first, at C speed for every firm. What a reader also wants to see is *why*:
"Person: Tao Xiaodong" under a query of "tao". That is worked out here, in
plain Python, one firm at a time, and only for the rows on screen
(:func:`firm_reasons`), so it costs nothing at 100,000 firms.

The programme and ceremony facts (:func:`tui.core.summary.summary_sections`) are
searched here too (:class:`SummarySearch`): there are a couple of dozen, so a
plain loop over their folded label, value and quotes is quick at any dataset
size. They come after the firms in the results.

How a term matches a text, best first (the same rules as the firm search's, see
its docstring): at the start of a word, as an equivalent word ("france":
"French") or, in a firm's own values, as the initials of consecutive words
(``WORD``); inside a word (``PART``: "ai" in "mainland"); its letters in order
(``IN_ORDER``, in a firm's own values only). A reason whose words match only
inside a word or letter by letter is *loose*, and is shown as such.
"""

from __future__ import annotations

from tui import TYPE_CHECKING
from tui.core.model import ALIASES_LABEL
from tui.core.records import NamedTuple
from tui.core.search_text import (
    equivalent_groups,
    equivalent_span,
    fold_with_offsets,
    in_order_spans,
    initials_spans,
    original_ranges,
    query_terms,
    word_start_span,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Optional

    from tui.core.model import Fact, Firm

    Span = tuple[int, int]

WORD, PART, IN_ORDER = 0, 1, 2
"""How well a term matches a text, best first."""


class Reason(NamedTuple):
    """Why a result matched: ``label`` and ``text`` as shown ("Person", "Tao Xiaodong, CEO…"; a
    long text cut to begin near its first match, see :func:`excerpt`), the ranges of each to
    mark, whether the match is loose, and the fact to land on."""

    label: str
    text: str
    text_spans: tuple[Span, ...]
    label_spans: tuple[Span, ...] = ()
    loose: bool = False
    fact: Optional[Fact] = None


def term_match(folded: str, term: str, own: bool = True) -> Optional[tuple[int, list[Span]]]:
    """How well ``term`` matches ``folded`` (a folded text) and where, or None. Initials and letters
    in order count only in a firm's ``own`` values (and names), as in the firm search."""
    spans = word_start_span(folded, term) or equivalent_span(folded, term) or (initials_spans(folded, term) if own else [])
    if spans:
        return WORD, spans
    first = folded.find(term)
    if first >= 0:
        return PART, [(first, first + len(term))]
    spans = in_order_spans(folded, term) if own and len(term) >= 2 else []
    return (IN_ORDER, spans) if spans else None


class _Field(NamedTuple):
    """One searched text of a result, folded once."""

    label: str
    text: str
    folded: str
    offsets: Sequence[int]
    fact: Optional[Fact]
    own: bool
    """A firm's name or own value: initials and letters in order count."""
    quoted: bool = False


def _field(label: str, text: str, fact: Optional[Fact], own: bool, quoted: bool = False) -> _Field:
    folded, offsets = fold_with_offsets(text)
    return _Field(label, text, folded, offsets, fact, own, quoted)


def _matches(field: _Field, terms: Iterable[str]) -> dict[str, tuple[int, list[Span]]]:
    found = {}
    for term in terms:
        match = term_match(field.folded, term, field.own)
        if match is not None:
            found[term] = match
    return found


def _reason(field: _Field, matched: dict[str, tuple[int, list[Span]]]) -> Reason:
    spans = original_ranges([span for _, term_spans in matched.values() for span in term_spans], field.offsets, len(field.text))
    text, spans = excerpt(field.text, spans)
    if field.quoted:  # a quote is shown in quotation marks, its marks one character along
        text = f"“{text}”"
        spans = [(start + 1, end + 1) for start, end in spans]
    loose = max(kind for kind, _ in matched.values()) > WORD
    return Reason(field.label, text, tuple(spans), loose=loose, fact=field.fact)


_FIELDS_KEPT = 512
"""Firms whose folded fields are kept between keystrokes (more than a screen of rows)."""
_kept_fields: dict[int, tuple[Firm, list[_Field]]] = {}


def _firm_fields(firm: Firm) -> list[_Field]:
    """A firm's searched texts (see :func:`_fold_firm_fields`), folded once for the next keystrokes too."""
    kept = _kept_fields.get(id(firm))
    if kept is not None and kept[0] is firm:
        return kept[1]
    if len(_kept_fields) >= _FIELDS_KEPT:
        del _kept_fields[next(iter(_kept_fields))]
    fields = _fold_firm_fields(firm)
    _kept_fields[id(firm)] = (firm, fields)  # the firm is kept too, so its id is not reused meanwhile
    return fields


def forget() -> None:
    """Drop the fields kept between keystrokes (benchmarks measure each keystroke from cold)."""
    _kept_fields.clear()


def _fold_firm_fields(firm: Firm) -> list[_Field]:
    """A firm's searched texts, in the order a reason is preferred: its own values (letters in
    order allowed, as in the firm search), its other facts, then the quotes behind them."""
    own = [_field(ALIASES_LABEL, alias, None, True) for alias in firm.aliases]
    others: list[_Field] = []
    quotes: list[_Field] = []
    own_facts = (firm.origin, firm.sector, *(p.as_fact() for p in firm.people), *(s.as_fact() for s in firm.subsidiaries))
    for fact in firm.fact_rows():
        is_own = fact in own_facts
        if fact.value is not None:
            (own if is_own else others).append(_field(fact.label, fact.value, fact, is_own))
        quotes += [_field(fact.label, quote.text, fact, False, quoted=True) for quote in fact.quotes]
    return own + others + quotes


def firm_reasons(firm: Firm, query: str) -> list[Reason]:
    """Why ``firm`` matches ``query``: none when its name matches every term at a word start (the
    marked name says it all); else the fields that match, best first, until every term is
    explained (a name matching only loosely is one ``Reason`` with no label or text)."""
    terms = list(dict.fromkeys(query_terms(query)))  # a word typed twice is explained once
    if not terms:
        return []
    name = _field("", firm.name, None, True)
    name_matched = _matches(name, terms)
    if len(name_matched) == len(terms) and all(kind == WORD for kind, _ in name_matched.values()):
        return []
    fields = [name, *_firm_fields(firm)]  # (a new list: fields are taken out of it as they explain terms)
    reasons: list[Reason] = []
    remaining = [term for term in terms if name_matched.get(term, (PART,))[0] != WORD]  # the marked name explains these
    while remaining:
        best: Optional[tuple[tuple[int, int, int], _Field, dict[str, tuple[int, list[Span]]]]] = None
        for number, field in enumerate(fields):
            matched = _matches(field, remaining)
            if matched:
                key = (-len(matched), max(kind for kind, _ in matched.values()), number)
                if best is None or key < best[0]:
                    best = (key, field, matched)
        if best is None:
            break
        _, field, matched = best
        if field is name:  # the marked name explains these terms; only a loose match there needs saying
            if max(kind for kind, _ in matched.values()) > WORD:
                reasons.append(Reason("", "", (), loose=True))
        else:
            reasons.append(_reason(field, matched))
        fields.remove(field)
        remaining = [term for term in remaining if term not in matched]
    return reasons


class SummarySearch:
    """The summary's facts (each once, in the summary's order), searched by label, value and
    quotes: every term must match one of them at a word start, or inside a word when no fact
    matches at a word start (a summary fact is never found by letters in order)."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        unique: dict[int, Fact] = {}
        for fact in facts:
            unique.setdefault(id(fact), fact)  # a key figure is also in its own section: once
        self.facts = list(unique.values())
        self._fields = [self._fields_of(fact) for fact in self.facts]
        self._together = ["\x1f".join(field.folded for field in fields) for fields in self._fields]
        """Each fact's folded texts in one string: a term in none of them (nor an equivalent) rules the fact out at once."""
        self._cache: tuple[list[str], list[Reason]] = ([], [])

    @staticmethod
    def _fields_of(fact: Fact) -> list[_Field]:
        label = _field(fact.label, fact.label, fact, False)
        texts = [_field(fact.label, fact.value, fact, False)] if fact.value is not None else []
        texts += [_field(fact.label, quote.text, fact, False, quoted=True) for quote in fact.quotes]
        return [label, *texts]

    def search(self, query: str) -> list[Reason]:
        """The facts matching ``query``, best first: a fact's worst term decides, then where its
        best field is (label, value, quotes), then the summary's order. Each as a :class:`Reason`
        whose ``fact`` is the summary's own, with its label and value (or the quote) marked."""
        terms = list(dict.fromkeys(query_terms(query)))  # a word typed twice is explained once
        if not terms:
            return []
        if terms == self._cache[0]:
            return list(self._cache[1])
        ranked: list[tuple[tuple[int, int, int], Reason]] = []
        plain = [term for term in terms if not equivalent_groups(term)]
        for order, fields in enumerate(self._fields):
            together = self._together[order]
            if not all(term in together for term in plain):
                continue
            label, texts = fields[0], fields[1:]
            label_matched = _matches(label, terms)
            best_text: Optional[tuple[tuple[int, int], _Field, dict[str, tuple[int, list[Span]]]]] = None
            for number, field in enumerate(texts):
                matched = _matches(field, terms)
                key = (-len(matched), number)
                if matched and (best_text is None or key < best_text[0]):
                    best_text = (key, field, matched)
            text_matched = best_text[2] if best_text is not None else {}
            kinds = [min(kind for kind, _ in found) for found in _per_term(terms, label_matched, text_matched)]
            if len(kinds) < len(terms):
                continue  # a term matches none of the fact's texts
            shown = best_text[1] if best_text is not None else (texts[0] if texts else label)
            reason = _reason(shown, text_matched) if text_matched else Reason(label.text, shown.text, (), fact=label.fact)
            label_spans = original_ranges([span for _, spans in label_matched.values() for span in spans], label.offsets, len(label.text))
            where = 0 if label_matched else 1 + (best_text[0][1] if best_text is not None else 0)
            reason = reason._replace(label_spans=tuple(label_spans), loose=max(kinds) > WORD)
            ranked.append(((max(kinds), where, order), reason))
        ranked.sort(key=lambda item: item[0])
        if ranked and ranked[0][0][0] == WORD:  # inside a word only when no fact matches at a word start
            ranked = [item for item in ranked if item[0][0] == WORD]
        result = [reason for _, reason in ranked]
        self._cache = (terms, result)
        return list(result)


def _per_term(terms: list[str], *found: dict[str, tuple[int, list[Span]]]) -> list[list[tuple[int, list[Span]]]]:
    """For each term matched by any of ``found``, its matches there (terms matched nowhere left out)."""
    return [matches for matches in ([one[term] for one in found if term in one] for term in terms) if matches]


EXCERPT_LEAD = 8
"""Characters of context kept before a reason's first marked word when the text is cut."""


def excerpt(text: str, spans: Sequence[Span], lead: int = EXCERPT_LEAD) -> tuple[str, list[Span]]:
    """``text`` cut to begin a little before its first marked range, at a word (with "…" in
    front), so a match deep in a long quote is on screen; the ranges moved with it."""
    if not spans or spans[0][0] <= lead:
        return text, list(spans)
    cut = text.rfind(" ", 0, spans[0][0] - lead) + 1
    if cut <= 1:
        return text, list(spans)
    shift = cut - 1  # the "…" takes one character
    return "…" + text[cut:], [(start - shift, end - shift) for start, end in spans]
