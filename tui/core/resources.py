"""Where the bundled dataset and stylesheets are, however oases-tui was installed.

In a wheel they sit inside the package (``tui/data``, ``tui/styles``, put there by
hatch's ``force-include``); in a source checkout or an editable install they are
the top-level ``data/`` and ``styles/`` beside the package. Never the current
working directory.

The folders are found with ``os.path``: ``check`` and ``export`` only need the
dataset's file name, and importing :mod:`pathlib` would cost them a tenth of
their time on every run (it pulls in ``urllib.parse``). The functions the app and the tests use
still return :class:`~pathlib.Path` objects, importing pathlib when called.
"""

from __future__ import annotations

import os

from tui import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
"""The ``tui`` package's folder (this module is in ``tui/core``)."""
BUNDLED_DATASET_NAME = "oases.toml"


def _folder(name: str) -> str:
    for base in (_PACKAGE, os.path.dirname(_PACKAGE)):
        folder = os.path.join(base, name)
        if os.path.isdir(folder):
            return folder
    raise FileNotFoundError(f"oases-tui is installed without its {name}/ folder (looked in {_PACKAGE})")


def bundled_dataset_file() -> str:
    """The file name of the dataset that ships with oases-tui, as ``check`` and ``export`` open it."""
    return os.path.join(_folder("data"), BUNDLED_DATASET_NAME)


def bundled_dataset() -> Path:
    """The dataset that ships with oases-tui: the OASES signing ceremony."""
    from pathlib import Path

    return Path(bundled_dataset_file())


def stylesheet(name: str) -> Path:
    """One of the Textual stylesheets: ``app.tcss`` for the browser, and one for each
    part that loads on first use (the help screen, the search bar), so start-up
    parses only what the first frame shows."""
    from pathlib import Path

    return Path(_folder("styles"), name)
