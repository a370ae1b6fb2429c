"""End to end: searching every fact in the installed `oases-tui`, in a real terminal (tmux).

Uses the tmux terminal of tests/test_e2e_terminal.py (each test its own tmux server).
"""

from __future__ import annotations

import re
import shutil

import pytest
from test_e2e_terminal import _cells, firms_lines, terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)")

__all__ = ["terminal"]  # the fixture, used by name


def summary_lines(screen: str) -> str:
    """The text inside the "3 Summary" pane (the right column, above "4 Source")."""
    lines = screen.splitlines()
    end = next((i for i, line in enumerate(lines) if "4 Source" in line), len(lines))
    return "\n".join(_cells(line)[-2] if len(_cells(line)) > 2 else "" for line in lines[1:end])


def test_paul_chan_then_enter_lands_on_the_speaker(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(120, 36)
    term.wait_for(lambda screen: "iFLYTEK" in firms_lines(screen))
    term.keys("/")
    term.wait_for("/ Search firms")  # the field is open (on a busy machine, keys sooner go elsewhere)
    term._tmux("send-keys", "-l", "paul chan")
    screen = term.wait_for(lambda screen: "0 of 8 firms · 2 facts" in firms_lines(screen) and "Summary · Highlighted" in screen)
    firms = firms_lines(screen)
    assert "Summary · Speaker: Paul Chan, the city’s financial chief" in firms
    assert firms.index("Summary · Speaker") < firms.index("Summary · Highlighted")
    term.keys("Enter")
    # The summary has the focus (its heavy border) and docks the Speaker's quote under its facts.
    screen = term.wait_for(lambda screen: "━ 3 Summary" in screen and "─ Quote" in summary_lines(screen))
    assert "“The city’s financial chief, Paul" in summary_lines(screen)


def test_tao_is_iflytek_by_tao_xiaodong(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(80, 24)
    term.wait_for(lambda screen: "iFLYTEK" in firms_lines(screen))
    term.keys("/")
    term.wait_for("/ Search firms")
    term.keys("t", "a", "o")
    screen = term.wait_for(lambda screen: "1 of 8 firms" in firms_lines(screen) and "Person: Tao" in screen)
    firms = firms_lines(screen)
    assert re.search(r"^\s*iFLYTEK\s+Person: Tao", firms, re.MULTILINE)
    assert all(name not in firms for name in ("Baidu", "China Year", "BeyonCa", "Pudu", "Horizon", "Digital Domain", "Prophesee"))
