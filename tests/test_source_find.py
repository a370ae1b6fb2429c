"""Find in the article: `/` in the source pane, the matches lit, "1 of 2", n/N, escape back."""

from __future__ import annotations

from typing import Any, Optional

import pytest
from app_support import make_app, screen_text, settled
from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app.oases_app import OasesApp
from tui.app.widgets.article_find import FindBar
from tui.app.widgets.article_view import GUTTER
from tui.app.widgets.source_pane import FIND_CONTEXT, SourcePane

WIDE = (120, 36)
SMALL = (80, 24)


def source(app: OasesApp) -> SourcePane:
    return app.query_one(SourcePane)


def focused(app: OasesApp) -> Optional[object]:
    """What has the focus (a function, so a check of it narrows nothing for what follows)."""
    return app.focused


def bottom_line(app: OasesApp) -> str:
    return screen_text(app).splitlines()[-1]


async def ready(pilot: Pilot[Any]) -> None:
    await settled(pilot)


async def find(pilot: Pilot[Any], query: str) -> None:
    """From anywhere: the source pane, `/`, then ``query`` typed into the field."""
    await ready(pilot)
    await pilot.press("4", "slash", *query)
    await pilot.pause()


def matched_text(app: OasesApp) -> list[str]:
    view = source(app)
    return [view.text[start:end] for start, end in view.match_spans]


async def test_slash_in_the_source_opens_find_there_and_sanctions_is_1_of_2_then_n_the_second() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await find(pilot, "sanctions")
        view = source(app)
        assert isinstance(focused(app), Input) and app.pane_of(app.focused) == "source"
        assert app.query_one(FindBar).display and app.query_one(FindBar).text == "sanctions"
        assert matched_text(app) == ["sanctions", "sanctioned"]
        assert view.current_match == view.match_spans[0]
        assert "find: sanctions" in screen_text(app) and "1 of 2" in screen_text(app)
        await pilot.press("down")  # to the text, the find kept
        assert focused(app) is view and view.find_active
        await pilot.press("n")
        await pilot.pause()
        assert view.current_match == view.match_spans[1] and "2 of 2" in screen_text(app)
        await pilot.press("n")  # round the end to the first
        assert view.current_match == view.match_spans[0]
        await pilot.press("N")
        await pilot.pause()
        assert view.current_match == view.match_spans[1] and "2 of 2" in screen_text(app)


async def test_enter_and_shift_enter_in_the_field_step_through_the_matches() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await find(pilot, "paul chan")
        view = source(app)
        assert matched_text(app) == ["Paul Chan", "Paul Chan"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(focused(app), Input)  # still typing: enter only steps
        assert view.current_match == view.match_spans[1] and "2 of 2" in screen_text(app)
        await pilot.press("shift+enter")
        await pilot.pause()
        assert view.current_match == view.match_spans[0] and "1 of 2" in screen_text(app)


async def test_case_accents_and_the_curly_apostrophe_do_not_matter() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await find(pilot, "GOVERNMENTS")
        assert "government\u2019s" in matched_text(app)  # "the government’s efforts"
        assert "1 of 3" in screen_text(app)


async def test_no_matches_is_said_plainly_and_nothing_is_lit() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await find(pilot, "zebra")
        view = source(app)
        assert view.match_spans == [] and view.current_match is None
        assert "no matches" in screen_text(app)


async def test_every_match_is_lit_and_the_current_one_differently() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await find(pilot, "hong kong")
        view = source(app)
        assert len(view.match_spans) == 9
        current = view.current_match
        assert current is not None
        other = next(span for span in view.match_spans if span != current and view.line_of(span[0]) != view.line_of(current[0]))
        view.bring_into_view(*other, context=0)  # (both in view: the pane shows several lines)
        await pilot.pause()

        def style_of(span: tuple[int, int]) -> list[object]:
            strip = view.render_line(view.line_of(span[0]) - view.scroll_offset.y)
            return [segment.style for segment in strip if segment.text.strip() and segment.text in view.text[span[0] : span[1]]]

        current_styles, other_styles = style_of(current), style_of(other)
        assert current_styles and other_styles
        assert all(style.underline for style in [*current_styles, *other_styles])  # type: ignore[attr-defined]
        assert all(style.bold for style in current_styles)  # type: ignore[attr-defined]
        assert current_styles[0] != other_styles[0]


async def test_without_colour_the_current_match_is_reversed_and_the_others_underlined(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await find(pilot, "sanctions")
        view = source(app)
        assert app.no_color

        def style_of(span: tuple[int, int]) -> Style:
            strip = view.render_line(view.line_of(span[0]) - view.scroll_offset.y)
            words = {segment.text: segment.style for segment in strip if segment.style and segment.text.strip()}
            return words[view.text[span[0] : span[1]]]

        first, second = view.match_spans
        assert style_of(first).reverse and style_of(first).underline and style_of(first).bold
        assert style_of(second).underline and not style_of(second).reverse


async def test_the_match_is_scrolled_into_view_with_lines_around_it() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:  # a short pane: the last match is far below
        await find(pilot, "success")
        view = source(app)
        assert matched_text(app) == ["success"]
        line = view.line_of(view.match_spans[0][0])
        top = view.scroll_offset.y
        assert top > 0
        assert top + FIND_CONTEXT <= line or top == 0
        assert line < top + view.shown_height  # above the find field and the cited-by line
        assert "success" in screen_text(app)


async def test_escape_ends_the_find_and_puts_the_view_back() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("4", "j")  # the reader is on the second sentence, at the top
        view = source(app)
        before = (view.scroll_offset.y, view.cursor)
        await pilot.press("slash", *"success")
        await pilot.pause()
        assert view.scroll_offset.y != before[0] and view.cursor != before[1]
        await pilot.press("escape")
        await pilot.pause()
        assert (view.scroll_offset.y, view.cursor) == before
        assert focused(app) is view and not view.find_active
        assert view.match_spans == [] and not app.query_one(FindBar).display
        assert "success" not in screen_text(app).split("4 Source")[-1].split("│")[0]  # the field is gone
        await pilot.press("slash")  # the field comes back with the last query, ready to type over
        assert app.query_one(FindBar).text == "success" and isinstance(focused(app), Input)


async def test_clearing_the_field_puts_the_view_back_too() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await find(pilot, "success")
        view = source(app)
        assert view.scroll_offset.y > 0
        await pilot.press(*["backspace"] * len("success"))
        await pilot.pause()
        assert view.scroll_offset.y == 0 and view.match_spans == []


async def test_the_key_line_names_the_find_keys() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await pilot.pause()
        line = bottom_line(app)
        assert "/ Find" in line and "Next match" not in line  # no find open: n does nothing yet
        await pilot.press("slash", *"kong")
        await pilot.pause()
        line = bottom_line(app)
        assert "⏎ Next" in line and "Previous" in line and "↓ To the text" in line and "esc Close find" in line
        await pilot.press("down")
        await pilot.pause()
        line = bottom_line(app)
        assert "n Next match" in line and "N Previous match" in line and "esc Close find" in line


async def test_the_match_text_is_drawn_after_the_gutter_exactly() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await find(pilot, "HK$42")
        view = source(app)
        current = view.current_match
        assert current is not None
        strip = view.render_line(view.line_of(current[0]) - view.scroll_offset.y)
        assert "HK$42" in strip.text[GUTTER:]
