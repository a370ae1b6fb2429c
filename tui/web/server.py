"""The web server behind ``oases-tui serve``: textual-serve's, narrowed to what our page needs.

textual-serve's :class:`~textual_serve.server.Server` lists its static folder,
serves downloads, takes any JSON from the websocket on trust, starts apps through
a shell and waits for them unbounded. :class:`Server` keeps its relay and serves:

- ``/``: our page (``page.html``), ``/static/js/start.js`` (its script) and the four
  textual-serve files it loads (``textual.js``, ``xterm.css``, two Roboto Mono
  fonts); every other path is a 404;
- ``/ws``: one :class:`~tui.web.session.Session` per connection, the app started
  with the command fixed at start-up. A browser's websocket from another origin is
  refused (403), malformed messages are ignored and terminal sizes clamped;
- on loopback, only requests that name a loopback host (``Host:``) or an
  ``--allow-host`` name, so a page elsewhere cannot reach the server through a DNS
  name it re-points at 127.0.0.1.

Sessions end when their tab closes (or its connection stops answering the
websocket heartbeat), after ``idle_timeout`` seconds without input, or when the
server gets SIGINT, SIGTERM or SIGHUP: every session is stopped before it exits.

:func:`bind` takes the socket before anything is served, so a busy port or a bad
host is one :class:`ServeRefused` line, never a traceback from inside aiohttp.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import json
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.server import Server as TextualServer

from tui.web.session import Session

HERE = Path(__file__).parent
TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"
STATIC_FILES = {
    "/static/js/start.js": HERE / "start.js",
    "/static/js/textual.js": TEXTUAL_SERVE_STATIC / "js" / "textual.js",
    "/static/css/xterm.css": TEXTUAL_SERVE_STATIC / "css" / "xterm.css",
    "/static/fonts/RobotoMono-VariableFont_wght.ttf": TEXTUAL_SERVE_STATIC / "fonts" / "RobotoMono-VariableFont_wght.ttf",
    "/static/fonts/RobotoMono-Italic-VariableFont_wght.ttf": TEXTUAL_SERVE_STATIC / "fonts" / "RobotoMono-Italic-VariableFont_wght.ttf",
}
"""Every file the page loads, by URL path: nothing else of the disk is served."""

PAGE_HEADERS = {
    # The browser itself holds the page to this server: scripts, styles, fonts and the
    # websocket from here only (xterm.js adds <style> elements, hence 'unsafe-inline').
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

MAX_CELLS = 500
"""The widest and tallest terminal a tab may ask for, in cells (at least 1)."""
MAX_PING_LENGTH = 64
HEARTBEAT = 15.0
"""Seconds between websocket pings: a tab whose browser died stops answering and its session ends."""
MAX_SESSIONS = 20
"""How many tabs may have an app at once by default (each app takes some 30 MB: tests/bench/web.py)."""
SHUTDOWN_GRACE = 10.0
"""Seconds the server waits, once every session is stopped, for their connections to finish."""


class ServeRefused(Exception):
    """Why ``serve`` cannot start, in one line (without the ``oases-tui serve:`` prefix)."""


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: any free port), or :class:`ServeRefused`."""
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as error:
        raise ServeRefused(f"--host {host}: not a host name or address this machine knows ({_reason(error)})") from None
    listener = socket.socket(family, kind, protocol)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart need not wait out TIME_WAIT
        listener.bind(address)
        listener.listen(128)
    except OSError as error:
        listener.close()
        if error.errno == errno.EADDRINUSE:
            raise ServeRefused(f"port {port} on {host} is in use (another server? choose another with --port)") from None
        if error.errno == errno.EADDRNOTAVAIL:
            raise ServeRefused(f"--host {host}: not an address of this machine") from None
        if error.errno == errno.EACCES:
            raise ServeRefused(f"port {port}: not allowed (ports below 1024 need privileges; choose --port 1024 or above)") from None
        raise ServeRefused(f"cannot listen on {host} port {port}: {_reason(error)}") from None
    listener.setblocking(False)
    return listener


def _reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or error)


def is_loopback(listener: socket.socket) -> bool:
    """Whether the socket listens on a loopback address only (127.0.0.0/8, ::1)."""
    address = str(listener.getsockname()[0]).split("%")[0]
    return ipaddress.ip_address(address).is_loopback


def page_url(host: str, listener: socket.socket) -> str:
    """The URL to open: the host as given (a name stays a name), the port actually bound."""
    port = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def _loopback_name(name: Optional[str], bound_host: str) -> bool:
    if not name:
        return False
    name = name.lower().rstrip(".")
    if name in ("localhost", bound_host.lower()):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _clamp(value: Any, default: int) -> int:
    """A terminal dimension from the browser: an integer in 1..MAX_CELLS, else ``default``."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return min(MAX_CELLS, max(1, number))


class Server(TextualServer):
    """Serves the page and one app per tab (see the module docstring); :meth:`serve` runs it until a signal."""

    def __init__(
        self,
        argv: Sequence[str],
        listener: socket.socket,
        host: str,
        idle_timeout: float,
        cwd: Path,
        max_sessions: int = MAX_SESSIONS,
        allowed_hosts: Sequence[str] = (),
    ) -> None:
        super().__init__(" ".join(argv), host=host, port=listener.getsockname()[1], title="oases-tui")
        self.argv = tuple(argv)
        self.cwd = cwd
        self.listener = listener
        self.idle_timeout = idle_timeout
        self.max_sessions = max_sessions
        self.allowed_hosts = frozenset(name.lower().rstrip(".") for name in allowed_hosts)
        """Host names the page may be reached by besides this machine's own (a proxy's public name)."""
        self.loopback_only = is_loopback(listener)
        self.url = page_url(host, listener)
        self.sessions: set[Session] = set()
        self._opened = 0

    # --- running -----------------------------------------------------------------------------------

    def serve(self, debug: bool = False) -> None:
        asyncio.run(self._run())

    async def _run(self) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(signum, stop.set)
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None, shutdown_timeout=SHUTDOWN_GRACE)
        await runner.setup()
        await web.SockSite(runner, self.listener).start()
        _say(f"oases-tui serving on {self.url} (ctrl+c stops it and every session)")
        watchdog = asyncio.ensure_future(self._end_idle_sessions())
        try:
            await stop.wait()
        finally:
            watchdog.cancel()
            _say(f"stopping: ending {len(self.sessions)} session(s)")
            await runner.cleanup()  # calls on_shutdown, which ends every session
        _say("stopped")

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._only_loopback_hosts] if self.loopback_only else [])
        app.router.add_get("/", self.handle_page)
        app.router.add_get("/ws", self.handle_websocket)
        for path in STATIC_FILES:
            app.router.add_get(path, self.handle_static)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(self._end(session, "server stopping") for session in list(self.sessions)))

    async def _end_idle_sessions(self) -> None:
        every = min(30.0, max(0.2, self.idle_timeout / 4))
        while True:
            await asyncio.sleep(every)
            idle = [session for session in self.sessions if session.idle_seconds() >= self.idle_timeout]
            await asyncio.gather(*(self._end(session, f"idle for {self.idle_timeout:g} s") for session in idle))

    async def _end(self, session: Session, reason: str) -> None:
        session.end_reason = session.end_reason or reason
        await session.stop()
        with contextlib.suppress(Exception):
            await session.remote_close()

    # --- requests ----------------------------------------------------------------------------------

    @web.middleware
    async def _only_loopback_hosts(self, request: web.Request, handler: Any) -> web.StreamResponse:
        name = (urlsplit(f"//{request.host}").hostname or "").lower()
        if not (_loopback_name(name, self.host) or name in self.allowed_hosts):
            raise web.HTTPForbidden(text="this server answers only to a loopback host name\n")
        response: web.StreamResponse = await handler(request)
        return response

    def _own_origin(self, origin: str, host: str) -> bool:
        """Whether a websocket's Origin is this server's page: the host it asked for, or an --allow-host name
        (behind a proxy the page's origin is the proxy's, https://NAME, whatever Host the proxy sends on)."""
        parts = urlsplit(origin)
        return parts.netloc.lower() == host.lower() or (parts.hostname or "").lower() in self.allowed_hosts

    async def handle_page(self, request: web.Request) -> web.Response:
        return web.Response(body=(HERE / "page.html").read_bytes(), content_type="text/html", charset="utf-8", headers=PAGE_HEADERS)

    async def handle_static(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC_FILES[request.path], headers={"X-Content-Type-Options": "nosniff"})

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin is not None and not self._own_origin(origin, request.host):
            raise web.HTTPForbidden(text="websocket from another origin\n")
        if len(self.sessions) >= self.max_sessions:
            _say(f"refused a session: {self.max_sessions} already open (--max-sessions)")
            raise web.HTTPServiceUnavailable(text=f"{self.max_sessions} sessions are open already; try again later\n")
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT)
        width = _clamp(request.query.get("width"), 80)
        height = _clamp(request.query.get("height"), 24)
        await websocket.prepare(request)

        async def close() -> None:
            await websocket.close()

        session = Session(
            self.argv,
            cwd=self.cwd,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
        )
        self._opened += 1
        number = self._opened
        self.sessions.add(session)
        try:
            await session.start(width, height)
            _say(f"session {number} started: pid {session.pid}, {width}x{height} ({len(self.sessions)} open)")
            await self._relay_input(websocket, session)
        finally:
            self.sessions.discard(session)
            await self._end(session, "tab closed")
            _say(f"session {number} ended: {session.end_reason} (pid {session.pid})")
        return websocket

    async def _relay_input(self, websocket: web.WebSocketResponse, session: Session) -> None:
        """Pass what textual.js sends on to the app; anything not shaped as textual.js shapes it is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await session.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await session.set_terminal_size(_clamp(data.get("width"), 80), _clamp(data.get("height"), 24))
            elif kind == "ping" and isinstance(data, str) and len(data) <= MAX_PING_LENGTH:
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()


def _say(line: str) -> None:
    print(line, flush=True)


def serve(
    data: Optional[str], host: str, port: int, idle_timeout: float, max_sessions: int = MAX_SESSIONS, allowed_hosts: Sequence[str] = ()
) -> int:
    """``oases-tui serve``: check the dataset, bind, then serve until a signal. The exit status."""
    import tui
    from tui import exit_codes
    from tui.commands import load

    load(data)  # a bad file is a DatasetError: one line per problem, exit 2, before anything listens
    package_parent = Path(tui.__file__).resolve().parent.parent
    argv = [sys.executable, "-m", "tui"]
    if data is not None:
        argv += ["--data", str(Path(data).resolve())]
    try:
        listener = bind(host, port)
    except ServeRefused as refusal:
        print(f"oases-tui serve: {refusal}", file=sys.stderr)
        return exit_codes.BAD_INPUT
    server = Server(argv, listener, host, idle_timeout, cwd=package_parent, max_sessions=max_sessions, allowed_hosts=allowed_hosts)
    if not server.loopback_only:
        print(
            f"oases-tui serve: warning: listening on {host}, not only this machine: the page has no login, "
            "so anyone who reaches the port gets the app; put it behind a proxy with TLS and authentication",
            file=sys.stderr,
            flush=True,
        )
    server.serve()
    return exit_codes.OK
