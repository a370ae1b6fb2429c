"""Read a data file safely: only regular files, only up to a cap, only UTF-8 text.

Why a module of its own: ``open(path).read()`` on a FIFO blocks forever, on
``/dev/zero`` or ``/dev/urandom`` it reads until memory runs out, and on a
directory or socket it fails with an error that names neither the file nor the
problem plainly. So the file is ``os.stat``-ed first (after following links) and
anything but a regular file is refused at once, and at most :data:`MAX_BYTES`
are read, so even a regular file that grows while being read cannot exhaust
memory. Every refusal is a :class:`DatasetError` with one plain problem.
"""

from __future__ import annotations

import os
import stat

from tui.core.problems import DatasetError, Problem

MAX_BYTES = 256 * 1024 * 1024
"""256 MB: far above any real dataset (the 100,000-firm benchmark file is 59 MB)."""

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a data file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def read_bytes(file: str) -> bytes:
    """The bytes of the regular file ``file``, or a :class:`DatasetError` saying plainly why not."""
    if not file:
        raise DatasetError(file, [Problem("", "no file name given")])  # not open()'s "no such file": there is no name
    try:
        mode = os.stat(file).st_mode  # follows links: a link to a FIFO is a FIFO
        _refuse_special(file, mode)
        # O_NONBLOCK: should the path be swapped for a FIFO after the stat, open() must not block.
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as stream:  # open(), not pathlib: see tui.core.resources on pathlib's import cost
            _refuse_special(file, os.fstat(stream.fileno()).st_mode)
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DatasetError(file, [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise DatasetError(file, [Problem("", "is a directory, not a data file")]) from None
    except PermissionError:
        raise DatasetError(file, [Problem("", "permission denied: the file can't be read")]) from None
    except OSError as error:
        raise DatasetError(file, [Problem("", f"can't be read: {error.strerror or error}")]) from None
    if len(data) > MAX_BYTES:
        raise DatasetError(file, [Problem("", f"larger than {_megabytes(MAX_BYTES)}, the most this reads")])
    return data


def read_text(file: str) -> str:
    """The file's text (without a leading BOM), or a :class:`DatasetError` saying plainly why it can't be read."""
    data = read_bytes(file)
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise DatasetError(file, [Problem("", "binary file (contains NUL bytes), not a TOML text file", line, column)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise DatasetError(file, [Problem("", f"not UTF-8 text (byte 0x{data[error.start]:02x})", line, column)]) from None
    return text[1:] if text.startswith("\ufeff") else text


def _refuse_special(file: str, mode: int) -> None:
    for is_kind, problem in _KINDS:
        if is_kind(mode):
            raise DatasetError(file, [Problem("", problem)])


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{size:,} bytes"
