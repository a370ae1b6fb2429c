"""The fact list (detail and summary panes): what it draws, and how its cursor moves by keys and mouse."""

from __future__ import annotations

from app_support import make_app, screen_text, until

from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.fact_list import FactList
from tui.core.model import Dataset

WIDE = (120, 36)


def drawn(facts: FactList) -> list[str]:
    return [facts.render_line(y).text.rstrip() for y in range(facts.size.height)]


async def test_each_fact_is_label_value_then_its_quote_then_a_blank_line(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        facts = app.query_one("#detail", FactList)
        first = dataset.firms[0].fact_rows()[0]
        assert first.quote is not None
        # The header names the firm (and its other spelling), then a blank line, then the facts.
        assert drawn(facts)[:3] == [dataset.firms[0].name, "Also written: iFlytek", ""]
        lines = drawn(facts)[facts.header_height :]
        blank = lines.index("")
        assert lines[0] == f"{first.label}: {first.value}"
        assert " ".join(lines[1:blank]) == f"“{first.quote.text}”"  # wrapped at spaces, nothing lost
        assert facts.facts == list(dataset.firms[0].fact_rows())


async def test_the_summary_has_headings_the_cursor_skips(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3")
        summary = app.query_one("#summary", FactList)
        headings = [row.text.plain for row in summary.rows if row.fact is None]
        assert headings and drawn(summary)[0] == headings[0]
        assert summary.highlighted == 1 and summary.fact is summary.rows[1].fact  # not on the heading
        await pilot.press("k")  # already on the first fact: stays, heading still in view
        assert summary.highlighted == 1 and summary.scroll_offset.y == 0
        seen = []
        for _ in range(len(summary.rows)):
            await pilot.press("j")
            seen.append(summary.highlighted)
        assert all(summary.rows[index].fact is not None for index in seen)
        assert seen[-1] == max(i for i, row in enumerate(summary.rows) if row.fact is not None)  # stops at the last


async def test_page_keys_and_ends_move_by_screens_and_keep_the_cursor_in_view() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        facts = app.query_one("#detail", FactList)
        await pilot.press("pagedown")
        assert facts.highlighted is not None and facts.highlighted > 1
        await pilot.press("G")
        last = len(facts.rows) - 1
        assert facts.highlighted == last
        top, height = facts.scroll_offset.y, facts.scrollable_content_region.height
        region = facts._row_region(last)
        assert region is not None and top <= region.y < top + height
        await pilot.press("pageup", "g")
        assert facts.highlighted == 0 and facts.scroll_offset.y == 0


async def test_a_click_puts_the_cursor_on_the_fact_and_lights_its_sentence(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        facts = app.query_one("#detail", FactList)
        region = facts._row_region(2)
        assert region is not None
        await pilot.click("#detail", offset=(2, region.y + 1))
        assert facts.highlighted == 2
        quote = facts.rows[2].fact.quote  # type: ignore[union-attr]
        assert quote is not None
        assert app.query_one(ArticleView).focus_quote == (quote.start, quote.end)


async def test_a_theme_change_redraws_the_facts_in_its_colours() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        facts = app.query_one("#detail", FactList)
        before = facts.rows[0].text.spans[0].style
        app.theme = "textual-light"
        await pilot.pause()
        after = facts.rows[0].text.spans[0].style
        assert before != after  # the label's colour follows the theme
        assert "Origin: Chinese" in screen_text(app)


async def test_no_firm_means_an_empty_list_and_a_reason(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"zzzz")
        facts = app.query_one("#detail", FactList)
        assert facts.rows == [] and facts.fact is None and facts.highlighted is None
        assert "Nothing selected" in screen_text(app)


async def test_rows_below_the_pane_are_wrapped_after_the_first_frame_and_scroll_into_reach() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        facts = app.query_one("#detail", FactList)
        # Every row is laid out soon after the first frame, and the scroll height is all of them.
        await until(pilot, lambda: facts.laid_out)
        assert facts.virtual_size.height == facts.header_height + len(facts._lines) > facts.size.height
        await pilot.press("2", "end")
        last = facts.rows[-1].fact
        assert last is not None and last.quote is not None
        assert f"“{last.quote.text}”".split()[-1] in screen_text(app)


async def test_the_first_fact_of_a_section_brings_its_heading_back_into_view() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3")  # the summary: its first row is the programme's heading
        summary = app.query_one("#summary", FactList)
        heading = summary.rows[0].text.plain
        assert summary.rows[0].fact is None and heading in screen_text(app)
        # A tiny terminal (three lines of summary) and back: the heading is over its first fact.
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert summary.scroll_offset.y == 0 and heading in screen_text(app)
        await pilot.press("j", "j", "k", "k")  # back up to the first fact: the heading shows
        assert summary.scroll_offset.y == 0
