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
        """The widget's own style (``component=None``) or a component class's: in full, or
        with ``partial`` only what the class itself sets, to draw over the widget's style."""
        cache: dict[tuple[Optional[str], bool], Style] = self.__dict__.setdefault("_style_cache", {})
        key = (component, partial)
        style = cache.get(key)
        if style is None:
            if component is None:
                style = self.rich_style
            else:
                style = self._layer_style(component) if partial else self.get_component_rich_style(component)
            cache[key] = style
        return style

    def cursor_styles(self, component: str) -> tuple[Style, Optional[Style]]:
        """A cursor row's styles: the component class in full, to draw the row in, and
        the text colour it sets (if it sets one, as the focused cursor does) to draw over
        the row's text, so muted or coloured text stays readable on the cursor."""
        colour = self.style_for(component, partial=True).color
        return self.style_for(component), (Style(color=colour) if colour is not None else None)

    def _layer_style(self, component: str) -> Style:
        """What a component class sets: its text style, and its colours blended over the
        widget's background as Textual blends a widget's own. Textual's partial style
        drops a colour's alpha, so the tint ``$warning 35%`` came out as the full orange
        (grey text on it, hard to read) and ``$text-muted`` ("auto 60%") as white."""
        styles = self.get_component_styles(component)
        below = self.background_colors[1]
        background = below + styles.background if styles.has_rule("background") else None
        color = None
        if styles.has_rule("color"):
            under = background or below
            color = styles.color
            if styles.has_rule("auto_color") and styles.auto_color:
                color = under.get_contrast_text(color.a)
            color = under + color
        return Style(color=color and color.rich_color, bgcolor=background and background.rich_color) + styles.text_style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.__dict__.pop("_style_cache", None)

    def _on_focus(self, event: events.Focus) -> None:
        self.__dict__.pop("_style_cache", None)  # :focus styles differ
        super()._on_focus(event)

    def _on_blur(self, event: events.Blur) -> None:
        self.__dict__.pop("_style_cache", None)
        super()._on_blur(event)
