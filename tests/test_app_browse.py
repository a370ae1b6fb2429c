"""The browser as a user drives it: panes, keys, and provenance highlighting (Pilot tests)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Union

import pytest
from app_support import make_app, screen_text
from synthetic import write_synthetic
from textual.command import CommandPalette
from textual.widgets import Static

from tui.app.keys import KEYS
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_list import FirmList
from tui.app.widgets.help_screen import HelpScreen
from tui.core.model import Dataset

WIDE = (120, 36)


def layout_is(app: object, mode: str) -> bool:
    return app.browser.has_class(mode)  # type: ignore[attr-defined,no-any-return]


SMALL = (80, 24)


async def test_starts_on_the_first_firm_with_its_sentences_lit(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        firm_list = app.query_one(FirmList)
        assert app.focused is firm_list
        assert firm_list.cursor == 0 and firm_list.firm == dataset.firms[0]
        assert app.query_one(FirmFacts).firm == dataset.firms[0]
        article = app.query_one(ArticleView)
        iflytek = dataset.firm("iflytek")
        assert iflytek is not None
        expected = {(q.sentence_start, q.sentence_end) for q in iflytek.quotes()}
        lit = article.firm_sentences
        assert all(any(s <= start and end <= e for s, e in lit) for start, end in expected)
        text = screen_text(app)
        for title in ("1 Firms", "2 Detail", "3 Summary", "4 Source"):
            assert title in text
        assert "1 Firms · 8 of 17 named" in text  # the unnamed signatories, in the pane's title
        for firm in dataset.firms:
            assert firm.name in text


async def test_the_list_rows_show_name_origin_and_sector(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Chinese · Artificial intelligence" in text
        assert "American · sector not stated" in text
        assert "French · sector not stated" in text


async def test_detail_follows_the_cursor_without_enter(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        detail = app.query_one(FirmFacts)
        firm_list = app.query_one(FirmList)
        await pilot.press("down")
        assert firm_list.cursor == 1 and detail.firm == dataset.firms[1]
        await pilot.press("j", "j")
        assert detail.firm == dataset.firms[3]
        await pilot.press("up")
        assert detail.firm == dataset.firms[2]
        await pilot.press("k")
        assert detail.firm == dataset.firms[1]
        await pilot.press("end")
        assert detail.firm == dataset.firms[-1]
        await pilot.press("home")
        assert detail.firm == dataset.firms[0]
        await pilot.press("G")
        assert firm_list.cursor == len(dataset.firms) - 1
        await pilot.press("g")
        assert firm_list.cursor == 0
        await pilot.press("up")  # stays on the first firm: no wrapping
        assert firm_list.cursor == 0
        await pilot.press("pagedown")
        assert firm_list.cursor > 1
        await pilot.press("pageup")
        assert firm_list.cursor == 0


async def test_detail_shows_facts_with_quotes_and_not_stated(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G", "k")  # Digital Domain
        detail = app.query_one(FirmFacts)
        assert detail.firm is not None and detail.firm.name == "Digital Domain"
        facts = detail.facts
        sector = next(fact for fact in facts if fact.label == "Sector")
        assert sector.value is None
        await pilot.press("2")
        text = screen_text(app)
        assert re.search(r"┃ Sector +not stated in the source", text)
        assert re.search(r"┃ Origin +American ", text)
        assert "“American company Digital Domain”" in text  # the cursor fact's quote, at the bottom


async def test_a_fact_under_the_detail_cursor_is_lit_distinctly(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        article = app.query_one(ArticleView)
        assert article.focus_sentence is None  # the list has focus: firm sentences only
        await pilot.press("2")
        facts = app.query_one("#detail", FactList)
        assert app.focused is facts
        first = facts.fact
        assert first is not None and first.quote is not None
        assert article.focus_sentence == (first.quote.sentence_start, first.quote.sentence_end)
        await pilot.press("j", "j", "j")
        fact = facts.fact
        assert fact is not None and fact is not first and fact.quote is not None
        assert article.focus_quote == (fact.quote.start, fact.quote.end)
        # The fact's sentence is scrolled into view in the source pane.
        top = article.scroll_offset.y
        line = article.line_of(fact.quote.sentence_start)
        assert top <= line < top + article.scrollable_content_region.height
        await pilot.press("1")
        assert article.focus_sentence is None


async def test_selecting_a_firm_scrolls_its_first_sentence_into_view(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        article = app.query_one(ArticleView)
        await pilot.press("G")  # Prophesee: named late in the article
        first = article.firm_sentences[0]
        top = article.scroll_offset.y
        assert top > 0
        assert top <= article.line_of(first[0]) < top + article.scrollable_content_region.height
        assert "Prophesee" in screen_text(app).split("4 Source", 1)[1]


async def test_summary_holds_the_totals_with_quotes(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3")
        summary = app.query_one("#summary", FactList)
        assert app.focused is summary
        values = {fact.label: fact.value for fact in summary.facts}
        assert values["Set up"] == "2022"
        assert values["Firms signed"] == "17"
        assert values["From mainland China"] == "15"
        assert values["From abroad"] == "2"
        assert values["Named in the article"] is not None and values["Named in the article"].startswith("8 of 17")
        assert "67" in (values["Companies attracted"] or "")
        assert "HK$42 billion" in (values["Expected investment"] or "")
        assert "17,000" in (values["Jobs"] or "")
        assert "Paul Chan" in (values["Speaker"] or "")
        # The totals the article never states are derived (no quote), the rest quoted.
        derived = [fact for fact in summary.facts if fact.derivation is not None]
        assert [(fact.label, fact.value) for fact in derived] == [
            ("Firms signed", "17: 15 mainland China, 2 abroad; 8 named"),
            ("From abroad", "2"),
            ("Named in the article", "8 of 17 (the other 9 are not named in the source)"),
        ]
        assert all(fact.quote is None for fact in derived)
        assert all(fact.quote is not None for fact in summary.facts if fact not in derived)
        await pilot.press("j")
        fact = summary.fact
        assert fact is not None and fact.quote is not None
        assert app.query_one(ArticleView).focus_quote == (fact.quote.start, fact.quote.end)


async def test_tab_and_number_keys_move_between_panes() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        order = ["#firm-list", "#detail", "#summary", "#source"]
        for expected in order[1:] + order[:1]:
            await pilot.press("tab")
            assert app.focused is app.query_one(expected)
        for expected in reversed(order):
            await pilot.press("shift+tab")
            assert app.focused is app.query_one(expected)
        for key, expected in zip("1234", order):
            await pilot.press(key)
            assert app.focused is app.query_one(expected)
        await pilot.press("slash")  # in the source, / finds in the article (tests/test_source_find.py)
        assert app.pane_of(app.focused) == "source"
        await pilot.press("escape", "2", "slash")  # anywhere else it searches the firms
        assert app.pane_of(app.focused) == "firms"


async def test_source_pane_scrolls_with_the_keys() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        article = app.query_one(ArticleView)
        assert app.focused is article
        await pilot.press("g")
        assert article.scroll_offset.y == 0
        await pilot.press("down", "down")  # the arrows scroll by line (j and k move the sentence cursor)
        assert article.scroll_offset.y == 2
        await pilot.press("up")
        assert article.scroll_offset.y == 1
        await pilot.press("pagedown")
        assert article.scroll_offset.y > 5
        await pilot.press("pageup")
        assert article.scroll_offset.y <= 1
        await pilot.press("G")
        assert article.scroll_offset.y == article.max_scroll_y > 0
        await pilot.press("home")
        assert article.scroll_offset.y == 0
        await pilot.press("end")
        assert article.scroll_offset.y == article.max_scroll_y


async def test_help_lists_every_key_and_escape_closes_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.query_one("#help-keys", Static).render())
            words = " ".join(text.split())  # a long description wraps under its column
            for entry in KEYS:
                assert entry.shown in text and entry.does in words
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_every_key_in_the_help_is_bound() -> None:
    app = make_app()
    async with app.run_test(size=WIDE):
        bound = {app.COMMAND_PALETTE_BINDING}
        for node in [app, *app.screen.walk_children(), HelpScreen()]:
            bound.update(node._bindings.key_to_bindings)
        for key in KEYS:
            for name in key.bound:
                assert name in bound, f"{name!r} ({key.does}) is in the help but not bound"


async def test_command_palette_opens() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        assert not isinstance(app.screen, CommandPalette)


async def test_q_quits_with_status_zero() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_q_quits_with_status_zero() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_mouse_click_selects_a_firm(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        firm_list = app.query_one(FirmList)
        await pilot.click(FirmList, offset=(3, 2))  # the third row (a line a row)
        assert firm_list.cursor == 2
        assert app.query_one(FirmFacts).firm == dataset.firms[2]


async def test_small_terminal_reaches_every_pane() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        assert layout_is(app, "-narrow")
        for key, pane in zip("1234", ("firms", "detail", "summary", "source")):
            await pilot.press(key)
            await pilot.pause()
            widget = app.pane(pane)
            assert widget.display and widget.region.width >= 30 and widget.region.height >= 8, pane
            assert app.focused is not None and app.pane_of(app.focused) == pane
        text = screen_text(app)
        assert "4 Source" in text and "2 Detail" in text


async def test_detail_text_wraps_at_80_columns_without_cutting_words(dataset: Dataset) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2")
        detail = app.query_one("#detail", FactList)
        lines = [detail.render_line(y).text.rstrip() for y in range(detail.size.height)]
        header = " ".join(text.plain for text in detail.header)
        facts = " ".join(f"{f.label} {f.value} {f.quote.text if f.quote else ''} Editor’s note: {f.note or ''}" for f in detail.facts)
        words = {*f"{header} {facts}".split(), "Quote"}  # and the docked quote's rule
        lines = [line for line in lines if not line.startswith("─ Quote ─")]
        shown = [word.rstrip("…") for line in lines for word in line.split()]  # a dock cut short ends in "…"
        cut = [word for word in shown if word.strip("“”:,.") and word not in words and word.strip("“”") not in words]
        assert not cut, cut


async def test_tiny_terminals_degrade_without_crashing() -> None:
    for size in [(40, 12), (20, 6), (10, 3)]:
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("j", "2", "j", "3", "j", "4", "j", "question_mark")
            await pilot.pause()
            await pilot.press("escape", "1")
            await pilot.pause()
            assert layout_is(app, "-tiny")
            assert app.pane("firms").display
            assert not app.pane("source").display


async def test_resizing_changes_the_layout() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        assert layout_is(app, "-wide")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert layout_is(app, "-narrow")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert layout_is(app, "-tiny")
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert layout_is(app, "-wide") and app.pane("summary").display and app.pane("source").display


async def test_the_firm_pane_is_as_tall_as_its_firms_need_up_to_60_percent(tmp_path: Path) -> None:
    app = make_app()  # eight firms: a line each and the border = 10
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.pane("firms").outer_size.height == 10 and "Prophesee" in screen_text(app)
        assert app.pane("detail").outer_size.height == 35 - 10  # the detail gets the rest
        assert app.pane("summary").outer_size.height == 14  # 40% of 35 lines
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert app.pane("firms").outer_size.height == 10 and app.pane("summary").outer_size.height == 24
        assert app.pane("detail").outer_size.height == 59 - 10
        await pilot.resize_terminal(80, 24)  # small: still every firm, the detail below
        await pilot.pause()
        assert app.pane("firms").outer_size.height == 10 and app.pane("detail").outer_size.height == 23 - 10
        await pilot.press("slash")  # the search field opens above the list, which keeps its rows
        await pilot.pause()
        assert app.query_one(FirmList).size.height == 8
        await pilot.press("escape")
        await pilot.pause()
        assert app.pane("firms").outer_size.height == 10
    app = make_app(write_synthetic(tmp_path / "many.toml", 100))
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert app.pane("firms").outer_size.height == 35  # 60% of 59: a long list takes its share
        assert app.pane("summary").outer_size.height == 24 and app.pane("detail").outer_size.height == 59 - 35


async def test_highlights_are_tints_and_muted_text_is_muted() -> None:
    """The stylesheet's alphas survive into what is drawn: `$warning 35%` is a tint of the
    pane's background (the full orange left grey text at 1.3:1), `$text-muted` a grey."""
    from textual.color import Color

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        article = app.query_one(ArticleView)
        background = article.background_colors[1]
        variables = app.get_css_variables()
        firm, focus, _quote = (style.bgcolor for style in article._highlight_styles())
        assert firm is not None and focus is not None
        assert Color.from_rich_color(focus) == background + Color.parse(variables["warning"]).with_alpha(0.35)
        assert Color.from_rich_color(firm) == background + Color.parse(variables["primary"]).with_alpha(0.30)
        quote_colour = app.query_one("#detail", FactList)._current_text_styles()[-1].color
        assert quote_colour is not None
        text, muted = Color.from_rich_color(article.style_for().color), Color.from_rich_color(quote_colour)
        assert muted != text and muted.brightness < text.brightness  # a grey, not the text's white


async def test_every_size_shows_every_firm_and_the_figures_where_it_has_the_room(dataset: Dataset) -> None:
    """The layout adapts from 200x60 to 50x15: every firm's name on the screen (a line each),
    and the key figures on the first screen where the summary is shown, or after `3`."""
    figures = ("17: 15", "total of 67", "HK$42 billion", "17,000", "Paul Chan")
    for size in [(200, 60), (120, 36), (100, 30), (80, 24), (60, 20), (50, 15)]:
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert all(firm.name in text for firm in dataset.firms), size
            if size[0] >= 100:
                assert all(figure in text for figure in figures), size
            elif size[0] >= 80:
                await pilot.press("3")
                await pilot.pause()
                text = screen_text(app)
                assert all(figure in text for figure in figures), size


async def test_without_colour_the_focus_the_cursors_and_the_lit_sentence_are_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under NO_COLOR (and a -mono TERM) nothing is told by colour alone: the focused list's
    cursor is reversed, an unfocused one underlined, the current fact's sentence reversed."""
    for env in ({"NO_COLOR": "1"}, {"TERM": "xterm-mono"}):
        monkeypatch.delenv("NO_COLOR", raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        app = make_app()
        assert app.no_color, env
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            firms, detail = app.query_one(FirmList), app.query_one("#detail", FactList)

            def cursor_style(widget: Union[FirmList, FactList], y: int) -> tuple[bool, bool]:
                styles = [segment.style for segment in widget.render_line(y) if segment.text.strip() and segment.style]
                return all(s.reverse for s in styles), all(s.underline for s in styles)

            assert cursor_style(firms, 0) == (True, False)  # focused: reversed
            assert cursor_style(detail, detail.header_height) == (False, True)  # unfocused: underlined
            await pilot.press("2")
            await pilot.pause()
            assert cursor_style(firms, 0) == (False, True) and cursor_style(detail, detail.header_height) == (True, False)
            article = app.query_one(ArticleView)
            fact = detail.fact
            assert fact is not None and fact.quote is not None
            line = article.line_of(fact.quote.start) - article.scroll_offset.y
            lit = [segment for segment in article.render_line(line) if segment.style and segment.style.reverse]
            assert lit and any(fact.quote.text.startswith(segment.text.strip()) for segment in lit if segment.text.strip())
            assert app.pane("detail").styles.border_top[0] == "heavy" and app.pane("firms").styles.border_top[0] == "round"
        for key in env:
            monkeypatch.delenv(key)


async def test_at_60_columns_the_help_wraps_each_description_under_its_own_column() -> None:
    app = make_app()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#help-keys", Static).render())
        lines = text.split("\n")
        column = max(len(key.shown) for key in KEYS) + 2
        starts = {key.shown for key in KEYS}
        for line in lines:
            # Every line is a key's first line or a continuation indented to the descriptions.
            assert any(line.startswith(shown) for shown in starts) or line.startswith(" " * column), line
        assert len(lines) > len(KEYS)  # some descriptions did wrap at this width
        assert all(len(line) <= 60 for line in lines)


async def test_the_palette_keys_command_opens_our_help() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"keys")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
