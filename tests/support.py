"""Helpers shared by the test modules (import as ``from support import ...``)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, Optional, Union

import tui
from tui.core.model import Fact, Firm, Person, Quote, Subsidiary

TESTS = Path(__file__).parent
CORPORA = TESTS / "corpora"
ROOT = Path(tui.__file__).resolve().parent.parent
"""The checkout holding the package under test."""


# --- running the command line ---------------------------------------------------------------------


class Ran(NamedTuple):
    """What a finished command left: its exit status and its two streams, decoded."""

    status: int
    out: str
    err: str


def run_python(*args: Union[str, bytes], cwd: Optional[Path] = None, path: Path = ROOT, timeout: float = 60) -> Ran:
    """``python ARGS`` in ``cwd`` with only ``path`` (never the working directory) providing the package.

    The streams are strict UTF-8 and decoded from their bytes as they are (no newline
    translation), so a lone surrogate or a stray carriage return cannot hide.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = str(path)
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, timeout=timeout, check=False)
    return Ran(result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8"))


def run_tui(*args: Union[str, bytes], cwd: Optional[Path] = None, timeout: float = 60) -> Ran:
    """``python -m tui ARGS``, failing the test if it printed a traceback (never acceptable)."""
    ran = run_python("-m", "tui", *args, cwd=cwd, timeout=timeout)
    assert "Traceback" not in ran.out + ran.err, ran.err
    return ran


def fake_tool(folder: Path, name: str, body: str) -> Path:
    """An executable ``name`` in ``folder`` running the shell ``body`` (a stand-in clipboard tool)."""
    folder.mkdir(parents=True, exist_ok=True)
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return tool


# --- model objects built by hand ------------------------------------------------------------------

QUOTE = Quote("q", 0, 1, 0, 1)
"""A stand-in quote for facts whose provenance a test does not look at."""


def make_firm(
    name: str,
    aliases: Sequence[str] = (),
    origin: Optional[str] = None,
    sector: Optional[str] = None,
    people: Sequence[tuple[str, str]] = (),
    subsidiaries: Sequence[str] = (),
    facts: Sequence[tuple[str, Optional[str]]] = (),
    id: Optional[str] = None,
    quote: Quote = QUOTE,
) -> Firm:
    """A firm with only the fields a test names; a fact with no value has no quote, as the loader makes it."""

    def fact(label: str, value: Optional[str]) -> Fact:
        return Fact(label, value, quote if value is not None else None)

    return Firm(
        id=id or f"id-{name}",
        name=name,
        aliases=tuple(aliases),
        group="g",
        origin=fact("Origin", origin),
        sector=fact("Sector", sector),
        people=tuple(Person(person, role, quote) for person, role in people),
        subsidiaries=tuple(Subsidiary(subsidiary, quote) for subsidiary in subsidiaries),
        facts=tuple(fact(label, value) for label, value in facts),
    )


def naughty_strings() -> list[str]:
    """The Big List of Naughty Strings (MIT, tests/corpora/naughty-strings/LICENSE)."""
    strings: list[str] = json.loads((CORPORA / "naughty-strings" / "blns.json").read_text(encoding="utf-8"))
    return strings


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string, escaping what TOML requires (for generated datasets)."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


HOSTILE_NAMES = ("Stray [/] Co [@click=app.quit]x[/]", "[bold]Acme[/bold]")
"""Names that crash or hijack an app that parses data as markup."""


def loadable(value: str, name: bool = False) -> bool:
    """Whether the loader accepts ``value`` as a string field (as a name, if ``name``)."""
    from tui.core.characters import BIDI_CONTROL as _BIDI
    from tui.core.characters import BLANK as _BLANK
    from tui.core.characters import CONTROL as _CONTROL

    if re.fullmatch(_BLANK, value) or re.search(_CONTROL, value):  # empty, or only spaces and invisible characters
        return False
    return not (name and re.search(_BIDI, value))


def totals_sentence(signed: int, groups: Sequence[tuple[str, int]]) -> tuple[str, str, list[str]]:
    """A sentence stating a generated dataset's totals (which the article's do not), to append
    to its article, with the quote for the signed count and one for each group's: ``check``
    holds every count to its quote. The quotes are unique (each group's starts with ", ")."""
    signed_quote = f"In all, {signed} firms signed"
    group_quotes = [f", {count} from {label}" for label, count in groups]
    return signed_quote + "".join(group_quotes) + ".", signed_quote, group_quotes


def naughty_quote(index: int, value: str) -> str:
    """The article line that quotes naughty string ``index``: a value may give no figure its quote doesn't."""
    return f"Naughty {index} says: {value}"


def naughty_dataset_text(bundled_text: str) -> str:
    """The bundled dataset with one extra firm per naughty string: as its name, alias,
    fact label and value, and person role, wherever the loader accepts it.

    The article gains a line per string quoting it (so the figure rule holds whatever
    figures a string gives) and a sentence stating the new totals, which the signed
    count and the mainland group quote; the abroad group's derivation follows them."""
    strings = [*HOSTILE_NAMES, *naughty_strings()]
    blocks = []
    lines = []
    count = 0
    for index, value in enumerate(strings):
        if not loadable(value):
            continue
        count += 1
        as_name = value if loadable(value, name=True) else f"Firm {index}"
        quote = toml_string(naughty_quote(index, value))
        lines.append(naughty_quote(index, value))
        blocks.append(
            "\n".join(
                [
                    "[[firms]]",
                    f'id = "naughty-{index}"',
                    f"name = {toml_string(as_name)}",
                    f"aliases = [{toml_string(as_name)}]",
                    'group = "mainland"',
                    f"origin = {{ value = {toml_string(value)}, quote = {quote} }}",
                    f"sector = {{ value = {toml_string(value)}, quote = {quote} }}",
                    "",
                    "[[firms.people]]",
                    f"name = {toml_string(as_name)}",
                    f"role = {toml_string(value)}",
                    f"quote = {quote}",
                    "",
                    "[[firms.facts]]",
                    f"label = {toml_string(value)}",
                    f"value = {toml_string(value)}",
                    f"quote = {quote}",
                    "",
                ]
            )
        )
    return with_more_mainland_firms(bundled_text, count, lines) + "\n\n" + "\n".join(blocks)


def with_more_mainland_firms(bundled_text: str, count: int, article_lines: Sequence[str] = ()) -> str:
    """The bundled dataset's text with totals for ``count`` more named firms from mainland
    China (their [[firms]] tables are the caller's to append): the article gains
    ``article_lines`` and a sentence stating the new totals, which the signed count and the
    mainland group quote; the abroad group's derivation follows them."""
    signed, mainland = 17 + count, 15 + count
    sentence, signed_quote, (mainland_quote, _) = totals_sentence(signed, [("mainland China", mainland), ("abroad", 2)])
    article = bundled_text.split("'''")[1]
    text = bundled_text.replace(f"'''{article}'''", toml_string(article + "\n" + "\n".join([*article_lines, sentence])))
    text = text.replace("named = 8\nunnamed = 9", f"named = {8 + count}\nunnamed = 9")
    text = text.replace(
        'signed = { count = 17, quote = "agreements were signed with representatives of these 17 firms" }',
        f"signed = {{ count = {signed}, quote = {toml_string(signed_quote)} }}",
    )
    text = text.replace(
        'count = 15\nquote = "The companies involved in this deal include 15 firms from mainland China"',
        f"count = {mainland}\nquote = {toml_string(mainland_quote)}",
    )
    text = text.replace('how = "17 signed − 15 from mainland China"', f'how = "{signed} signed − {mainland} from mainland China"')
    assert f"count = {mainland}" in text and f"count = {signed}" in text, "the bundled dataset changed shape"
    assert f'how = "{signed} signed' in text, "the bundled dataset changed shape"
    return text


def _toml_key(key: str) -> str:
    return key if key and all(char.isascii() and (char.isalnum() or char in "-_") for char in key) else toml_string(key)


def toml_value(value: object) -> str:
    """``value`` (a string, int, bool, float, list or dict, however nested) as an inline TOML value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        return {float("inf"): "inf", float("-inf"): "-inf"}.get(value, repr(value))
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(key)} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"no TOML for {type(value).__name__}")


def toml_document(document: dict[str, object], inline_flat: bool = True) -> str:
    """``document`` as TOML text that tomli reads back equal (NaN aside): a table holding
    tables is a ``[table]``, a non-empty list of tables an ``[[array]]``; a table of plain
    values is written inline if ``inline_flat`` (``origin = { value = ..., quote = ... }``)."""
    lines: list[str] = []

    def header_style(value: object) -> bool:
        if isinstance(value, dict):
            return not inline_flat or any(isinstance(item, (dict, list)) for item in value.values())
        return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)

    def table(path: list[str], data: dict[str, object]) -> None:
        later = []
        for key, value in data.items():
            if header_style(value):
                later.append((key, value))
            else:
                lines.append(f"{_toml_key(key)} = {toml_value(value)}")
        for key, value in later:
            dotted = ".".join(_toml_key(part) for part in [*path, key])
            if isinstance(value, dict):
                lines.extend(["", f"[{dotted}]"])
                table([*path, key], value)
            else:
                for item in value:  # type: ignore[attr-defined]
                    lines.extend(["", f"[[{dotted}]]"])
                    table([*path, key], item)

    table([], document)
    return "\n".join(lines) + "\n"
