"""The ``oases-tui`` command line.

``oases-tui`` opens the browser; ``oases-tui check`` validates a dataset;
``oases-tui export`` writes firms and their quoted facts out; ``oases-tui
coverage`` lists the article's sentences with the facts that quote them. The
non-interactive commands never import Textual, so they start in a blink; the
app is imported only when it is about to run.

:func:`build_parser` defines the command line. Building it is a good part of
what ``check`` costs (argparse imports gettext, locale and shutil, and formats
help as each argument is added; the README's Performance section has the
figures), so :func:`plain_args` reads the everyday invocations first and leaves
argparse the rest: ``--help``, ``--version``, usage mistakes and the rarer
spellings (``--format=json``, ``--``, abbreviated options).
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

from tui import TYPE_CHECKING, __version__, exit_codes, output

# Nothing else at import time: each command imports what it needs (see tui/commands.py
# and run_app), and typing only for type checkers (see tui.TYPE_CHECKING).
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import IO, Any, NoReturn, Optional, Union

EXPORT_FORMATS = ("text", "markdown", "json", "csv", "annotations")
"""The same as tui.core.formats.FORMATS (a test keeps them equal), without importing the formats."""

COVERAGE_FORMATS = ("text", "json")

SERVE_HOST, SERVE_PORT, SERVE_IDLE_TIMEOUT, SERVE_MAX_SESSIONS = "127.0.0.1", 8000, 1800.0, 20
"""The same as tui.web's DEFAULT_HOST, DEFAULT_PORT, IDLE_TIMEOUT and tui.web.server.MAX_SESSIONS (a test keeps
them equal), without importing them."""

_EXPORT_OPTIONS = {"--format": "format", "--query": "query", "--firm": "firm", "--data": "data"}
"""For plain_args: the options ``export`` takes, each with a value, and the attribute each sets."""


def plain_args(argv: Sequence[str]) -> Optional[SimpleNamespace]:
    """``argv`` read as :func:`build_parser` reads it, if it holds only the everyday forms:
    ``check`` with at most one file name, ``export``, ``--debug`` before the command and
    the options that take a value, each spelled in full and followed by a value that
    doesn't start with ``-``. None for anything else, which the caller hands to argparse.

    Accepting only forms whose meaning is plain keeps the two readings equal
    (tests/test_cli_args.py checks them against each other on generated argument lists).
    """
    args = SimpleNamespace(command=None, data=None, debug=False)
    options = {"--data": "data"}
    files: list[str] = []
    words = iter(argv)
    for word in words:
        if word in options:
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None  # a missing value, or one argparse may take for an option
            if word == "--format" and value not in EXPORT_FORMATS:
                return None  # argparse's to refuse, even if a later --format is right
            setattr(args, options[word], value)
        elif word == "--debug" and args.command is None:
            args.debug = True
        elif word.startswith("-"):
            return None  # help, version, an abbreviation, --option=value, --, or a mistake
        elif args.command is None and word == "check":
            args.command, options = "check", {}
        elif args.command is None and word == "export":
            args.command, options = "export", _EXPORT_OPTIONS
            args.format, args.query, args.firm, args.summary = "text", None, None, False
        elif args.command == "check":
            files.append(word)
        else:
            return None  # an unknown command, or a word after export
    if args.command == "check":
        if len(files) > 1:
            return None
        args.file = files[0] if files else None
    if args.command == "export" and args.query is not None and args.firm is not None:
        return None  # argparse's to refuse: they are mutually exclusive
    return args


def build_parser() -> argparse.ArgumentParser:
    """The command line, in full: its help, its errors and every way of spelling an argument."""
    import argparse

    class Parser(argparse.ArgumentParser):
        """argparse, but a usage mistake is one line on stderr and exit status 2."""

        def _print_message(self, message: str, file: Optional[IO[str]] = None) -> None:  # type: ignore[override]
            """Help, version and usage lines through tui.output, flushed: argparse's own
            ignores a failed write (Python 3.11+), so ``--help > /dev/full`` would exit 0."""
            if message:
                output.write(message, file if file is not None else sys.stderr)

        def error(self, message: str) -> NoReturn:
            from tui.core.problems import one_line

            self.exit(exit_codes.BAD_INPUT, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")

    parser = Parser(
        prog="oases-tui",
        description="Browse the facts of the OASES signing ceremony, each tied to its sentence in the article.\n"
        "With no command, opens the browser; the commands below never do (they print and exit).",
        epilog="examples:\n"
        "  oases-tui                                   browse the bundled dataset\n"
        "  oases-tui export --firm iflytek             iFLYTEK's facts and quotes as text\n"
        "  oases-tui export --summary --format json    the headline figures, each with its quote\n"
        "  oases-tui check my.toml                     validate a dataset (exit 2 and one line per problem)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data", metavar="FILE", help="dataset to open (default: the bundled OASES dataset)")
    parser.add_argument("--debug", action="store_true", help="show Textual's full traceback if the app fails")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    check = commands.add_parser(
        "check",
        help="validate a dataset and summarise it",
        description="Validate a dataset: exit 0 and a summary if it is sound, exit 2 and one line per problem if not.",
    )
    check.add_argument("file", nargs="?", metavar="FILE", help="dataset to check (default: the bundled one)")
    export = commands.add_parser(
        "export",
        help="write firms and their quoted facts to standard output",
        description="Write every firm (or those matching --query, or the one --firm) with its facts and their quotes.",
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, default="text", help="output format (default: text)")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--query", metavar="Q", help="only the firms matching Q, best match first (as the app's search)")
    which.add_argument("--firm", metavar="ID", help="only the firm with this id (e.g. iflytek)")
    which.add_argument(
        "--summary", action="store_true", help="the programme summary instead of the firms (the key figures first, each with its quote)"
    )
    # SUPPRESS: without --data here, the top-level `oases-tui --data FILE export` still counts.
    export.add_argument("--data", metavar="FILE", default=argparse.SUPPRESS, help="dataset to export (default: the bundled one)")
    coverage = commands.add_parser(
        "coverage",
        help="list the article's sentences with the facts that quote them",
        description="List every sentence of the article with the facts that quote it; the uncited ones are marked '!'.",
    )
    coverage.add_argument("file", nargs="?", metavar="FILE", help="dataset to read (default: the bundled one)")
    coverage.add_argument("--format", choices=COVERAGE_FORMATS, default="text", help="output format (default: text)")
    _add_serve(commands)
    return parser


def _add_serve(commands: argparse._SubParsersAction[Any]) -> None:
    """``serve``: its defaults are tui.web's, written here so that --help never imports the web server."""
    import argparse

    serve = commands.add_parser(
        "serve",
        help="serve the browser as a web page, one app per tab (needs the [web] extra)",
        description="Serve the browser as a web page: each tab that opens it gets its own app. "
        "The page loads nothing from anywhere but this server. Needs: pip install 'oases-tui[web]'.",
        epilog="A session ends when its tab closes, after --idle-timeout seconds without a key, click or resize, "
        "or when the server stops (ctrl+c, SIGTERM, SIGHUP). The page has no login: on anything but loopback, "
        "put it behind a proxy with TLS and authentication.",
    )
    serve.add_argument("--host", default=SERVE_HOST, help=f"address to listen on (default: {SERVE_HOST}, this machine only)")
    serve.add_argument("--port", type=_port, default=SERVE_PORT, help=f"port to listen on, 0 for any free one (default: {SERVE_PORT})")
    serve.add_argument(
        "--idle-timeout",
        type=_seconds,
        default=SERVE_IDLE_TIMEOUT,
        metavar="SECONDS",
        help=f"end a session after this long without input (default: {SERVE_IDLE_TIMEOUT:g}, 30 minutes)",
    )
    serve.add_argument(
        "--max-sessions",
        type=_count,
        default=SERVE_MAX_SESSIONS,
        metavar="N",
        help=f"refuse a new tab while N sessions are open (default: {SERVE_MAX_SESSIONS})",
    )
    serve.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name the page is also reached by, e.g. a reverse proxy's public name (repeatable)",
    )
    serve.add_argument("--data", metavar="FILE", default=argparse.SUPPRESS, help="dataset every session opens (default: the bundled one)")


def _port(text: str) -> int:
    import argparse

    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"not a port number (0 to 65535): {text!r}")
    return int(text)


def _count(text: str) -> int:
    import argparse

    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    import argparse
    import math

    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds < math.inf):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return seconds


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command ``argv`` asks for; its exit status. Output that can't be written
    ends as in other Unix tools (see :mod:`tui.output`): quietly with 141 if the reader
    went away, with one line on stderr and 74 (sysexits' EX_IOERR) if the write failed."""
    try:
        return _run(argv)
    except (output.ReaderGone, BrokenPipeError):  # BrokenPipeError: a problem line to a closed stderr
        output.silence()
        return exit_codes.BROKEN_PIPE
    except output.WriteFailed as error:
        output.say(f"oases-tui: can't write the output: {error}")
        output.silence(error_too=False)
        return exit_codes.OUTPUT_FAILED


def _run(argv: Optional[Sequence[str]]) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    args: Union[SimpleNamespace, argparse.Namespace, None] = plain_args(arguments)
    if args is None:
        args = build_parser().parse_args(arguments)
    from tui.core.problems import DatasetError

    try:
        if args.command == "check":
            from tui.commands import check

            return check(args.file if args.file is not None else args.data)  # `check ""` is not `check`
        if args.command == "export":
            from tui.commands import export

            return export(args.data, args.format, query=args.query, firm_id=args.firm, summary=args.summary)
        if args.command == "coverage":
            from tui.commands import coverage

            return coverage(args.file if args.file is not None else args.data, args.format)
        if args.command == "serve":
            return serve(args.data, args.host, args.port, args.idle_timeout, args.max_sessions, args.allow_host)
        return run_app(args.data, debug=args.debug)
    except DatasetError as error:
        for line in error.report():
            print(line, file=sys.stderr)
        return exit_codes.BAD_INPUT
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED


def serve(file: Optional[str], host: str, port: int, idle_timeout: float, max_sessions: int, allowed_hosts: Sequence[str]) -> int:
    """``oases-tui serve``, or one line saying how to install the web extra if it is missing."""
    try:
        from tui.web.server import serve as serve_web
    except ImportError as error:
        if error.name is None or error.name.split(".")[0] not in _WEB_EXTRA_MODULES:
            raise
        from tui.web import INSTALL_HINT

        print(f"oases-tui serve: needs textual-serve, which is not installed ({error.name} is missing): {INSTALL_HINT}", file=sys.stderr)
        return exit_codes.BAD_INPUT
    return serve_web(file, host, port, idle_timeout, max_sessions, allowed_hosts)


_WEB_EXTRA_MODULES = ("textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2")
"""What the [web] extra installs: a missing one means the extra is."""


def _speak_utf8() -> None:
    """Write the screen as UTF-8 even under a non-UTF-8 locale (LANG=C without Python's
    UTF-8 mode, or a Latin-1 locale): Textual's box drawing would otherwise come out
    as backslash escapes. Terminals are UTF-8 in practice whatever the locale says."""
    for stream in (sys.__stdout__, sys.__stderr__):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def run_app(file: Optional[str], debug: bool = False) -> int:
    from tui.commands import load
    from tui.core import collector
    from tui.core.problems import one_line

    # Start-up creates Textual's and the dataset's objects and frees almost none: the
    # collector's passes over them would be work in vain. It runs again once the
    # first frame is painted (see _start_up_done).
    collector.pause()
    dataset = load(file)  # refuse a bad file before the terminal is taken over
    missing = _missing_terminal()
    if missing is not None:
        print(
            f"oases-tui: the browser needs a terminal, but {missing};"
            " `oases-tui export` writes the facts out without one (see oases-tui --help)",
            file=sys.stderr,
        )
        return exit_codes.BAD_INPUT
    _speak_utf8()
    from tui.app.oases_app import OasesApp

    app = OasesApp(dataset, debug=debug, after_first_frame=_start_up_done, exit_on_signals=True)
    app.run()
    if app.crash is not None and not debug:
        print(f"oases-tui stopped on an unexpected error: {one_line(app.crash)}", file=sys.stderr)
        print(f"Please report it with the command you ran and oases-tui {__version__}; --debug shows the full traceback.", file=sys.stderr)
    return app.return_code or exit_codes.OK


def _missing_terminal() -> Optional[str]:
    """Which of the standard streams is not a terminal, as a clause ("standard output is
    not one"), or None if all three are, or if the app is served in a browser.

    With no terminal (cron, ``nohup``, ``ssh`` without ``-t``, ``oases-tui > file``)
    Textual would write its escape codes into the file or log and wait for keys that
    never come. Standard error counts too: Textual draws the screen on it, so with
    ``2> log`` the screen would go into the log. textual-serve runs the app over pipes
    on purpose, with ``TEXTUAL_DRIVER`` naming Textual's web driver: that must keep
    working. Checked before Textual is imported.
    """
    from tui.core.native_clipboard import served_in_browser

    if served_in_browser():
        return None
    streams = (("input", sys.stdin), ("output", sys.stdout), ("error", sys.stderr))
    missing = [name for name, stream in streams if stream is None or not stream.isatty()]
    if not missing:
        return None
    if len(missing) == 1:
        return f"standard {missing[0]} is not one"
    return f"standard {', '.join(missing[:-1])} and {missing[-1]} are not terminals"


def _start_up_done() -> None:
    """The first frame is painted: freeze what start-up built (the dataset, Textual's
    classes and widgets), which lives as long as the app, out of the collector's
    reach, so it never rescans those objects again (seconds, at 100,000 firms), and
    let it run for what the app makes and drops from now on."""
    from tui.core import collector

    collector.freeze_and_resume()
