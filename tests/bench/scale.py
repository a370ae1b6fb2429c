"""Scale benchmark: loading and searching synthetic datasets of 1,000 to 100,000 firms.

    python tests/bench/scale.py [--sizes 1000,10000,100000] [--repeat 5]

For each size it writes a valid synthetic dataset (tests/synthetic.py) to a
temporary folder and measures, as medians over ``--repeat`` runs:

* file size;
* parse: ``tomli.load`` of the file (reading and decoding included), the floor
  for any loader;
* load: ``tui.core.loader.load_dataset``, everything the app and ``check`` do, and
  load/parse, the median of the ratios of interleaved pairs (target: at most 1.5);
* build: ``FirmSearch(firms)``, paid by the app on the first search;
* search: what the app works out for each keystroke of a typing sequence, cold
  (nothing cached from an earlier run of the sequence): ``FirmSearch.search``,
  the summary's facts (``SummarySearch.search``) and why each of the first
  ``ROWS_ON_SCREEN`` firms matched (``firm_reasons``, drawn rows only); the table
  shows the median and the slowest keystroke (targets: under 16 ms at 10,000
  firms and 60 ms at 100,000), and a second table each keystroke;
* the app's own timings (tests/bench/app_timing.py): launch to the first painted frame
  in a real pseudo-terminal (targets: 1.5 s at 10,000 firms; the parse time
  plus 1 s at 100,000), a search keystroke to the repainted list (targets: 50 ms
  at 10,000, 100 ms at 100,000) and a cursor move (target: 16 ms at any size);
* then wrapping (tests/bench/wrap_timing.py): the source pane's wrap per million
  characters, prose against one long word without spaces (targets: linear, and a
  long word at most twice prose).

Runs are interleaved (parse, load, parse, load…) so a busy machine slows both
alike. Not collected by pytest (its name doesn't start with ``test_``).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Callable, NamedTuple, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: ptyrun, synthetic, support

import tomli  # noqa: E402
from app_timing import AppTimes, first_frame, measure_app  # noqa: E402
from synthetic import write_synthetic  # noqa: E402
from wrap_timing import measure as measure_wrapping  # noqa: E402
from wrap_timing import print_wrapping  # noqa: E402

from tui.core.loader import load_dataset  # noqa: E402
from tui.core.model import Firm  # noqa: E402
from tui.core.search import FirmSearch  # noqa: E402
from tui.core.search_reasons import SummarySearch, firm_reasons  # noqa: E402
from tui.core.search_reasons import forget as forget_reasons  # noqa: E402
from tui.core.summary import summary_sections  # noqa: E402

TYPING = ("r", "ro", "rob", "robo", "robot", "xunfei", "zzzz", "a")
"""Keystrokes while typing: a word letter by letter, a rarer word, no match, and a letter matching almost every firm."""

RATIO_TARGET = 1.5
KEY_TO_REPAINT_TARGETS_MS = {10_000: 50.0, 100_000: 100.0}
CURSOR_TARGET_MS = 16.0
SEARCH_TARGETS_MS = {10_000: 16.0, 100_000: 60.0}
ROWS_ON_SCREEN = 40
"""Firm rows whose reasons a keystroke works out: more than a tall terminal's firm pane shows."""


class Row(NamedTuple):
    size: int
    file_bytes: int
    parse: float
    load: float
    ratio: float
    """The median of load/parse over the interleaved pairs (steadier than a ratio of medians)."""
    build: float
    keystrokes: dict[str, float]
    app: Optional[AppTimes]


def timed(function: Callable[[], object]) -> float:
    """Seconds ``function`` takes; what it returns is freed after the clock stops (freeing
    100,000 firms takes a while, and is no part of loading them)."""
    started = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - started
    del result
    return elapsed


def parse(path: Path) -> object:
    with path.open("rb") as file:
        return tomli.load(file)


def first_name(path: Path) -> str:
    """The first firm's name (the app's first frame shows it), read without parsing the file."""
    with path.open(encoding="utf-8") as file:
        in_firm = False
        for line in file:
            in_firm = in_firm or line.strip() == "[[firms]]"
            if in_firm and line.startswith("name = "):
                name: str = tomli.loads(line)["name"]
                return name
    raise ValueError(f"{path} has no firm")


def measure(size: int, repeat: int, folder: Path) -> Row:
    path = write_synthetic(folder / f"synthetic-{size}.toml", size)
    # The launches first, from a lean process as from a shell: once this one holds a
    # 100,000-firm dataset (~1.5 GB), every launch took ~0.7 s longer to its first
    # frame on this machine, the parse in this process too (fresh memory is slow here).
    frames = first_frame(path, first_name(path), repeat)
    parses: list[float] = []
    loads: list[float] = []
    for _ in range(repeat):
        gc.collect()
        parses.append(timed(lambda: parse(path)))
        gc.collect()
        loads.append(timed(lambda: load_dataset(path)))
    dataset = load_dataset(path)
    firms = dataset.firms
    builds = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        search = FirmSearch(firms)
        builds.append(time.perf_counter() - started)
    keystrokes: dict[str, list[float]] = {query: [] for query in TYPING}
    for _ in range(repeat):
        search.forget()
        forget_reasons()
        summary = SummarySearch(fact for section in summary_sections(dataset) for fact in section.facts)
        for query in TYPING:
            keystrokes[query].append(timed(lambda: keystroke(search, summary, firms, query)))  # noqa: B023 (called at once)
    return Row(
        size=size,
        file_bytes=path.stat().st_size,
        parse=statistics.median(parses),
        load=statistics.median(loads),
        ratio=statistics.median(load / parse for load, parse in zip(loads, parses)),
        build=statistics.median(builds),
        keystrokes={query: statistics.median(times) for query, times in keystrokes.items()},
        app=measure_app(path, dataset, repeat, frames),
    )


def keystroke(search: FirmSearch, summary: SummarySearch, firms: Sequence[Firm], query: str) -> object:
    """What the app works out for one keystroke before drawing: the firms, the summary's facts,
    and the reasons of the firm rows on screen."""
    found = search.search(query)
    facts = summary.search(query)
    reasons = [firm_reasons(firms[index], query) for index in found[:ROWS_ON_SCREEN]]
    return found, facts, reasons


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def app_cells(row: Row) -> list[str]:
    """First frame, key→repaint and cursor move, each with its verdict where there is a target."""
    if row.app is None:
        return ["n/a"] * 3
    app = row.app
    key_target = KEY_TO_REPAINT_TARGETS_MS.get(row.size)
    frame = ms(app.first_frame)
    if row.size == 10_000:
        frame += f" {verdict(app.first_frame <= 1.5)}"
    elif row.size == 100_000:
        frame += f" (parse + {ms(app.first_frame_past_parse)}) {verdict(app.first_frame_past_parse <= 1.0)}"
    return [
        frame,
        f"{ms(app.keystroke_wall)} ({ms(app.keystroke_cpu)} cpu)"
        + ("" if key_target is None else f" {verdict(app.keystroke_wall * 1000 < key_target)}"),
        f"{ms(app.cursor_wall)} ({ms(app.cursor_cpu)} cpu) {verdict(app.cursor_cpu * 1000 < CURSOR_TARGET_MS)}",
    ]


def print_rows(rows: Sequence[Row]) -> None:
    headers = [
        "firms",
        "file",
        "parse",
        "load",
        "load/parse",
        "search build",
        "keystroke median",
        "keystroke max",
        "first frame",
        "key→repaint",
        "cursor move",
    ]
    table = []
    for row in rows:
        keys = list(row.keystrokes.values())
        target = SEARCH_TARGETS_MS.get(row.size)
        slowest = max(keys)
        search_note = "" if target is None else f" {verdict(slowest * 1000 < target)}"
        app = app_cells(row)
        table.append(
            [
                f"{row.size:,}",
                f"{row.file_bytes / 1e6:,.1f} MB",
                ms(row.parse),
                ms(row.load),
                f"{row.ratio:.2f} {verdict(row.ratio <= RATIO_TARGET)}",
                ms(row.build),
                ms(statistics.median(keys)),
                ms(slowest) + search_note,
                *app,
            ]
        )
    print_table(headers, table)
    print()
    per_keystroke = [[repr(query), *(ms(row.keystrokes[query]) for row in rows)] for query in TYPING]
    print_table(["keystroke", *(f"{row.size:,} firms" for row in rows)], per_keystroke)
    targets = ", ".join(f"< {limit:g} ms at {size:,}" for size, limit in SEARCH_TARGETS_MS.items())
    print(f"\nTargets: load/parse ≤ {RATIO_TARGET}; slowest keystroke {targets}.")
    print("First frame ≤ 1.5 s at 10,000 and ≤ parse + 1 s at 100,000 (median over launch/parse pairs);")
    print(f"key→repaint < 50 ms at 10,000 and < 100 ms at 100,000; cursor move < {CURSOR_TARGET_MS:g} ms of work (cpu).")
    print("Medians of the runs.")
    floors = ", ".join(ms(row.app.frame_floor) for row in rows if row.app is not None)
    print(f"Wall times include waiting for Textual's next frame (60 per second): a bare refresh took {floors}.")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows)]
    for line in [headers, ["-" * width for width in widths], *rows]:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)).rstrip())


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Load and search benchmark on synthetic datasets.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="firm counts, comma-separated (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; medians are shown (default: %(default)s)")
    parser.add_argument(
        "--wrap-sizes", default="1000000,10000000", help="article lengths for the wrapping table, in characters (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="oases-bench-") as folder:
        for size in sizes:
            print(f"measuring {size:,} firms…", file=sys.stderr, flush=True)
            rows.append(measure(size, max(1, args.repeat), Path(folder)))
    print(f"Python {sys.version.split()[0]}, median of {max(1, args.repeat)} runs\n")
    print_rows(rows)
    wrap_sizes = [int(size.replace("_", "")) for size in args.wrap_sizes.split(",") if size.strip()]
    if wrap_sizes:
        print("\nmeasuring wrapping…", file=sys.stderr, flush=True)
        print()
        print_wrapping(measure_wrapping(wrap_sizes, min(3, max(1, args.repeat)), width=56), width=56)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
