"""From a sentence to a fact that quotes it: the source pane's ``enter``.

The source pane names a :class:`tui.core.coverage.Citation`; this puts its fact
under the cursor of the pane that lists it (the firm's detail, the firm
selected in the list first, or the summary), focuses that pane, and so lights
the fact's sentence as moving onto it would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_finder import FirmFinder

if TYPE_CHECKING:
    from tui.app.oases_app import OasesApp
    from tui.core.coverage import Citation
    from tui.core.model import Fact


def put_cursor_on(fact_list: FactList, fact: Fact) -> bool:
    """The list's cursor on ``fact`` (an equal fact: a person's fact is made afresh each time); False if it isn't listed."""
    for index, row in enumerate(fact_list.rows):
        if row.fact is not None and row.fact == fact:
            fact_list.highlighted = index
            return True
    return False


def go_to_citation(app: OasesApp, citation: Citation) -> None:
    if citation.firm is None:
        pane = "summary"
        fact_list: FactList = app.query_one("#summary", FactList)
    else:
        pane = "detail"
        app.query_one(FirmFinder).go_to(citation.firm)
        fact_list = app.query_one(FirmFacts)
        fact_list.show_firm(citation.firm)  # now, not when the list's message arrives: the cursor goes on its fact
    put_cursor_on(fact_list, citation.fact)
    app.action_focus_pane(pane)
