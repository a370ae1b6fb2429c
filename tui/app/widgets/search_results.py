"""How search results read in the firm list: why each firm matched, and the summary's facts after the firms.

The firm list (:mod:`tui.app.widgets.firm_list`) draws a firm's name as always;
during a search, where the name is not what matched, the rest of its row says
why instead of origin · sector: ``Person: Tao Xiaodong, CEO of …`` with the
matched words marked (:func:`tui.core.search_reasons.firm_reasons`, worked out
only for the rows drawn). A loose match (inside a word, or letters in order)
starts with ``≈``, so it reads as loose without colour. The summary's facts
that match follow the firms, one row each: ``Summary · Speaker: Paul Chan, …``.

Also here: putting a fact list's cursor on the fact a result lands on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Callable, Optional

from rich.style import Style
from rich.text import Text

from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.core.model import Fact, Firm
from tui.core.search_reasons import Reason

LOOSE_MARK = "≈ "
"""Before a loose match's reason: a sign, not a colour."""
SUMMARY_PREFIX = "Summary · "
"""Before each summary fact among the results: it is not a firm."""
REASON_SEPARATOR = "  ·  "

StyleFor = Callable[[str], Style]
"""A component style by its part name ("match", "detail", …)."""


def _marked(text: str, spans: Sequence[tuple[int, int]], style: Style, match: Style) -> Text:
    marked = Text.assemble((text, style), no_wrap=True)
    for start, end in spans:
        marked.stylize(match, start, end)
    return marked


def reason_text(reasons: Sequence[Reason], style_for: StyleFor) -> Text:
    """A firm row's "why": each reason as ``Label: text``, matched words marked, loose ones after ``≈``."""
    detail, label_style, match, loose = (style_for(part) for part in ("detail", "label", "match", "loose"))
    text = Text(no_wrap=True)
    if any(not reason.label and not reason.text for reason in reasons):
        text.append(LOOSE_MARK, loose)  # the name matched loosely (its letters are marked)
    for number, reason in enumerate(reason for reason in reasons if reason.label or reason.text):
        if number:
            text.append(REASON_SEPARATOR, detail)
        if reason.loose:
            text.append(LOOSE_MARK, loose)
        if reason.label:
            text.append_text(_marked(reason.label, reason.label_spans, label_style, match))
            text.append(": ", detail)
        text.append_text(_marked(reason.text, reason.text_spans, detail, match))
    return text


def summary_row(reason: Reason, style_for: StyleFor) -> Text:
    """A summary fact among the results: ``Summary · Label: value`` (or its quote), matches marked."""
    text = Text.assemble((SUMMARY_PREFIX, style_for("group")), no_wrap=True)
    text.append_text(reason_text([reason], style_for))
    return text


def firm_reason_shows_name_only(reasons: Sequence[Reason]) -> bool:
    """The reasons say only that the name matched loosely: the row keeps its origin · sector after ``≈``."""
    return len(reasons) == 1 and not reasons[0].label and not reasons[0].text


def land_on(fact_list: FactList, fact: Optional[Fact]) -> bool:
    """Put ``fact_list``'s cursor on ``fact`` (its first row equal to it); False if it has none."""
    if fact is None:
        return False
    for index, row in enumerate(fact_list.rows):
        if row.fact is not None and (row.fact is fact or row.fact == fact):
            fact_list.highlighted = index
            return True
    return False


def open_result(firm: Optional[Firm], fact: Optional[Fact], detail: FirmFacts, summary: FactList) -> Optional[FactList]:
    """Enter on a row (:class:`~tui.app.widgets.firm_list.FirmList.Opened`): ``firm`` in the detail, on
    ``fact`` if that is what matched; or, with no firm, the summary on ``fact``. The list to focus."""
    if firm is not None:
        detail.show_firm(firm)
        land_on(detail, fact)
        return detail
    if fact is not None and land_on(summary, fact):
        return summary
    return None
