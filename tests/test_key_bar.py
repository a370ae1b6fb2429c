"""The key bar at the bottom: it names the keys that work where the focus is, and a click presses one."""

from __future__ import annotations

from app_support import make_app, screen_text
from textual.command import CommandPalette
from textual.widgets import Input

from tui.app.widgets.help_screen import HelpScreen
from tui.app.widgets.key_bar import KeyBar

SIZE = (120, 36)


def bottom_line(app: object) -> str:
    return screen_text(app).splitlines()[-1]  # type: ignore[arg-type]


async def test_the_bottom_line_names_the_keys_and_the_palette() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = bottom_line(app)
        assert line.startswith(" → Detail  / Search  y Copy  ? Help  q Quit ")  # the list's own key first
        assert line.endswith("▏^p palette")


async def test_the_keys_follow_the_focus() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        # Typing in the field takes y, q and ?, so the bar offers escape and f1 instead.
        assert bottom_line(app).startswith(" esc Clear search  / Search  f1 Help ")
        await pilot.press("escape")
        await pilot.pause()
        assert bottom_line(app).startswith(" → Detail  / Search  y Copy  ? Help  q Quit ")


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


async def test_a_click_between_keys_does_nothing() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(60, 0))  # the gap before the palette key
        await pilot.pause()
        assert len(app.screen_stack) == 1 and app.is_running


async def test_a_narrow_terminal_drops_whole_keys_not_half_of_one() -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        # " ? Help " would not fit whole beside the palette key, so it and what follows are left out.
        assert bottom_line(app) == " → Detail  / Search  y Copy ▏^p palette"
