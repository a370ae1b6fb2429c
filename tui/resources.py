"""Where the bundled dataset and stylesheets are, however oases-tui was installed.

In a wheel they sit inside the package (``tui/data``, ``tui/styles``, put there by
hatch's ``force-include``); in a source checkout or an editable install they are
the top-level ``data/`` and ``styles/`` beside the package. Never the current
working directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
BUNDLED_DATASET_NAME = "oases.toml"


def _folder(name: str) -> Path:
    for base in (_PACKAGE, _PACKAGE.parent):
        folder = base / name
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"oases-tui is installed without its {name}/ folder (looked in {_PACKAGE})")


def bundled_dataset() -> Path:
    """The dataset that ships with oases-tui: the OASES signing ceremony."""
    return _folder("data") / BUNDLED_DATASET_NAME


def stylesheets() -> list[Path]:
    """The app's Textual stylesheets, in the order they apply."""
    return sorted(_folder("styles").glob("*.tcss"))
