"""`oases-tui serve` without a browser: what it refuses, what it serves, and that every session ends.

Each test runs the real server (tests/serve_support.py) and talks to it as textual.js
does, with aiohttp's websocket client; the app processes are found through /proc.
The browser itself is tests/test_serve_browser.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import sys
from pathlib import Path

import aiohttp
import pytest
from serve_support import Served, alive, serve_environment
from support import run_python, run_tui

import tui.cli
import tui.web
from tui.web.server import HEARTBEAT, MAX_SESSIONS, STATIC_FILES, _clamp
from tui.web.session import Session


async def open_tab(
    served: Served, http: aiohttp.ClientSession, query: str = "?width=100&height=30"
) -> aiohttp.ClientWebSocketResponse[bool]:
    return await http.ws_connect(served.ws_url + query, origin=served.url.rstrip("/"))


async def first_screen(websocket: aiohttp.ClientWebSocketResponse[bool], timeout: float = 30) -> bytes:
    """What the app sent until its screen showed the firm list's title (the first full frame)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    received = b""
    while b"Firms" not in received:
        assert loop.time() < deadline, f"no first screen in {timeout} s: {received[-500:]!r}"
        message = await websocket.receive(max(0.1, deadline - loop.time()))
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
        else:
            assert message.type == aiohttp.WSMsgType.TEXT, message  # a pong or a note, not the end
    return received


async def closed_by_server(websocket: aiohttp.ClientWebSocketResponse[bool], timeout: float) -> bool:
    """Whether the server closed the websocket within ``timeout`` seconds (app output before that is skipped)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        try:
            message = await websocket.receive(deadline - loop.time())
        except asyncio.TimeoutError:
            return False
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
            return True
    return False


def environ_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(entry.split("=", 1) for entry in raw.decode("utf-8", "replace").split("\0") if "=" in entry)


def cmdline_of(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")[:-1]


# --- refusals: one line, exit 2, nothing listening ------------------------------------------------


def assert_one_line_refusal(ran: tuple[int, str, str], *words: str) -> None:
    status, out, err = ran
    assert status == 2, (out, err)
    assert "serving on" not in out
    assert len(err.splitlines()) == 1, err
    for word in words:
        assert word in err, err


def test_busy_port_is_refused_in_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        ran = run_tui("serve", "--port", str(port), timeout=30)
    assert_one_line_refusal(ran, f"port {port}", "in use", "--port")


@pytest.mark.parametrize(
    ("host", "words"),
    [("192.0.2.1", ["--host 192.0.2.1", "not an address of this machine"]), ("no such host", ["--host no such host", "not a host"])],
)
def test_bad_host_is_refused_in_one_line(host: str, words: list[str]) -> None:
    assert_one_line_refusal(run_tui("serve", "--host", host, "--port", "0", timeout=30), *words)


def test_bad_data_is_refused_before_anything_listens(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\nfirms = [\n", encoding="utf-8")
    ran = run_tui("serve", "--data", str(bad), "--port", "0", timeout=30)
    assert_one_line_refusal(ran, str(bad))


BAD_VALUES = [("--port", "65536"), ("--port", "http"), ("--idle-timeout", "0"), ("--idle-timeout", "inf"), ("--max-sessions", "0")]


@pytest.mark.parametrize(("option", "value"), BAD_VALUES)
def test_bad_option_values_are_refused(option: str, value: str) -> None:
    assert_one_line_refusal(run_tui("serve", option, value), option, repr(value))


def test_without_the_web_extra_serve_says_how_to_install_it() -> None:
    ran = run_python("-c", "import sys; sys.modules['textual_serve'] = None\nfrom tui.cli import main\nraise SystemExit(main(['serve']))")
    assert_one_line_refusal(ran, "textual-serve", "pip install 'oases-tui[web]'")
    assert "Traceback" not in ran.err


def test_the_server_process_never_imports_textual() -> None:
    ran = run_python(
        "-c", "import sys, tui.cli, tui.commands, tui.web.server\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    assert (ran.status, ran.out.strip()) == (0, "[]"), ran.err


def test_the_command_line_defaults_are_the_web_package_s() -> None:
    assert (tui.cli.SERVE_HOST, tui.cli.SERVE_PORT, tui.cli.SERVE_IDLE_TIMEOUT, tui.cli.SERVE_MAX_SESSIONS) == (
        tui.web.DEFAULT_HOST,
        tui.web.DEFAULT_PORT,
        tui.web.IDLE_TIMEOUT,
        MAX_SESSIONS,
    )


def test_listening_beyond_loopback_warns_that_there_is_no_login() -> None:
    with Served("--host", "0.0.0.0") as served:
        warning = [line for line in served.lines if "warning" in line]
    assert len(warning) == 1, served.lines
    assert "no login" in warning[0] and "proxy with TLS" in warning[0]


def test_loopback_prints_no_warning() -> None:
    with Served() as served:
        assert served.url.startswith("http://127.0.0.1:")
        assert not [line for line in served.lines if "warning" in line]


# --- what is served -------------------------------------------------------------------------------


async def test_only_the_page_and_the_files_it_loads_are_served() -> None:
    with Served() as served:
        async with aiohttp.ClientSession() as http:
            async with http.get(served.url) as page:
                assert page.status == 200
                html = await page.text()
                policy = page.headers["Content-Security-Policy"]
            assert "default-src 'none'" in policy and "connect-src 'self'" in policy
            loaded = set(re.findall(r'(?:src|href)="([^"]*)"', html)) | set(re.findall(r'url\("([^"]*)"\)', html))
            assert loaded == set(STATIC_FILES) | {"data:,"}  # data:, is the icon: no favicon request
            for path in STATIC_FILES:
                async with http.get(served.url.rstrip("/") + path) as file:
                    assert file.status == 200, path
                    assert await file.read() == STATIC_FILES[path].read_bytes()
            for path in ("/static/", "/static/images/background.png", "/download/x", "/static/js/../../server.py", "/ws/x", "/page.html"):
                async with http.get(served.url.rstrip("/") + path) as missing:
                    assert missing.status == 404, path


async def test_a_foreign_host_name_or_origin_is_refused() -> None:
    with Served() as served:
        async with aiohttp.ClientSession() as http:
            async with http.get(served.url, headers={"Host": f"rebound.example:{served.port}"}) as page:
                assert page.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(served.ws_url, origin="http://elsewhere.example")
            assert refused.value.status == 403
        assert served.app_pids() == set()


async def test_a_proxy_s_public_name_is_let_in_with_allow_host() -> None:
    with Served("--allow-host", "news.example") as served:
        async with aiohttp.ClientSession() as http:
            async with http.get(served.url, headers={"Host": "news.example"}) as page:
                assert page.status == 200
            # The page's origin is the proxy's (https), whatever Host the proxy sends on.
            websocket = await http.ws_connect(served.ws_url, origin="https://news.example")
            await first_screen(websocket)
            await websocket.close()
            async with http.get(served.url, headers={"Host": "other.example"}) as page:
                assert page.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(served.ws_url, origin="https://other.example")
            assert refused.value.status == 403


# --- sessions -------------------------------------------------------------------------------------


async def test_a_tab_gets_the_fixed_app_which_ends_when_the_tab_closes(tmp_path: Path) -> None:
    env = serve_environment()
    env.update(TMUX="/tmp/tmux-0/default,1,0", TMUX_PANE="%1", DISPLAY=":99", WAYLAND_DISPLAY="wayland-9")
    with Served(env=env) as served:
        async with aiohttp.ClientSession() as http:
            # Nothing in the URL chooses the command or the file; sizes out of bounds are clamped.
            websocket = await open_tab(served, http, "?width=100000&height=100000&data=/etc/passwd&command=sh")
            await first_screen(websocket)
            (pid,) = served.wait_apps(1)
            assert cmdline_of(pid) == [sys.executable, "-m", "tui"]
            environment = environ_of(pid)
            assert "web_driver" in environment["TEXTUAL_DRIVER"]
            assert not {"TMUX", "TMUX_PANE", "DISPLAY", "WAYLAND_DISPLAY"} & set(environment)
            assert os.getpgid(pid) == pid  # its own process group, so signals reach the app itself
            assert any("session 1 started" in line and "500x500" in line for line in served.lines), served.lines
            # Messages textual.js would never send are ignored; the app keeps answering.
            for junk in ("nonsense", "[]", "{}", '["stdin", 5]', '["resize", {"width": "wide"}]', '["ping", {"x": 1}]', '[7, "q"]'):
                await websocket.send_str(junk)
            await websocket.send_str(json.dumps(["ping", "123"]))
            while True:
                message = await websocket.receive(10)
                if message.type == aiohttp.WSMsgType.TEXT:
                    assert json.loads(message.data) == ["pong", "123"]
                    break
            assert alive(pid)
            await websocket.close()
        assert served.wait_gone({pid}), f"app {pid} outlived its tab"
        assert served.wait_line(re.compile(r"session 1 ended: tab closed"), 10), served.lines


async def test_a_tab_beyond_max_sessions_is_refused_until_one_closes() -> None:
    with Served("--max-sessions", "1") as served:
        async with aiohttp.ClientSession() as http:
            first = await open_tab(served, http)
            await first_screen(first)
            (pid,) = served.wait_apps(1)
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await open_tab(served, http)
            assert refused.value.status == 503
            assert served.app_pids() == {pid}
            await first.close()
            assert served.wait_gone({pid})
            await first_screen(await open_tab(served, http))  # room again


async def test_a_resize_reaches_the_app() -> None:
    with Served() as served:
        async with aiohttp.ClientSession() as http:
            websocket = await open_tab(served, http)  # 100x30: all four panes
            assert b"3: summary" not in await first_screen(websocket)
            await websocket.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))  # the same size: nothing to do
            await websocket.send_str(json.dumps(["resize", {"width": 80, "height": 24}]))
            loop = asyncio.get_running_loop()
            deadline, received = loop.time() + 20, b""
            while b"3: summary" not in received:  # at 80x24 the summary and the source share a cell
                assert loop.time() < deadline, received[-300:]
                message = await websocket.receive(20)
                received += message.data if message.type == aiohttp.WSMsgType.BINARY else b""


async def test_a_tui_folder_where_the_server_was_started_is_not_what_a_tab_runs(tmp_path: Path) -> None:
    """``python -m tui`` looks in its working directory first: the apps run where this package is."""
    impostor = tmp_path / "tui"
    impostor.mkdir()
    (impostor / "__init__.py").write_text("", encoding="utf-8")
    (impostor / "__main__.py").write_text("print('__GANGLION__', flush=True)\nimport time\ntime.sleep(60)\n", encoding="utf-8")
    console_script = Path(sys.executable).parent / "oases-tui"
    if not console_script.exists():
        pytest.skip("oases-tui is not installed in this environment (pip install -e '.[test]')")
    with Served(command=[str(console_script), "serve", "--port", "0"], cwd=tmp_path) as served:
        async with aiohttp.ClientSession() as http:
            websocket = await open_tab(served, http)
            await first_screen(websocket)  # the real app's screen: the impostor draws nothing
            (pid,) = served.wait_apps(1)
            assert Path(f"/proc/{pid}/cwd").resolve() != tmp_path.resolve()
            await websocket.close()


async def test_quitting_the_app_closes_its_tab() -> None:
    with Served() as served:
        async with aiohttp.ClientSession() as http:
            websocket = await open_tab(served, http)
            await first_screen(websocket)
            (pid,) = served.wait_apps(1)
            await websocket.send_str(json.dumps(["stdin", "q"]))
            assert await closed_by_server(websocket, 15)
        assert served.wait_gone({pid})
        assert served.wait_line(re.compile(r"session 1 ended: the app ended"), 10), served.lines


async def test_an_idle_session_ends_after_the_idle_timeout() -> None:
    # Long enough for the first screen to arrive on a busy machine before the session is idle.
    with Served("--idle-timeout", "4") as served:
        async with aiohttp.ClientSession() as http:
            websocket = await open_tab(served, http)
            await first_screen(websocket)
            (pid,) = served.wait_apps(1)
            assert await closed_by_server(websocket, 20), "the idle session's tab was never closed"
        assert served.wait_gone({pid})
        assert served.wait_line(re.compile(r"session 1 ended: idle for 4 s"), 10), served.lines


async def test_a_tab_whose_browser_stops_answering_ends_with_the_heartbeat() -> None:
    """A browser that died without closing (or a network gone): the websocket's pings go unanswered."""
    with Served() as served:
        async with aiohttp.ClientSession() as http:
            silent = await http.ws_connect(served.ws_url + "?width=100&height=30", origin=served.url.rstrip("/"), autoping=False)
            (pid,) = served.wait_apps(1)
            # Never read: no pong goes back. The server pings every HEARTBEAT s and gives up half a beat later.
            assert await asyncio.to_thread(served.wait_gone, {pid}, HEARTBEAT * 3), "app outlived a dead connection"
            assert served.wait_line(re.compile(r"session 1 ended: tab closed"), 10), served.lines
            await silent.close()


async def test_the_server_s_sigterm_ends_every_session() -> None:
    with Served() as served:
        async with aiohttp.ClientSession() as http:
            tabs = [await open_tab(served, http) for _ in range(2)]
            for tab in tabs:
                await first_screen(tab)
            pids = served.wait_apps(2)
            served.process.send_signal(signal.SIGTERM)
            assert await asyncio.to_thread(served.process.wait, 20) == 0
            for tab in tabs:
                assert await closed_by_server(tab, 5)
        assert served.wait_gone(pids, 5), "an app outlived the server"
        assert any("stopping: ending 2 session(s)" in line for line in served.lines), served.lines


def test_terminal_sizes_from_the_browser_are_clamped() -> None:
    assert [_clamp(value, 80) for value in ("120", "100000", "-3", "0", "x", None, 10**400, "7.5")] == [120, 500, 1, 1, 80, 80, 500, 80]


STUBBORN_APP = """
import signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
print("__GANGLION__", flush=True)
while True:
    time.sleep(1)  # never reads its input, so never sees the quit message
"""


async def test_an_app_that_ignores_quit_and_sigterm_is_killed_within_bounds(tmp_path: Path) -> None:
    from textual_serve.download_manager import DownloadManager

    async def ignore(data: object) -> None:
        return None

    async def nothing() -> None:
        return None

    session = Session(
        [sys.executable, "-c", STUBBORN_APP],
        cwd=tmp_path,
        write_bytes=ignore,
        write_str=ignore,
        close=nothing,
        download_manager=DownloadManager(),
    )
    await session.start(80, 24)
    assert session.pid is not None and alive(session.pid)
    # quit (never read), then SIGTERM (ignored), then SIGKILL: stop() returns, the app is gone.
    # Without the SIGKILL, stop() would wait for ever: wait_for turns that into a failure.
    await asyncio.wait_for(session.stop(), 30)
    assert not alive(session.pid)
