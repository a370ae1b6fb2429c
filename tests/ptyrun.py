"""Run a program in a real pseudo-terminal and time its first painted frame (for the benchmarks).

Stdlib only. The program gets a terminal of the given size; we read what it
writes until every marker string has appeared (text that is only on screen
once the frame is painted), then send ctrl+q and collect its peak memory.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass


def oases_command() -> list[str]:
    """How to launch ``oases-tui`` as installed beside this Python, its modules compiled first.

    ``pip install .`` compiles a package to bytecode; an editable install leaves it
    to the first run, which writes it unless PYTHONDONTWRITEBYTECODE is set, as it is
    on this project's machines. Then every launch compiles every module from source
    (~15 ms of start-up, and a third of ``check``'s time), a cost no installed copy
    pays; so the benchmarks compile the package once, as pip does, before timing it.
    """
    import compileall

    import tui

    compileall.compile_dir(os.path.dirname(tui.__file__), quiet=1)
    script = os.path.join(os.path.dirname(sys.executable), "oases-tui")
    return [script] if os.path.exists(script) else [sys.executable, "-m", "tui"]


@dataclass(frozen=True)
class Run:
    first_frame: float
    """Seconds from launch until the marker was on screen."""
    peak_rss_mb: float
    """The process's peak resident memory."""


def run_to_first_frame(
    command: Sequence[str],
    marker: str | Sequence[str],
    size: tuple[int, int] = (120, 36),
    timeout: float = 60.0,
    env: dict[str, str] | None = None,
) -> Run:
    """Launch ``command`` and time it until the output holds every ``marker`` (e.g. one from each pane)."""
    markers = [marker] if isinstance(marker, str) else list(marker)
    wanted = [text.encode("utf-8") for text in markers]
    started = time.perf_counter()
    pid, fd = _spawn(command, size, env)
    seen = b""
    first_frame = None
    deadline = started + timeout
    try:
        while first_frame is None:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{marker!r} not seen within {timeout} s; last output: {seen[-300:]!r}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"the program ended before painting {marker!r}: {seen[-500:]!r}") from None
            seen += chunk
            if all(text in seen for text in wanted):
                first_frame = time.perf_counter() - started
        os.write(fd, b"\x11")  # ctrl+q
        _drain(fd, time.perf_counter() + 10)
    finally:
        try:
            done, _, usage = os.wait4(pid, os.WNOHANG)
            if done == 0:  # still running: it didn't quit on ctrl+q
                os.kill(pid, signal.SIGKILL)
                _, _, usage = os.wait4(pid, 0)
        finally:
            os.close(fd)
    return Run(first_frame, usage.ru_maxrss / 1024)


def run_to_exit(
    command: Sequence[str],
    size: tuple[int, int] = (120, 36),
    env: dict[str, str] | None = None,
    timeout: float = 300.0,
    output: bytearray | None = None,
) -> int:
    """Run ``command`` in a pseudo-terminal of ``size`` until it exits by itself; its exit
    status. What it wrote to the terminal is added to ``output``, if given."""
    pid, fd = _spawn(command, size, env)
    try:
        return _wait_for_exit(pid, fd, command, time.perf_counter() + timeout, output)
    finally:
        os.close(fd)


def signal_after_first_frame(
    command: Sequence[str],
    marker: str,
    signum: int,
    size: tuple[int, int] = (120, 36),
    timeout: float = 30.0,
    hang_up: bool = False,
) -> tuple[int, bytes]:
    """Launch ``command``, wait until its output holds ``marker``, send it ``signum`` (or,
    with ``hang_up``, close the terminal, as closing its window does); its exit status and
    the bytes it wrote to the terminal after the signal (none, when hung up)."""
    pid, fd = _spawn(command, size, None)
    deadline = time.perf_counter() + timeout
    closed = False
    try:
        read_until(fd, marker.encode("utf-8"), deadline)
        after = bytearray()
        if hang_up:
            os.close(fd)  # the kernel sends the session SIGHUP, and the terminal is gone
            closed = True
            status = _wait_for_exit(pid, None, command, deadline, after)
        else:
            os.kill(pid, signum)
            status = _wait_for_exit(pid, fd, command, deadline, after)
    finally:
        if not closed:
            os.close(fd)
    return status, bytes(after)


def type_after_first_frame(
    command: Sequence[str],
    marker: str,
    inputs: Sequence[bytes | float],
    size: tuple[int, int] = (120, 36),
    timeout: float = 30.0,
) -> int:
    """Launch ``command``, wait until its output holds ``marker``, then type ``inputs`` in order
    (bytes are written, however many, while what the program writes is read so neither side
    blocks; a float is a pause of that many seconds) and wait for it to exit; its exit status.
    Raises TimeoutError if it has not exited within ``timeout`` seconds of launch."""
    pid, fd = _spawn(command, size, None)
    deadline = time.perf_counter() + timeout
    try:
        read_until(fd, marker.encode("utf-8"), deadline)
        for item in inputs:
            if isinstance(item, float):
                _drain(fd, min(deadline, time.perf_counter() + item))
                continue
            pending = memoryview(item)
            while pending:
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"still typing after {timeout} s: the program stopped reading its input")
                readable, writable, _ = select.select([fd], [fd], [], 0.01)
                if readable:
                    os.read(fd, 65536)
                if writable:
                    pending = pending[os.write(fd, pending[:65536]) :]
        return _wait_for_exit(pid, fd, command, deadline, None)
    finally:
        os.close(fd)


def read_until(fd: int, marker: bytes, deadline: float) -> bytes:
    """What the program writes to the terminal ``fd`` until it holds ``marker``; TimeoutError
    at ``deadline`` (a ``time.perf_counter()`` time)."""
    seen = b""
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            raise TimeoutError(f"{marker!r} not seen in time; last output: {seen[-300:]!r}")
        seen += os.read(fd, 65536)
    return seen


def _wait_for_exit(pid: int, fd: int | None, command: Sequence[str], deadline: float, output: bytearray | None) -> int:
    if fd is not None:
        _drain(fd, deadline, output)  # until it closes the terminal: it may still be finishing after that
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0:
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise TimeoutError(f"{command[0]} still running at its deadline")
        time.sleep(0.02)
    return os.waitstatus_to_exitcode(done[1])


def _spawn(command: Sequence[str], size: tuple[int, int], env: dict[str, str] | None) -> tuple[int, int]:
    """Start ``command`` in a new pseudo-terminal of ``size`` (columns, rows): its pid and the terminal's fd."""
    width, height = size
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        os.environ.update(env or {})
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], list(command))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    return pid, fd


def _drain(fd: int, deadline: float, output: bytearray | None = None) -> None:
    """Read until the program closes the terminal (it has quit) or the deadline passes,
    adding what it wrote to ``output``, if given."""
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            if output is not None:
                output += chunk
