"""Hostile data: every case gives a clear message or a correct display, never a traceback,
never a hang, and nothing is lost.

1. the naughty strings corpus in every field: ``check`` passes, every export gives the
   strings back (JSON exactly) with no control character, search finds every name, and
   the strings the loader refuses are refused one line each;
2. very long values (a 10,000-character name and fact value, a 1 MB article);
3. deeply nested TOML and a file with 800,000 problems;
4. CJK, emoji and right-to-left names in the firm list;
5. the data file deleted or overwritten while the app runs;
6. awkward paths (spaces, accents, undecodable bytes, escapes; a file given twice);
7. randomly built datasets (structural edits of the bundled document, not text mutation);
8. 100,000 firms in one 59 MB file: checked, exported and browsed to its last firm.

The commands run in a subprocess (with a timeout, so a hang fails the test) where the real
process matters: its exit status, its streams, its recursion limit.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import random
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest
import tomli
from app_support import make_app, screen_text
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from support import (
    HOSTILE_NAMES,
    loadable,
    naughty_dataset_text,
    naughty_strings,
    run_tui,
    toml_document,
    toml_string,
    with_more_mainland_firms,
)
from synthetic import write_synthetic

from tui.app.widgets.article_view import GUTTER, ArticleView
from tui.app.widgets.fact_list import FactList
from tui.app.widgets.firm_facts import FirmFacts
from tui.app.widgets.firm_list import FirmList
from tui.cli import main
from tui.core import characters, formats, safe_output
from tui.core.characters import BIDI_CONTROLS
from tui.core.loader import load_dataset
from tui.core.model import Dataset, Firm
from tui.core.problems import MAX_REPORTED, DatasetError, Problem
from tui.core.resources import bundled_dataset
from tui.core.search import FirmSearch, fold

BUNDLED = bundled_dataset().read_text(encoding="utf-8")
SIZES = [(120, 36), (80, 24)]

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""C0 (newline aside), DEL, C1 (ESC included): what no output line may carry."""
BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def assert_one_line_each(lines: list[str]) -> None:
    for line in lines:
        assert line and len(line.splitlines()) == 1, repr(line)
        assert not CONTROL.search(line) and not BIDI.search(line), repr(line)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))  # as written: no newline translation
    return path


def bundled_with(*firm_blocks: str) -> str:
    """The bundled dataset with extra ``[[firms]]`` blocks (totals left alone: only for files
    that are refused for something else, or whose totals :func:`add_firms` fixes)."""
    return BUNDLED + "\n\n" + "\n\n".join(firm_blocks) + "\n"


def add_firms(names_and_values: list[tuple[str, str]]) -> str:
    """The bundled dataset plus one mainland firm per (name, origin/sector value), totals fixed."""
    blocks, lines = [], []
    for index, (name, value) in enumerate(names_and_values):
        quote = toml_string(f"Extra firm {index}: {value}")  # the article quotes each value: a value may give figures
        lines.append(f"Extra firm {index}: {value}")
        blocks.append(
            "\n".join(
                [
                    "[[firms]]",
                    f'id = "extra-{index}"',
                    f"name = {toml_string(name)}",
                    'group = "mainland"',
                    f"origin = {{ value = {toml_string(value)}, quote = {quote} }}",
                    f"sector = {{ value = {toml_string(value)}, quote = {quote} }}",
                ]
            )
        )
    return with_more_mainland_firms(BUNDLED, len(blocks), lines) + "\n\n" + "\n\n".join(blocks) + "\n"


# --- 1. naughty strings ------------------------------------------------------------------------


def naughty_cases() -> list[tuple[str, str, str]]:
    """(firm id, string, what went in as names) for every string naughty_dataset_text loads."""
    cases = []
    for index, value in enumerate([*HOSTILE_NAMES, *naughty_strings()]):
        if loadable(value):
            cases.append((f"naughty-{index}", value, value if loadable(value, name=True) else f"Firm {index}"))
    return cases


@pytest.fixture(scope="module")
def naughty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("naughty") / "naughty.toml", naughty_dataset_text(BUNDLED))


@pytest.fixture(scope="module")
def naughty_exports(naughty_file: Path) -> dict[str, str]:
    """``export --format F`` of the naughty dataset, for each format, from the real command."""
    outputs = {}
    for fmt in formats.FORMATS:
        status, out, err = run_tui("export", "--format", fmt, "--data", str(naughty_file), cwd=naughty_file.parent)
        assert status == 0 and err == "", err
        outputs[fmt] = out
    return outputs


def test_the_naughty_dataset_passes_check(naughty_file: Path) -> None:
    status, out, err = run_tui("check", str(naughty_file), cwd=naughty_file.parent)
    assert status == 0 and err == ""
    assert out.startswith(f"{naughty_file}: OK (schema 1)\n")
    assert f"firms:  {8 + len(naughty_cases())} named" in out


def test_json_export_gives_back_every_naughty_string_exactly(naughty_exports: dict[str, str]) -> None:
    firms = {firm["id"]: firm for firm in json.loads(naughty_exports["json"])["firms"]}
    for firm_id, value, as_name in naughty_cases():
        firm = firms[firm_id]
        assert firm["name"] == as_name and firm["aliases"] == [as_name]
        assert firm["origin"]["value"] == value and firm["sector"]["value"] == value
        assert firm["people"][0]["name"] == as_name and firm["people"][0]["role"] == value
        assert firm["facts"][0]["label"] == value and firm["facts"][0]["value"] == value


LINE_SEPARATOR = re.compile("[\u2028\u2029]")


def test_csv_export_round_trips_every_naughty_string(naughty_exports: dict[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(naughty_exports["csv"], newline="")))
    assert rows[0] == list(formats.CSV_HEADER)
    by_id = {row[0]: row for row in rows[1:]}
    assert all(len(row) == len(formats.CSV_HEADER) for row in rows)
    for firm_id, value, as_name in naughty_cases():
        row = by_id[firm_id]
        # CSV drops bidirectional controls and makes U+2028/U+2029 spaces (safe_output.clean);
        # nothing else in a loadable string changes.
        expected = safe_output.clean(value)
        assert expected == value or BIDI.search(value) or LINE_SEPARATOR.search(value)
        assert row[1] == safe_output.clean(as_name) and row[2] == safe_output.clean(as_name)
        assert row[4] == expected and row[5] == expected
        assert row[6] == safe_output.clean(f"{as_name} ({value})")


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_exports_carry_no_control_character(naughty_exports: dict[str, str], fmt: str) -> None:
    output = naughty_exports[fmt]
    if fmt == "csv":
        output = output.replace("\r\n", "\n")  # the csv module's own line ending, were it used
    assert not CONTROL.search(output), CONTROL.findall(output)[:5]
    assert not BIDI.search(output), BIDI.findall(output)[:5]


def test_search_finds_every_naughty_name(naughty_file: Path) -> None:
    firms = load_dataset(naughty_file).firms
    search = FirmSearch(firms)
    for index, firm in enumerate(firms):
        found = search.search(firm.name)
        if fold(firm.name).strip():
            assert index in found, firm.name


def refused_names() -> list[str]:
    """What the loader refuses as a name: the corpus strings with control or bidi characters
    or nothing but spaces and invisible characters, and every C0/C1 character inside an ordinary name."""
    corpus = [value for value in [*HOSTILE_NAMES, *naughty_strings()] if not loadable(value, name=True)]
    singles = [f"Acme {chr(code)} Co" for code in [*range(0x20), *range(0x7F, 0xA0)]]
    return corpus + singles


def test_every_refused_name_is_one_line(tmp_path: Path) -> None:
    bad = refused_names()
    assert len(bad) > 70
    blocks = [
        "\n".join(
            [
                "[[firms]]",
                f'id = "bad-{i}"',
                f"name = {toml_string(name)}",
                'group = "mainland"',
                'origin = "not stated"',
                'sector = "not stated"',
            ]
        )
        for i, name in enumerate(bad)
    ]
    path = write(tmp_path / "bad names.toml", bundled_with(*blocks))
    status, out, err = run_tui("check", path.name, cwd=tmp_path)
    assert status == 2 and out == ""
    lines = err.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(bad) <= MAX_REPORTED, lines  # one problem per string, every one shown
    assert_one_line_each(lines)
    for i, (line, name) in enumerate(zip(lines, bad)):
        assert line.startswith(f"bad names.toml:{line.split(':')[1]}:1: firms[{8 + i}].name: "), line
        if not name.strip():
            assert line.endswith(": is empty")
        elif CONTROL.search(name) or "\n" in name:
            assert "contains a control character" in line
        elif re.fullmatch(characters.BLANK, name):
            assert ": is empty: it holds only invisible characters (" in line
        else:
            assert "contains a bidirectional-override character" in line


# --- 2. very long values -----------------------------------------------------------------------

LONG_NAME = ("Verylongname Holdings " * 500)[:10_000]
LONG_VALUE = ("Hong-Kong-headquarters-" * 500)[:10_000]  # no space to break at, and no figure its quote lacks
INVESTMENT = (
    '[[firms.facts]]\nlabel = "Investment"\n'
    'value = "Tao Xiaodong announced that iFlytek would invest HK$4 million in Hong Kong over the next five years"'
)


@pytest.fixture(scope="module")
def long_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = BUNDLED
    for old, new in [
        ('name = "Pudu Robotics"', f"name = {toml_string(LONG_NAME)}"),
        (INVESTMENT, INVESTMENT.split("value")[0] + f'value = "{LONG_VALUE}"'),
    ]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    return write(tmp_path_factory.mktemp("long") / "long.toml", text)


def test_very_long_values_load_and_export_whole(long_file: Path) -> None:
    dataset = load_dataset(long_file)
    assert len(LONG_NAME) == len(LONG_VALUE) == 10_000
    firm = next(firm for firm in dataset.firms if firm.name == LONG_NAME)
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None and any(fact.value == LONG_VALUE for fact in iflytek.facts)
    exported = json.loads(formats.export(dataset, dataset.firms, "json"))["firms"]
    assert [item["name"] for item in exported].count(LONG_NAME) == 1
    assert LONG_VALUE in [fact["value"] for fact in exported[0]["facts"]]
    assert firm.id == "pudu-robotics"


def assert_fits(app: Any, width: int) -> None:
    lines = screen_text(app).split("\n")
    assert all(cell_len(line) <= width for line in lines), max(lines, key=cell_len)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_very_long_values_in_the_app(long_file: Path, size: tuple[int, int]) -> None:
    app = make_app(long_file)
    async with app.run_test(size=size) as pilot:
        firm_list = app.query_one(FirmList)
        row = next(i for i, firm in enumerate(firm_list.firms) if firm.name == LONG_NAME)
        firm_list.cursor = row
        await pilot.pause()
        assert_fits(app, size[0])
        # The list row: one line, cut to the pane with an ellipsis.
        strip = firm_list.render_line(row - firm_list.scroll_offset.y)
        width = firm_list.scrollable_content_region.width
        assert cell_len(strip.text) == width and strip.text.rstrip().endswith("…")
        assert strip.text.startswith("Verylongname Holdings")
        # The detail: the name wrapped over several lines, the facts still in view below it.
        facts = app.query_one("#detail", FactList)
        assert app.query_one(FirmFacts).firm is firm_list.firm
        assert 1 < facts.header_height <= facts.scrollable_content_region.height // 2 + 1  # the name, then a blank line
        assert facts.size.height > 0 and re.search(r"│ Origin +Chinese \(mainland\)", screen_text(app))
        # The long value, wrapped; and copied whole.
        await pilot.press("g", "2")
        index = next(i for i, row in enumerate(facts.rows) if row.fact is not None and row.fact.value == LONG_VALUE)
        facts.highlighted = index
        await pilot.pause()
        assert_fits(app, size[0])
        shown = screen_text(app)
        assert re.search(r"┃ Investment +Hong-Kong-", shown) and re.search(r"┃ {3,}(?:[A-Za-z]+-){3}", shown)  # wrapped under the value
        await pilot.press("y")
        assert LONG_VALUE in app.clipboard
        await pilot.press("1", "y")
        assert app.clipboard.startswith("iFLYTEK\n")
        assert app.is_running


def megabyte_article() -> str:
    """The bundled article, then filler paragraphs up to 1 MB made of words no quote contains,
    so every bundled quote still occurs exactly once."""
    article: str = tomli.loads(BUNDLED)["source"]["text"]
    words = [
        "lorem",
        "ipsum",
        "dolor",
        "amet",
        "consectetur",
        "adipiscing",
        "elit",
        "sed",
        "eiusmod",
        "tempor",
        "incididunt",
        "labore",
        "magna",
        "aliqua",
    ]
    rng = random.Random(1)
    paragraphs = [article]
    size = len(article)
    while size < 1_000_000:
        sentences = (" ".join(rng.choice(words) for _ in range(rng.randint(6, 18))).capitalize() + "." for _ in range(8))
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    paragraphs.append("The very end of the megabyte.")
    return "\n\n".join(paragraphs)


async def test_a_megabyte_article_opens_and_scrolls_to_its_end(tmp_path: Path) -> None:
    article = megabyte_article()
    start = BUNDLED.index("text = '''")
    end = BUNDLED.index("'''", start + len("text = '''")) + 3
    path = write(tmp_path / "big.toml", BUNDLED[:start] + f"text = '''{article}'''" + BUNDLED[end:])
    dataset = load_dataset(path)
    assert len(dataset.source.text) >= 1_000_000
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "G")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.max_scroll_y > 10_000
        assert view.scroll_offset.y == view.max_scroll_y
        assert "The very end of the megabyte." in screen_text(app)
        await pilot.press("g", "1", "j")
        await pilot.pause()
        assert app.query_one(FirmList).cursor == 1 and app.is_running


async def test_tabs_in_the_article_are_drawn_as_spaces_and_copied_as_tabs(tmp_path: Path) -> None:
    """The article may hold tabs (the loader allows them there alone); a tab sent to the
    terminal would move its cursor past the pane's edge and push the border off the line."""
    start = BUNDLED.index("text = '''")
    end = BUNDLED.index("'''", start + len("text = '''"))
    path = write(tmp_path / "tabs.toml", BUNDLED[:end] + "\n\n\tA\ttabbed\tline.\tEnd." + BUNDLED[end:])
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "G")
        await pilot.pause()
        view = app.query_one(ArticleView)
        lines = [view.render_line(y) for y in range(view.size.height)]
        assert not any("\t" in strip.text for strip in lines)
        assert any(strip.text[GUTTER:].strip() == "A tabbed line. End." for strip in lines)  # after the gutter's marks
        assert all(strip.cell_length == view.scrollable_content_region.width for strip in lines)
        await pilot.press("y")  # no selection: the whole article, exactly
        assert app.clipboard == app.dataset.source.text and "\tA\ttabbed" in app.clipboard


# --- 3. deep nesting, and a flood of problems ---------------------------------------------------


@pytest.mark.parametrize("nested", ["[" * 5000 + "]" * 5000, "{ a = " * 5000 + "1" + " }" * 5000], ids=["array", "inline-table"])
def test_nesting_5000_deep_is_one_clear_line(tmp_path: Path, nested: str) -> None:
    path = write(tmp_path / "deep.toml", BUNDLED.replace('sector = "not stated"', f"sector = {nested}", 1))
    status, out, err = run_tui("check", "deep.toml", cwd=tmp_path)
    assert status == 2 and out == ""
    assert "RecursionError" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("deep.toml"), err[:500]
    assert_one_line_each(lines)
    with pytest.raises(DatasetError):
        load_dataset(path)  # in this process too (pytest's stack is deeper than the command's)


@pytest.mark.parametrize("form", ["[{}]\nb = 1", "{} = 1"], ids=["header", "dotted-key"])
def test_a_key_of_1000_dotted_parts_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    dotted = ".".join(f"part{i}" for i in range(1000))
    if form.startswith("["):
        text = bundled_with(form.format(dotted))
    else:  # a top-level key: before the first table
        assert BUNDLED.count("\n[source]\n") == 1
        text = BUNDLED.replace("\n[source]\n", f"\n{form.format(dotted)}\n\n[source]\n")
    path = write(tmp_path / "dotted.toml", text)
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}") and "part0: unknown key" in lines[0], lines
    assert_one_line_each(lines)


def test_800000_problems_print_the_first_100_and_a_count(tmp_path: Path) -> None:
    """200,000 firms with only an id: four problems each. Every one is found; a hundred are shown."""
    path = tmp_path / "flood.toml"
    with path.open("w", encoding="utf-8") as file:
        file.write(BUNDLED)
        for index in range(200_000):
            file.write(f'\n[[firms]]\nid = "f{index}"\n')
    status, out, err = run_tui("check", "flood.toml", cwd=tmp_path, timeout=180)
    assert status == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == MAX_REPORTED + 1
    assert_one_line_each(lines[:-1])
    assert lines[0] == f"flood.toml:{BUNDLED.count(chr(10)) + 2}:1: firms[8].name: missing (expected a string)"
    assert lines[-1] == f"… and {800_000 - MAX_REPORTED:,} more problems"


def test_report_caps_lines_and_counts_the_rest() -> None:
    def error(n: int) -> DatasetError:
        return DatasetError("f.toml", [Problem(f"firms[{i}].name", "is empty", i + 1, 1) for i in range(n)])

    assert error(MAX_REPORTED).report() == error(MAX_REPORTED).lines()
    assert error(MAX_REPORTED + 1).report()[-1] == "… and 1 more problem"
    assert error(3).report(limit=1) == ["f.toml:1:1: firms[0].name: is empty", "… and 2 more problems"]


class CountedProblem(Problem):
    formatted = 0

    def format(self, file: str) -> str:
        CountedProblem.formatted += 1
        return super().format(file)


def test_a_refusal_formats_only_the_lines_it_shows() -> None:
    """The exception's message is the first line, not all 800,000 of them formatted for one."""
    error = DatasetError("f.toml", [CountedProblem("firms[0].name", "is empty", 1, 1)] * 800_000)
    assert str(error) == "f.toml:1:1: firms[0].name: is empty"
    assert len(error.report()) == MAX_REPORTED + 1
    assert CountedProblem.formatted == 1 + MAX_REPORTED


# --- 4. CJK, emoji and right-to-left names ------------------------------------------------------

WIDE_NAMES = [
    ("字节跳动科技", "中国大陆"),
    ("🤖 Robots 🚀", "🇭🇰 Hong Kong · 机器人"),
    ("Acme 字节跳动 Holdings 有限公司 Limited Partnership International", "ＡＢＣ全角 Ｆｕｌｌｗｉｄｔｈ"),
    ("a字b字c字d字e字f字g字h字i字j字k字l字m字n字o字p字q字r字s字t字", "テスト" * 20),
    ("Mixed 混合 🚀 名前 テスト Company", "emoji 🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖"),
]


def right_to_left_names() -> list[str]:
    return [value for value in naughty_strings() if re.search("[\u0590-\u06ff]", value) and loadable(value, name=True)]


@pytest.mark.parametrize("size", [*SIZES, (61, 20)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_wide_and_right_to_left_names_keep_the_columns_aligned(tmp_path: Path, size: tuple[int, int]) -> None:
    rtl = right_to_left_names()
    assert len(rtl) >= 5
    path = write(tmp_path / "wide.toml", add_firms([*WIDE_NAMES, *((name, name) for name in rtl)]))
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        firm_list = app.query_one(FirmList)
        pane = app.query_one("#firms").region
        assert len(firm_list.firms) == 8 + len(WIDE_NAMES) + len(rtl)
        for row in range(len(firm_list.firms)):
            firm_list.cursor = row
            await pilot.pause()
            width = firm_list.scrollable_content_region.width
            for y in range(firm_list.scrollable_content_region.height):
                text = firm_list.render_line(y).text
                assert cell_len(text) == width, (row, y, text)
            screen = screen_text(app).split("\n")
            assert all(cell_len(line) <= size[0] for line in screen)
            for line in screen[pane.y + 1 : pane.bottom - 1]:
                # The pane's right border is where it belongs on every line of the list.
                border = [i for i, char in enumerate(line) if char in "│┃"]  # ┃: the focused pane
                assert cell_len(line[: border[1]]) == pane.right - 1, line
            assert app.query_one(FirmFacts).firm is firm_list.firms[row]
        assert app.is_running


# --- 5. the data file changes or goes away while the app runs -----------------------------------


@pytest.mark.parametrize("change", ["deleted", "garbage", "replaced"])
async def test_the_app_keeps_its_data_when_the_file_changes(tmp_path: Path, dataset: Dataset, change: str) -> None:
    path = tmp_path / "data.toml"
    shutil.copyfile(bundled_dataset(), path)
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        if change == "deleted":
            path.unlink()
        elif change == "garbage":
            path.write_bytes(b"\x00\xff garbage [[[ \x1b[31m")
        else:
            path.write_text(add_firms([("Another Firm", "Elsewhere")]), encoding="utf-8")
        await pilot.press("j")
        firm_list = app.query_one(FirmList)
        second: Firm = dataset.firms[1]
        assert firm_list.firm == second and app.query_one(FirmFacts).firm == second
        await pilot.press("y")
        assert app.clipboard == formats.firm_text(dataset, second)
        await pilot.press("slash", *"robot")
        await pilot.pause()
        assert [firm.name for firm in firm_list.firms] == ["Pudu Robotics", "Horizon Robotics"]
        await pilot.press("escape", "G")
        assert len(firm_list.firms) == 8 and firm_list.cursor == 7
        assert app.is_running


# --- 6. paths -------------------------------------------------------------------------------------


async def test_a_path_with_spaces_and_accents(tmp_path: Path) -> None:
    path = tmp_path / "my data" / "données ü.toml"
    write(path, BUNDLED)
    status, out, err = run_tui("check", "my data/données ü.toml", cwd=tmp_path)
    assert status == 0 and err == "" and out.startswith("my data/données ü.toml: OK (schema 1)\n")
    status, out, err = run_tui("export", "--format", "json", "--data", str(path), cwd=tmp_path)
    assert status == 0 and err == "" and len(json.loads(out)["firms"]) == 8
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        assert app.query_one(FirmList).cursor == 1 and "Baidu Ai Cloud" in screen_text(app)


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems take any bytes in a name")
def test_file_names_with_undecodable_bytes_and_escapes(tmp_path: Path) -> None:
    for raw in [b"data-\xff.toml", b"evil-\x1b[31m-\xe2\x80\xa8.toml"]:
        with open(os.path.join(os.fsencode(tmp_path), raw), "wb") as file:
            file.write(BUNDLED.encode("utf-8"))
        status, out, err = run_tui("check", raw, cwd=tmp_path)
        assert status == 0 and err == "", err
        assert_one_line_each(out.splitlines())
        status, out, err = run_tui("check", b"missing-" + raw, cwd=tmp_path)
        assert status == 2 and out == "" and len(err.splitlines()) == 1 and err.endswith(": no such file\n")
        assert_one_line_each(err.splitlines())
    assert "data-\\udcff.toml: OK" in run_tui("check", b"data-\xff.toml", cwd=tmp_path)[1]


def test_a_file_given_twice_is_a_one_line_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write(tmp_path / "a.toml", BUNDLED))
    with pytest.raises(SystemExit) as info:
        main(["check", path, path])
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "unrecognized arguments" in lines[0] and path in lines[0], lines


def test_data_given_twice_uses_the_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = str(write(tmp_path / "good.toml", BUNDLED))
    missing = str(tmp_path / "missing.toml")
    assert main(["--data", missing, "--data", good, "check"]) == 0
    assert capsys.readouterr().out.startswith(f"{good}: OK")
    assert main(["--data", good, "--data", missing, "check"]) == 2
    assert capsys.readouterr().err == f"{missing}: no such file\n"
    assert main(["export", "--data", missing, "--data", good, "--firm", "iflytek"]) == 0
    assert capsys.readouterr().out.startswith("iFLYTEK\n")


def test_keys_holding_line_breaks_and_escapes_are_shown_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = ["a\u2028b", "c\u2029d", "e\x1b[31mf", "g\nh", "i\x85j", "k\u202el"]
    iflytek = 'sector = { value = "Artificial intelligence", quote = "a Chinese artificial intelligence giant" }'
    assert BUNDLED.count(iflytek) == 1
    text = BUNDLED.replace(iflytek, iflytek + "".join(f"\n{toml_string(key)} = 1" for key in keys))
    path = write(tmp_path / "keys.toml", text)
    assert main(["check", str(path)]) == 2
    lines = capsys.readouterr().err.split("\n")[:-1]
    assert len(lines) == len(keys)
    assert_one_line_each(lines)
    # The same order run after run: the keys written raw are found on their lines; the escaped
    # newline's falls back to its table's line (earlier); the escaped ESC's, whose brackets the
    # locator can't take apart, has no line, so comes last.
    order = ["g\\x0ah", "a\\u2028b", "c\\u2029d", "i\\x85j", "k\\u202el", "e\\x1b[31mf"]
    assert [line.split(": ")[1] for line in lines] == [f"firms[0].{key}" for key in order]


def test_line_numbers_count_newlines_only(tmp_path: Path) -> None:
    """U+2028, U+2029 and NEL are line breaks to str.splitlines, not to TOML or an editor."""
    text = BUNDLED.replace('value = "2022"', 'value = "2022\u2028\u2029\x85"', 1)  # raw, as TOML allows
    text = text.replace('name = "Pudu Robotics"', 'name = "Pudu Robotics"\nnmae = 1')
    path = write(tmp_path / "lines.toml", text)
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    lines = text.split("\n")
    expected = {
        "programme.facts[0].value": next(i for i, line in enumerate(lines, 1) if line.startswith('value = "2022')),
        "firms[4].nmae": lines.index("nmae = 1") + 1,
    }
    assert {problem.path: problem.line for problem in info.value.problems} == expected


# --- 7. randomly built datasets -------------------------------------------------------------------

NASTY_CHARACTERS = st.sampled_from("\x00\x01\x08\t\n\r\x0b\x1b\x7f\x85\x9b\u200b\u202e\u2028\u2029\ufeff \"'\\[]{}.=#")
TEXT = st.text(st.one_of(st.characters(codec="utf-8"), NASTY_CHARACTERS), max_size=30)  # no lone surrogate: no file holds one
SCALARS = st.one_of(
    TEXT,
    st.integers(-(2**63), 2**63 - 1),
    st.integers(-3, 40),
    st.booleans(),
    st.floats(allow_nan=False),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(TEXT, SCALARS, max_size=3))
EDITS = ("drop key", "retype", "unknown key", "string", "count", "duplicate firm", "empty array", "drop item", "swap")


def slots(node: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key-or-index) in the document, depth first."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield node, key
        yield from slots(value)


def tables(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
    if isinstance(node, (dict, list)):
        for value in node.values() if isinstance(node, dict) else node:
            yield from tables(value)


def edit(document: dict[str, Any], data: st.DataObject) -> None:
    """One random structural edit of ``document``, in place."""
    kind = data.draw(st.sampled_from(EDITS), label="edit")
    every = list(slots(document))
    if kind == "unknown key":
        table = data.draw(st.sampled_from(list(tables(document))))
        table[data.draw(TEXT, label="key")] = data.draw(VALUES)
        return
    if kind == "duplicate firm":
        firms = document.get("firms")
        if isinstance(firms, list) and firms:
            firms.append(copy.deepcopy(data.draw(st.sampled_from(firms))))
        return
    tests: dict[str, Callable[[Any, Any], bool]] = {
        "drop key": lambda parent, key: isinstance(parent, dict),
        "retype": lambda parent, key: True,
        "string": lambda parent, key: isinstance(parent[key], str),
        "count": lambda parent, key: type(parent[key]) is int,
        "empty array": lambda parent, key: isinstance(parent[key], list),
        "drop item": lambda parent, key: isinstance(parent, list),
        "swap": lambda parent, key: True,
    }
    wanted = tests[kind]
    candidates = [slot for slot in every if wanted(*slot)]
    if not candidates:
        return
    parent, key = data.draw(st.sampled_from(candidates))
    if kind in ("drop key", "drop item"):
        del parent[key]
    elif kind == "retype":
        parent[key] = data.draw(VALUES)
    elif kind == "string":
        parent[key] = data.draw(TEXT)
    elif kind == "count":
        parent[key] = data.draw(st.integers(-2, 40) | st.integers(-(2**63), 2**63 - 1))
    elif kind == "empty array":
        parent[key] = []
    else:  # swap two values: a name where a table was, a table where a count was
        other_parent, other_key = data.draw(st.sampled_from(candidates))
        value, other = parent[key], other_parent[other_key]
        if not _contains(value, other) and not _contains(other, value):
            parent[key], other_parent[other_key] = copy.deepcopy(other), copy.deepcopy(value)


def _contains(outer: Any, inner: Any) -> bool:
    return any(node is inner for node in [outer, *(parent[key] for parent, key in slots(outer))])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_structures_load_or_are_refused_in_clear_lines(data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    document: dict[str, Any] = tomli.loads(BUNDLED)
    for _ in range(data.draw(st.integers(0, 4), label="edits")):
        edit(document, data)
    text = toml_document(document, inline_flat=data.draw(st.booleans(), label="inline"))
    assert tomli.loads(text) == document, "the serialiser must write what was built"
    path = write(tmp_path_factory.mktemp("structural") / "data.toml", text)
    try:
        result = load_dataset(path)
    except DatasetError as error:
        event("refused")
        assert error.problems
        assert_one_line_each(error.lines())
        assert_one_line_each(error.report())
        assert_one_line_each([str(error)])
    else:
        event("loaded")
        assert isinstance(result, Dataset)
        firms = document["firms"]
        assert [firm.id for firm in result.firms] == [firm["id"] for firm in firms]  # nothing lost
        assert [firm.name for firm in result.firms] == [firm["name"] for firm in firms]
        for fact in result.all_facts():
            assert fact.quote is None or result.source.text[fact.quote.start : fact.quote.end] == fact.quote.text


# --- 8. 100,000 firms, 59 MB ---------------------------------------------------------------------

HUGE = 100_000


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid dataset of 100,000 firms ("iFLYTEK 00000" … "Prophesee 99999"), over 50 MB."""
    path = write_synthetic(tmp_path_factory.mktemp("huge") / "huge.toml", HUGE)
    assert path.stat().st_size > 50_000_000
    return path


def test_100000_firms_check_and_export(huge_file: Path) -> None:
    status, out, err = run_tui("check", str(huge_file), cwd=huge_file.parent)
    assert status == 0 and err == "" and f"firms:  {HUGE:,} named of {HUGE + 9:,} signed" in out
    status, out, err = run_tui("export", "--firm", "firm-99999", "--format", "json", "--data", str(huge_file), cwd=huge_file.parent)
    assert status == 0 and err == ""
    assert [firm["name"] for firm in json.loads(out)["firms"]] == ["Prophesee 99999"]


async def test_100000_firms_browse_to_the_last_search_and_copy(huge_file: Path) -> None:
    app = make_app(huge_file)
    async with app.run_test(size=(120, 36)) as pilot:
        firm_list = app.query_one(FirmList)
        assert len(firm_list.firms) == HUGE and "iFLYTEK 00000" in screen_text(app)
        await pilot.press("G")  # the last firm: its name in the list and the detail
        assert firm_list.cursor == HUGE - 1 and app.query_one(FirmFacts).firm is app.dataset.firms[-1]
        assert screen_text(app).count("Prophesee 99999") == 2
        await pilot.press("slash", *"99998", "enter")  # the index is built on the first search
        await pilot.pause()
        assert firm_list.firm is not None and firm_list.firm.name == "Digital Domain 99998"
        await pilot.press("y")
        assert app.clipboard == formats.firm_text(app.dataset, firm_list.firm)
        assert app.is_running
