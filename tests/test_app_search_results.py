"""Search results in the app: why each firm matched, the summary's facts after the firms, loose matches
marked, and enter landing on the matched fact in its pane with its sentence lit."""

from __future__ import annotations

from pathlib import Path

from app_support import make_app, screen_text, settled
from textual.widgets import Static

from tui.app.oases_app import OasesApp
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_list import FirmList
from tui.app.widgets.search_results import LOOSE_MARK, SUMMARY_PREFIX
from tui.core.resources import bundled_dataset

SIZE = (120, 36)


def row_text(app: OasesApp, row: int) -> str:
    firm_list = app.query_one(FirmList)
    return firm_list.render_line(row - firm_list.scroll_offset.y).text


def marked_words(app: OasesApp, row: int) -> list[str]:
    """The runs of a row drawn in the match style (bold and underlined)."""
    firm_list = app.query_one(FirmList)
    strip = firm_list.render_line(row - firm_list.scroll_offset.y)
    return [segment.text for segment in strip if segment.style is not None and segment.style.underline and segment.text.strip()]


def focused(app: OasesApp) -> object:
    """What has the focus now (a function: mypy would keep a narrowed ``app.focused`` across keys)."""
    return app.focused


def names(app: OasesApp) -> list[str]:
    return [firm.name for firm in app.query_one(FirmList).firms]


async def test_paul_chan_finds_the_speaker_and_enter_lands_on_it_in_the_summary() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"paul chan")
        firm_list = app.query_one(FirmList)
        assert names(app) == []  # no firm: the summary's facts are the results
        assert [reason.label for reason in firm_list.summary_facts] == ["Speaker", "Highlighted"]
        assert row_text(app, 0).startswith(f"{SUMMARY_PREFIX}Speaker: Paul Chan, the city’s financial chief")
        assert "".join(marked_words(app, 0)).replace(" ", "") == "PaulChan"
        assert "0 of 8 firms · 2 facts" in str(app.query_one("#search-count", Static).render())
        speaker = firm_list.summary_facts[0].fact
        assert speaker is not None and speaker.quote is not None
        await pilot.press("enter")
        await settled(pilot)
        summary = app.query_one("#summary", FactList)
        assert focused(app) is summary
        assert summary.fact is speaker
        article = app.query_one(ArticleView)
        assert article.focus_sentences == [(speaker.quote.sentence_start, speaker.quote.sentence_end)]
        assert "The city’s financial chief, Paul Chan, gave a speech" in app.dataset.source.text[slice(*article.focus_sentences[0])]


async def test_moving_onto_a_summary_result_lights_its_sentence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"speech", "down")
        firm_list = app.query_one(FirmList)
        assert app.focused is firm_list
        fact = firm_list.summary_facts[0].fact
        assert fact is not None and fact.label == "Speech" and fact.quote is not None
        assert app.query_one(ArticleView).focus_quotes == [(fact.quote.start, fact.quote.end)]
        await pilot.press("j")
        speaker = firm_list.summary_facts[1]
        assert speaker.label == "Speaker" and "speech" in marked_words(app, 1)
        assert speaker.fact is not None and speaker.fact.quote is not None
        assert app.query_one(ArticleView).focus_quotes == [(speaker.fact.quote.start, speaker.fact.quote.end)]


async def test_tao_lists_iflytek_only_because_of_tao_xiaodong() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"tao")
        assert names(app) == ["iFLYTEK"]
        assert not app.query_one(FirmList).summary_facts
        row = row_text(app, 0)
        assert row.startswith("iFLYTEK") and "Person: Tao Xiaodong" in row
        assert marked_words(app, 0) == ["Tao"]
        assert "1 of 8 firms" in screen_text(app)


async def test_ai_lists_the_ai_firms_before_any_loose_match() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"ai")
        firm_list = app.query_one(FirmList)
        found = names(app)
        assert found[:2] == ["iFLYTEK", "Baidu Ai Cloud"]  # sectors "Artificial intelligence", "AI developer"
        loose = [row for row in range(len(found)) if any(reason.loose for reason in firm_list.reasons(row))]
        assert loose, "Dom-ai-n is a loose match"
        assert min(loose) >= 2 and loose == list(range(min(loose), len(found)))  # after every firm matching at a word start
        assert found[loose[0]] == "Digital Domain"
        assert LOOSE_MARK in row_text(app, loose[0])  # marked by a sign, not colour alone
        assert all(LOOSE_MARK not in row_text(app, row) for row in range(min(loose)))


async def test_enter_on_a_firm_lands_on_the_fact_that_matched() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"sanctions", "enter")
        firm_list = app.query_one(FirmList)
        assert app.focused is firm_list and names(app) == ["iFLYTEK"]
        assert "US sanctions: Under US sanctions" in row_text(app, 0)
        await pilot.press("enter")
        await settled(pilot)
        detail = app.query_one(FirmFacts)
        assert focused(app) is detail
        assert detail.fact is not None and detail.fact.label == "US sanctions"
        assert detail.fact.quote is not None
        quote = detail.fact.quote
        assert app.query_one(ArticleView).focus_sentences == [(quote.sentence_start, quote.sentence_end)]


async def test_outside_a_search_enter_still_goes_to_the_detail_and_rows_show_origin_and_sector() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert "Chinese · Artificial intelligence" in row_text(app, 0)
        await pilot.press("enter")
        assert app.focused is app.query_one(FirmFacts)


async def test_data_in_a_reason_is_text_not_markup(tmp_path: Path) -> None:
    text = bundled_dataset().read_text(encoding="utf-8")
    path = tmp_path / "markup.toml"
    path.write_text(text.replace('name = "Tao Xiaodong"', 'name = "Tao [bold]Xiaodong[/bold]"'), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"tao")
        assert "Person: Tao [bold]Xiaodong[/bold]" in row_text(app, 0)


async def test_y_on_a_summary_result_copies_that_fact() -> None:
    from tui.core import formats

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash", *"42 billion", "down")
        fact = app.query_one(FirmList).summary_facts[0].fact
        assert fact is not None and fact.label == "Expected investment"
        await pilot.press("y")
        assert app.clipboard == formats.fact_text(app.dataset, None, fact)
        assert "HK$42 billion" in app.clipboard


async def test_letters_in_order_give_way_to_a_summary_fact_that_matches() -> None:
    from tui.core.search import FirmSearch

    app = make_app()
    search = FirmSearch(app.dataset.firms)
    assert search.search("lee") and search.loose  # iFLYTEK, by l…e…e in its CEO's role only
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"lee")
        firm_list = app.query_one(FirmList)
        assert names(app) == []
        assert [reason.label for reason in firm_list.summary_facts] == ["Announced"]  # "By Lee, in his 2022 Policy Address"
        assert "Lee" in marked_words(app, 0)
