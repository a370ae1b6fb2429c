"""oases-tui: a terminal browser for the facts of one news article, each tied to its sentence.

The package in three parts (``tui/ARCHITECTURE.md`` has the map):

- :mod:`tui.core`: the data layer (model, loading, search, formats), no Textual;
- :mod:`tui.app`: the Textual app and its widgets;
- :mod:`tui.web`: ``oases-tui serve``, the app in a browser tab (the ``[web]`` extra);
- the entry points: :mod:`tui.cli` (the command line) and :mod:`tui.commands`
  (``check`` and ``export``, which run on :mod:`tui.core` alone).
"""

__version__ = "0.1.0"

TYPE_CHECKING = False
"""True to type checkers (they treat any name ``TYPE_CHECKING`` so), False at run time.

The one stand-in for ``typing.TYPE_CHECKING``: the entry points and the data layer
import names for annotations only under ``if TYPE_CHECKING:`` from here, so that
``oases-tui check``, ``export``, ``--help`` and ``--version`` never import
:mod:`typing` (see :mod:`tui.core`'s rule on records). The app imports typing
anyway (Textual does) and uses ``typing.TYPE_CHECKING`` directly."""
