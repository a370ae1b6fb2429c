"""Start-up and memory benchmark: oases-tui against a minimal Textual app, in a real pseudo-terminal.

    python tests/bench/startup.py [--runs 9] [--instructions]

Measures, interleaved in one run so a busy machine slows both alike:
  (a) a minimal Textual app showing one Static, and (b) `oases-tui` on the bundled
  dataset: time from launch to the first painted frame (for oases-tui, the first
  that shows every pane filled), and peak memory; medians
  and the ratio b/a (targets: 1.2x for the first frame, 1.3x for memory).
Then the non-interactive commands (--help, --version, check, export), which must
not import Textual, against `python -c pass` plus tomli's parse of the dataset
(target: within 3x of that).

With --instructions, also the instructions each app executes from launch to its
first frame (valgrind's callgrind; both apps stop there): unlike time, the same
count on every run whatever else the machine is doing, so a change of a percent
shows. Python's string hashing moves the count by a percent or two from one
hash seed to the next, so oases-tui's is the median over three seeds.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: ptyrun, synthetic, support

from ptyrun import Run, oases_command, run_to_exit, run_to_first_frame  # noqa: E402

MINIMAL_APP = """\
from textual.app import App
from textual.widgets import Static


class Minimal(App):
    def compose(self):
        yield Static("minimal-ready")


Minimal().run()
"""


MINIMAL_TO_FIRST_FRAME = MINIMAL_APP.replace(
    'yield Static("minimal-ready")\n',
    'yield Static("minimal-ready")\n\n    def on_ready(self):\n        import os\n\n        os._exit(0)\n',
)
"""The minimal app, stopping once its first frame is painted (Textual's Ready)."""

OASES_TO_FIRST_FRAME = """\
import os
import sys

from tui import cli

painted = cli._start_up_done


def stop():
    painted()
    os._exit(0)


cli._start_up_done = stop  # called once the first frame is painted
sys.exit(cli.main([]))
"""
"""`oases-tui` on the bundled dataset, stopping once its first frame is painted."""

HASH_SEEDS = ("1", "2", "3")


def instructions(script: Path, seed: str) -> int:
    """The instructions ``python script`` executes in a 120x36 pseudo-terminal, counted by callgrind."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "callgrind.log"
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", f"--log-file={log}", sys.executable, str(script)]
        status = run_to_exit(command, env={"PYTHONHASHSEED": seed})
        found = re.search(r"Collected : (\d+)", log.read_text(encoding="utf-8"))
        if status != 0 or found is None:
            raise RuntimeError(f"{script.name} under callgrind: exit status {status}, no count")
        return int(found.group(1))


def print_instructions(folder: Path) -> None:
    minimal, oases = folder / "minimal_to_first_frame.py", folder / "oases_to_first_frame.py"
    minimal.write_text(MINIMAL_TO_FIRST_FRAME, encoding="utf-8")
    oases.write_text(OASES_TO_FIRST_FRAME, encoding="utf-8")
    a = instructions(minimal, HASH_SEEDS[0])
    b = statistics.median(instructions(oases, seed) for seed in HASH_SEEDS)
    print(f"\nInstructions from launch to the first frame (callgrind; oases-tui: median of hash seeds {', '.join(HASH_SEEDS)})")
    print(f"  (a) minimal Textual app         {a / 1e6:8,.0f} M")
    print(f"  (b) oases-tui, bundled dataset  {b / 1e6:8,.0f} M")
    print(f"  ratio b/a                       {b / a:8.2f}x")


OASES_MARKERS = ("Prophesee", "Why sanctioned", "Set up", "Seventeen companies", "palette")
"""Text from each pane (list, detail, summary, source) and the key line: the frame
timed is the first that shows the whole screen, not just the first that shows something."""


def median_time(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def parse_time(runs: int) -> float:
    from tui.core.resources import bundled_dataset

    path = str(bundled_dataset())
    code = (
        f"import tomli, time; t = time.perf_counter(); tomli.loads(open({path!r}, encoding='utf-8').read()); print(time.perf_counter() - t)"
    )
    values = []
    for _ in range(runs):
        values.append(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout))
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--instructions", action="store_true", help="also count instructions to the first frame (needs valgrind)")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (Debian: apt-get install valgrind)")

    oases = oases_command()
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        # One warm-up each, not counted: the first launch pays for cold file caches.
        run_to_first_frame([sys.executable, str(minimal)], "minimal-ready")
        run_to_first_frame(oases, OASES_MARKERS)
        a_runs: list[Run] = []
        b_runs: list[Run] = []
        for _ in range(args.runs):
            a_runs.append(run_to_first_frame([sys.executable, str(minimal)], "minimal-ready"))
            b_runs.append(run_to_first_frame(oases, OASES_MARKERS))

    a_frame = statistics.median(run.first_frame for run in a_runs)
    b_frame = statistics.median(run.first_frame for run in b_runs)
    a_rss = statistics.median(run.peak_rss_mb for run in a_runs)
    b_rss = statistics.median(run.peak_rss_mb for run in b_runs)
    print(f"First frame in a 120x36 pseudo-terminal (oases-tui: every pane filled), median of {args.runs} interleaved runs")
    print(f"  {'':32} {'first frame':>12} {'peak memory':>12}")
    print(f"  {'(a) minimal Textual app':32} {a_frame * 1000:10.0f} ms {a_rss:9.1f} MB")
    print(f"  {'(b) oases-tui, bundled dataset':32} {b_frame * 1000:10.0f} ms {b_rss:9.1f} MB")
    print(f"  {'ratio b/a (targets 1.2 / 1.3)':32} {b_frame / a_frame:11.2f}x {b_rss / a_rss:11.2f}x")

    baseline = median_time([sys.executable, "-c", "pass"], args.runs)
    parse = parse_time(args.runs)
    budget = 3 * (baseline + parse)
    print(f"\nNon-interactive commands, median of {args.runs} runs")
    print(
        f"  python -c pass {baseline * 1000:.0f} ms, tomli parse of the dataset {parse * 1000:.1f} ms: budget 3x = {budget * 1000:.0f} ms"
    )
    base = oases
    for label, extra in [("--help", ["--help"]), ("--version", ["--version"]), ("check", ["check"]), ("export", ["export"])]:
        took = median_time(base + extra, args.runs)
        print(f"  oases-tui {label:10} {took * 1000:6.0f} ms  {took / (baseline + parse):4.2f}x  {'ok' if took <= budget else 'OVER'}")

    if args.instructions:
        with tempfile.TemporaryDirectory() as folder:
            print_instructions(Path(folder))


if __name__ == "__main__":
    main()
