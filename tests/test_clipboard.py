"""Native clipboard delivery, with fake tools on PATH (no display or real clipboard needed)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional

import pytest
from support import fake_tool

from tui.core.native_clipboard import TMUX_FIX, copy_native, native_command, served_in_browser, tmux_clipboard_problem

posix_only = pytest.mark.skipif(os.name != "posix", reason="the fake tools are shell scripts")

TEXT = "iFLYTEK — Investment: HK$4 million\n“iFlytek would invest” 中文 ‮ \x1b[0m ✓"


@pytest.fixture
def on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder put first on PATH for fake tools."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return folder


# ---------------------------------------------------------------------------
# Which tool


def which_of(*installed: str) -> Any:
    return lambda name: f"/usr/bin/{name}" if name in installed else None


ALL_TOOLS = ("wl-copy", "xclip", "xsel", "pbcopy", "clip.exe")


@pytest.mark.parametrize(
    ("platform", "env", "installed", "expected"),
    [
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ALL_TOOLS, ["wl-copy"]),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ("xclip",), ["xclip", "-selection", "clipboard"]),
        ("linux", {"DISPLAY": ":0"}, ALL_TOOLS, ["xclip", "-selection", "clipboard"]),
        ("linux", {"DISPLAY": ":0"}, ("xsel", "wl-copy"), ["xsel", "--clipboard", "--input"]),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, ("xclip",), None),  # no X display: xclip cannot work
        ("linux", {}, ALL_TOOLS, None),  # a console or an ssh session: no native clipboard
        ("linux", {"WSL_DISTRO_NAME": "Ubuntu"}, ALL_TOOLS, ["clip.exe"]),
        ("linux", {"WSL_DISTRO_NAME": "Ubuntu", "DISPLAY": ":0"}, ("clip.exe",), ["clip.exe"]),
        ("darwin", {}, ALL_TOOLS, ["pbcopy"]),
        ("darwin", {"DISPLAY": ":0"}, ALL_TOOLS, ["pbcopy"]),
        ("darwin", {}, (), None),
        ("win32", {}, ALL_TOOLS, ["clip.exe"]),
    ],
)
def test_native_command(platform: str, env: dict[str, str], installed: tuple[str, ...], expected: Optional[list[str]]) -> None:
    assert native_command(platform=platform, env=env, which=which_of(*installed)) == expected


# ---------------------------------------------------------------------------
# Delivery


@posix_only
def test_copy_native_delivers_exactly_the_text(on_path: Path, tmp_path: Path) -> None:
    received = tmp_path / "received"
    fake_tool(on_path, "xclip", f'printf "%s\\n" "$@" > "{tmp_path}/args"\ncat > "{received}"')
    command = native_command(platform="linux", env={"DISPLAY": ":0"})
    assert command == ["xclip", "-selection", "clipboard"]
    assert copy_native(TEXT, command) is None
    assert received.read_bytes() == TEXT.encode("utf-8")
    assert (tmp_path / "args").read_text(encoding="utf-8") == "-selection\nclipboard\n"


@posix_only
def test_a_tool_that_stays_behind_does_not_hold_up_the_copy(on_path: Path, tmp_path: Path) -> None:
    # xclip and wl-copy fork a child that keeps serving the clipboard (and inherits the output).
    received = tmp_path / "received"
    fake_tool(on_path, "wl-copy", f'cat > "{received}"\n(sleep 5) &\nexit 0')
    started = time.monotonic()
    assert copy_native("text", ["wl-copy"], timeout=3) is None
    assert time.monotonic() - started < 2
    assert received.read_text(encoding="utf-8") == "text"


@posix_only
def test_a_hanging_tool_is_killed_at_the_timeout(on_path: Path, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    fake_tool(on_path, "xclip", f'sleep 30 &\necho "$$ $!" > "{pids}"\nwait')
    started = time.monotonic()
    reason = copy_native(TEXT, ["xclip", "-selection", "clipboard"], timeout=0.5)
    elapsed = time.monotonic() - started
    assert reason == "xclip did not finish within 0.5 s and was stopped"
    assert elapsed < 2.5
    for pid in map(int, pids.read_text(encoding="utf-8").split()):
        assert not running(pid), f"process {pid} still running"


def running(pid: int) -> bool:
    """Whether ``pid`` is alive (a zombie waiting to be reaped counts as gone)."""
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as stat_file:
                state = stat_file.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return False
        except OSError:  # no /proc: fall back to signal 0
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return False
            return True
        if state in ("Z", "X"):
            return False
        time.sleep(0.05)
    return True


@posix_only
def test_a_failing_tool_gives_its_reason(on_path: Path) -> None:
    fake_tool(on_path, "xsel", 'cat > /dev/null\necho "xsel: Can\'t open display: (null)" >&2\nexit 1')
    assert copy_native(TEXT, ["xsel", "--clipboard", "--input"]) == "xsel failed (exit status 1): xsel: Can't open display: (null)"


@posix_only
def test_a_silent_failure_still_gives_a_reason(on_path: Path) -> None:
    fake_tool(on_path, "pbcopy", "exit 3")
    assert copy_native(TEXT, ["pbcopy"]) == "pbcopy failed (exit status 3)"


@posix_only
def test_a_tool_that_cannot_run(on_path: Path) -> None:
    tool = on_path / "wl-copy"
    tool.write_text("not executable", encoding="utf-8")
    tool.chmod(0o644)
    reason = copy_native(TEXT, [str(tool)])
    assert reason is not None and reason.startswith("wl-copy could not be started: ")


def test_a_missing_tool(on_path: Path) -> None:
    assert copy_native(TEXT, ["no-such-clipboard-tool-xyz"]) == "no-such-clipboard-tool-xyz is not installed"
    assert copy_native(TEXT, []) == "no clipboard command"


@posix_only
def test_clip_exe_gets_utf16_with_a_byte_order_mark(on_path: Path, tmp_path: Path) -> None:
    received = tmp_path / "received"
    fake_tool(on_path, "clip.exe", f'cat > "{received}"')
    assert copy_native("HK$4 中文", ["clip.exe"]) is None
    assert received.read_bytes() == b"\xff\xfe" + "HK$4 中文".encode("utf-16-le")


# ---------------------------------------------------------------------------
# tmux


def fake_run(stdout: str = "", returncode: int = 0, error: Optional[BaseException] = None) -> Any:
    calls: list[Any] = []

    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append((args, kwargs))
        if error is not None:
            raise error
        return subprocess.CompletedProcess(args, returncode, stdout=stdout, stderr="")

    run.calls = calls  # type: ignore[attr-defined]
    return run


def test_outside_tmux_there_is_nothing_to_say() -> None:
    run = fake_run("off\n")
    assert tmux_clipboard_problem(env={}, run=run) is None
    assert run.calls == []


TMUX = {"TMUX": "/tmp/tmux-1000/default,1234,0"}


def test_tmux_with_set_clipboard_on() -> None:
    run = fake_run("on\n")
    assert tmux_clipboard_problem(env=TMUX, run=run) is None
    [(args, kwargs)] = run.calls
    assert args == ["tmux", "show-options", "-gv", "set-clipboard"]
    assert kwargs["timeout"] == 1


@pytest.mark.parametrize("answer", ["external\n", "off\n", ""])
def test_tmux_without_set_clipboard_on_gets_the_fix(answer: str) -> None:
    assert tmux_clipboard_problem(env=TMUX, run=fake_run(answer)) == TMUX_FIX
    assert TMUX_FIX == "tmux drops terminal copies: add `set -g set-clipboard on` to ~/.tmux.conf"


@pytest.mark.parametrize(
    "error",
    [FileNotFoundError("tmux"), subprocess.TimeoutExpired(["tmux"], 1), PermissionError("denied")],
)
def test_tmux_that_cannot_be_asked_is_no_error(error: BaseException) -> None:
    assert tmux_clipboard_problem(env=TMUX, run=fake_run(error=error)) is None
    assert tmux_clipboard_problem(env=TMUX, run=fake_run("", returncode=1)) is None


@pytest.mark.parametrize(
    ("driver", "served"),
    [
        ("textual.drivers.web_driver:WebDriver", True),  # what textual-serve sets
        ("textual.drivers.linux_driver:LinuxDriver", False),
        ("", False),
        (None, False),
    ],
)
def test_served_in_browser_reads_the_driver_textual_serve_sets(driver: Optional[str], served: bool) -> None:
    env = {"TERM_PROGRAM": "textual"} if driver is None else {"TEXTUAL_DRIVER": driver}
    assert served_in_browser(env) is served


def test_the_data_layer_does_not_import_textual() -> None:
    code = "import sys, tui.core.native_clipboard, tui.core.formats; sys.exit('textual' in sys.modules or 'rich' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
