"""The search takes at most MAX_QUERY_LENGTH characters: the field says so, a paste is cut
to fit, escape works at once after a megabyte, and ``export --query`` refuses a longer query."""

from __future__ import annotations

import sys
from pathlib import Path

from app_support import make_app, screen_text, until
from ptyrun import type_after_first_frame
from support import run_tui
from textual import events
from textual.widgets import Input, Static

from tui import exit_codes
from tui.app.widgets.firm_list import FirmList
from tui.core.search_text import MAX_QUERY_LENGTH

SIZE = (120, 36)
NOTE = f"limit {MAX_QUERY_LENGTH}"


def field(app: object) -> Input:
    return app.query_one("#search-input", Input)  # type: ignore[attr-defined, no-any-return]


def note_shown(app: object) -> bool:
    note = app.query_one("#search-limit", Static)  # type: ignore[attr-defined]
    return bool(note.display) and NOTE in screen_text(app)  # type: ignore[arg-type]


async def test_a_megabyte_paste_is_cut_to_the_limit_and_escape_works_at_once() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        app.post_message(events.Paste("robot" + "x" * 1_000_000))
        await until(pilot, lambda: field(app).value != "")
        assert field(app).value == ("robot" + "x" * 1_000_000)[:MAX_QUERY_LENGTH]
        await pilot.pause()
        assert note_shown(app)
        await pilot.press("escape")
        await until(pilot, lambda: not app.query_one("#search-bar").display, timeout=2.0)
        assert len(app.query_one(FirmList).firms) == len(app.dataset.firms)
        assert field(app).value == ""


async def test_a_paste_takes_its_first_line_only() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        app.post_message(events.Paste("pudu\u2028robotics\nsecond line"))
        await until(pilot, lambda: field(app).value != "")
        assert field(app).value == "pudu"
        assert [firm.name for firm in app.query_one(FirmList).firms] == ["Pudu Robotics"]
        assert not note_shown(app)


async def test_typing_to_the_limit_shows_the_note_and_refuses_more() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        field(app).value = "a" * (MAX_QUERY_LENGTH - 1)
        await pilot.pause()
        assert not note_shown(app)
        await pilot.press("b")
        assert field(app).value == "a" * (MAX_QUERY_LENGTH - 1) + "b"
        await pilot.pause()
        assert note_shown(app)
        await pilot.press("c")  # one too many: refused, the note stays
        assert len(field(app).value) == MAX_QUERY_LENGTH
        await pilot.press("backspace")
        await pilot.pause()
        assert not note_shown(app)


async def test_a_paste_into_a_full_field_says_why_nothing_came() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        field(app).value = "a" * (MAX_QUERY_LENGTH - 3)
        await pilot.press("backspace")  # a real edit, so the field shows its own state
        app.post_message(events.Paste("xyz12"))
        await until(pilot, lambda: len(field(app).value) == MAX_QUERY_LENGTH)
        assert field(app).value.endswith("xyz1")
        await pilot.pause()
        assert note_shown(app)


def test_export_refuses_a_query_longer_than_the_limit() -> None:
    result = run_tui("export", "--query", "a" * 100_000, timeout=20)
    assert result.status == exit_codes.BAD_INPUT
    assert result.out == ""
    assert result.err == f"oases-tui export: --query is 100,000 characters long; a search takes at most {MAX_QUERY_LENGTH}\n"


def test_export_takes_a_query_at_the_limit() -> None:
    result = run_tui("export", "--query", "robotics".ljust(MAX_QUERY_LENGTH), timeout=20)
    assert result.status == exit_codes.OK
    assert "Pudu Robotics" in result.out


def test_in_a_real_terminal_escape_and_quit_answer_at_once_after_a_megabyte_paste() -> None:
    """A bracketed paste of 1 MB into the search field, then escape (the list is back) and q:
    the app exits well within the bound (before the cap, it took over half a minute)."""
    paste = b"\x1b[200~" + b"robot" + b"x" * 1_000_000 + b"\x1b[201~"
    app = Path(sys.executable).parent / "oases-tui"
    status = type_after_first_frame([str(app)], "iFLYTEK", [b"/", 0.3, paste, 0.5, b"\x1b", 0.5, b"q"], timeout=20.0)
    assert status == exit_codes.OK
