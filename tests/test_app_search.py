"""Searching firms in the app: as you type, counts, no match, enter, escape, `/` again, palette."""

from __future__ import annotations

from app_support import make_app, screen_text
from textual.command import CommandPalette
from textual.widgets import Input, Static

from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_list import FirmList

SIZE = (120, 36)


def names(app: object) -> list[str]:
    return [firm.name for firm in app.query_one(FirmList).firms]  # type: ignore[attr-defined]


def count_text(app: object) -> str:
    return str(app.query_one("#search-count", Static).render())  # type: ignore[attr-defined]


async def test_slash_opens_the_field_and_typing_filters_at_once() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash")  # from any pane
        assert isinstance(app.focused, Input) and app.focused.id == "search-input"
        await pilot.press("r")
        assert count_text(app).startswith(f"{len(names(app))} of 8 firms")  # filtered on the first keystroke
        await pilot.press("o", "b", "o", "t")
        assert names(app) == ["Pudu Robotics", "Horizon Robotics"]
        assert count_text(app) == "2 of 8 firms"
        # The best match is selected, and the detail follows it.
        assert app.query_one(FirmFacts).firm is not None
        assert app.query_one(FirmFacts).firm.name == "Pudu Robotics"  # type: ignore[union-attr]


async def test_matched_letters_are_marked_in_the_rows() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"horiz")
        firm_list = app.query_one(FirmList)
        text = firm_list._name_line(firm_list.firms[0])
        assert text.plain == "Horizon Robotics"
        marked = {(span.start, span.end) for span in text.spans if span.start < 5}
        assert (0, 5) in marked


async def test_the_examples_find_what_they_should() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        field = app.query_one("#search-input", Input)
        for query, expected in [
            ("xunfei", {"iFLYTEK"}),
            ("tao", {"iFLYTEK"}),
            ("french", {"Prophesee"}),
            ("france", {"Prophesee"}),
            ("american", {"Digital Domain"}),
            ("vehicle", {"BeyonCa"}),
        ]:
            field.value = query
            await pilot.pause()
            assert expected <= set(names(app)), query
            assert names(app)[0] in expected, query
        field.value = "ev"
        await pilot.pause()
        assert "BeyonCa" in names(app)


async def test_no_match_says_so_and_the_detail_is_empty() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzqx")
        assert names(app) == []
        assert count_text(app) == "0 of 8 firms"
        assert "No firm matches “zzqx”." in screen_text(app)
        detail = app.query_one(FirmFacts)
        assert detail.firm is None
        assert "Nothing selected" in screen_text(app)
        assert app.query_one("#detail", FactList).rows == []


async def test_enter_goes_to_the_list_on_the_best_match_keeping_the_filter() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"robot", "enter")
        firm_list = app.query_one(FirmList)
        assert app.focused is firm_list
        assert firm_list.cursor == 0 and names(app) == ["Pudu Robotics", "Horizon Robotics"]
        await pilot.press("slash")
        assert app.query_one("#search-input", Input).value == "robot"  # `/` again: query still there
        await pilot.press("down")
        assert app.focused is firm_list


async def test_escape_restores_the_list_keeping_the_selected_firm() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"robot", "enter", "j")
        firm_list = app.query_one(FirmList)
        assert firm_list.firm is not None and firm_list.firm.name == "Horizon Robotics"
        await pilot.press("slash", "escape")
        assert len(names(app)) == 8
        assert firm_list.firm is not None and firm_list.firm.name == "Horizon Robotics"
        assert app.query_one("#search-input", Input).value == ""
        assert not app.query_one("#search-bar").display
        assert app.focused is firm_list


async def test_odd_queries_are_just_text() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        field = app.query_one("#search-input", Input)
        for query in ["(", "[", "*", ".*", "\\", "'", '"', "[/]", "[@click=app.quit]", "😀", "   ", "", "a" * 500]:
            field.value = query
            await pilot.pause()
        field.value = "   "
        await pilot.pause()
        assert len(names(app)) == 8  # whitespace only: everything
        assert app.is_running


async def test_palette_goes_to_a_firm_even_when_the_search_hides_it() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"robot", "enter")
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"prophesee")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        firm_list = app.query_one(FirmList)
        assert firm_list.firm is not None and firm_list.firm.name == "Prophesee"
        assert len(names(app)) == 8
        assert app.query_one(FirmFacts).firm is firm_list.firm


async def test_escape_in_the_field_goes_back_to_the_firm_selected_before_the_search() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        firm_list = app.query_one(FirmList)
        assert firm_list.firm is not None and firm_list.firm.name == "Baidu Ai Cloud"
        # "z" puts the cursor on a match (Horizon Robotics) as it is typed; "zzqx" matches nothing.
        await pilot.press("slash", *"zzqx", "escape")
        assert len(names(app)) == 8 and firm_list.firm is not None and firm_list.firm.name == "Baidu Ai Cloud"
        assert app.query_one(FirmFacts).firm is firm_list.firm
        await pilot.press("slash", *"robot", "escape")  # matches, but none picked with enter
        assert firm_list.firm is not None and firm_list.firm.name == "Baidu Ai Cloud"


async def test_opening_the_field_keeps_every_firm_on_screen() -> None:
    for size in (SIZE, (80, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            before = app.pane("firms").outer_size.height
            await pilot.press("slash")
            await pilot.pause()
            text = screen_text(app)
            assert "/ Search firms" in text  # the placeholder, cut short in a narrow pane
            missing = [firm.name for firm in app.dataset.firms if firm.name not in text]
            assert not missing, (size, missing)  # the list grew by the field's rows rather than lose its last firm
            assert app.pane("firms").outer_size.height > before
            await pilot.press("escape")
            await pilot.pause()
            assert app.pane("firms").outer_size.height == before  # and gives them back
