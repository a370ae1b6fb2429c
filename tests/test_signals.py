"""SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + the signal's number.

In a real pseudo-terminal (tests/ptyrun.py): the app paints its first frame, gets
the signal, and we read every byte it writes after it. A restored terminal has
left the alternate screen, turned mouse tracking off and shown the cursor again,
in that order of importance to whoever types the next command.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import ptyrun
import pytest
from ptyrun import signal_after_first_frame

APP = Path(sys.executable).parent / "oases-tui"
FIRST_FRAME = "iFLYTEK"
"""A firm row: on screen once the first frame is painted."""

RESTORED = {
    "the alternate screen is left": b"\x1b[?1049l",
    "mouse tracking is off": b"\x1b[?1000l",
    "every-motion tracking is off": b"\x1b[?1003l",
    "SGR mouse reports are off": b"\x1b[?1006l",
    "the cursor is shown": b"\x1b[?25h",
}


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_stopping_signal_restores_the_terminal(name: str) -> None:
    signum = getattr(signal, name)
    status, after = signal_after_first_frame([str(APP)], FIRST_FRAME, signum, timeout=30)
    assert status == 128 + signum
    missing = [what for what, sequence in RESTORED.items() if sequence not in after]
    assert not missing, f"after {name}: {missing}; the last bytes were {after[-200:]!r}"
    assert after.rindex(b"\x1b[?1049l") > after.rfind(b"\x1b[?1049h")  # not re-entered after leaving


def test_a_closed_terminal_ends_the_app_at_once() -> None:
    """The window closes (or SSH drops): the kernel sends SIGHUP and every write fails."""
    status, _ = signal_after_first_frame([str(APP)], FIRST_FRAME, signal.SIGHUP, timeout=30, hang_up=True)
    assert status == 128 + signal.SIGHUP


@pytest.mark.parametrize("after", [b"\x1b[?1049h", b"Firms"])
def test_a_terminal_closed_while_the_app_starts_still_ends_it(after: bytes) -> None:
    """Closed while Textual is still drawing its first frames, the terminal takes Textual's writer
    thread with it, and its shutdown would wait on that thread for ever: the signal must still
    end the process, within a few seconds."""
    pid, fd = ptyrun._spawn([str(APP)], (120, 36), None)
    ptyrun.read_until(fd, after, time.perf_counter() + 30)  # the alternate screen entered; or the first firm pane drawn
    os.close(fd)  # the kernel sends SIGHUP; every write from now on fails
    status = ptyrun._wait_for_exit(pid, None, [str(APP)], time.perf_counter() + 15, None)
    assert status == 128 + signal.SIGHUP
