"""The single-pane layout of a tiny terminal says there are four panes and how to get to the others."""

from __future__ import annotations

import pytest
from app_support import make_app, screen_text

TITLES = ("1 Firms", "2 Detail", "3 Summary", "4 Source")


@pytest.mark.parametrize("size", [(50, 15), (40, 12)])
async def test_each_pane_says_it_is_one_of_four_and_how_to_switch(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for position, title in enumerate(TITLES, start=1):
            await pilot.pause()
            text = screen_text(app)
            assert [shown for shown in TITLES if shown in text] == [title]  # only this pane shows
            assert f"{position} of 4 · tab or 1-4 to switch" in text, title
            await pilot.press("tab")
        await pilot.press("3")  # the number keys reach a pane directly
        await pilot.pause()
        assert "3 of 4 · tab or 1-4 to switch" in screen_text(app)


async def test_the_hint_goes_when_there_is_room_for_more_panes() -> None:
    app = make_app()
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = screen_text(app)
        assert "of 4 ·" not in text
        assert ("3: summary" in text) != ("4: source" in text)  # the narrow layout's own: summary and source share an area
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        text = screen_text(app)
        assert "of 4 ·" not in text and "3: summary" not in text and "4: source" not in text
