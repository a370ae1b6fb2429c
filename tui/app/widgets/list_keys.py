"""The keys every list-like pane answers to (the firm list, the fact lists, the source),
bound once: each widget names the actions they run."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def list_bindings(
    up: str = "cursor_up",
    down: str = "cursor_down",
    first: str = "first",
    last: str = "last",
    page_up: str = "page_up",
    page_down: str = "page_down",
) -> list[BindingType]:
    """up/k, down/j, home/g, end/G, pageup and pagedown, bound to these actions (not shown in the key line)."""
    return [
        Binding("up,k", up, "Up", show=False),
        Binding("down,j", down, "Down", show=False),
        Binding("home,g", first, "First", show=False),
        Binding("end,G", last, "Last", show=False),
        Binding("pageup", page_up, "Page up", show=False),
        Binding("pagedown", page_down, "Page down", show=False),
    ]
