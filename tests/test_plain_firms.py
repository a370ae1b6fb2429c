"""The loader's one-pass reading of plain firms (tui.core.plain_firms) builds exactly what the
long way builds, and declines everything the long way would find a problem in: a file is
accepted or refused as if every firm were read the long way."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import tomli
from support import toml_document
from synthetic import write_synthetic

from tui.core.article import Article
from tui.core.derivations import Deriver
from tui.core.loader import _Builder, load_dataset
from tui.core.model import Firm
from tui.core.plain_firms import FIRM_KEYS, PlainFirms
from tui.core.problems import DatasetError, Problem
from tui.core.resources import bundled_dataset
from tui.core.toml_table import Table

DOCUMENT: dict[str, Any] = tomli.loads(bundled_dataset().read_text(encoding="utf-8"))
ARTICLE = Article(DOCUMENT["source"]["text"])

ODD_STRINGS = [
    "",
    "   ",
    "\u3164",  # Hangul filler: printable, shows nothing
    "\u200b",  # zero-width space
    " \u00ad ",  # soft hyphen between spaces
    "two\nlines",
    "one\u2028line",
    "tab\there",
    "bidi \u202e override",
    "not stated",
    "[/]",
    "é",
    "\u3164visible",
    "x" * 201,
    "an id",
    "NOT IN THE ARTICLE AT ALL",
]
"""Strings each put in turn at every string in a firm: blank, invisible, multi-line,
control or bidi characters, the "not stated" marker, markup, too long, spaced, unquotable."""

ODD_VALUES: list[Any] = [5, True, [], {}, ["x"], [{}], {"value": "x"}]


def long_way(data: dict[str, Any]) -> tuple[Firm | None, list[Problem]]:
    """The firm as the loader's long way reads it, and the problems it records."""
    problems: list[Problem] = []
    builder = _Builder("test.toml", problems)
    builder.article = ARTICLE
    builder.deriver = Deriver(DOCUMENT, ARTICLE, builder.problem)
    firm = builder.firm(Table(data, "firms[0]", problems, FIRM_KEYS), {})
    return firm, problems


def leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path to every value in ``node`` (tables, arrays and scalars alike)."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, item in node.items():
            found += leaves(item, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += leaves(item, (*path, index))
    return found


def replaced(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def agree(data: dict[str, Any]) -> None:
    """The one-pass result is the long way's for a firm the long way finds sound, else None."""
    fast = PlainFirms(ARTICLE).firm(data, {})
    slow, problems = long_way(data)
    structural = [problem for problem in problems if "gives" not in problem.message]  # the figure rule runs on both alike
    if fast is not None:
        assert not structural, f"one-pass accepted what the long way refuses: {structural}"
        assert fast == slow


@pytest.mark.parametrize("index", range(len(DOCUMENT["firms"])))
def test_every_bundled_firm_is_read_in_one_pass_as_the_long_way_reads_it(index: int) -> None:
    data = DOCUMENT["firms"][index]
    fast = PlainFirms(ARTICLE).firm(data, {})
    assert fast is not None
    assert fast == long_way(data)[0]


@pytest.mark.parametrize("index", range(len(DOCUMENT["firms"])))
def test_an_odd_value_anywhere_in_a_firm_is_declined_or_read_alike(index: int) -> None:
    data = DOCUMENT["firms"][index]
    for path in leaves(data):
        for value in [*ODD_STRINGS, *ODD_VALUES]:
            agree(replaced(data, path, value))
        if isinstance(path[-1], str):  # an unknown key beside it
            agree(replaced(data, (*path[:-1], "unexpected"), "x"))


def test_a_repeated_id_goes_the_long_way() -> None:
    data = DOCUMENT["firms"][0]
    assert PlainFirms(ARTICLE).firm(data, {data["id"].lower(): ("firms[3]", data["id"])}) is None


def test_a_value_of_only_a_hangul_filler_is_refused_as_empty(tmp_path: Path) -> None:
    document = copy.deepcopy(DOCUMENT)
    document["firms"][1]["sector"]["value"] = "\u3164"
    path = tmp_path / "filler.toml"
    path.write_text(toml_document(document), encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    assert [(problem.path, problem.message.split(":")[0]) for problem in info.value.problems] == [("firms[1].sector.value", "is empty")]


def test_a_synthetic_file_loads_the_same_whichever_way_its_firms_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_synthetic(tmp_path / "synthetic.toml", 40)
    fast = load_dataset(path)
    monkeypatch.setattr(PlainFirms, "firm", lambda self, data, seen: None)
    assert load_dataset(path).firms == fast.firms
