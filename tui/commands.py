"""The non-interactive commands, ``check``, ``export`` and ``coverage``: no Textual here, ever.

``load`` is also how the app gets its dataset, so ``oases-tui --data FILE`` and
``oases-tui check FILE`` accept and refuse exactly the same files.
"""

from __future__ import annotations

import sys

from tui import TYPE_CHECKING, exit_codes, output
from tui.core.loader import load_dataset
from tui.core.model import Dataset, Firm
from tui.core.problems import one_line, visible
from tui.core.resources import bundled_dataset_file

if TYPE_CHECKING:
    from typing import Optional


def load(file: Optional[str]) -> Dataset:
    """The dataset at ``file``, or the bundled one: the one code path for app and commands."""
    return load_dataset(file if file is not None else bundled_dataset_file())


def check(file: Optional[str]) -> int:
    dataset = load(file)
    ceremony = dataset.ceremony
    facts = dataset.all_facts()
    silent = sum(1 for fact in facts if not fact.stated)
    lines = [
        f"{visible(dataset.path)}: OK (schema {dataset.schema_version})",  # a file name can hold ESC
        f"  firms:  {len(dataset.firms):,} named of {ceremony.signed.value:,} signed ({ceremony.unnamed:,} not named in the source)",
        f"  facts:  {len(facts):,} ({silent:,} not stated in the source)",
        f"  quotes: {dataset.quote_count():,} resolved to their sentences in a {len(dataset.source.text):,}-character article",
    ]
    return _write("\n".join(lines) + "\n")


def export(file: Optional[str], fmt: str, query: Optional[str] = None, firm_id: Optional[str] = None, summary: bool = False) -> int:
    """Write the firms (all, those matching ``query``, or the one ``firm_id``), or with ``summary``
    the programme summary, to standard output as ``fmt``."""
    if query is not None:
        from tui.core.search_text import MAX_QUERY_LENGTH

        if len(query) > MAX_QUERY_LENGTH:  # before loading: a usage mistake, whatever the file
            limit = f"a search takes at most {MAX_QUERY_LENGTH}"
            print(f"oases-tui export: --query is {len(query):,} characters long; {limit}", file=sys.stderr)
            return exit_codes.BAD_INPUT
    dataset = load(file)
    if summary:
        from tui.core import formats

        return _write(formats.export_summary(dataset, fmt))
    firms: list[Firm] = list(dataset.firms)
    if firm_id is not None:
        firm = dataset.firm(firm_id)
        if firm is None:
            print(f"oases-tui export: {_unknown_firm(dataset, firm_id)}", file=sys.stderr)
            return exit_codes.BAD_INPUT
        firms = [firm]
    elif query is not None:
        from tui.core.search import FirmSearch

        firms = [dataset.firms[index] for index in FirmSearch(dataset.firms).search(query)]
        if not firms:
            print(one_line(f"oases-tui export: no firm matches '{visible(query)}'"), file=sys.stderr)
    from tui.core import formats

    return _write(formats.export(dataset, firms, fmt))


def coverage(file: Optional[str], fmt: str = "text") -> int:
    """Write every sentence of the article with the facts that quote it, the uncited ones marked."""
    from tui.core import coverage as covering

    dataset = load(file)
    sentences = covering.coverage(dataset)
    write = covering.coverage_json if fmt == "json" else covering.coverage_text
    return _write(write(dataset, sentences))


def _unknown_firm(dataset: Dataset, firm_id: str) -> str:
    """``no firm with id X``, with the ids it may have meant (or all of them, if few)."""
    import difflib

    ids = [firm.id for firm in dataset.firms]
    by_lower = {known.lower(): known for known in reversed(ids)}
    close = [by_lower[match] for match in difflib.get_close_matches(firm_id.lower(), list(by_lower), n=5, cutoff=0.6)]
    everything = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
    if not ids:
        return one_line(f"no firm with id '{visible(firm_id)}' (the dataset names no firms)")
    hint = f"did you mean {', '.join(close)}?" if close else f"the ids are {everything}"
    return one_line(f"no firm with id '{visible(firm_id)}' ({hint})")


def _write(text: str) -> int:
    """Write ``text`` to standard output; a reader that went away or a failed write
    raises what :mod:`tui.output` names, and the command line ends accordingly."""
    output.write(text)
    return exit_codes.OK
