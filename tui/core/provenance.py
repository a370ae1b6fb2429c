"""What stands beside a fact to say where it comes from, defined once for the panes,
the copies and the exports: today the quoted words in curly quotes.

Every place that shows a fact's provenance asks here, so a new kind of
provenance (a fact derived from others, an editor's note) is shown the same way
in the app and in every format.
"""

from __future__ import annotations

from tui import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Optional

    from tui.core.model import Fact


def provenance_text(fact: Fact) -> Optional[str]:
    """“the quoted words”, or None for a fact with nothing to show (one the article doesn't state).
    Raw data: each format cleans or escapes it, the app shows it as text."""
    if not fact.stated or fact.quote is None:
        return None
    return f"“{fact.quote.text}”"
