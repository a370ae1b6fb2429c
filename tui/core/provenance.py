"""What stands beside a fact to say where it comes from, defined once for the panes, the
copies and the exports.

Three kinds, never confused: the article's words in curly quotes (two quotes joined
by " + " where the value needs both); ``derived: 17 signed − 8 named`` for a value
the article never states but that is computed from what it does (never a quote-like
line, so nobody cites it as the article's words); and, apart from either, an editor's
note, labelled ``Editor's note:`` because it is not the article's. Every place that
shows a fact's provenance asks here, so the app and every format show them the same way.
"""

from __future__ import annotations

from tui import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Optional

    from tui.core.model import Fact

DERIVED = "derived: "
"""What a derived fact's provenance starts with, where a quote would be."""

NOTE = "Editor’s note: "
"""What an editor's note starts with wherever it is shown."""

QUOTE_JOINER = " + "


def provenance_text(fact: Fact) -> Optional[str]:
    """“the quoted words” (several joined by " + "), or "derived: how", or None for a fact
    with nothing to show (one the article doesn't state). Raw data: each format cleans or
    escapes it, the app shows it as text."""
    if not fact.stated:
        return None
    if fact.derivation is not None:
        return DERIVED + fact.derivation.how
    if not fact.quotes:
        return None
    return QUOTE_JOINER.join(f"“{quote.text}”" for quote in fact.quotes)


def note_text(fact: Fact) -> Optional[str]:
    """ "Editor's note: …" for a fact that carries one, else None (raw data, as above)."""
    return NOTE + fact.note if fact.note is not None else None


def provenance_lines(fact: Fact) -> list[str]:
    """The provenance, then the note: what a format shows under or beside a fact."""
    return [line for line in (provenance_text(fact), note_text(fact)) if line is not None]
