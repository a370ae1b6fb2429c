"""A data file that is not a regular file, or is too large, is refused at once in one line (exit 2), never read.

Before tui.core.reading, a FIFO made ``check`` block forever and ``/dev/zero`` made it
read until memory ran out; these tests run the real command with a timeout.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from support import run_tui

from tui.core import reading
from tui.core.loader import load_dataset
from tui.core.problems import DatasetError
from tui.core.resources import bundled_dataset


def assert_one_line_refusal(command: str, shown: str, problem: str, tmp_path: Path) -> None:
    arguments = [command, shown] if command == "check" else [command, "--data", shown]
    result = run_tui(*arguments, cwd=tmp_path, timeout=20)
    assert result.status == 2, result
    assert result.out == ""
    assert result.err.splitlines() == [f"{shown}: {problem}"]


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_fifo_is_refused_at_once_not_waited_on(command: str, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    assert_one_line_refusal(command, "pipe.toml", "is a named pipe (FIFO), not a regular file", tmp_path)


def test_a_symlink_to_a_fifo_is_refused_as_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.toml").symlink_to(tmp_path / "pipe")
    assert_one_line_refusal("check", "link.toml", "is a named pipe (FIFO), not a regular file", tmp_path)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_character_device_is_refused_not_read_forever(device: str, tmp_path: Path) -> None:
    assert_one_line_refusal("check", device, "is a character device, not a regular file", tmp_path)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    assert_one_line_refusal("check", "folder", "is a directory, not a data file", tmp_path)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    previous = Path.cwd()
    os.chdir(tmp_path)  # a relative name: AF_UNIX paths are limited to about 100 bytes
    try:
        server.bind("data.sock")
        assert_one_line_refusal("check", "data.sock", "is a socket, not a regular file", tmp_path)
    finally:
        os.chdir(previous)
        server.close()


def test_the_browser_refuses_a_fifo_given_as_data(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    result = run_tui("--data", "pipe.toml", cwd=tmp_path, timeout=20)
    assert result.status == 2, result
    assert result.err.splitlines() == ["pipe.toml: is a named pipe (FIFO), not a regular file"]


def test_a_file_over_the_cap_is_refused_naming_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = Path(bundled_dataset()).read_bytes()
    big = tmp_path / "big.toml"
    big.write_bytes(text)
    monkeypatch.setattr(reading, "MAX_BYTES", len(text) - 1)
    with pytest.raises(DatasetError) as info:
        load_dataset(big)
    assert info.value.lines() == [f"{big}: larger than {len(text) - 1:,} bytes, the most this reads"]
    monkeypatch.setattr(reading, "MAX_BYTES", len(text))
    assert load_dataset(big).source.text  # exactly at the cap is still read


def test_the_cap_is_256_mb() -> None:
    assert reading.MAX_BYTES == 256 * 1024 * 1024
