"""``oases-tui export``, run as a real process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest
from support import Ran, run_python, run_tui

from tui.core.formats import CSV_HEADER
from tui.core.model import Dataset


def export(*args: str) -> Ran:
    return run_tui(*args, timeout=30)


def test_json(dataset: Dataset) -> None:
    result = export("export", "--format", "json")
    assert result.status == 0, result.err
    assert result.err == ""
    document = json.loads(result.out)
    assert document["schema_version"] == 1
    assert document["source"] == {"title": "News article on the OASES signing ceremony with 17 firms"}
    assert [firm["id"] for firm in document["firms"]] == [firm.id for firm in dataset.firms]
    article = dataset.source.text
    for firm in document["firms"]:
        for fact in [firm["origin"], *firm["facts"], *firm["people"], *firm["subsidiaries"]]:
            assert article[fact["span"]["start"] : fact["span"]["end"]] == fact["quote"]
            assert fact["sentence"]["start"] <= fact["span"]["start"] and fact["span"]["end"] <= fact["sentence"]["end"]


def test_csv(dataset: Dataset) -> None:
    result = export("export", "--format", "csv")
    assert result.status == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out, newline="")))
    assert rows[0] == list(CSV_HEADER)
    assert [row[1] for row in rows[1:]] == [firm.name for firm in dataset.firms]


def test_text_is_the_default() -> None:
    result = export("export")
    assert result.status == 0, result.err
    assert result.out.startswith("iFLYTEK\nAlso written: iFlytek\nOrigin: Chinese — “iFLYTEK, a Chinese artificial intelligence giant”\n")
    assert "\n\nDigital Domain\nOrigin: American — “American company Digital Domain”\nSector: not stated in the source\n" in result.out
    assert result.out.endswith("\n\nSource: News article on the OASES signing ceremony with 17 firms\n")


def test_markdown_of_one_firm() -> None:
    result = export("export", "--format", "markdown", "--firm", "iflytek")
    assert result.status == 0, result.err
    assert result.out.startswith("## iFLYTEK\n\n- **Also written:** iFlytek\n")
    assert result.out.count("## ") == 1
    assert "“announced that iFlytek would invest HK\\$4 million in Hong Kong over the next five years”" in result.out


def test_one_firm_by_id() -> None:
    result = export("export", "--firm", "iflytek", "--format", "json")
    assert result.status == 0, result.err
    assert [firm["name"] for firm in json.loads(result.out)["firms"]] == ["iFLYTEK"]


def test_query_ranks_like_the_app(dataset: Dataset) -> None:
    from tui.core.search import FirmSearch

    result = export("export", "--query", "robot", "--format", "json")
    assert result.status == 0, result.err
    names = [firm["name"] for firm in json.loads(result.out)["firms"]]
    assert sorted(names) == ["Horizon Robotics", "Pudu Robotics"]
    assert names == [dataset.firms[index].name for index in FirmSearch(dataset.firms).search("robot")]


@pytest.mark.parametrize(("fmt", "expected"), [("json", None), ("csv", ",".join(CSV_HEADER) + "\n"), ("text", ""), ("markdown", "")])
def test_query_matching_nothing(fmt: str, expected: Optional[str]) -> None:
    result = export("export", "--query", "zzqqxxjj", "--format", fmt)
    assert result.status == 0
    assert result.err == "oases-tui export: no firm matches 'zzqqxxjj'\n"
    if expected is None:
        assert json.loads(result.out)["firms"] == []
    else:
        assert result.out == expected


def test_unknown_firm_id() -> None:
    result = export("export", "--firm", "iflytk")
    assert result.status == 2
    assert result.out == ""
    assert result.err == "oases-tui export: no firm with id 'iflytk' (did you mean iflytek?)\n"
    far = export("export", "--firm", "\x1b[31mnothing-like-it")
    assert far.status == 2
    assert far.err.count("\n") == 1 and "\x1b" not in far.err
    assert "'\\x1b[31mnothing-like-it'" in far.err and "iflytek, baidu-ai-cloud" in far.err


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "xml"),
        ("export", "--firm", "iflytek", "--query", "robot"),
        ("export", "--frim", "iflytek"),
    ],
)
def test_bad_arguments(args: tuple[str, ...]) -> None:
    result = export(*args)
    assert result.status == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("oases-tui")


def test_bad_data_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n[source]\ntitle = 3\n", encoding="utf-8")
    result = export("export", "--data", str(bad))
    assert result.status == 2
    assert result.out == ""
    assert result.err.startswith(f"{bad}:")


def test_data_before_or_after_the_command(tmp_path: Path, bundled_text: str) -> None:
    other = tmp_path / "other.toml"
    other.write_text(bundled_text.replace('title = "News article on', 'title = "Another copy of the article on'), encoding="utf-8")
    orders: list[tuple[str, ...]] = [("export", "--data", str(other)), ("--data", str(other), "export")]
    for args in orders:
        result = export(*args, "--format", "csv" if args[0] == "--data" else "text")
        assert result.status == 0, result.err
        if args[0] == "export":
            assert result.out.endswith("\nSource: Another copy of the article on the OASES signing ceremony with 17 firms\n")
    json_result = export("--data", str(other), "export", "--format", "json")
    assert json.loads(json_result.out)["source"]["title"].startswith("Another copy")


def test_a_closed_pipe_is_no_error() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "export", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first byte is written
    stderr = process.stderr.read()
    process.wait(timeout=30)
    process.stderr.close()
    assert stderr == b""
    assert process.returncode == 141


def test_export_never_imports_textual() -> None:
    result = run_python("-X", "importtime", "-m", "tui", "export", "--query", "robot", timeout=30)
    assert result.status == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.err.splitlines() if line.startswith("import time:")}
    assert "tui" in imported
    assert "textual" not in imported
    assert "rich" not in imported


def test_the_cli_offers_exactly_the_formats_the_formatters_write() -> None:
    from tui import cli
    from tui.core import formats

    assert cli.EXPORT_FORMATS == formats.FORMATS


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "csv"])
def test_summary_export_leads_with_the_key_figures(fmt: str, dataset: Dataset) -> None:
    """`export --summary`: the headline figures for a script, as the summary pane shows them, each with its quote."""
    result = export("export", "--summary", "--format", fmt)
    assert result.status == 0, result.err
    assert result.err == ""
    jobs = next(fact for fact in dataset.programme.facts if fact.label == "Jobs")
    assert jobs.value is not None and jobs.quote is not None
    if fmt == "json":
        document = json.loads(result.out)
        assert document["summary"][0]["title"] == "Key figures"
        facts = {fact["label"]: fact for section in document["summary"] for fact in section["facts"]}
        assert facts["Jobs"]["value"] == jobs.value and facts["Jobs"]["quote"] == jobs.quote.text
        assert facts["Jobs"]["span"] == {"start": jobs.quote.start, "end": jobs.quote.end}
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.out, newline="")))
        assert rows[0] == ["section", "label", "value", "quote"]
        assert rows[1][0] == "Key figures"
        assert ["Key figures", "Jobs", jobs.value, jobs.quote.text] in rows
    else:
        assert "Key figures" in result.out.splitlines()[0]
        assert jobs.value in result.out and jobs.quote.text in result.out
        assert result.out.index("17,000") < result.out.index("Office for Attracting")  # the figures come first


def test_summary_is_not_combined_with_a_firm_choice() -> None:
    result = export("export", "--summary", "--firm", "iflytek")
    assert result.status == 2
    assert result.out == "" and len(result.err.splitlines()) == 1 and "--summary" in result.err


@pytest.mark.parametrize("separator", ["\\u2028", "\\u2029"])
def test_a_line_separator_in_a_name_is_one_line_in_every_line_based_export(tmp_path: Path, bundled_text: str, separator: str) -> None:
    """U+2028 and U+2029 pass check (they are not controls) but a line-based reader splits at them."""
    data = tmp_path / "separated.toml"
    data.write_text(bundled_text.replace('name = "Pudu Robotics"', f'name = "Pudu{separator}Robotics"', 1), encoding="utf-8")
    assert run_tui("check", str(data)).status == 0
    plain = {fmt: export("export", "--format", fmt).out for fmt in ("text", "markdown", "csv")}
    for fmt, expected in plain.items():
        result = export("export", "--data", str(data), "--format", fmt)
        assert result.status == 0, result.err
        assert result.out.splitlines() == expected.splitlines(), fmt  # "Pudu Robotics", as if it had a space


def test_firm_ids_are_typed_in_any_case() -> None:
    lower, upper = export("export", "--firm", "iflytek"), export("export", "--firm", "IFLYTEK")
    assert upper.status == 0, upper.err
    assert upper.out == lower.out and upper.out.startswith("iFLYTEK\n")


def test_no_firm_at_all_says_so(tmp_path: Path, bundled_text: str) -> None:
    """A dataset that names no firm: the hint says so rather than listing nothing."""
    import tomli
    from support import toml_document

    document = tomli.loads(bundled_text)
    document["firms"] = []
    document["ceremony"]["named"] = 0
    document["ceremony"]["unnamed"] = document["ceremony"]["signed"]["count"]
    empty = tmp_path / "empty.toml"
    empty.write_text(toml_document(document), encoding="utf-8")
    result = export("export", "--data", str(empty), "--firm", "iflytek")
    assert (result.status, result.out) == (2, "")
    assert result.err == "oases-tui export: no firm with id 'iflytek' (the dataset names no firms)\n"
