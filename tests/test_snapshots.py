"""SVG snapshots of what the user sees (pytest-textual-snapshot).

Update after an intended change with `pytest tests/test_snapshots.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Callable

import pytest
from app_support import make_app, settled
from textual.pilot import Pilot

SIZES = [(80, 24), (120, 36)]


def after(*keys: str) -> Callable[[Pilot[object]], Awaitable[None]]:
    """Press ``keys``, then wait for the panes to finish laying out what is below their
    bottom edge (they do it after a frame is painted: a scrollbar could be missing)."""

    async def run(pilot: Pilot[object]) -> None:
        await settled(pilot)
        await pilot.press(*keys)
        if pilot.app.screen is pilot.app.screen_stack[0]:  # (a screen under the help isn't repainted)
            await settled(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_start_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after())


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_firm_with_fact_sentence_lit(snap_compare: Any, size: tuple[int, int]) -> None:
    # Digital Domain, then its "Signed" fact: the firm's sentences lit, that fact's more strongly.
    assert snap_compare(make_app(), terminal_size=size, run_before=after("G", "k", "2", "j", "j"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_help_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("question_mark"))


def test_search_results_say_why(snap_compare: Any) -> None:
    # "/ai": the AI firms by their sectors, the firms whose quotes say "AI developer", Digital Domain
    # marked loose (≈), then the summary's facts; the matched words marked in each row.
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=after("slash", "a", "i"))
