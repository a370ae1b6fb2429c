"""The fact list (detail and summary panes): what it draws, and how its cursor moves by keys and mouse."""

from __future__ import annotations

from app_support import make_app, screen_text, until

from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.fact_list import FactList
from tui.core.model import Dataset

WIDE = (120, 36)


def drawn(facts: FactList) -> list[str]:
    return [facts.render_line(y).text.rstrip() for y in range(facts.size.height)]


async def test_each_fact_is_a_label_value_row_its_continuation_under_the_value(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        facts = app.query_one("#detail", FactList)
        iflytek = dataset.firms[0]
        # The header names the firm (and its other spelling), then a blank line, then the facts.
        assert drawn(facts)[:3] == [iflytek.name, "Also written: iFlytek", ""]
        lines = drawn(facts)[facts.header_height :]
        column = lines[0].index("Chinese")
        assert lines[0] == "Origin".ljust(column) + "Chinese"
        assert lines[1] == "Sector".ljust(column) + "Artificial intelligence"
        investment = next(fact for fact in iflytek.fact_rows() if fact.label == "Investment")
        start = next(i for i, line in enumerate(lines) if line.startswith("Investment"))
        end = next(i for i in range(start + 1, len(lines)) if lines[i][:column].strip())
        assert end - start > 1  # it wraps, every continuation under the value
        assert all(line[:column] == " " * column for line in lines[start + 1 : end])
        assert " ".join(line[column:].strip() for line in lines[start:end]) == investment.value
        assert not any("“" in line for line in drawn(facts))  # no quote until the pane has the focus
        assert facts.facts == list(iflytek.fact_rows())


async def test_the_cursor_fact_s_quote_is_docked_at_the_bottom_while_the_pane_has_the_focus(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        facts = app.query_one("#detail", FactList)
        rows = dataset.firms[0].fact_rows()

        def dock() -> str:
            lines = drawn(facts)
            rule = max(i for i, line in enumerate(lines) if line.startswith("─ Quote ─"))
            return " ".join(line.strip() for line in lines[rule + 1 :])

        # The origin's quote, and apart from it, on a line of its own, the editor's note.
        assert rows[0].quote is not None and rows[0].note is not None
        assert dock().startswith(f"“{rows[0].quote.text}” Editor’s note: Filed with")
        assert any(line.strip().startswith("Editor’s note:") for line in drawn(facts))
        await pilot.press("j", "j", "j")  # the headquarters: a quote and no note
        assert rows[3].quote is not None and rows[3].note is None and dock() == f"“{rows[3].quote.text}”"
        assert app.query_one(ArticleView).focus_quote == (rows[3].quote.start, rows[3].quote.end)
        # The last fact, scrolled to, sits above the dock, not under it.
        await pilot.press("G")
        last = facts._row_region(len(facts.rows) - 1)
        assert last is not None
        bottom = last.bottom - facts.scroll_offset.y
        assert bottom <= facts.scrollable_content_region.height - facts.dock_height
        await pilot.press("1")  # the firm list has the focus: no dock
        assert facts.dock_height == 0 and not any(line.startswith("─ Quote") for line in drawn(facts))


async def test_v_shows_every_quote_under_its_fact_and_v_again_hides_them(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "v")
        facts = app.query_one("#detail", FactList)
        assert facts.dock_height == 0
        lines = drawn(facts)[facts.header_height :]
        column = lines[0].index("Chinese")
        origin = dataset.firms[0].origin
        assert origin.quote is not None
        quote_lines = lines[1 : lines.index("")]
        assert all(line.startswith(" " * column + "“") or line.startswith(" " * column) for line in quote_lines)
        assert " ".join(line.strip() for line in quote_lines) == f"“{origin.quote.text}” Editor’s note: {origin.note}"
        note_line = next(i for i, line in enumerate(quote_lines) if "Editor’s note:" in line)
        assert quote_lines[note_line].strip().startswith("Editor’s note:")  # its own line, under the quote
        await pilot.press("v")
        assert facts.dock_height > 0 and not any(line.startswith(" " * column + "“") for line in drawn(facts))


async def test_a_row_scrolled_half_out_of_view_keeps_its_label(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await until(pilot, lambda: app.query_one("#detail", FactList).laid_out)
        facts = app.query_one("#detail", FactList)
        investment = next(i for i, row in enumerate(facts.rows) if row.fact is not None and row.fact.label == "Investment")
        region = facts._row_region(investment)
        assert region is not None and region.height > 1
        facts.scroll_to(y=region.y - facts.header_height + 1, animate=False, force=True, immediate=True)  # first line above the top
        await pilot.pause()
        top = drawn(facts)[facts.header_height]
        assert top.startswith("Investment") and "Tao Xiaodong" not in top


async def test_the_summary_leads_with_the_key_figures_one_line_each() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        summary = app.query_one("#summary", FactList)
        lines = drawn(summary)
        assert lines[0] == "Key figures"
        figures = lines[1:6]
        labels = ["Firms signed", "Companies attracted", "Expected investment", "Jobs", "Speaker"]
        assert [line.split("  ")[0] for line in figures] == labels
        width = summary.scrollable_content_region.width
        assert all(len(line) <= width for line in figures)
        for figure in ("17: 15 mainland China", "67 strategic", "HK$42 billion", "17,000", "Paul Chan"):
            assert any(figure in line for line in figures), figure
        assert lines[6] == "" and lines[7].startswith("OASES")  # then the sections, in full


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
        origin = [line.split("│ Origin", 1)[1].strip() for line in screen_text(app).splitlines() if "│ Origin " in line]
        assert origin and origin[0].startswith("Chinese")


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
        # Its quote is docked at the bottom of the pane, cut to the lines there are;
        # `v` shows every quote in full under its fact; pagedown reads a fact taller than
        # the pane a page at a time, its label kept on the top line.
        assert f"“{' '.join(last.quote.text.split()[:3])}" in screen_text(app)
        await pilot.press("v", "end", "pagedown")
        await pilot.pause()
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
