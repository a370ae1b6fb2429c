"""The ``oases-tui`` command line.

``oases-tui`` opens the browser; ``oases-tui check`` validates a dataset. The
non-interactive commands never import Textual, so they start in a blink; the
app is imported only when it is about to run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn, Optional

from tui import __version__
from tui.loader import load_dataset
from tui.model import Dataset
from tui.problems import DatasetError, one_line
from tui.resources import bundled_dataset

EXIT_OK = 0
EXIT_BAD_INPUT = 2


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
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return check(args.file if args.file is not None else args.data)  # `check ""` is not `check`
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


def run_app(file: Optional[str], debug: bool = False) -> int:
    dataset = load(file)  # refuse a bad file before the terminal is taken over
    from tui.app import OasesApp

    app = OasesApp(dataset)
    app.run()
    return app.return_code or EXIT_OK
