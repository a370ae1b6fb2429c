"""``oases-tui serve`` as a test runs it: a real server process on a free port, its app processes found
through /proc, and everything it started killed at the end, whatever the test did.

    with Served("--idle-timeout", "2") as served:
        served.url            # http://127.0.0.1:PORT/, as the server printed it
        served.app_pids()     # the app processes it runs now (its children)
        served.wait_gone(pid) # until the process has ended (False if it never did)
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Callable, Optional

from support import ROOT

SERVING = re.compile(r"serving on (http://\S+/)")


def children(pid: int) -> set[int]:
    """The live processes whose parent is ``pid`` (Linux /proc)."""
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a process that has not ended (a zombie has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def wait_for(condition: Callable[[], bool], timeout: float, every: float = 0.05) -> bool:
    """Whether ``condition`` came to hold within ``timeout`` seconds (a generous bound, not a timing test)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
    return True


def serve_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUNBUFFERED"] = "1"
    return env


class Served:
    """A running ``python -m tui serve --port 0 ARGS`` (see the module docstring)."""

    def __init__(
        self,
        *args: str,
        env: Optional[dict[str, str]] = None,
        start_timeout: float = 30,
        command: Optional[Sequence[str]] = None,
        cwd: Path = ROOT,
    ) -> None:
        """``command``: another server that prints its URL as serve does (the web benchmark's minimal app)."""
        self.command = list(command) if command is not None else [sys.executable, "-m", "tui", "serve", "--port", "0", *args]
        self.env = env if env is not None else serve_environment()
        self.start_timeout = start_timeout
        self.cwd = cwd
        self.lines: list[str] = []
        """Everything the server printed (stdout and stderr), line by line, as it came."""
        self.url = ""
        self.seen_pids: set[int] = set()
        self._printed = threading.Condition()

    def __enter__(self) -> Served:
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        threading.Thread(target=self._read, daemon=True).start()
        if not self.wait_line(SERVING, self.start_timeout):
            self.__exit__(None, None, None)
            raise AssertionError(f"serve never printed its URL: {self.lines}")
        match = SERVING.search(self.output())
        assert match is not None
        self.url = match.group(1)
        return self

    def __exit__(self, kind: Optional[type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.seen_pids |= children(self.process.pid)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for pid in self.seen_pids:  # an app the server failed to end must not outlive the test
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        assert self.process.stdout is not None
        self.process.stdout.close()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self._printed:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self._printed.notify_all()

    def output(self) -> str:
        with self._printed:
            return "\n".join(self.lines)

    def wait_line(self, pattern: re.Pattern[str], timeout: float) -> bool:
        """Whether the server printed a line matching ``pattern`` within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._printed:
            while not any(pattern.search(line) for line in self.lines):
                left = deadline - time.monotonic()
                if left <= 0 or (self.process.poll() is not None and not self._printed.wait(0.5)):
                    return any(pattern.search(line) for line in self.lines)
                self._printed.wait(min(left, 0.5))
        return True

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1].rstrip("/"))

    @property
    def ws_url(self) -> str:
        return "ws" + self.url[len("http") :] + "ws"

    def app_pids(self) -> set[int]:
        """The app processes running now (the server's children), remembered for the final clean-up."""
        pids = children(self.process.pid)
        self.seen_pids |= pids
        return pids

    def wait_apps(self, count: int, timeout: float = 30) -> set[int]:
        """The app processes, once there are ``count`` of them (fails the test if they never are)."""
        assert wait_for(lambda: len(self.app_pids()) == count, timeout), f"not {count} app(s): {self.app_pids()}; {self.lines}"
        return self.app_pids()

    def wait_gone(self, pids: set[int], timeout: float = 15) -> bool:
        return wait_for(lambda: not any(alive(pid) for pid in pids), timeout)
