"""Helpers for the app tests: build apps on real datasets, read what the screen shows."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from textual.app import App

from tui.app import OasesApp
from tui.loader import load_dataset
from tui.resources import bundled_dataset


def make_app(path: Optional[Path] = None) -> OasesApp:
    return OasesApp(load_dataset(path or bundled_dataset()))


def screen_text(app: App[object]) -> str:
    """Everything on the screen as plain text, as the terminal would show it."""
    return "\n".join(strip.text.rstrip() for strip in app.screen._compositor.render_strips())
