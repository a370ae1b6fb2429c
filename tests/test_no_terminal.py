"""With no terminal the browser refuses in one line, before Textual is imported; served, it runs.

Cron, ``nohup``, ``ssh`` without ``-t`` and ``oases-tui > file`` give the app no
terminal on one side or the other: it must say so and name ``export``, not fill a
log with escape codes and wait forever. textual-serve runs it over pipes with
``TEXTUAL_DRIVER`` naming Textual's web driver, and that must keep working.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

from ptyrun import run_to_exit
from support import ROOT, run_python, run_tui
from test_package import imported_modules

from tui import exit_codes

APP = Path(sys.executable).parent / "oases-tui"
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def test_no_terminal_at_all_is_one_line_naming_export(tmp_path: Path) -> None:
    result = run_python("-X", "importtime", "-m", "tui", cwd=tmp_path, timeout=20)  # stdin and stdout are pipes
    problem = [line for line in result.err.splitlines() if not line.startswith("import time:")]
    assert result.status == exit_codes.BAD_INPUT
    assert result.out == ""
    assert problem == [
        "oases-tui: the browser needs a terminal, but standard input, output and error are not terminals;"
        " `oases-tui export` writes the facts out without one (see oases-tui --help)"
    ]
    assert "textual" not in imported_modules(result.err)


def test_a_bad_data_file_is_still_named_first(tmp_path: Path) -> None:
    """The file's own problem helps more than the missing terminal, and is what ``check`` says."""
    result = run_tui("--data", "missing.toml", cwd=tmp_path, timeout=20)
    assert (result.status, result.err) == (exit_codes.BAD_INPUT, "missing.toml: no such file\n")


def test_output_to_a_file_from_a_terminal_refuses_and_writes_nothing(tmp_path: Path) -> None:
    """``oases-tui > file`` typed in a real terminal: stdin is one, stdout is not."""
    log = tmp_path / "screen.log"
    screen = bytearray()
    status = run_to_exit(["sh", "-c", f"exec '{APP}' > '{log}'"], timeout=20, output=screen)
    assert status == exit_codes.BAD_INPUT
    assert log.read_bytes() == b""
    expected = "oases-tui: the browser needs a terminal, but standard output is not one; `oases-tui export`"
    assert screen.decode("utf-8").startswith(expected)


def test_input_from_nowhere_in_a_terminal_refuses() -> None:
    """``oases-tui < /dev/null`` (as ``nohup`` and cron give it): stdout is a terminal, stdin is not."""
    screen = bytearray()
    status = run_to_exit(["sh", "-c", f"exec '{APP}' < /dev/null"], timeout=20, output=screen)
    assert status == exit_codes.BAD_INPUT
    assert screen.decode("utf-8").startswith("oases-tui: the browser needs a terminal, but standard input is not one;")


def test_the_screen_into_a_log_refuses(tmp_path: Path) -> None:
    """``oases-tui 2> log``: Textual draws on standard error, so the screen would go into the log."""
    log = tmp_path / "log"
    status = run_to_exit(["sh", "-c", f"exec '{APP}' 2> '{log}'"], timeout=20)
    assert status == exit_codes.BAD_INPUT
    assert log.read_text(encoding="utf-8").startswith("oases-tui: the browser needs a terminal, but standard error is not one;")


def test_served_over_pipes_with_the_web_driver_it_starts_and_quits(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEXTUAL_DRIVER": WEB_DRIVER}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    seen = b""
    deadline = time.monotonic() + 20
    try:
        while b"iFLYTEK" not in seen and time.monotonic() < deadline:  # a firm row: the first frame is painted
            ready, _, _ = select.select([process.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    break
                seen += chunk
        assert seen.startswith(b"__GANGLION__\n"), seen[:200]  # the web driver's greeting to textual-serve
        assert b"iFLYTEK" in seen
        quit_packet = json.dumps({"type": "quit"}).encode("utf-8")  # what textual-serve sends when the tab closes
        process.stdin.write(b"M" + len(quit_packet).to_bytes(4, "big") + quit_packet)
        process.stdin.flush()
        assert process.wait(timeout=10) == exit_codes.OK
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()
