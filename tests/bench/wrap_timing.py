"""Wrapping benchmark: the source pane's wrap, per million characters, prose against one long word.

    python tests/bench/wrap_timing.py [--sizes 1000000,10000000] [--repeat 3] [--width 56]

Part of the scale benchmark (tests/bench/scale.py prints this table after its
own); runnable alone. For each size it wraps, as the source pane does
(``wrap_lines`` at the pane's width, 56 cells at 120 columns):

* prose: the bundled article repeated to the size;
* one long word: the size in ``a``, no space anywhere (the hard-break path);
* one long CJK word: the size in 中, two cells each, no space.

It prints the median seconds per million characters at each size, how that grows
from the smallest size to the largest (linear: about 1.0; target at most 1.5)
and the long words against prose at the largest size (target: at most 2.0,
"the same for one long word as for prose"). Runs are interleaved so a busy
machine slows every kind alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/

from tui.app.widgets.text_wrap import wrap_lines  # noqa: E402
from tui.core.loader import load_dataset  # noqa: E402
from tui.core.resources import bundled_dataset  # noqa: E402

GROWTH_TARGET = 1.5
AGAINST_PROSE_TARGET = 2.0


def texts(size: int) -> dict[str, str]:
    article = load_dataset(bundled_dataset()).source.text
    prose = (article * (size // len(article) + 1))[:size]
    return {"prose": prose, "one long word": "a" * size, "one long CJK word": "中" * size}


def wrap_seconds(text: str, width: int) -> float:
    started = time.perf_counter()
    for _ in wrap_lines(text, width):
        pass
    return time.perf_counter() - started


def measure(sizes: Sequence[int], repeat: int, width: int) -> dict[str, dict[int, float]]:
    """Median seconds per million characters, by kind of text and size."""
    per_million: dict[str, dict[int, float]] = {}
    for size in sizes:
        kinds = texts(size)
        runs: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(repeat):
            for kind, text in kinds.items():
                runs[kind].append(wrap_seconds(text, width))
        for kind, times in runs.items():
            per_million.setdefault(kind, {})[size] = statistics.median(times) / (size / 1e6)
    return per_million


def print_wrapping(per_million: dict[str, dict[int, float]], width: int, out: Callable[[str], None] = print) -> bool:
    """The table and its verdicts; whether every target is met."""
    sizes = sorted(next(iter(per_million.values())))
    smallest, largest = sizes[0], sizes[-1]
    prose = per_million["prose"][largest]
    headers = ["text", *(f"{size:,} chars" for size in sizes), "growth", "vs prose"]
    rows = []
    ok = True
    for kind, by_size in per_million.items():
        growth = by_size[largest] / by_size[smallest]
        against = by_size[largest] / prose
        good = growth <= GROWTH_TARGET and (kind == "prose" or against <= AGAINST_PROSE_TARGET)
        ok = ok and good
        rows.append(
            [
                kind,
                *(f"{by_size[size] * 1000:,.0f} ms/M" for size in sizes),
                f"{growth:.2f} {'ok' if growth <= GROWTH_TARGET else 'OVER'}",
                "1.00" if kind == "prose" else f"{against:.2f} {'ok' if against <= AGAINST_PROSE_TARGET else 'OVER'}",
            ]
        )
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows)]
    out(f"Wrapping at {width} cells (the source pane at 120 columns), median ms per million characters")
    for line in [headers, ["-" * w for w in widths], *rows]:
        out("  ".join(cell.rjust(w) for cell, w in zip(line, widths)).rstrip())
    out(
        f"Targets: growth from {smallest:,} to {largest:,} characters ≤ {GROWTH_TARGET} (linear);"
        f" a long word ≤ {AGAINST_PROSE_TARGET}x prose at {largest:,}."
    )
    return ok


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Wrapping benchmark: prose against one long word.")
    parser.add_argument("--sizes", default="1000000,10000000", help="characters, comma-separated (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are shown (default: %(default)s)")
    parser.add_argument("--width", type=int, default=56, help="cells per line (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    print_wrapping(measure(sizes, max(1, args.repeat), args.width), args.width)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
