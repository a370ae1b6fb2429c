"""The source pane's sentence cursor: who cites the sentence, enter to the fact, uncited sentences marked."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pytest
from app_support import make_app, screen_text, settled
from textual.pilot import Pilot

from tui.app.oases_app import OasesApp
from tui.app.widgets.article_view import CURSOR_MARK, GUTTER, UNCITED_MARK
from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_list import FirmList
from tui.app.widgets.source_pane import SourcePane
from tui.core.resources import bundled_dataset

WIDE = (120, 36)
SMALL = (80, 24)
UNCITED = "Nothing in this closing line is quoted by any fact."


def source(app: OasesApp) -> SourcePane:
    return app.query_one(SourcePane)


def focused(app: OasesApp) -> Optional[object]:
    return app.focused


async def ready(pilot: Pilot[Any]) -> None:
    await settled(pilot)


async def to_source(pilot: Pilot[Any], *keys: str) -> None:
    await ready(pilot)
    await pilot.press("4", *keys)
    await pilot.pause()


def gutters(view: SourcePane) -> list[tuple[str, str]]:
    """Each line in view: its gutter and its text."""
    lines = []
    for y in range(view.shown_height):
        text = view.render_line(y).text
        lines.append((text[:GUTTER], text[GUTTER:].rstrip()))
    return lines


def with_an_uncited_sentence(tmp_path: Path) -> Path:
    """The bundled dataset, its article ending with a paragraph no fact quotes."""
    text = bundled_dataset().read_text(encoding="utf-8")
    start = text.index("text = '''")
    end = text.index("'''", start + len("text = '''"))
    path = tmp_path / "uncited.toml"
    path.write_text(text[:end].rstrip("\n") + "\n" + UNCITED + "\n" + text[end:], encoding="utf-8")
    return path


async def test_j_and_k_and_brackets_move_the_cursor_by_sentence_and_mark_it_in_the_gutter() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await to_source(pilot)
        view = source(app)
        spans = app.dataset.sentences.spans
        assert view.cursor == 0 and view.cursor_sentence == spans[0]  # the first sentence in view
        await pilot.press("j")
        assert view.cursor == 1 and view.cursor_sentence == spans[1]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert view.cursor == 3
        await pilot.press("left_square_bracket", "k")
        assert view.cursor == 1
        await pilot.pause()
        marked = [text for mark, text in gutters(view) if mark.strip() == CURSOR_MARK]
        sentence = app.dataset.sentences.text_of(1)
        assert marked and " ".join(marked).endswith("under US sanctions since 2019.")
        assert "Among these companies is iFLYTEK" in " ".join(marked) and sentence.endswith("since 2019.")
        await pilot.press("G")
        assert view.cursor == len(spans) - 1
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await pilot.press("k")  # at the first already: stays
        assert view.cursor == 0


async def test_the_arrows_still_scroll_without_moving_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await to_source(pilot, "j")
        view = source(app)
        top = view.scroll_offset.y
        await pilot.press("down", "down")
        assert view.scroll_offset.y == top + 2 and view.cursor == 1


async def test_the_iflytek_sentence_says_which_facts_cite_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await to_source(pilot, "j")
        text = screen_text(app)
        assert "cited by: iFLYTEK · Origin, Sector, Signed, US" in text and "sanctions" in text.split("cited by:")[1]
        sentence = source(app).cursor_coverage
        assert sentence is not None
        assert [citation.fact.label for citation in sentence.citations] == ["Origin", "Sector", "Signed", "US sanctions"]


async def test_enter_goes_to_the_first_citing_fact_and_again_to_the_next() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G")  # away from iFLYTEK: the firm list must follow
        await to_source(pilot)
        view = source(app)
        view.move_cursor(1)  # "Among these companies is iFLYTEK…"
        await pilot.press("enter")
        await pilot.pause()
        detail = app.query_one(FirmFacts)
        assert focused(app) is detail
        assert app.query_one(FirmList).firm is not None and app.query_one(FirmList).firm.name == "iFLYTEK"  # type: ignore[union-attr]
        assert detail.fact is not None and detail.fact.label == "Origin"
        assert view.focus_sentence == app.dataset.sentences.spans[1]  # its sentence lit
        await pilot.press("4", "enter")
        await pilot.pause()
        assert focused(app) is detail and detail.fact is not None and detail.fact.label == "Sector"
        assert view.focus_sentence == app.dataset.sentences.spans[1]


async def test_enter_on_a_summary_sentence_goes_to_the_summary() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await to_source(pilot, "g")  # "Seventeen companies…": the summary's Date and Purpose
        assert "cited by: Summary · Date, Purpose" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        summary = app.query_one("#summary", FactList)
        assert focused(app) is summary and summary.fact is not None and summary.fact.label == "Date"
        assert source(app).focus_sentence == app.dataset.sentences.spans[0]


async def test_the_title_says_how_many_sentences_are_cited() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert source(app).border_title == "4 Source · 16 of 16 sentences cited"
        assert "4 Source · 16 of 16 sentences cited" in screen_text(app)


async def test_an_uncited_sentence_is_marked_counted_and_said_so(tmp_path: Path) -> None:
    app = make_app(with_an_uncited_sentence(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        view = source(app)
        assert view.border_title == "4 Source · 16 of 17 sentences cited"
        await pilot.press("4", "G")
        await pilot.pause()
        assert view.cursor == 16
        assert "not cited by any fact" in screen_text(app)
        await pilot.press("k")  # off it: the gutter shows the uncited mark, not the cursor's
        await pilot.pause()
        assert (UNCITED_MARK, UNCITED) in [(mark.strip(), text.strip()) for mark, text in gutters(view)]
        await pilot.press("j", "enter")  # no fact to go to
        await pilot.pause()
        assert focused(app) is view
        assert "To the fact" not in screen_text(app).splitlines()[-1]  # nor is enter offered


async def test_without_colour_an_uncited_sentence_is_dimmed_and_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(with_an_uncited_sentence(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("4", "G", "k")
        await pilot.pause()
        view = source(app)
        line = next(y for y in range(view.shown_height) if view.render_line(y).text[GUTTER:].strip() == UNCITED)
        segments = [segment for segment in view.render_line(line) if segment.text.strip()]
        assert segments[0].text.strip() == UNCITED_MARK
        assert all(segment.style is not None and segment.style.dim for segment in segments[1:])


async def test_the_cursor_and_its_line_show_only_while_the_pane_has_the_focus() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await to_source(pilot, "j")
        view = source(app)
        assert any(mark.strip() == CURSOR_MARK for mark, _ in gutters(view))
        await pilot.press("1")
        await pilot.pause()
        assert not any(mark.strip() == CURSOR_MARK for mark, _ in gutters(view))
        assert "cited by:" not in screen_text(app)
        await pilot.press("4")
        await pilot.pause()
        assert view.cursor == 1 and "cited by: iFLYTEK" in screen_text(app)  # where it was left
