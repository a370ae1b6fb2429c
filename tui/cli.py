"""The ``oases-tui`` command line.

``oases-tui`` opens the browser; ``oases-tui check`` validates a dataset;
``oases-tui export`` writes firms and their quoted facts out. The
non-interactive commands never import Textual, so they start in a blink; the
app is imported only when it is about to run.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, Optional

from tui import __version__, formats
from tui.loader import load_dataset
from tui.model import Dataset, Firm
from tui.problems import DatasetError, one_line, visible
from tui.resources import bundled_dataset

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what the shell reports for a command whose reader went away (``| head``)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="oases-tui",
        description="Browse the facts of the OASES signing ceremony, each tied to its sentence in the article.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data", metavar="FILE", help="dataset to open (default: the bundled OASES dataset)")
    parser.add_argument("--debug", action="store_true", help="show Textual's full traceback if the app fails")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
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
    export.add_argument("--format", choices=formats.FORMATS, default="text", help="output format (default: text)")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--query", metavar="Q", help="only the firms matching Q, best match first (as the app's search)")
    which.add_argument("--firm", metavar="ID", help="only the firm with this id (e.g. iflytek)")
    # SUPPRESS: without --data here, the top-level `oases-tui --data FILE export` still counts.
    export.add_argument("--data", metavar="FILE", default=argparse.SUPPRESS, help="dataset to export (default: the bundled one)")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return check(args.file if args.file is not None else args.data)  # `check ""` is not `check`
        if args.command == "export":
            return export(args.data, args.format, query=args.query, firm_id=args.firm)
        return run_app(args.data, debug=args.debug)
    except DatasetError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def load(file: Optional[str]) -> Dataset:
    """The dataset at ``file``, or the bundled one: the one code path for app and commands."""
    return load_dataset(file if file is not None else bundled_dataset())


def check(file: Optional[str]) -> int:
    dataset = load(file)
    ceremony = dataset.ceremony
    facts = dataset.all_facts()
    silent = sum(1 for fact in facts if not fact.stated)
    print(f"{dataset.path}: OK (schema {dataset.schema_version})")
    print(f"  firms:  {len(dataset.firms)} named of {ceremony.signed.value} signed ({ceremony.unnamed} not named in the source)")
    print(f"  facts:  {len(facts)} ({silent} not stated in the source)")
    print(f"  quotes: {dataset.quote_count()} resolved to their sentences in a {len(dataset.source.text):,}-character article")
    return EXIT_OK


def export(file: Optional[str], fmt: str, query: Optional[str] = None, firm_id: Optional[str] = None) -> int:
    """Write the firms (all, those matching ``query``, or the one ``firm_id``) to standard output as ``fmt``."""
    dataset = load(file)
    firms: list[Firm] = list(dataset.firms)
    if firm_id is not None:
        firm = dataset.firm(firm_id)
        if firm is None:
            print(f"oases-tui export: {_unknown_firm(dataset, firm_id)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        firms = [firm]
    elif query is not None:
        from tui.search import FirmSearch

        firms = [dataset.firms[index] for index in FirmSearch(dataset.firms).search(query)]
        if not firms:
            print(one_line(f"oases-tui export: no firm matches '{visible(query)}'"), file=sys.stderr)
    return _write(formats.export(dataset, firms, fmt))


def _unknown_firm(dataset: Dataset, firm_id: str) -> str:
    """``no firm with id X``, with the ids it may have meant (or all of them, if few)."""
    ids = [firm.id for firm in dataset.firms]
    by_lower = {known.lower(): known for known in reversed(ids)}
    close = [by_lower[match] for match in difflib.get_close_matches(firm_id.lower(), list(by_lower), n=5, cutoff=0.6)]
    everything = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
    hint = f"did you mean {', '.join(close)}?" if close else f"the ids are {everything}"
    return one_line(f"no firm with id '{visible(firm_id)}' ({hint})")


def _write(text: str) -> int:
    """Write ``text`` to standard output as UTF-8; a reader that went away (``| head -1``) is no error."""
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8", errors="replace"))
            buffer.flush()
    except BrokenPipeError:
        # Point stdout at devnull so the flush at exit finds nothing to complain about.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_BROKEN_PIPE
    return EXIT_OK


def run_app(file: Optional[str], debug: bool = False) -> int:
    dataset = load(file)  # refuse a bad file before the terminal is taken over
    from tui.app import OasesApp

    app = OasesApp(dataset, debug=debug)
    app.run()
    if app.crash is not None and not debug:
        print(f"oases-tui stopped on an unexpected error: {one_line(app.crash)}", file=sys.stderr)
        print(f"Please report it with the command you ran and oases-tui {__version__}; --debug shows the full traceback.", file=sys.stderr)
    return app.return_code or EXIT_OK
