"""The app's half of the scale benchmark (tests/bench/scale.py): first frame, typing, cursor.

* first frame: ``oases-tui --data FILE`` in a real pseudo-terminal (tests/ptyrun.py),
  launch to the first painted frame (the first firm's name on screen), each run
  paired with a tomli parse of the same file so "parse + 1 s" is judged per pair;
* key→repaint: in the running app (Pilot), a character typed in the search
  field until the list is filtered and the screen repainted (the search index
  built beforehand, as the app does in the background after start-up);
* cursor move: the firm list's cursor-down until the detail pane shows the next
  firm and the screen is repainted.
Both as wall time (which includes waiting for Textual's next frame: it paints at
most 60 times a second) and CPU time (the work itself); the frame floor is a
bare refresh's wall time in the same run.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from pathlib import Path
from typing import Callable, NamedTuple

import tomli
from ptyrun import oases_command, run_to_first_frame
from textual.widgets import Input

from tui.app.oases_app import OasesApp
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_finder import FirmFinder
from tui.app.widgets.firm_list import FirmList
from tui.core.model import Dataset

TYPED = "robot"


class AppTimes(NamedTuple):
    """Seconds, medians. Wall times include waiting for Textual's next frame (it paints
    at most 60 times a second, so a repaint is never sooner than ``frame_floor``, the
    time a bare refresh takes in the same run); CPU times are the work alone."""

    first_frame: float
    first_frame_past_parse: float
    """The median, over interleaved pairs, of first frame minus tomli's parse of the file."""
    keystroke_wall: float
    keystroke_cpu: float
    cursor_wall: float
    cursor_cpu: float
    frame_floor: float


def first_frame(path: Path, marker: str, repeat: int) -> tuple[float, float]:
    """The median first frame, and the median of (first frame - parse) over interleaved pairs."""
    frames, past_parse = [], []
    command = [*oases_command(), "--data", str(path)]
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        with path.open("rb") as file:
            document = tomli.load(file)
        parse = time.perf_counter() - started
        del document
        frame = run_to_first_frame(command, marker, timeout=120).first_frame
        frames.append(frame)
        past_parse.append(frame - parse)
    return statistics.median(frames), statistics.median(past_parse)


async def _until_repainted(app: OasesApp, done: Callable[[], bool]) -> None:
    """Wait until ``done()`` holds (the messages have gone round), then for the next screen refresh."""
    while not done():
        await asyncio.sleep(0)
    painted = asyncio.Event()
    app.call_after_refresh(painted.set)
    await painted.wait()


class Clock:
    """Wall and CPU time of one measured step."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def start(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def stop(self) -> None:
        self.wall.append(time.perf_counter() - self._wall)
        self.cpu.append(time.process_time() - self._cpu)


async def _pilot_times(dataset: Dataset, repeat: int) -> tuple[Clock, Clock, Clock]:
    app = OasesApp(dataset)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        pane = app.query_one(FirmFinder)
        pane.search_index  # noqa: B018 (waits for the background build)
        firm_list = app.query_one(FirmList)
        detail = app.query_one(FirmFacts)
        floor = Clock()
        for _ in range(9):
            floor.start()
            firm_list.refresh()
            await _until_repainted(app, lambda: True)
            floor.stop()
        moves = Clock()
        for _ in range(max(9, repeat * 3)):
            moves.start()
            firm_list.action_cursor_down()  # what `down` does
            target = firm_list.firm
            await _until_repainted(app, lambda: detail.firm is target)  # noqa: B023 (awaited at once)
            moves.stop()
        keys = Clock()
        await pilot.press("slash")
        field = app.query_one("#search-input", Input)
        for _ in range(repeat):
            for key in TYPED:
                expected = field.value + key
                keys.start()
                field.insert_text_at_cursor(key)  # what typing the key does
                await _until_repainted(app, lambda: pane.shown_query == expected)  # noqa: B023 (awaited at once)
                keys.stop()
            field.value = ""
            await pilot.pause()
        return keys, moves, floor


def measure_app(path: Path, dataset: Dataset, repeat: int, frames: tuple[float, float]) -> AppTimes:
    """The app's times; ``frames`` is what :func:`first_frame` measured, before this
    process loaded the dataset (see benchmark.measure for why)."""
    frame, past_parse = frames
    gc.collect()
    gc.freeze()  # as `oases-tui` does once its first frame is painted (tui/cli.py)
    try:
        keys, moves, floor = asyncio.run(_pilot_times(dataset, repeat))
    finally:
        gc.unfreeze()
    median = statistics.median
    return AppTimes(frame, past_parse, median(keys.wall), median(keys.cpu), median(moves.wall), median(moves.cpu), median(floor.wall))
