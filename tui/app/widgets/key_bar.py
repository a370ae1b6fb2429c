"""The bottom line: the keys that work where the focus is, and the palette key on the right.

It shows what Textual's ``Footer`` shows, and a click on a key presses it, but
it is one widget drawing one line of text. ``Footer`` mounts a widget per key
and restyles them all on every focus change, a visible share of start-up for a
line that changes only when the focus moves (the README's Performance section).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from textual import events
from textual.content import Content
from textual.widget import Widget

from tui.core.records import NamedTuple

if TYPE_CHECKING:
    from textual.screen import Screen


class ShownKey(NamedTuple):
    key: str
    """The key as Textual names it, e.g. "slash" (what a click presses)."""
    display: str
    """The key as the user reads it, e.g. "/"."""
    description: str
    enabled: bool


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False

    def __init__(self, *, id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self._keys: list[ShownKey] = []
        self._palette: Optional[ShownKey] = None
        self._regions: list[tuple[int, int, str]] = []
        """Where each key was drawn, (start, end, key), for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.app.app_focus:
            return  # a terminal that lost focus reports no bindings: keep showing the last ones
        self._keys = []
        self._palette = None
        seen_actions: set[str] = set()
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            shown = ShownKey(binding.key, self.app.get_key_display(binding), binding.description, enabled)
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                self._palette = shown
            elif binding.show and binding.action not in seen_actions:  # one key per action, the first bound
                seen_actions.add(binding.action)
                self._keys.append(shown)
        self.refresh()

    def render(self) -> Content:
        width = self.size.width
        palette = Content()
        if self._palette is not None:
            palette = Content("▏").stylize("$foreground 20%") + self._label(self._palette, lead="")
        room = width - palette.cell_length
        line = Content()
        self._regions = []
        for shown in self._keys:
            label = self._label(shown)
            if line.cell_length + label.cell_length > room:
                break  # drop the keys that don't fit rather than cut one in half
            self._regions.append((line.cell_length, line.cell_length + label.cell_length, shown.key))
            line += label
        if self._palette is not None and palette.cell_length <= width:
            start = width - palette.cell_length
            self._regions.append((start + 1, width, self._palette.key))
            line = line + Content(" " * (start - line.cell_length)) + palette
        return line

    @staticmethod
    def _label(shown: ShownKey, lead: str = " ") -> Content:
        key = Content(f"{lead}{shown.display} ").stylize("bold $footer-key-foreground")
        label = key + Content(f"{shown.description} ").stylize("$footer-description-foreground")
        return label if shown.enabled else label.stylize("dim")

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._regions:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
