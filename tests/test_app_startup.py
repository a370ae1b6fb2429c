"""What start-up promises: the first frame already shows the first firm in full, and the CLI hears when it is painted."""

from __future__ import annotations

from app_support import screen_text, until

from tui.app.oases_app import OasesApp
from tui.app.widgets.article_view import GUTTER, ArticleView
from tui.app.widgets.firm_facts import FirmFacts
from tui.core.loader import load_dataset
from tui.core.resources import bundled_dataset


async def test_the_first_frame_shows_the_first_firm_its_facts_and_its_sentences() -> None:
    seen: list[str] = []
    app = OasesApp(load_dataset(bundled_dataset()), after_first_frame=lambda: seen.append(screen_text(app)))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert len(seen) == 1  # once, however many frames follow
        first = app.dataset.firms[0]
        # Without a key: the figures, every firm, and the first firm's facts with their values.
        for expected in ("17: 15 mainland China", "67 strategic", "HK$42 billion", "17,000", "Paul Chan", "Seventeen companies"):
            assert expected in seen[0], expected
        for firm in app.dataset.firms:
            assert firm.name in seen[0], firm.name
        lines = seen[0].splitlines()
        shown = [
            fact
            for fact in first.fact_rows()
            if fact.value is not None and any(line.startswith(f"│ {fact.label} ") and fact.value.split()[0] in line for line in lines)
        ]
        assert len(shown) >= 10, [fact.label for fact in shown]
        investment = next(n for n, line in enumerate(lines) if line.startswith("│ Investment "))
        assert "HK$4" in " ".join(lines[investment : investment + 2])  # the figure in the value's first two rows
        assert app.query_one(FirmFacts).firm is first
        assert app.query_one(ArticleView).firm_sentences  # lit up from the start


async def test_the_first_firm_is_shown_once_not_again_when_the_list_announces_it() -> None:
    app = OasesApp(load_dataset(bundled_dataset()))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        detail = app.query_one(FirmFacts)
        rows = detail.rows
        detail.show_firm(app.dataset.firms[0])
        assert detail.rows is rows  # nothing rebuilt, nothing repainted
        await pilot.press("j")
        assert detail.firm is app.dataset.firms[1] and detail.rows is not rows


def test_the_collector_is_back_and_start_up_frozen_once_the_first_frame_is_painted() -> None:
    import gc

    from tui.cli import _start_up_done

    gc.disable()  # as run_app does before loading
    try:
        before = gc.get_freeze_count()
        _start_up_done()
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
        gc.enable()


async def test_the_source_pane_is_wrapped_in_full_once_the_first_frame_is_painted() -> None:
    from tui.app.widgets.text_wrap import wrap_lines

    app = OasesApp(load_dataset(bundled_dataset()))
    async with app.run_test(size=(120, 36)) as pilot:
        article = app.query_one(ArticleView)
        await until(pilot, lambda: article.laid_out)  # the rest is wrapped after the first frame
        assert article._lines == list(wrap_lines(article.text, article.scrollable_content_region.width - GUTTER))
        assert article.virtual_size.height == len(article._lines)
        last = len(article.text) - 1
        assert article.line_of(last) == len(article._lines) - 1
