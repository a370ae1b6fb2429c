"""Copy text to the clipboard every way the machine allows, and say what was copied.

Always through the terminal (Textual's ``copy_to_clipboard``, OSC 52), which
works over SSH; also through a native tool (xclip, wl-copy, pbcopy…) where
there is one, in a worker thread so a slow or broken tool can't freeze the app.
Inside a tmux that drops OSC 52, the user is told the one-line fix, once. Served
in a browser (``oases-tui serve``) only OSC 52 is used: the page gives it to the
browser's clipboard, and the server's own clipboard and tmux are not the reader's.
"""

from __future__ import annotations

from typing import Any, Optional

from textual.app import App

from tui.core.native_clipboard import copy_native, native_command, served_in_browser, tmux_clipboard_problem


def describe(text: str) -> str:
    lines = text.count("\n") + 1
    return f"{lines} line{'s' if lines != 1 else ''}" if lines > 1 else f"{len(text)} characters"


class Copier:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._checked_tmux = False
        self._warned_native = False

    def copy(self, text: str, what: str) -> str:
        """Copy ``text`` (described to the user as ``what``); returns what was copied.

        ``text`` comes from :mod:`tui.core.formats` (which cleans every data string) or
        from the article (which the loader allows no control characters but line
        breaks and tabs), so it is delivered as it is, with Windows line ends made plain.
        """
        text = text.replace("\r\n", "\n")
        self.app.copy_to_clipboard(text)
        self.app.notify(f"Copied {what} — {describe(text)}", title="Copied", markup=False)
        if not served_in_browser():
            self.app.run_worker(lambda: self._deliver_natively(text), thread=True, group="clipboard", exit_on_error=False)
        return text

    def _deliver_natively(self, text: str) -> None:
        """In a worker thread: the native tool, and the tmux check on the first copy."""
        if not self._checked_tmux:
            self._checked_tmux = True
            problem = tmux_clipboard_problem()
            if problem:
                self._tell(problem)
        command = native_command()
        if command is None:
            return
        failure: Optional[str] = copy_native(text, command)
        if failure and not self._warned_native:
            self._warned_native = True
            self._tell(f"{failure} (the copy was still sent through the terminal)")

    def _tell(self, message: str) -> None:
        self.app.call_from_thread(self.app.notify, message, title="Clipboard", severity="warning", markup=False, timeout=8)
