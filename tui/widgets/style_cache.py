"""Styles looked up once per styling, not once per line, for the line-API widgets.

``Widget.rich_style`` and ``get_component_rich_style`` each walk the CSS; the
firm list and the source pane need them for every line they draw, which made
repainting them most of the cost of a cursor move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from rich.style import Style
from textual import events

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object


class StyleCache(_Base):
    """A mixin, listed before the widget class: ``self.style_for(name)``, forgotten on restyle.

    A plain mixin, not a Widget subclass, so it adds no CSS type of its own."""

    def style_for(self, component: Optional[str] = None, partial: bool = False) -> Style:
        """The widget's own style (``component=None``) or a component class's."""
        cache: dict[tuple[Optional[str], bool], Style] = self.__dict__.setdefault("_style_cache", {})
        key = (component, partial)
        style = cache.get(key)
        if style is None:
            style = self.rich_style if component is None else self.get_component_rich_style(component, partial=partial)
            cache[key] = style
        return style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.__dict__.pop("_style_cache", None)

    def _on_focus(self, event: events.Focus) -> None:
        self.__dict__.pop("_style_cache", None)  # :focus styles differ
        super()._on_focus(event)

    def _on_blur(self, event: events.Blur) -> None:
        self.__dict__.pop("_style_cache", None)
        super()._on_blur(event)
