"""What a reader comes for is a key or two away at 80x24: iFLYTEK's investment is on
the first screen (its detail leads with the firm's facts, the news first), the
speaker one key away (`3`: the summary's figures block)."""

from __future__ import annotations

from typing import Any

from app_support import make_app, screen_text, settled

from tui.app.widgets.fact_list import FactList

SMALL = (80, 24)


def detail_lines(app: Any) -> list[str]:
    detail = app.query_one("#detail", FactList)
    return [detail.render_line(y).text.rstrip() for y in range(detail.size.height)]


async def test_iflytek_s_investment_is_on_the_first_screen() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settled(pilot)
        lines = detail_lines(app)
        label = next(i for i, line in enumerate(lines) if line.startswith("Investment"))
        # The value's figure, under its label, with no key pressed.
        assert any("HK$4 million" in line for line in lines[label : label + 5])
        assert "HK$4 million" in screen_text(app)


async def test_with_the_cursor_on_it_its_quote_is_two_keys_further() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2", "j", "j")
        await settled(pilot)
        detail = app.query_one("#detail", FactList)
        assert detail.fact is not None and detail.fact.label == "Investment"
        text = screen_text(app)
        assert "HK$4 million" in text and "“announced that iFlytek would" in text  # the docked quote


async def test_the_speaker_is_one_key_away() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settled(pilot)
        assert "Speaker" not in screen_text(app)  # the source pane is in front at launch
        await pilot.press("3")
        await settled(pilot)
        speaker = next(line for line in screen_text(app).splitlines() if "Speaker" in line)
        assert "Paul Chan" in speaker
