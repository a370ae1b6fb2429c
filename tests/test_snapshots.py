"""SVG snapshots of what the user sees (pytest-textual-snapshot).

Update after an intended change with `pytest tests/test_snapshots.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest
from app_support import make_app

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_start_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_firm_with_fact_sentence_lit(snap_compare: Any, size: tuple[int, int]) -> None:
    # Digital Domain, then its "Signed" fact: the firm's sentences lit, that fact's more strongly.
    assert snap_compare(make_app(), press=["G", "k", "2", "j", "j"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_help_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=size)
