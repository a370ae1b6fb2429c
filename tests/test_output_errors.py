"""Every command ends as Unix tools do when its output can't be written.

A closed pipe (``oases-tui check | true``) ends quietly with 141, what a shell
reports for a command stopped by SIGPIPE; a failed write (``> /dev/full``) is
one line on stderr and exit 74 (EX_IOERR). Each case runs with Python's
buffering on and off: with ``PYTHONUNBUFFERED`` a write fails where it is made,
without it in the flush at exit, and both must end the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

from tui import exit_codes

COMMANDS = [
    ["check"],
    ["export"],
    ["export", "--format", "json"],
    ["export", "--format", "csv"],
    ["export", "--format", "markdown"],
    ["export", "--format", "annotations"],
    ["export", "--summary"],
    ["export", "--query", "robot"],
    ["coverage"],
    ["--help"],
    ["--version"],
    ["check", "--help"],
    ["export", "--help"],
]

BUFFERING = {"buffered": "", "unbuffered": "1"}


def _env(buffering: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONUNBUFFERED", None)
    if BUFFERING[buffering]:
        env["PYTHONUNBUFFERED"] = BUFFERING[buffering]
    return env


@pytest.mark.parametrize("buffering", list(BUFFERING))
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_closed_pipe_ends_quietly(args: list[str], buffering: str, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(buffering), cwd=tmp_path
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first byte is written (`| true`)
    stderr = process.stderr.read()
    process.wait(timeout=30)
    process.stderr.close()
    assert stderr == b""
    assert process.returncode == exit_codes.BROKEN_PIPE


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("buffering", list(BUFFERING))
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_a_failure(args: list[str], buffering: str, tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        command = [sys.executable, "-m", "tui", *args]
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, env=_env(buffering), cwd=tmp_path, timeout=30, check=False)
    assert result.stderr.decode("utf-8") == "oases-tui: can't write the output: No space left on device\n"
    assert result.returncode == exit_codes.OUTPUT_FAILED


def test_a_problem_line_to_a_closed_stderr_ends_quietly(tmp_path: Path) -> None:
    """``oases-tui check missing.toml 2>&1 | true``: the problem line has no reader either."""
    command = [sys.executable, "-m", "tui", "check", "missing.toml"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=_env("buffered"), cwd=tmp_path)
    assert process.stdout is not None
    process.stdout.close()
    process.wait(timeout=30)
    assert process.returncode == exit_codes.BROKEN_PIPE
