"""The command line's two readers agree: :func:`tui.cli.plain_args` (the everyday forms, without
argparse) gives exactly what :func:`tui.cli.build_parser` gives, or leaves the arguments to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import run_python

from tui.cli import build_parser, plain_args

VALUES = ["a.toml", "my data.toml", "", " ", "robot", "iflytek", "check", "export", "json", "xml", "-", "-x", "-1", "- x", "--debug"]
WORDS = [
    *("check", "export", "--data", "--debug", "--format", "--query", "--firm", "--version", "--help", "-h", "--", "--bogus"),
    *("--form", "--dat", "--format=json", "--data=a.toml", "--query=", "text", "markdown", "csv", "JSON"),
    *VALUES,
]
TOP_CHUNKS = st.one_of(st.just(["--debug"]), st.tuples(st.just("--data"), st.sampled_from(VALUES)).map(list))
EXPORT_CHUNKS = st.one_of(
    st.tuples(st.sampled_from(["--data", "--query", "--firm"]), st.sampled_from(VALUES)).map(list),
    st.tuples(st.just("--format"), st.sampled_from(["text", "markdown", "json", "csv", "xml", ""])).map(list),
)


@st.composite
def argument_lists(draw: st.DrawFn) -> list[str]:
    """The everyday forms (options before a command, then the command's own), half with an odd word slipped in."""
    chunks = draw(st.lists(TOP_CHUNKS, max_size=3))
    command = draw(st.sampled_from([None, "check", "export"]))
    if command == "check":
        chunks += [["check"], draw(st.lists(st.sampled_from(VALUES), max_size=2))]
    elif command == "export":
        chunks += [["export"], *draw(st.lists(EXPORT_CHUNKS, max_size=4))]
    words = [word for chunk in chunks for word in chunk]
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(st.one_of(st.sampled_from(WORDS), st.text(max_size=3))))
    return words


def argparse_reading(argv: list[str]) -> Optional[dict[str, Any]]:
    """What argparse makes of ``argv``, or None if it refuses it (or answers --help or --version)."""
    try:
        return vars(build_parser().parse_args(argv))
    except SystemExit:
        return None


@settings(max_examples=3000, deadline=None)
@given(argument_lists())
def test_plain_args_reads_as_argparse_does_or_not_at_all(argv: list[str]) -> None:
    plain = plain_args(argv)
    if plain is not None:
        assert vars(plain) == argparse_reading(argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data", "a.toml"],
        ["--debug"],
        ["--debug", "--data", "a.toml", "--debug"],
        ["--data", "check"],  # the file named check, opened in the app
        ["check"],
        ["check", "a.toml"],
        ["check", ""],  # an empty name: refused, never the bundled dataset
        ["check", "check"],
        ["--data", "a.toml", "check"],
        ["--data", "a.toml", "check", "b.toml"],
        ["export"],
        ["export", "--format", "json", "--query", "robot"],
        ["export", "--firm", "iflytek", "--format", "markdown"],
        ["export", "--query", "a", "--query", "b"],
        ["--data", "a.toml", "export", "--data", "b.toml"],
        ["export", "--data", "a.toml", "--data", "b.toml", "--firm", "iflytek"],
    ],
)
def test_the_everyday_forms_need_no_argparse(argv: list[str]) -> None:
    plain = plain_args(argv)
    assert plain is not None
    assert vars(plain) == argparse_reading(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["check", "--help"],
        ["--data"],
        ["--data", "-"],
        ["check", "a.toml", "b.toml"],
        ["check", "-"],
        ["check", "--data", "a.toml"],
        ["export", "--format=json"],
        ["export", "--form", "json"],
        ["export", "--format", "xml"],
        ["export", "--format", "xml", "--format", "json"],  # argparse checks every --format, not just the last
        ["export", "--firm", "iflytek", "--query", "robot"],
        ["export", "--debug"],
        ["export", "extra"],
        ["show"],
        ["--", "check"],
    ],
)
def test_everything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert plain_args(argv) is None


@pytest.mark.parametrize("args", [["check"], ["export", "--query", "robot", "--format", "json"], ["--data", "missing.toml"]])
def test_the_everyday_commands_never_import_argparse(tmp_path: Path, args: list[str]) -> None:
    result = run_python("-X", "importtime", "-m", "tui", *args, cwd=tmp_path)
    assert result.status == (2 if "missing.toml" in args else 0), result.err
    imported = {line.rsplit("|", 1)[1].strip() for line in result.err.splitlines() if line.startswith("import time:")}
    assert "tui.cli" in imported
    assert "argparse" not in imported


def test_help_says_what_opens_the_browser_and_shows_examples() -> None:
    result = run_python("-m", "tui", "--help")
    assert result.status == 0, result.err
    assert "With no command, opens the browser; the commands below never do" in result.out
    examples = result.out.split("examples:\n", 1)[1].splitlines()
    assert [line.split()[1] if len(line.split()) > 1 else "" for line in examples[:4]] == ["browse", "export", "export", "check"]
