"""Putting text on the system clipboard with the platform's own tool.

The app copies through the terminal (OSC 52) and, where one is available, a
native tool as well: ``wl-copy``, ``xclip``, ``xsel``, ``pbcopy`` or ``clip.exe``.
Nothing here raises or imports Textual; a failure comes back as a one-line reason
the app can show. Served in a browser (:func:`served_in_browser`) the clipboard is
the browser's, so neither a native tool nor tmux on the serving machine has a say.
:func:`copy_native` blocks for up to its timeout, so the app calls it in a worker
thread.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Optional

from tui.core.problems import one_line

TMUX_FIX = "tmux drops terminal copies: add `set -g set-clipboard on` to ~/.tmux.conf"


def served_in_browser(env: Mapping[str, str] = os.environ) -> bool:
    """Whether the app runs under ``oases-tui serve`` (textual-serve), drawn in a browser tab.

    textual-serve starts each app with ``TEXTUAL_DRIVER`` naming Textual's web driver.
    The copy then reaches the reader's clipboard only through the page (OSC 52, which
    xterm.js hands to ``navigator.clipboard``): a native tool would fill the *server's*
    clipboard, and a tmux the server was started from is not between app and reader.
    """
    return "web_driver" in env.get("TEXTUAL_DRIVER", "")


def native_command(
    platform: str = sys.platform,
    env: Mapping[str, str] = os.environ,
    which: Callable[[str], Optional[str]] = shutil.which,
) -> Optional[list[str]]:
    """The command that copies its standard input to the clipboard here, or None if there is none.

    macOS: ``pbcopy``; Windows: ``clip.exe``; elsewhere the first installed of
    ``wl-copy`` (under Wayland), ``xclip``, ``xsel`` (under X), then ``clip.exe``
    under WSL (whose clipboard is Windows').
    """
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    elif platform == "win32":
        candidates.append(["clip.exe"])
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    if platform.startswith("linux") and (env.get("WSL_DISTRO_NAME") or env.get("WSL_INTEROP")):
        candidates.append(["clip.exe"])
    return next((command for command in candidates if which(command[0])), None)


def _encode(text: str, command: Sequence[str]) -> bytes:
    """``text`` as the tool reads it: UTF-8, but UTF-16 with a byte order mark for ``clip.exe``.

    clip.exe takes UTF-8 for the console's code page and garbles anything outside
    ASCII; given a byte order mark it reads Unicode.
    """
    if os.path.basename(command[0]).lower() in ("clip.exe", "clip"):
        return b"\xff\xfe" + text.encode("utf-16-le", errors="replace")
    return text.encode("utf-8", errors="replace")


def copy_native(text: str, command: Sequence[str], timeout: float = 2.0) -> Optional[str]:
    """Run ``command`` with ``text`` on its standard input; None if it worked, else why not (one line).

    The tool gets ``timeout`` seconds; one that takes longer is killed, with
    anything it started. Its output is not piped back (xclip and wl-copy leave a
    child running that holds it open), only its error output, through a file.
    Never raises.
    """
    if not command:
        return "no clipboard command"
    name = os.path.basename(command[0])
    try:
        data = _encode(text, command)
        with tempfile.TemporaryFile() as errors:
            try:
                process = subprocess.Popen(
                    list(command),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=errors,
                    start_new_session=os.name == "posix",  # its own process group, killed as one; never reads the terminal
                )
            except FileNotFoundError:
                return f"{name} is not installed"
            except OSError as error:
                return one_line(f"{name} could not be started: {error.strerror or error}")
            try:
                process.communicate(data, timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill(process)
                return f"{name} did not finish within {timeout:g} s and was stopped"
            if process.returncode != 0:
                errors.seek(0)
                lines = errors.read(2000).decode("utf-8", errors="replace").splitlines()
                said = one_line(next((line for line in lines if line.strip()), ""))
                status = f"exit status {process.returncode}" if process.returncode > 0 else f"signal {-process.returncode}"
                return f"{name} failed ({status})" + (f": {said}" if said else "")
    except Exception as error:  # a clipboard must never take the app down
        return one_line(f"{name} failed: {error}")
    return None


def _kill(process: subprocess.Popen[Any]) -> None:
    """Stop a tool that hangs, and whatever it started."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        process.kill()
    with contextlib.suppress(subprocess.SubprocessError, OSError):
        process.communicate(timeout=1)


def tmux_clipboard_problem(
    env: Mapping[str, str] = os.environ,
    run: Callable[..., subprocess.CompletedProcess[str]] = subprocess.run,
) -> Optional[str]:
    """Inside tmux with ``set-clipboard`` not ``on``, the one-line fix; otherwise None.

    tmux then swallows the terminal clipboard sequence (OSC 52) the app copies
    with. If tmux cannot be asked, there is nothing to say. Never raises.
    """
    if not env.get("TMUX"):
        return None
    try:
        answer = run(
            ["tmux", "show-options", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=1,
            check=False,
        )
    except Exception:
        return None
    if answer.returncode != 0:
        return None
    return None if (answer.stdout or "").strip() == "on" else TMUX_FIX
