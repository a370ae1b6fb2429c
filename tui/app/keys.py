"""Every key the app answers to, as the help screen and the README list them.

The bindings themselves live with the widgets that act on them; a test checks
that each key listed here is really bound, so this table can't drift.
"""

from __future__ import annotations

from tui.core.records import NamedTuple


class Key(NamedTuple):
    shown: str
    """The keys as the help screen shows them."""
    does: str
    bound: tuple[str, ...]
    """Textual's names for the keys, as bound."""


KEYS: tuple[Key, ...] = (
    Key("up / down, k / j", "move in a list; the arrows scroll the source", ("up", "down", "k", "j")),
    Key("j / k, ] / [", "in the source: next / previous sentence", ("right_square_bracket", "left_square_bracket")),
    Key("home / end, g / G", "first / last (source: first / last sentence)", ("home", "end", "g", "G")),
    Key("pageup / pagedown", "page up / down", ("pageup", "pagedown")),
    Key("tab / shift+tab", "next / previous pane", ("tab", "shift+tab")),
    Key("1 2 3 4", "focus the firm list / detail / summary / source", ("1", "2", "3", "4")),
    Key("/", "search firms and facts; escape clears", ("slash",)),
    Key("/ in the source", "find in the article (escape: back)", ("slash",)),
    Key("n / N", "next / previous match of the find", ("n", "N")),
    Key("enter in the source", "to a fact citing the sentence (again: next)", ("enter",)),
    Key("v", "every quote on / off (detail, summary)", ("v",)),
    Key("enter / l / right", "to a firm's detail, or a found summary fact", ("enter", "l", "right")),
    Key("h / left", "in the detail or the summary: back to the firms", ("h", "left")),
    Key("y", "copy what is under the cursor (firm, fact, selection)", ("y",)),
    Key("Y", "copy the whole pane (listed firms, firm, summary, article)", ("Y",)),
    Key("?, f1", "this help (escape closes it)", ("question_mark", "f1")),
    Key("ctrl+p", "command palette: go to a firm, copy formats, themes", ("ctrl+p",)),
    Key("q, ctrl+q", "quit", ("q", "ctrl+q")),
)
