"""The browser as a user drives it: panes, keys, and provenance highlighting (Pilot tests)."""

from __future__ import annotations

from pathlib import Path

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
        note = app.query_one("#unnamed-note", Static)
        assert str(note.render()) == "+ 9 further firms signed but are not named in the source."
        assert note.region.y > app.query_one(FirmList).region.y  # below the named firms
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
        assert "Sector: not stated in the source" in text
        assert "Origin: American" in text
        assert "“American company Digital Domain”" in text


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
        quoted = [fact for fact in summary.facts if fact.label != "Named in the article"]
        assert all(fact.quote is not None for fact in quoted)
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
        await pilot.press("slash")
        assert app.pane_of(app.focused) == "firms"


async def test_source_pane_scrolls_with_the_keys() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        article = app.query_one(ArticleView)
        assert app.focused is article
        await pilot.press("g")
        assert article.scroll_offset.y == 0
        await pilot.press("j", "j")
        assert article.scroll_offset.y == 2
        await pilot.press("k")
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
            for entry in KEYS:
                assert entry.shown in text and entry.does in text
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
        await pilot.click(FirmList, offset=(3, 4))  # the third row (two lines a row)
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
        facts = " ".join(f"{f.label}: {f.value} {f.quote.text if f.quote else ''}" for f in detail.facts)
        words = set(f"{header} {facts}".split())
        shown = [word for line in lines for word in line.split()]
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
    app = make_app()  # eight firms: 2 lines each, a blank line, the note, the border = 21
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.pane("firms").outer_size.height == 21 and "Prophesee" in screen_text(app)
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        # Taller, the summary (40% of 59 lines) sets the floor, and the detail gets the rest.
        assert app.pane("firms").outer_size.height == 25 and app.pane("summary").outer_size.height == 24
        assert app.pane("detail").outer_size.height == 59 - 25
    app = make_app(write_synthetic(tmp_path / "many.toml", 100))
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert app.pane("firms").outer_size.height == 35  # 60% of 59: a long list takes its share


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
