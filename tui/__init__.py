"""oases-tui: a terminal browser for the facts of one news article, each tied to its sentence."""

__version__ = "0.1.0"
