"""The data layer: everything oases-tui knows, with no screen attached.

What lives here: the model (:mod:`.model`, its records made by :mod:`.records`),
the article and where its quotes are (:mod:`.article`), reading and validating
a dataset (:mod:`.loader`, with :mod:`.problems` and :mod:`.locate` for what is
wrong with one), finding firms (:mod:`.search`), the programme summary
(:mod:`.summary`), the text of every export and copy (:mod:`.formats`,
:mod:`.copy_text`), the platform's clipboard tools (:mod:`.native_clipboard`)
and where the bundled files are (:mod:`.resources`).

What it may import: the standard library, ``tomli`` and ``rich``'s cell widths,
and itself. Never Textual, never :mod:`tui.app`, never the command line: the
non-interactive commands (``check``, ``export``) run on this package alone, and
the app only ever hands it model objects. An import-linter contract in CI
(``[tool.importlinter]`` in pyproject.toml) holds it to that.

One way to make a record. Every record here is a NamedTuple made with
:class:`tui.core.records.NamedTuple`: ``typing.NamedTuple`` to type checkers,
built from :func:`collections.namedtuple` at run time, because ``check`` and
``export`` would otherwise import :mod:`typing` for it on every run, a cost the
README's Performance section measures against the commands' 3x budget. So
modules here say ``from __future__ import annotations`` and import the names
they annotate with only under ``if TYPE_CHECKING:`` (:data:`tui.TYPE_CHECKING`).
NamedTuples rather than dataclasses: immutable all the same, quicker to create
(a 100,000-firm file makes over a million) and no ``dataclasses`` import.
"""
