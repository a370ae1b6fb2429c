"""The bottom line: the keys that work where the focus is, and the palette key on the right.

It shows what Textual's ``Footer`` shows, and a click on a key presses it, but
it is one widget drawing one line of text. ``Footer`` mounts a widget per key
and restyles them all on every focus change, a visible share of start-up for a
line that changes only when the focus moves (the README's Performance section).

Bindings in one ``Binding.Group`` share one label, their keys joined and a run of
digits shortened ("tab/1-4 Panes"). When the line is too short for every key,
whole keys are left out, the least useful first: the order the bar is given
(``drop_first``), then from the end of the line, so the focused widget's own
keys (they come first) stay longest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional

from textual import events
from textual.content import Content
from textual.widget import Widget

from tui.core.records import NamedTuple

if TYPE_CHECKING:
    from textual.screen import Screen


class ShownKey(NamedTuple):
    key: str
    """The key as Textual names it, e.g. "slash" (what a click presses; a group's first key)."""
    display: str
    """The key as the user reads it, e.g. "/" (a group's keys: "tab/1-4")."""
    description: str
    enabled: bool
    action: str
    """The binding's action (a group's first), which ``drop_first`` names."""


def join_keys(displays: Sequence[str]) -> str:
    """Keys as one label: joined with "/", a run of three or more consecutive digits
    as a range ("tab", "1", "2", "3", "4" → "tab/1-4")."""
    parts: list[str] = []
    run: list[int] = []

    def end_run() -> None:
        if len(run) >= 3:
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts.extend(str(digit) for digit in run)
        run.clear()

    for display in displays:
        if len(display) == 1 and display.isdigit() and (not run or int(display) == run[-1] + 1):
            run.append(int(display))
            continue
        end_run()
        if len(display) == 1 and display.isdigit():
            run.append(int(display))
        else:
            parts.append(display)
    end_run()
    return "/".join(parts)


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False

    def __init__(self, *, drop_first: Sequence[str] = (), id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self._drop_first = tuple(drop_first)
        """Actions whose keys are left out first when the line is short, in that order."""
        self._keys: list[ShownKey] = []
        self._palette: Optional[ShownKey] = None
        self._regions: list[tuple[int, int, str]] = []
        """Where each key was drawn, (start, end, key), for clicks."""

    @property
    def keys(self) -> list[ShownKey]:
        """Every key the focus offers, in the bar's order (before any is left out for room)."""
        return list(self._keys)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.app.app_focus:
            return  # a terminal that lost focus reports no bindings: keep showing the last ones
        keys: list[ShownKey] = []
        groups: dict[object, tuple[int, list[str]]] = {}
        """A group's place in ``keys`` and its keys' displays so far."""
        self._palette = None
        seen_actions: set[str] = set()
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            display = self.app.get_key_display(binding)
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                self._palette = ShownKey(binding.key, display, binding.description, enabled, binding.action)
            elif binding.show and binding.group is not None:
                if binding.group in groups:
                    index, displays = groups[binding.group]
                    displays.append(display)
                    keys[index] = keys[index]._replace(display=join_keys(displays))
                else:
                    groups[binding.group] = (len(keys), [display])
                    keys.append(ShownKey(binding.key, display, binding.group.description, enabled, binding.action))
            elif binding.show and binding.action not in seen_actions:  # one key per action, the first bound
                seen_actions.add(binding.action)
                keys.append(ShownKey(binding.key, display, binding.description, enabled, binding.action))
        self._keys = keys
        self.refresh()

    def _fitting(self, labels: list[Content], room: int) -> list[bool]:
        """Which keys to draw so that their labels fit in ``room`` cells, leaving out the
        ``drop_first`` actions first (in that order), then the last keys of the line."""
        shown = [True] * len(labels)
        width = sum(label.cell_length for label in labels)
        ranked = sorted(range(len(labels)), key=self._drop_rank)
        for index in ranked:
            if width <= room:
                break
            shown[index] = False
            width -= labels[index].cell_length
        return shown

    def _drop_rank(self, index: int) -> tuple[int, int]:
        action = self._keys[index].action
        if action in self._drop_first:
            return (0, self._drop_first.index(action))
        return (1, -index)

    def render(self) -> Content:
        width = self.size.width
        palette = Content()
        if self._palette is not None:
            palette = Content("▏").stylize("$foreground 20%") + self._label(self._palette, lead="")
        room = width - palette.cell_length
        labels = [self._label(shown) for shown in self._keys]
        line = Content()
        self._regions = []
        for shown, label, fits in zip(self._keys, labels, self._fitting(labels, room)):
            if fits:  # whole keys left out rather than one cut in half
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
