"""One browser tab's app process: started with a fixed command, ended within bounds.

textual-serve's :class:`~textual_serve.app_service.AppService` relays the bytes
between a websocket and a Textual app process; :class:`Session` keeps that relay
and changes how the process starts and stops:

- the command is an argument list (``python -m tui [--data FILE]``) run without a
  shell, in a process group of its own, so a signal reaches the app itself and any
  process it started, not an ``sh`` in between;
- the app's environment loses what would point it at the server's own desktop or
  tmux (``DISPLAY``, ``WAYLAND_DISPLAY``, ``TMUX``): a served app copies through the
  browser only (see :func:`tui.core.native_clipboard.served_in_browser`);
- :meth:`Session.stop` is bounded: quit, then SIGTERM to the group, then SIGKILL, so
  a busy app or one that ignores SIGTERM cannot outlive its tab;
- the time of the tab's last input is kept, for the server's idle watchdog;
- when the app ends by itself (``q``, a crash) the tab is told (its websocket is
  closed), rather than left showing a screen nobody answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import Callable, Optional

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

QUIT_GRACE = 3.0
"""Seconds an app has to quit when asked (it restores nothing: there is no terminal), before SIGTERM."""
TERM_GRACE = 2.0
"""Seconds after SIGTERM before SIGKILL."""
READER_GRACE = 2.0
"""Seconds to wait for the relay of the app's last output once the process is gone."""

SCRUBBED_ENVIRONMENT = ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "TMUX_PANE")
"""Variables of the server's environment an app must not see: they name the server's screen and tmux, not the reader's."""


class Session(AppService):
    """A tab's app process (see the module docstring)."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: Path,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        download_manager: DownloadManager,
    ) -> None:
        super().__init__(" ".join(argv), write_bytes=write_bytes, write_str=write_str, close=close, download_manager=download_manager)
        self.argv = tuple(argv)
        """The app's command, fixed by the server: nothing the browser sends chooses it."""
        self.cwd = cwd
        """Where the app runs: the folder holding this ``tui`` package, so ``-m tui`` is this package
        whatever folder the server was started in (``python -m`` looks in its working directory first)."""
        self.end_reason = ""
        """Why the session ended (for the server's log), set by whoever ends it first."""
        self.last_input = asyncio.get_running_loop().time()
        """When the tab last sent a key, a mouse event or a resize (the event loop's clock)."""
        self.size = (0, 0)
        """The app's terminal size, in cells (columns, rows)."""
        self._stopping: Optional[asyncio.Task[None]] = None

    @property
    def pid(self) -> Optional[int]:
        """The app process's id (also its process group's), once started."""
        return None if self._process is None else self._process.pid

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.returncode is None

    def idle_seconds(self) -> float:
        return asyncio.get_running_loop().time() - self.last_input

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        for name in SCRUBBED_ENVIRONMENT:
            environment.pop(name, None)
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            cwd=self.cwd,
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def send_bytes(self, data: bytes) -> bool:
        self.last_input = asyncio.get_running_loop().time()
        return await super().send_bytes(data)

    async def start(self, width: int, height: int) -> None:
        self.size = (width, height)
        await super().start(width, height)

    async def set_terminal_size(self, width: int, height: int) -> None:
        """Pass a new size on; not the size the app has already (textual.js repeats it once connected,
        and each resize costs the app, and the page, a full repaint)."""
        self.last_input = asyncio.get_running_loop().time()
        if (width, height) != self.size:
            self.size = (width, height)
            await super().set_terminal_size(width, height)

    async def on_meta(self, data: bytes) -> None:
        with contextlib.suppress(ValueError, AttributeError):
            if json.loads(data).get("type") == "exit":  # the app quits (its q) and asks for the tab to close
                self.end_reason = self.end_reason or "the app ended"
        await super().on_meta(data)

    async def run(self) -> None:
        """Relay the app's output until it ends, then close the tab's websocket (a no-op if it is closed already)."""
        await super().run()
        if self._stopping is None:
            self.end_reason = self.end_reason or "the app ended"
            with contextlib.suppress(Exception):
                await self.remote_close()

    async def stop(self) -> None:
        """End the app, within QUIT_GRACE + TERM_GRACE seconds and a SIGKILL; safe to call more than once."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
            if not await _exited(process, QUIT_GRACE):
                _signal_group(process.pid, signal.SIGTERM)
                if not await _exited(process, TERM_GRACE):
                    _signal_group(process.pid, signal.SIGKILL)
                    await process.wait()
        _signal_group(process.pid, signal.SIGKILL)  # whatever the app started and left in its group
        if process.stdin is not None:
            process.stdin.close()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), READER_GRACE)
            except asyncio.TimeoutError:
                self._task.cancel()
            self._task = None


async def _exited(process: asyncio.subprocess.Process, within: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), within)
    except asyncio.TimeoutError:
        return False
    return True


def _signal_group(group: int, signum: int) -> None:
    """Signal the app's process group (its id is the app's pid: start_new_session), if it still exists."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signum)
