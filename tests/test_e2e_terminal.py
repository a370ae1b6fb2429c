"""End to end: the installed `oases-tui` in a real pseudo-terminal (tmux), driven by keys.

tmux runs the console script exactly as a user would; `capture-pane` reads the
screen back. Each test starts its own tmux server and kills only that server.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)")

APP = Path(sys.executable).parent / "oases-tui"


class Terminal:
    def __init__(self, command: str, width: int, height: int) -> None:
        self.socket = f"oases-test-{uuid.uuid4().hex[:8]}"
        env = {**os.environ, "TERM": "xterm-256color"}
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), f"{command}; echo __EXIT__$?; sleep 30", env=env)

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True, timeout=10, env=env)
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p")

    def styled_screen(self) -> list[list[tuple[frozenset[str], str]]]:
        """The screen with its attributes (``capture-pane -e``): each line as runs of text,
        each with the attributes it is drawn in ("bold", "underline", "reverse"), colours left out."""
        return [_attribute_runs(line) for line in self._tmux("capture-pane", "-p", "-e").split("\n")]

    def type(self, text: str) -> None:
        """``text`` in one go, as a fast typist or a paste without brackets delivers it."""
        self._tmux("send-keys", "-l", text)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", key)
            time.sleep(0.15)

    def wait_for(self, expected: str | Callable[[str], bool], timeout: float = 15.0) -> str:
        """The screen, once it shows ``expected`` (text, or a test of the screen)."""
        check = expected if callable(expected) else (lambda screen: expected in screen)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{expected!r} never came; the screen was:\n{screen}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    assert APP.exists(), f"the console script is not installed at {APP}"
    made: list[Terminal] = []

    def start(width: int = 120, height: int = 36, args: str = "", env: str = "", command: str = "") -> Terminal:
        """A terminal running ``env APP args`` (or ``command``, when given)."""
        made.append(Terminal(command or f"{env} {APP} {args}", width, height))
        return made[-1]

    yield start  # type: ignore[misc]
    for term in made:
        term.close()


_SGR_ATTRIBUTES = {"1": "bold", "4": "underline", "7": "reverse"}
_SGR_RESETS = {"22": "bold", "24": "underline", "27": "reverse"}


def _attribute_runs(line: str) -> list[tuple[frozenset[str], str]]:
    """A line of ``capture-pane -e`` output as (attributes, text) runs."""
    attributes: set[str] = set()
    runs: list[tuple[frozenset[str], str]] = []
    for match in re.finditer(r"\x1b\[([0-9;:]*)m|([^\x1b]+)", line):
        if match.group(2) is not None:
            runs.append((frozenset(attributes), match.group(2)))
            continue
        codes = (match.group(1) or "0").split(";")
        index = 0
        while index < len(codes):
            code = codes[index]
            if code in ("38", "48"):  # a colour: 5;n or 2;r;g;b follows
                index += 3 if index + 1 < len(codes) and codes[index + 1] == "5" else 5
                continue
            if code in ("", "0"):
                attributes.clear()
            elif code in _SGR_ATTRIBUTES:
                attributes.add(_SGR_ATTRIBUTES[code])
            elif code in _SGR_RESETS:
                attributes.discard(_SGR_RESETS[code])
            index += 1
    return runs


def _drawn_in(screen: list[list[tuple[frozenset[str], str]]], text: str) -> frozenset[str]:
    """The attributes of the first run on the screen that holds ``text``."""
    return next(attributes for line in screen for attributes, run in line if text in run)


def _cells(line: str) -> list[str]:
    """A screen line cut at the panes' side borders (light, or heavy for the focused pane)."""
    return re.split("[│┃]", line)


def detail_lines(screen: str) -> str:
    """The text inside the "2 Detail" pane (the left column below its title)."""
    lines = screen.splitlines()
    start = next((i for i, line in enumerate(lines) if "2 Detail" in line), len(lines))
    return "\n".join(_cells(line)[1] if len(_cells(line)) > 1 else "" for line in lines[start + 1 :])


def test_walk_the_firms_and_quit(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(120, 36)
    screen = term.wait_for(lambda screen: "Horizon Robotics" in screen and "iFLYTEK" in detail_lines(screen))
    term.keys("j")
    screen = term.wait_for(lambda screen: "Baidu Ai Cloud" in detail_lines(screen))
    detail = detail_lines(screen)
    assert "Baidu Ai Cloud" in detail and "iFLYTEK" not in detail
    term.keys("q")
    term.wait_for("__EXIT__0")


def test_small_terminal_help_and_quit(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(80, 24)
    term.wait_for("1 Firms")
    term.keys("?")
    term.wait_for("escape: close")
    term.keys("Escape")
    term.wait_for(lambda screen: "escape: close" not in screen and "1 Firms" in screen)
    term.keys("C-q")
    term.wait_for("__EXIT__0")


def test_bad_data_file_is_one_line_and_status_2(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n[source\n", encoding="utf-8")
    term = terminal(100, 10, f"--data {bad}")
    screen = term.wait_for("__EXIT__2")
    assert f"{bad}:2:" in screen and "Traceback" not in screen


def test_y_puts_the_firm_on_the_tmux_clipboard(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(120, 36)
    term._tmux("set-option", "-g", "set-clipboard", "on")
    term.wait_for(lambda screen: "iFLYTEK" in detail_lines(screen))
    term.keys("j", "j")  # China Year
    term.wait_for(lambda screen: "China Year" in detail_lines(screen))
    term.keys("y")
    term.wait_for("Copied China Year details")
    buffer = term._tmux("show-buffer")
    assert buffer.startswith("China Year\n")
    assert "Sector: Animation — “animation company China Year”" in buffer
    assert buffer.rstrip().endswith("Source: News article on the OASES signing ceremony with 17 firms")
    assert "tmux drops terminal copies" not in term.screen()


def test_tmux_without_set_clipboard_gets_the_one_line_fix(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(120, 36)
    term._tmux("set-option", "-g", "set-clipboard", "off")
    term.wait_for(lambda screen: "iFLYTEK" in detail_lines(screen))
    term.keys("y")
    screen = term.wait_for("tmux drops terminal copies")
    # No clipboard tool here either, so nothing reached a clipboard: the one message says so.
    assert "Not copied: tmux drops terminal copies" in screen and "set-clipboard on" in screen
    assert "Copied iFLYTEK" not in screen


def firms_lines(screen: str) -> str:
    """The text inside the "1 Firms" pane (the left column, above "2 Detail")."""
    lines = screen.splitlines()
    end = next((i for i, line in enumerate(lines) if "2 Detail" in line), len(lines))
    return "\n".join(_cells(line)[1] if len(_cells(line)) > 2 else "" for line in lines[1:end])


def test_search_robot_then_escape(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(120, 36)
    term.wait_for(lambda screen: "iFLYTEK" in firms_lines(screen))
    term.keys("/", *"robot")
    screen = term.wait_for(lambda screen: "2 of 8 firms" in firms_lines(screen))
    firms = firms_lines(screen)
    assert "Pudu Robotics" in firms and "Horizon Robotics" in firms
    assert "iFLYTEK" not in firms and "Prophesee" not in firms
    term.keys("Escape")
    screen = term.wait_for(lambda screen: "iFLYTEK" in firms_lines(screen))
    assert "Prophesee" in firms_lines(screen)


def test_keys_typed_in_one_go_after_the_slash_reach_the_field(terminal) -> None:  # type: ignore[no-untyped-def]
    """The first "/" mounts the search field; the keys already on their way must land in it,
    not in the list it was typed over (where "q" would quit)."""
    term = terminal(120, 36)
    term.wait_for(lambda screen: "iFLYTEK" in firms_lines(screen))
    term.type("/pudu")
    screen = term.wait_for(lambda screen: "1 of 8 firms" in firms_lines(screen))
    assert "/ pudu" in firms_lines(screen) and "Pudu Robotics" in firms_lines(screen)
    term.keys("Escape", "4")
    term.wait_for(lambda screen: "4 Source" in screen and "iFLYTEK" in firms_lines(screen))
    term.type("/sanctions")
    term.wait_for(lambda screen: "find: sanctions" in screen and "1 of 2" in screen)
    term.keys("Escape", "1")
    term.type("/quit")  # a "q" typed into the field is text, not the quit key
    screen = term.wait_for(lambda screen: "/ quit" in firms_lines(screen))
    assert "__EXIT__" not in screen


def test_resize_storm_settles(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(120, 36)
    term.wait_for(lambda screen: "iFLYTEK" in firms_lines(screen))
    for _ in range(20):
        term._tmux("resize-window", "-x", "200", "-y", "60")
        time.sleep(0.03)
        term._tmux("resize-window", "-x", "20", "-y", "6")
        time.sleep(0.03)
    term._tmux("resize-window", "-x", "120", "-y", "36")
    screen = term.wait_for(lambda screen: "4 Source" in screen and "3 Summary" in screen and "iFLYTEK" in detail_lines(screen))
    assert "Horizon Robotics" in firms_lines(screen)
    term._tmux("resize-window", "-x", "80", "-y", "24")
    screen = term.wait_for(lambda screen: "3: summary" in screen and "2 Detail" in screen)
    term.keys("q")
    term.wait_for("__EXIT__0")


@pytest.mark.parametrize(
    "env",
    ["NO_COLOR=1", "TERM=xterm", "TERM=xterm-mono", "LANG=C LC_ALL=C", "LANG=C LC_ALL=C PYTHONUTF8=0 PYTHONCOERCECLOCALE=0"],
)
def test_hostile_terminal_settings_stay_usable(terminal, env: str) -> None:  # type: ignore[no-untyped-def]
    term = terminal(100, 30, env=env)
    screen = term.wait_for(lambda screen: "iFLYTEK" in detail_lines(screen))
    assert "Horizon Robotics" in firms_lines(screen) and "4 Source" in screen
    term.keys("j")
    term.wait_for(lambda screen: "Baidu Ai Cloud" in detail_lines(screen))
    term.keys("/", *"robot")
    term.wait_for(lambda screen: "2 of 8 firms" in firms_lines(screen))
    term.keys("Escape", "q")
    screen = term.wait_for("__EXIT__")
    assert "__EXIT__0" in screen and "Traceback" not in screen


CRASHING_APP = (
    "import sys; from tui import cli; from tui.app.oases_app import OasesApp; "
    "OasesApp.action_help = lambda self: 1 / 0; sys.exit(cli.main(sys.argv[1:]))"
)
"""oases-tui with its help action made to fail, standing in for any bug in the app."""


def crash(terminal, args: str = "") -> str:  # type: ignore[no-untyped-def]
    """The screen once the crashing app, opened and then asked for help, has exited."""
    term = terminal(100, 30, command=f"{sys.executable} -c '{CRASHING_APP}' {args}")
    term.wait_for(lambda screen: "iFLYTEK" in detail_lines(screen))
    term.keys("?")
    return term.wait_for("__EXIT__")  # type: ignore[no-any-return]


def test_an_unexpected_error_restores_the_terminal_and_says_what_to_report(terminal) -> None:  # type: ignore[no-untyped-def]
    screen = crash(terminal)
    assert "__EXIT__1" in screen
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[0] == "oases-tui stopped on an unexpected error: ZeroDivisionError: division by zero"
    assert lines[1].startswith("Please report it with the command you ran and oases-tui ")
    assert "Traceback" not in screen and "1 Firms" not in screen  # the app's screen is gone: terminal restored


def test_with_debug_an_unexpected_error_shows_textuals_traceback(terminal) -> None:  # type: ignore[no-untyped-def]
    screen = crash(terminal, "--debug")
    assert "__EXIT__1" in screen
    assert "Traceback (most recent call last)" in screen and "ZeroDivisionError: division by zero" in screen
    assert "Please report it" not in screen and "1 Firms" not in screen  # the full report instead; terminal restored


def source_lines(screen: str) -> str:
    """The text inside the "4 Source" pane (the right column below its title)."""
    lines = screen.splitlines()
    start = next((i for i, line in enumerate(lines) if "4 Source" in line), len(lines))
    return "\n".join(_cells(line)[3] if len(_cells(line)) > 3 else "" for line in lines[start + 1 :])


def test_find_sanctions_in_the_source_then_ask_a_sentence_who_cites_it(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(120, 36)
    term.wait_for(lambda screen: "16 of 16 sentences cited" in screen)
    term.keys("4", "/", *"sanctions")
    screen = term.wait_for(lambda screen: "1 of 2" in source_lines(screen))
    assert "find: sanctions" in source_lines(screen)
    term.keys("Down", "n")
    screen = term.wait_for(lambda screen: "2 of 2" in source_lines(screen))
    assert "cited by: iFLYTEK · Why sanctioned, Outlook" in source_lines(screen)  # the cursor follows the match
    term.keys("Escape")
    screen = term.wait_for(lambda screen: "find:" not in source_lines(screen))
    term.keys("g", "j")  # "Among these companies is iFLYTEK…"
    screen = term.wait_for(lambda screen: "cited by: iFLYTEK · Origin, Sector, Signed, US" in source_lines(screen))
    term.keys("Enter")
    screen = term.wait_for(lambda screen: "← Firms" in screen.splitlines()[-1])  # the detail has the focus
    assert "iFLYTEK" in detail_lines(screen) and "cited by:" not in screen
    term.keys("q")
    term.wait_for("__EXIT__0")


def test_without_colour_focus_cursors_and_the_lit_sentence_show_as_attributes(terminal) -> None:  # type: ignore[no-untyped-def]
    """Under NO_COLOR, what `capture-pane -e` holds tells the focused pane, the cursors and the
    lit sentence apart by attributes, not only by shades of grey."""
    term = terminal(120, 36, env="NO_COLOR=1")
    term.wait_for(lambda screen: "Horizon Robotics" in screen and "Investment" in screen)
    screen = term.styled_screen()
    assert {"reverse", "bold"} <= _drawn_in(screen, "iFLYTEK           Chinese")  # the focused list's cursor
    assert "reverse" not in _drawn_in(screen, "Baidu Ai Cloud")
    lit = _drawn_in(screen, "Among these companies")  # the firm's sentence: underlined, not reversed
    assert "underline" in lit and "reverse" not in lit
    term.keys("2", "j", "j")  # the detail, on iFLYTEK's investment
    text = term.wait_for(lambda screen: "┏━ 2 Detail" in screen)
    assert "╭─ 1 Firms" in text  # the focused pane's border is heavy, the others light: a shape, not a colour
    screen = term.styled_screen()
    assert {"reverse", "bold"} <= _drawn_in(screen, "Investment  ")  # the focused cursor
    firm_cursor = _drawn_in(screen, "iFLYTEK")  # (the list is above the detail)
    assert "underline" in firm_cursor and "reverse" not in firm_cursor  # an unfocused cursor: quiet, but there
    assert "reverse" in _drawn_in(screen, "Tao Xiaodong, CEO of")  # the current fact's sentence, in the source
    assert "bold" in _drawn_in(screen, "2 Detail")  # and the focused pane's title
