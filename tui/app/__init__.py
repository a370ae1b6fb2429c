"""The Textual app: the browser's screen, its panes and what its keys do.

What lives here: :mod:`.oases_app` (the app: the panes wired together, the
layout, the keys that act across panes), :mod:`.palette` (the command palette's
commands), :mod:`.copying` (delivering a copy to the clipboard and saying so),
:mod:`.keys` (the key table the help screen shows) and :mod:`.widgets` (one
widget per module).

What it may import: Textual, rich and :mod:`tui.core`. The widgets take model
objects and post messages; they never import the app module, the palette or
the copying (the app listens to them, not the other way round). Nothing in
:mod:`tui.core` or the non-interactive commands imports this package, so
``oases-tui check`` never loads Textual. import-linter checks both rules in CI.
"""
