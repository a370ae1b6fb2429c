"""SIGTERM, SIGHUP and SIGINT end the app as ``q`` does, with the status a shell expects.

Textual restores the terminal (leaves the alternate screen, turns mouse tracking
off, shows the cursor) only when the app exits through its own loop. Left to
Python's defaults, SIGTERM (``kill``, a system shutting down) and SIGHUP (an SSH
connection or a terminal window closed) kill the process mid-frame and leave the
terminal in the alternate screen with the mouse tracked and the cursor hidden;
and SIGINT (``kill -INT``) exits with status 0, as if nothing had happened. Here
each becomes an ordinary exit whose return code is 128 + the signal's number,
what a shell reports for a command stopped by that signal.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import Any

from textual.app import App

STOPPING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)  # Windows has no SIGHUP
"""The signals that end the app; each ends it with status 128 + its number."""


def exit_on_signals(app: App[Any]) -> None:
    """Make each of :data:`STOPPING_SIGNALS` exit ``app`` cleanly (call from the app's running loop)."""
    loop = asyncio.get_running_loop()
    for signum in STOPPING_SIGNALS:
        # NotImplementedError: no signal handlers in this loop (Windows); RuntimeError,
        # ValueError: not the main thread. Python's defaults stay, as before.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, _exit, app, signum)


SHUTDOWN_GRACE = 3.0
"""Seconds a stopping signal leaves the app to exit through its loop before the process ends anyway."""


def _exit(app: App[Any], signum: int) -> None:
    app.exit(return_code=128 + signum)
    # Textual's shutdown can wait for ever: when the terminal is gone (a hang-up during
    # start-up, say), its writer thread dies on the first failed write and the driver's
    # close then waits on the writer's full queue. A signal must still end the process.
    import os
    import threading

    watchdog = threading.Timer(SHUTDOWN_GRACE, os._exit, (128 + signum,))
    watchdog.daemon = True
    watchdog.start()
