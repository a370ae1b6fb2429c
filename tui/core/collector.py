"""Pausing Python's cyclic garbage collector where a burst of allocation would make it work in vain.

Loading a dataset, building the search index and starting the app each allocate
a great many objects (millions, for a 100,000-firm file) and make no reference
cycles; left on, the collector rescans them again and again and frees nothing.
This is the one place that turns it off and on, so every pause is undone the
same way. A plain class, not ``contextlib``: ``oases-tui check`` doesn't pay for
that import.
"""

from __future__ import annotations

import gc


class paused:  # noqa: N801 (used as a function: ``with paused():``)
    """``with paused():`` runs its block without the collector, then leaves it as it was."""

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self._was_enabled:
            gc.enable()


def pause() -> None:
    """Off until :func:`freeze_and_resume` (the app's start-up, until its first frame)."""
    gc.disable()


def freeze_and_resume() -> None:
    """Move everything alive now (the dataset, the app's widgets: they live as long as the
    process) out of the collector's reach for good, then let it run for what comes after."""
    gc.freeze()
    gc.enable()
