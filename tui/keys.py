"""Every key the app answers to, as the help screen and the README list them.

The bindings themselves live with the widgets that act on them; a test checks
that each key listed here is really bound, so this table can't drift.
"""

from __future__ import annotations

KEYS: tuple[tuple[str, str], ...] = (
    ("up / down, k / j", "move in the firm list or the facts; scroll the source"),
    ("home / end, g / G", "first / last"),
    ("pageup / pagedown", "page up / down"),
    ("tab / shift+tab", "next / previous pane"),
    ("1 2 3 4", "focus the firm list / detail / summary / source"),
    ("/", "search firms (enter: to the list, escape: clear)"),
    ("y", "copy what has focus"),
    ("?, f1", "this help (escape closes it)"),
    ("ctrl+p", "command palette: go to a firm, copy formats, themes"),
    ("q, ctrl+q", "quit"),
)
