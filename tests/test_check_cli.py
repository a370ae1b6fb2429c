"""`oases-tui check`: a summary and exit 0 for a sound dataset, one line per problem and exit 2 otherwise.

A handful of tests run the real command in a subprocess from a scratch directory (so
nothing depends on the working directory); the 185 files of the toml-test invalid
corpus go through :func:`tui.cli.main` in-process, which is the same code, much faster.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from support import CORPORA, Ran, run_tui

from tui.cli import main
from tui.core.loader import load_dataset
from tui.core.model import Dataset
from tui.core.problems import DatasetError
from tui.core.resources import bundled_dataset

INVALID = CORPORA / "toml-test-invalid"
INVALID_FILES = sorted(INVALID.glob("**/*.toml"))


def assert_refused(result: Ran, expected: list[str]) -> None:
    assert result.status == 2, result
    assert result.out == ""
    assert result.err.splitlines() == expected
    assert "Traceback" not in result.err + result.out


def expected_lines(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    return info.value.lines()


def three_problems(bundled_text: str) -> str:
    text = bundled_text
    for old, new in [
        ("named = 8\n", 'named = "8"\n'),
        ('name = "Pudu Robotics"', 'name = ""'),
        ('quote = "creating approximately 17,000 job opportunities"', 'quote = "creating roughly 17,000 job opportunities"'),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def summary(dataset: Dataset, shown_path: str) -> list[str]:
    facts = dataset.all_facts()
    return [
        f"{shown_path}: OK (schema 1)",
        "  firms:  8 named of 17 signed (9 not named in the source)",
        f"  facts:  {len(facts)} ({sum(1 for fact in facts if not fact.stated)} not stated in the source)",
        f"  quotes: {dataset.quote_count()} resolved to their sentences in a {len(dataset.source.text):,}-character article",
    ]


# --- subprocess: the real command --------------------------------------------------------------


def test_check_bundled_dataset_from_another_directory(tmp_path: Path, dataset: Dataset) -> None:
    result = run_tui("check", cwd=tmp_path)
    assert result.status == 0, result.err
    assert result.err == ""
    assert result.out.splitlines() == summary(dataset, str(bundled_dataset()))
    assert "2 not stated" in result.out  # Digital Domain's and Prophesee's sectors


def test_check_a_relative_file(tmp_path: Path, bundled_text: str, dataset: Dataset) -> None:
    (tmp_path / "copy.toml").write_text(bundled_text, encoding="utf-8")
    result = run_tui("check", "copy.toml", cwd=tmp_path)
    assert result.status == 0, result.err
    assert result.out.splitlines() == summary(dataset, "copy.toml")


def test_check_reports_every_problem_one_per_line(tmp_path: Path, bundled_text: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(three_problems(bundled_text), encoding="utf-8")
    result = run_tui("check", "bad.toml", cwd=tmp_path)
    expected = expected_lines(bad)
    assert len(expected) == 3
    assert_refused(result, [line.replace(str(bad), "bad.toml") for line in expected])
    assert [line.split(": ")[1] for line in result.err.splitlines()] == [
        "programme.facts[4].quote",
        "ceremony.named",
        "firms[4].name",
    ]  # file order


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("missing.toml", None, "missing.toml: no such file"),
        ("folder", lambda path: path.mkdir(), "folder: is a directory, not a data file"),
        (
            "nul.toml",
            lambda path: path.write_bytes(b"schema_version = 1\n\x00"),
            "nul.toml:2:1: binary file (contains NUL bytes), not a TOML text file",
        ),
        ("latin1.toml", lambda path: path.write_bytes(b'x = "caf\xe9"\n'), "latin1.toml:1:9: not UTF-8 text (byte 0xe9)"),
        ("syntax.toml", lambda path: path.write_text("schema_version = \n"), "syntax.toml:1:18: TOML syntax error: Invalid value"),
        ("empty.toml", lambda path: path.write_text(""), "empty.toml:1:1: schema_version: not an oases-tui dataset"),
    ],
)
def test_check_refuses_unreadable_files(tmp_path: Path, name: str, make: object, message: str) -> None:
    if callable(make):
        make(tmp_path / name)
    result = run_tui("check", name, cwd=tmp_path)
    assert result.status == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith(message)
    assert "Traceback" not in result.err


def test_check_a_corpus_file_in_a_subprocess(tmp_path: Path) -> None:
    source = INVALID / "encoding" / "bad-utf8-in-string.toml"
    shutil.copy(source, tmp_path / "bad.toml")
    result = run_tui("check", "bad.toml", cwd=tmp_path)
    assert_refused(result, [line.replace(str(tmp_path / "bad.toml"), "bad.toml") for line in expected_lines(tmp_path / "bad.toml")])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "a.toml", "b.toml"], "oases-tui: unrecognized arguments: b.toml"),
        (["--bogus"], "oases-tui: unrecognized arguments: --bogus"),
        (["check", "--bogus"], "oases-tui: unrecognized arguments: --bogus"),
        (["--data"], "oases-tui: argument --data: expected one argument"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_tui(*args, cwd=tmp_path)
    assert result.status == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1, result.err
    assert result.err.startswith(message)
    assert "Traceback" not in result.err


# --- in-process: the same code -----------------------------------------------------------------


def test_the_whole_invalid_corpus_is_there() -> None:
    assert len(INVALID_FILES) == 185


@pytest.mark.parametrize("path", INVALID_FILES, ids=[str(path.relative_to(INVALID)) for path in INVALID_FILES])
def test_check_refuses_every_invalid_toml_file(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: ", lines[0]), lines[0]
    assert err == lines[0] + "\n"


def test_check_in_process_matches_the_loader(tmp_path: Path, bundled_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(three_problems(bundled_text), encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == expected_lines(bad)


def test_check_an_empty_file_name_is_not_the_bundled_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """`oases-tui check "$UNSET"` must not validate the bundled dataset and say OK."""
    assert main(["check", ""]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", ": no file name given\n")


def test_check_bundled_in_process(capsys: pytest.CaptureFixture[str], dataset: Dataset) -> None:
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == summary(dataset, str(bundled_dataset()))


@pytest.mark.parametrize("kind", ["three problems", "missing", "corpus"])
def test_data_option_refuses_exactly_as_check_does(
    kind: str, tmp_path: Path, bundled_text: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--data FILE`` loads through the same code as ``check FILE``, and refuses before the app is imported."""
    monkeypatch.setitem(sys.modules, "tui.app.oases_app", None)  # importing the app now fails: it must never be reached
    bad = tmp_path / "bad.toml"
    if kind == "three problems":
        bad.write_text(three_problems(bundled_text), encoding="utf-8")
    elif kind == "corpus":
        shutil.copy(INVALID / "table" / "duplicate.toml", bad)
    assert main(["check", str(bad)]) == 2
    check_out, check_err = capsys.readouterr()
    assert main(["--data", str(bad)]) == 2
    data_out, data_err = capsys.readouterr()
    assert main(["--data", str(bad), "check"]) == 2
    both_out, both_err = capsys.readouterr()
    assert check_out == data_out == both_out == ""
    assert check_err.splitlines() == expected_lines(bad)
    assert data_err == check_err == both_err
