"""Copy text to the clipboard every way the machine allows, and say what was copied.

Always through the terminal (Textual's ``copy_to_clipboard``, OSC 52), which
works over SSH; also through a native tool (xclip, wl-copy, pbcopy…) where
there is one, in a worker thread so a slow or broken tool can't freeze the app.
Inside a tmux that drops OSC 52, the user is told the one-line fix, once. Served
in a browser (``oases-tui serve``) only OSC 52 is used: the page gives it to the
browser's clipboard, and the server's own clipboard and tmux are not the reader's.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Optional

from textual.app import App

from tui.core.native_clipboard import copy_native, native_command, served_in_browser, tmux_clipboard_problem


def describe(text: str) -> str:
    lines = text.count("\n") + 1
    return f"{lines} line{'s' if lines != 1 else ''}" if lines > 1 else f"{len(text)} characters"


class Copier:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._tmux_problem: Optional[str] = None
        """What tmux does wrong with terminal copies ("" if nothing), once asked."""
        self._told_tmux = False
        self._warned_native = False

    def copy(self, text: str, what: str) -> str:
        """Copy ``text`` (described to the user as ``what``); returns what was copied.

        ``text`` comes from :mod:`tui.core.formats` (which cleans every data string) or
        from the article (which the loader allows no control characters but line
        breaks and tabs), so it is delivered as it is, with Windows line ends made plain.

        One message says what happened. Inside tmux, asking it whether it passes terminal
        copies on is a subprocess that could stall, so the first copy there asks in the
        worker thread and speaks from it; a tmux that drops the copy with no native tool
        to fall back on gets "Not copied" and the fix, never a "Copied" it contradicts.
        """
        text = text.replace("\r\n", "\n")
        self.app.copy_to_clipboard(text)
        copied = f"Copied {what} — {describe(text)}"
        if served_in_browser():
            self.app.notify(copied, markup=False)
            return text
        if self._tmux_problem is not None or not os.environ.get("TMUX"):
            self._tmux_problem = self._tmux_problem or ""
            command = native_command()
            self._announce(copied, command, self.app.notify)
            if command is not None:
                self.app.run_worker(lambda: self._deliver_natively(text, command), thread=True, group="clipboard", exit_on_error=False)
        else:
            self.app.run_worker(lambda: self._ask_tmux_then_deliver(text, copied), thread=True, group="clipboard", exit_on_error=False)
        return text

    def _announce(self, copied: str, command: Optional[list[str]], notify: Callable[..., None]) -> None:
        """The one message for a copy, given what tmux does and the native tool there is."""
        problem = self._tmux_problem
        if problem and command is None:
            notify(f"Not copied: {problem}", title="Clipboard", severity="warning", markup=False, timeout=8)
            return
        notify(copied, markup=False)  # one line: no title to repeat it
        if problem and not self._told_tmux:
            self._told_tmux = True
            notify(
                f"{problem} (this copy went through {command[0] if command else 'the terminal'})",
                title="Clipboard",
                severity="warning",
                markup=False,
                timeout=8,
            )

    def _ask_tmux_then_deliver(self, text: str, copied: str) -> None:
        """In a worker thread, on the first copy inside tmux: ask it, say what happened, deliver."""
        self._tmux_problem = tmux_clipboard_problem() or ""
        command = native_command()
        self._announce(copied, command, lambda *args, **kwargs: self.app.call_from_thread(self.app.notify, *args, **kwargs))
        if command is not None:
            self._deliver_natively(text, command)

    def _deliver_natively(self, text: str, command: list[str]) -> None:
        """In a worker thread: the native tool; a failure is reported once."""
        failure: Optional[str] = copy_native(text, command)
        if failure and not self._warned_native:
            self._warned_native = True
            self._tell(f"{failure} (the copy was still sent through the terminal)")

    def _tell(self, message: str) -> None:
        self.app.call_from_thread(self.app.notify, message, title="Clipboard", severity="warning", markup=False, timeout=8)
