"""Web benchmark: `oases-tui serve` in a real headless Chromium, against a minimal Textual app served the same way.

    python tests/bench/web.py [--runs 5] [--tabs 10]

Measures, interleaved in one run so a busy machine slows all alike:
  - page load to first full screen: from the browser being told to open the page to the
    terminal showing (a) a minimal Textual app's one Static, served by the same
    :class:`tui.web.server.Server`, and (b) oases-tui with every pane filled; each in a new
    tab, closed after; medians of ``--runs`` and the ratio b/a (target: 1.2x);
  - what drawing such a screen costs, whatever the app: (c) a minimal app whose one Static
    holds oases-tui's first screen, colours and all (taken in Pilot at the page's terminal
    size), served and timed the same way; the ratios c/a (xterm.js drawing a full screen
    rather than one word) and b/c (oases-tui against the same screen from a minimal app);
  - memory: ``--tabs`` tabs open on oases-tui at once, each on its first screen; the app
    processes' proportional set size (PSS, /proc/PID/smaps_rollup: shared pages split
    between the processes sharing them) per session, and the server's own.

Needs chromium and chromium-driver (as the tests: tests/browser_support.py).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: browser_support, serve_support, app_support

from app_support import make_app, settled  # noqa: E402
from browser_support import chromium, new_tab, screen_text  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.text import Text  # noqa: E402
from selenium import webdriver  # noqa: E402
from serve_support import Served, wait_for  # noqa: E402

MINIMAL_APP = """\
from textual.app import App
from textual.widgets import Static


class Minimal(App):
    def compose(self):
        yield Static("minimal-ready")


Minimal().run()
"""

FILLED_APP = """\
from pathlib import Path
from rich.text import Text
from textual.app import App
from textual.widgets import Static

SCREEN = Text.from_ansi(Path({screen!r}).read_text(encoding="utf-8"), no_wrap=True)


class Filled(App):
    CSS = "Static {{ width: 100%; height: 100%; }}"

    def compose(self):
        yield Static(SCREEN)


Filled().run()
"""
"""A minimal app showing, as one Static, the screen in the file ``screen`` (ANSI: text and colours)."""

TERMINAL_SIZE = "const t = (window.__terminals || [])[0]; return t ? [t.cols, t.rows] : null;"

SERVE_MINIMAL = """\
import sys
from pathlib import Path
from typing import Callable
from tui.web.server import Server, bind
listener = bind("127.0.0.1", 0)
Server([sys.executable, sys.argv[1]], listener, "127.0.0.1", 1800.0, cwd=Path(sys.argv[1]).parent).serve()
"""


def oases_ready(text: str) -> bool:
    return "8 of 17 named" in text and "4 Source" in text and "palette" in text and "Seventeen companies" in text


def minimal_ready(text: str) -> bool:
    return "minimal-ready" in text


def first_screen_seconds(driver: webdriver.Chrome, served: Served, ready: Callable[[str], bool]) -> float:
    """Seconds from asking for the page to its terminal showing a screen ``ready`` accepts, in a new tab
    (closed after, and its app waited for, so that no app is ending while the next run starts)."""
    url = served.url
    keep = driver.window_handles[0]
    new_tab(driver)
    began = time.perf_counter()
    driver.get(url)
    while not ready(screen_text(driver) or ""):
        if time.perf_counter() - began > 60:
            raise SystemExit(f"no first screen from {url} in 60 s")
        time.sleep(0.005)
    took = time.perf_counter() - began
    driver.close()
    driver.switch_to.window(keep)
    if not wait_for(lambda: not served.app_pids(), 15):
        raise SystemExit("an app outlived its closed tab")
    return took


def terminal_size(driver: webdriver.Chrome, served: Served, ready: Callable[[str], bool]) -> tuple[int, int]:
    """The columns and rows of the page's terminal, as a tab opened on ``served`` has it."""
    keep = driver.window_handles[0]
    new_tab(driver)
    driver.get(served.url)
    deadline = time.monotonic() + 60
    while not ready(screen_text(driver) or ""):
        if time.monotonic() > deadline:
            raise SystemExit(f"no first screen from {served.url} in 60 s")
        time.sleep(0.05)
    cols, rows = driver.execute_script(TERMINAL_SIZE)
    driver.close()
    driver.switch_to.window(keep)
    return int(cols), int(rows)


def oases_first_screen(size: tuple[int, int]) -> str:
    """oases-tui's first screen at ``size`` as ANSI text (every cell's character and colours), from Pilot."""

    async def take() -> str:
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settled(pilot)
            strips = app.screen._compositor.render_strips()
        lines = [Text.assemble(*((segment.text, segment.style or "") for segment in strip if not segment.control)) for strip in strips]
        output = io.StringIO()
        console = Console(file=output, color_system="truecolor", force_terminal=True, width=size[0])
        console.print(Text("\n").join(lines), end="", soft_wrap=True)
        return output.getvalue()

    return asyncio.run(take())


def pss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise SystemExit(f"no Pss in /proc/{pid}/smaps_rollup")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tabs", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        script = Path(folder) / "serve_minimal.py"
        script.write_text(SERVE_MINIMAL, encoding="utf-8")
        driver = chromium()
        try:
            with Served() as oases:
                # The minimal apps, served by the same Server (argv replaced by the minimal app's).
                with Served(command=[sys.executable, str(script), str(minimal)]) as minimal_served:
                    size = terminal_size(driver, minimal_served, minimal_ready)  # (and warms the browser's caches)
                    screen = Path(folder) / "oases_first_screen.ansi"
                    screen.write_text(oases_first_screen(size), encoding="utf-8")
                    filled = Path(folder) / "filled_app.py"
                    filled.write_text(FILLED_APP.format(screen=str(screen)), encoding="utf-8")
                    with Served(command=[sys.executable, str(script), str(filled)]) as filled_served:
                        apps = {
                            "minimal": (minimal_served, minimal_ready),
                            "oases": (oases, oases_ready),
                            "filled": (filled_served, oases_ready),  # the same screen: the same text shows it
                        }
                        for served, ready in apps.values():
                            first_screen_seconds(driver, served, ready)  # warm the browser's caches alike
                        times: dict[str, list[float]] = {name: [] for name in apps}
                        for _ in range(args.runs):
                            for name, (served, ready) in apps.items():
                                times[name].append(first_screen_seconds(driver, served, ready))
                a, b, c = (statistics.median(times[name]) for name in ("minimal", "oases", "filled"))

                def runs(name: str) -> str:
                    return ", ".join(f"{t * 1000:.0f}" for t in times[name])

                where = f"headless Chromium, this server, a {size[0]}x{size[1]} terminal"
                print(f"page load to first full screen, median of {args.runs} ({where}):")
                print(f"  (a) minimal Textual app            {a * 1000:7.0f} ms   runs: {runs('minimal')}")
                print(f"  (b) oases-tui                      {b * 1000:7.0f} ms   runs: {runs('oases')}")
                print(f"  (c) (b)'s first screen as one Static {c * 1000:5.0f} ms   runs: {runs('filled')}")
                print(f"  ratio b/a                          {b / a:7.2f}x  (target <= 1.2x)")
                print(f"  ratio c/a                          {c / a:7.2f}x  (drawing that screen, whatever the app)")
                print(f"  ratio b/c                          {b / c:7.2f}x  (oases-tui against the same screen from a minimal app)")

                assert wait_for(lambda: not oases.app_pids(), 15), "apps of the timing runs still running"
                keep = driver.window_handles[0]
                for _ in range(args.tabs):
                    new_tab(driver)
                    driver.get(oases.url)
                    deadline = time.monotonic() + 60
                    while not oases_ready(screen_text(driver) or ""):
                        assert time.monotonic() < deadline, "a tab never showed its first screen"
                        time.sleep(0.05)
                pids = oases.app_pids()
                assert len(pids) == args.tabs, f"{len(pids)} app processes for {args.tabs} tabs"
                per_session = [pss_kib(pid) / 1024 for pid in pids]
                print(f"memory with {args.tabs} tabs open (PSS):")
                low, high = min(per_session), max(per_session)
                print(f"  per session  median {statistics.median(per_session):6.1f} MiB   (min {low:.1f}, max {high:.1f})")
                print(f"  all sessions        {sum(per_session):6.1f} MiB")
                print(f"  the server          {pss_kib(oases.process.pid) / 1024:6.1f} MiB")
                for handle in driver.window_handles:
                    if handle != keep:
                        driver.switch_to.window(handle)
                        driver.close()
                driver.switch_to.window(keep)
                print(f"  tabs closed: apps gone {'yes' if oases.wait_gone(pids) else 'NO'}")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
