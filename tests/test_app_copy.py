"""Copying from the app: `y` in each pane, the palette's formats, the notifications."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import make_app, until
from support import fake_tool
from textual.command import CommandPalette

from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_list import FirmList
from tui.core import formats
from tui.core.model import Dataset
from tui.core.native_clipboard import TMUX_FIX


def notifications(app: object) -> list[str]:
    return [str(notification.message) for notification in app._notifications]  # type: ignore[attr-defined]


async def test_y_on_the_list_copies_the_firm_details(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("y")
        iflytek = dataset.firm("iflytek")
        assert iflytek is not None
        assert app.clipboard == formats.firm_text(dataset, iflytek)
        assert app.clipboard.startswith("iFLYTEK\n")
        assert "HK$4 million" in app.clipboard and "“announced that iFlytek would invest HK$4 million" in app.clipboard
        lines = app.clipboard.count("\n") + 1
        assert notifications(app)[-1] == f"Copied iFLYTEK details — {lines} lines"


async def test_y_on_a_fact_copies_the_fact_with_its_quote(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("2", "j")
        fact = app.query_one("#detail", FactList).fact
        assert fact is not None and fact.quote is not None and fact.label == "Sector"
        await pilot.press("y")
        assert "Artificial intelligence" in app.clipboard
        assert f"“{fact.quote.text}”" in app.clipboard
        assert "Sector" in app.clipboard and "Origin" not in app.clipboard
        assert notifications(app)[-1].startswith("Copied iFLYTEK: Sector — ")


async def test_y_on_the_summary_copies_its_fact_and_Y_the_summary(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("3", "y")
        fact = app.query_one("#summary", FactList).fact
        assert fact is not None and fact.label == "Firms signed"  # the first key figure
        assert app.clipboard == formats.fact_text(dataset, None, fact)
        assert notifications(app)[-1].startswith("Copied Summary: Firms signed — ")
        await pilot.press("Y")
        assert app.clipboard == formats.summary_text(dataset)
        for figure in ("67", "HK$42 billion", "17,000", "15", "Paul Chan"):
            assert figure in app.clipboard
        assert notifications(app)[-1].startswith("Copied the programme summary — ")


async def test_y_on_the_source_copies_the_article_or_the_selection(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("4", "y")
        assert app.clipboard == dataset.source.text
        assert notifications(app)[-1].startswith("Copied the whole article — ")
        # A mouse selection across a wrapped line copies the article's own text.
        # (Offsets count the pane's border and padding: its text starts at (2, 1).)
        await pilot.mouse_down("#source", offset=(2, 1))
        await pilot.hover("#source", offset=(11, 2))
        await pilot.mouse_up("#source", offset=(11, 2))
        await pilot.pause()
        await pilot.press("y")
        assert dataset.source.text.startswith(app.clipboard)
        assert len(app.clipboard) > 20 and "\n" not in app.clipboard
        assert notifications(app)[-1].startswith("Copied the selected text — ")
        selected = app.clipboard
        app.copy_to_clipboard("")
        await pilot.press("ctrl+c")  # Textual's own copy of a selection gives the same text
        assert app.clipboard == selected


async def test_palette_copies_in_other_formats(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        for title, check in [
            ("Copy firm as JSON", lambda text: json.loads(text)["firms"][0]["name"] == "iFLYTEK"),
            ("Copy firm as Markdown", lambda text: text.startswith("#") and "iFLYTEK" in text),
            ("Copy summary as Markdown", lambda text: "OASES" in text and "67" in text),
            ("Copy list as CSV", lambda text: len(list(csv.reader(io.StringIO(text)))) == len(dataset.firms) + 1),
            ("Copy list as Markdown table", lambda text: text.count("\n|") >= len(dataset.firms)),
        ]:
            await pilot.press("ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*title)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, CommandPalette)
            assert check(app.clipboard), (title, app.clipboard[:200])
            assert notifications(app)[-1].startswith("Copied ")


@pytest.fixture
def x11_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[str], Path]:
    """A desktop whose only clipboard tool is a fake xclip; returns where it records."""

    def install(body: str) -> Path:
        fake_tool(tmp_path / "bin", "xclip", body)
        monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin")
        monkeypatch.setenv("DISPLAY", ":0")
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        monkeypatch.delenv("TMUX", raising=False)
        return tmp_path / "received.txt"

    return install


async def test_y_also_goes_through_the_native_tool(x11_with: Callable[[str], Path], dataset: Dataset) -> None:
    received = x11_with("")  # where the tool should write; now install the real recorder
    x11_with(f'cat > "{received}"')
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("y")
        await until(pilot, lambda: received.exists() and received.stat().st_size > 0)
        assert received.read_text(encoding="utf-8") == app.clipboard
        assert app.clipboard.startswith("iFLYTEK\n")


async def test_a_hanging_native_tool_neither_blocks_the_ui_nor_crashes(x11_with: Callable[[str], Path]) -> None:
    x11_with("sleep 30")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        started = time.monotonic()
        await pilot.press("y", "j")
        # The UI answered the next key at once: the tool runs in a worker thread.
        assert app.query_one(FirmList).cursor == 1
        assert time.monotonic() - started < 1.5
        assert app.clipboard.startswith("iFLYTEK\n")  # the terminal copy went out regardless
        await until(pilot, lambda: any("still sent through the terminal" in n for n in notifications(app)), timeout=8)
        assert app.is_running


async def test_a_failing_native_tool_is_reported_once(x11_with: Callable[[str], Path]) -> None:
    x11_with("echo 'cannot open display' >&2; exit 1")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("y")
        await until(pilot, lambda: any("still sent through the terminal" in n for n in notifications(app)))
        await pilot.press("j", "y")
        await pilot.pause(0.5)
        assert sum("still sent through the terminal" in n for n in notifications(app)) == 1
        assert notifications(app)[-1].startswith("Copied Baidu Ai Cloud details")


async def test_served_in_a_browser_only_the_page_gets_the_copy(
    x11_with: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under ``oases-tui serve`` a native tool would fill the server's clipboard and a tmux
    the server was started in is not the reader's: neither runs, neither is mentioned."""
    received = tmp_path / "received.txt"
    x11_with(f'cat > "{received}"')
    asked_tmux = tmp_path / "asked-tmux"
    fake_tool(tmp_path / "bin", "tmux", f'touch "{asked_tmux}"; echo off')
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("y")
        await pilot.pause(0.5)
        assert app.clipboard.startswith("iFLYTEK\n")  # through the terminal (OSC 52), which the page hands on
        assert notifications(app) == [f"Copied iFLYTEK details — {len(app.clipboard.splitlines())} lines"]
    assert not received.exists()
    assert not asked_tmux.exists()


async def test_in_a_terminal_inside_tmux_the_same_copy_asks_tmux(
    x11_with: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The counterpart of the test above, so its silence is the driver's doing."""
    x11_with(f'cat > "{tmp_path / "received.txt"}"')
    fake_tool(tmp_path / "bin", "tmux", "echo off")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("y")
        await until(pilot, lambda: (tmp_path / "received.txt").exists() and any("set-clipboard" in n for n in notifications(app)))


async def test_in_a_tmux_that_drops_copies_with_no_tool_it_says_not_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No "Copied" toast that the tmux warning then contradicts: one message, saying what to fix."""
    fake_tool(tmp_path / "bin", "tmux", "echo off")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TEXTUAL_DRIVER"):
        monkeypatch.delenv(name, raising=False)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("y")
        await until(pilot, lambda: bool(notifications(app)))
        await pilot.pause(0.3)
        assert notifications(app) == ["Not copied: " + TMUX_FIX]
        await pilot.press("y")  # tmux was asked once; the next copy says the same at once
        await pilot.pause()
        assert notifications(app)[-1] == "Not copied: " + TMUX_FIX
        assert not any(n.startswith("Copied") for n in notifications(app))


async def test_y_copies_what_is_under_the_cursor_in_every_pane_and_Y_the_whole_pane(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("Y")  # the firm list: every firm listed
        assert app.clipboard == formats.export(dataset, dataset.firms, "text").rstrip("\n")
        await pilot.press("3", "j", "y")  # the summary's second fact, not the whole summary
        summary = app.query_one("#summary", FactList)
        fact = summary.fact
        assert fact is not None and fact.value is not None
        assert app.clipboard == formats.fact_text(dataset, None, fact)
        assert fact.value in app.clipboard and len(app.clipboard.splitlines()) == 3
        await pilot.press("Y")
        assert app.clipboard == formats.summary_text(dataset)
        await pilot.press("2", "Y")
        assert app.clipboard == formats.firm_text(dataset, dataset.firms[0])


async def test_enter_opens_the_firm_and_h_goes_back(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        for forward, back in (("enter", "h"), ("l", "left"), ("right", "h")):
            await pilot.press("j", forward)
            detail = app.query_one("#detail", FactList)
            assert app.focused is detail, forward
            await pilot.press(back)
            assert isinstance(app.focused, FirmList), back
        assert app.query_one(FirmList).firm == dataset.firms[3]


async def test_y_does_not_copy_from_behind_the_help() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark", "y", "Y")
        await pilot.pause()
        assert app.clipboard == ""
        await pilot.press("escape", "y")
        assert app.clipboard.startswith("iFLYTEK\n")
