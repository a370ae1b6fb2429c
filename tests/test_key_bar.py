"""The key bar at the bottom: it names the keys that work where the focus is, and a click presses one."""

from __future__ import annotations

import pytest
from app_support import make_app, screen_text
from textual.command import CommandPalette
from textual.widgets import Input

from tui.app.widgets.help_screen import HelpScreen
from tui.app.widgets.key_bar import KeyBar, join_keys

SIZE = (120, 36)


def bottom_line(app: object) -> str:
    return screen_text(app).splitlines()[-1]  # type: ignore[arg-type]


async def test_the_bottom_line_names_the_keys_and_the_palette() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = bottom_line(app)
        assert line.startswith(" → Detail  tab/1-4 Panes  / Search  y Copy  Y Copy pane  ? Help  q Quit ")  # the list's own key first
        assert line.endswith("▏^p palette")


async def test_the_keys_follow_the_focus() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        # Typing in the field takes y, q, ?, / and the digits, so the bar offers escape, tab and f1 instead.
        assert bottom_line(app).startswith(" esc Clear search  tab Panes  f1 Help ")
        await pilot.press("escape")
        await pilot.pause()
        assert bottom_line(app).startswith(" → Detail  tab/1-4 Panes  / Search  y Copy ")


async def test_clicking_a_key_presses_it() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = bottom_line(app)
        await pilot.click(KeyBar, offset=(line.index("Help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.click(KeyBar, offset=(line.index("palette"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_clicking_the_pane_keys_presses_tab() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(bottom_line(app).index("Panes"), 0))
        await pilot.pause()
        assert app.pane_of(app.focused) == "detail"


async def test_a_click_between_keys_does_nothing() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(100, 0))  # the gap before the palette key
        await pilot.pause()
        assert len(app.screen_stack) == 1 and app.is_running


async def test_a_narrow_terminal_drops_whole_keys_not_half_of_one() -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        # The list's own key and the pane keys fit beside the palette key; the app's others are left out whole.
        assert bottom_line(app) == " → Detail  tab/1-4 Panes    ▏^p palette"


PANE_LINES = {
    # The focused pane's own keys first, then the pane keys and the app's.
    120: {
        "1": " → Detail  tab/1-4 Panes  / Search  y Copy  Y Copy pane  ? Help  q Quit ",
        "2": " ← Firms  v Quotes  tab/1-4 Panes  / Search  y Copy  Y Copy pane  ? Help  q Quit ",
        "3": " ← Firms  v Quotes  tab/1-4 Panes  / Search  y Copy  Y Copy pane  ? Help  q Quit ",
        "4": " ⏎ To the fact  / Find  tab/1-4 Panes  y Copy  Y Copy pane  ? Help  q Quit ",
    },
    # At 80 columns "Y Copy pane" is the one left out where the line is full. In the source, "/" finds in the article.
    80: {
        "1": " → Detail  tab/1-4 Panes  / Search  y Copy  ? Help  q Quit ",
        "2": " ← Firms  v Quotes  tab/1-4 Panes  / Search  y Copy  ? Help  q Quit ",
        "3": " ← Firms  v Quotes  tab/1-4 Panes  / Search  y Copy  ? Help  q Quit ",
        "4": " ⏎ To the fact  / Find  tab/1-4 Panes  y Copy  ? Help  q Quit ",
    },
}


@pytest.mark.parametrize("columns", sorted(PANE_LINES))
async def test_each_pane_names_its_keys_and_how_to_switch(columns: int) -> None:
    app = make_app()
    async with app.run_test(size=(columns, 36 if columns == 120 else 24)) as pilot:
        for pane, expected in PANE_LINES[columns].items():
            await pilot.press(pane)
            await pilot.pause()
            line = bottom_line(app)
            left, palette = line.rsplit("▏", 1)
            assert palette == "^p palette" and len(line) == columns - 1  # (its trailing space is cut)
            assert left.rstrip() + " " == expected, pane


async def test_a_short_line_keeps_the_pane_keys_over_the_app_keys() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        # q, y and / go first; the detail's own keys and how to switch panes stay, and ? Help.
        assert bottom_line(app).startswith(" ← Firms  v Quotes  tab/1-4 Panes  ? Help ")


@pytest.mark.parametrize(
    ("displays", "joined"),
    [
        (["tab", "1", "2", "3", "4"], "tab/1-4"),
        (["1", "2"], "1/2"),
        (["1", "3", "4", "5"], "1/3-5"),
        (["esc"], "esc"),
        (["tab", "1", "2", "3", "x", "7"], "tab/1-3/x/7"),
    ],
)
def test_a_group_of_keys_is_one_label_digits_as_a_range(displays: list[str], joined: str) -> None:
    assert join_keys(displays) == joined
