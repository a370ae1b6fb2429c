"""``oases-tui serve``: the same app in a browser tab, one app process per tab.

What lives here:

- :mod:`tui.web.server`: the web server (textual-serve's, narrowed): it binds its
  socket before serving, so a busy port or a bad host is refused in one line; it
  serves only our page, the few static files that page needs and the websocket;
  every tab gets a :class:`~tui.web.server.Session`, an app process started with a
  fixed command, ended when the tab closes, when it has been idle for the idle
  timeout, or when the server stops.
- ``page.html``: our copy of textual-serve's page, without its web-font CDN: the
  Roboto Mono files textual-serve ships are served by the server itself, so the page
  requests nothing but the server (no favicon either).

This package never imports Textual or :mod:`tui.app` (an import-linter contract):
the server process only relays bytes, and each app runs as ``python -m tui`` in its
own process. textual-serve is an optional extra (``pip install 'oases-tui[web]'``).
"""

DEFAULT_HOST = "127.0.0.1"
"""Loopback: only this machine can open the page unless ``--host`` says otherwise."""
DEFAULT_PORT = 8000
IDLE_TIMEOUT = 1800.0
"""Seconds without a key, a click or a resize from the tab before its app is ended (30 minutes)."""
INSTALL_HINT = "pip install 'oases-tui[web]'"
"""What to run when textual-serve is missing."""
