"""Helpers for the app tests: build apps on real datasets, read what the screen shows."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, Optional

from textual.app import App
from textual.pilot import Pilot

from tui.app.oases_app import OasesApp
from tui.core.loader import load_dataset
from tui.core.resources import bundled_dataset


def make_app(path: Optional[Path] = None) -> OasesApp:
    return OasesApp(load_dataset(path or bundled_dataset()))


def screen_text(app: App[Any]) -> str:
    """Everything on the screen as plain text, as the terminal would show it."""
    return "\n".join(strip.text.rstrip() for strip in app.screen._compositor.render_strips())


async def until(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until ``condition`` holds (work it does after a frame is painted, or
    in a worker thread), failing if it has not within ``timeout`` seconds: a wait with a
    generous bound, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app never got there")
        await pilot.pause(0.02)


async def settled(pilot: Pilot[Any]) -> None:
    """Wait until the fact lists and the source pane are laid out in full (they wrap
    what is below their bottom edge after the frame is painted)."""
    from tui.app.widgets.article_view import ArticleView
    from tui.app.widgets.fact_list import FactList

    def done() -> bool:
        screen = pilot.app.screen_stack[0]
        views = [*screen.query(FactList), *screen.query(ArticleView)]
        return all(view.laid_out for view in views if view.display and view.size.area)

    await until(pilot, done)
