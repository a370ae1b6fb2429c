"""Writing to standard output as Unix tools do.

Every command's output goes through :func:`write` (argparse's help and version
too, see ``tui.cli``), so that the two ways writing can fail end as a user of
Unix tools expects, whatever the command:

- the reader went away (``oases-tui export | head -1``, ``check | true``):
  :class:`ReaderGone`, which the command line turns into a quiet exit with the
  status a shell reports for a command stopped by SIGPIPE;
- the write failed (``> /dev/full``, a disk that filled up, a terminal that
  closed): :class:`WriteFailed`, which the command line turns into one line on
  standard error and a non-zero exit.

Each write is flushed at once, so a failure shows here, where it can be named,
and not in the flush at interpreter exit (a traceback-like "Exception ignored"
with status 120). No Textual and nothing slow to import: ``check`` starts here.
"""

from __future__ import annotations

import os
import sys

from tui import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import IO, Optional


class ReaderGone(Exception):
    """Standard output (or error) is a pipe whose reader has closed it."""


class WriteFailed(Exception):
    """Standard output can't be written; the message says why (``No space left on device``)."""


def write(text: str, stream: Optional[IO[str]] = None) -> None:
    """Write ``text`` to ``stream`` (standard output) as UTF-8 and flush it, or raise
    :class:`ReaderGone` or :class:`WriteFailed`."""
    stream = sys.stdout if stream is None else stream
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a stream replaced by a test or an embedding program
            stream.write(text)
            stream.flush()
        else:
            stream.flush()  # whatever was written through the text layer goes first
            buffer.write(text.encode("utf-8", errors="replace"))
            buffer.flush()
    except BrokenPipeError:
        raise ReaderGone() from None
    except OSError as error:
        raise WriteFailed(error.strerror or str(error)) from None


def silence(error_too: bool = True) -> None:
    """Point standard output (and error, unless not ``error_too``) at the null device once
    writing failed: the interpreter's own flush at exit, of what is still buffered, then
    finds nothing to complain about."""
    for stream in (sys.stdout, sys.stderr) if error_too else (sys.stdout,):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass  # no file descriptor (a test's stream): nothing will be flushed to a pipe


def say(line: str) -> None:
    """Write one line to standard error, if anything is still reading it."""
    try:  # noqa: SIM105 (not contextlib.suppress: check would import contextlib for it)
        print(line, file=sys.stderr, flush=True)
    except OSError:
        pass  # standard error is gone or full too: there is nowhere left to say it
