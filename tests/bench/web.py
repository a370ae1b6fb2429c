"""Web benchmark: `oases-tui serve` in a real headless Chromium, against a minimal Textual app served the same way.

    python tests/bench/web.py [--runs 5] [--tabs 10]

Measures, interleaved in one run so a busy machine slows both alike:
  - page load to first full screen: from the browser being told to open the page to the
    terminal showing (a) a minimal Textual app's one Static, served by the same
    :class:`tui.web.server.Server`, and (b) oases-tui with every pane filled; each in a new
    tab, closed after; medians of ``--runs`` and the ratio b/a (target: 1.2x);
  - memory: ``--tabs`` tabs open on oases-tui at once, each on its first screen; the app
    processes' proportional set size (PSS, /proc/PID/smaps_rollup: shared pages split
    between the processes sharing them) per session, and the server's own.

Needs chromium and chromium-driver (as the tests: tests/browser_support.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: browser_support, serve_support

from browser_support import chromium, new_tab, screen_text  # noqa: E402
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
                # The minimal app, served by the same Server (argv replaced by the minimal app's).
                with Served(command=[sys.executable, str(script), str(minimal)]) as minimal_served:
                    first_screen_seconds(driver, minimal_served, minimal_ready)  # warm the browser's caches alike
                    first_screen_seconds(driver, oases, oases_ready)
                    times: dict[str, list[float]] = {"minimal": [], "oases": []}
                    for _ in range(args.runs):
                        times["minimal"].append(first_screen_seconds(driver, minimal_served, minimal_ready))
                        times["oases"].append(first_screen_seconds(driver, oases, oases_ready))
                a, b = statistics.median(times["minimal"]), statistics.median(times["oases"])
                print(f"page load to first full screen, median of {args.runs} (headless Chromium, this server):")
                print(f"  (a) minimal Textual app  {a * 1000:7.0f} ms   runs: {', '.join(f'{t * 1000:.0f}' for t in times['minimal'])}")
                print(f"  (b) oases-tui            {b * 1000:7.0f} ms   runs: {', '.join(f'{t * 1000:.0f}' for t in times['oases'])}")
                print(f"  ratio b/a                {b / a:7.2f}x  (target <= 1.2x)")

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
