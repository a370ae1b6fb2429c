"""The palette's "Screenshot": an SVG of the screen, saved where it can be, and the
notification says where (or why it could not be saved).

Textual's own command saves into the Downloads folder whether or not it exists,
and on failure says only "Failed to save screenshot". Here the Downloads folder
(``~/Downloads``, or the one the XDG user-dirs name) is used if it is there, else
the working directory; each failure's reason is kept for the message.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from platformdirs import user_downloads_path

if TYPE_CHECKING:
    from textual.app import App

WORKING_DIRECTORY = "the working directory"
"""How a working directory that can't be named (it was removed) is named in a message."""


def screenshot_directories() -> list[Union[Path, str]]:
    """Where to try, in order: the Downloads folder if it exists, then the working
    directory (its path, or :data:`WORKING_DIRECTORY` if it no longer has one)."""
    places: list[Union[Path, str]] = []
    downloads = user_downloads_path()
    if downloads.is_dir():
        places.append(downloads)
    try:
        places.append(Path.cwd())
    except OSError:
        places.append(WORKING_DIRECTORY)
    return places


def save_screenshot(app: App[Any]) -> tuple[Optional[str], list[str]]:
    """Save an SVG of ``app``'s screen in the first place that takes it: its path (None
    if none did) and, for each place that failed, "place: reason"."""
    failures: list[str] = []
    for place in screenshot_directories():
        try:
            return app.save_screenshot(path=str(place) if isinstance(place, Path) else os.curdir), failures
        except OSError as error:
            failures.append(f"{place}: {error.strerror or error}")
    return None, failures


def screenshot_and_say(app: App[Any]) -> None:
    """Save a screenshot and notify the user of the file, or of why there is none."""
    saved, failures = save_screenshot(app)
    if saved is not None:
        app.notify(f"Screenshot saved to {saved}", markup=False)
    else:
        app.notify("Could not save the screenshot: " + "; ".join(failures), severity="error", markup=False)
