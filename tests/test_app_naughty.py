"""Data is text, never markup: the naughty strings run through every pane literally."""

from __future__ import annotations

from pathlib import Path

from app_support import make_app, screen_text
from support import HOSTILE_NAMES, naughty_dataset_text

from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_list import FirmList


async def test_every_naughty_string_is_shown_literally(tmp_path: Path, bundled_text: str) -> None:
    path = tmp_path / "naughty.toml"
    path.write_text(naughty_dataset_text(bundled_text), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        firm_list = app.query_one(FirmList)
        detail = app.query_one(FirmFacts)
        facts = app.query_one("#detail", FactList)
        assert len(firm_list.firms) > 500
        for index, firm in enumerate(firm_list.firms):
            # Fill the panes directly (moving the cursor does the same, and is tested
            # elsewhere); render the whole screen every so often.
            detail.show_firm(firm)
            assert firm_list._name_line(firm).plain == firm.name
            assert detail.header[0].plain == firm.name
            shown = [row.text.plain for row in facts.rows]
            assert len(shown) == len(firm.fact_rows())
            for fact, prompt in zip(firm.fact_rows(), shown):
                assert prompt.startswith(f"{fact.label}  {fact.value or 'not stated in the source'}")
            if index % 25 == 0:
                firm_list.cursor = index
                await pilot.pause()
                assert detail.firm is firm
                screen_text(app)  # the whole screen renders
        assert app.is_running and app.return_code is None  # [@click=app.quit] did nothing


async def test_hostile_names_appear_exactly_so(tmp_path: Path, bundled_text: str) -> None:
    path = tmp_path / "naughty.toml"
    path.write_text(naughty_dataset_text(bundled_text), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        firm_list = app.query_one(FirmList)
        for name in HOSTILE_NAMES:
            index = next(i for i, firm in enumerate(firm_list.firms) if firm.name == name)
            firm_list.cursor = index
            await pilot.pause()
            text = screen_text(app)
            assert text.count(name) >= 3, text  # the list row, the heading, the alias line
            await pilot.click(FirmList, offset=(2, 2 * index - firm_list.scroll_offset.y))
        assert app.is_running


async def test_palette_shows_hostile_names_literally(tmp_path: Path, bundled_text: str) -> None:
    path = tmp_path / "naughty.toml"
    path.write_text(naughty_dataset_text(bundled_text), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        for query, name in [("acme", "[bold]Acme[/bold]"), ("stray", "Stray [/] Co [@click=app.quit]x[/]")]:
            await pilot.press("ctrl+p", *query)
            await pilot.pause(0.5)
            assert f"Go to firm: {name}" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert app.query_one(FirmList).firm is not None
            assert app.query_one(FirmList).firm.name == name  # type: ignore[union-attr]
        assert app.is_running
