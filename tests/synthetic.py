"""Valid datasets of any size, for tests and benchmarks (import as ``from synthetic import ...``).

``write_synthetic(path, n)`` writes a dataset with ``n`` named firms that
``oases-tui check`` accepts: the bundled article, the bundled programme and
ceremony facts, and firms cycled from the eight bundled ones with a numbered
name and id ("Pudu Robotics 00042", ``firm-00042``). Every quote is a real quote
from the bundled file, so every quote resolves; the ceremony's totals are
rebuilt so they add up (signed = n + 9 unnamed, the groups sum to it, no group
holds more named firms than its count), and stated in a sentence appended to the
article, which they quote (``check`` holds a count to its quote). The output is
deterministic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Union

import tomli
from support import toml_value, totals_sentence

from tui.core.resources import bundled_dataset

UNNAMED = 9
"""Signed but not named, as in the article: the groups absorb them."""


def _bundled() -> dict[str, Any]:
    document: dict[str, Any] = tomli.loads(bundled_dataset().read_text(encoding="utf-8"))
    return document


def _table(lines: list[str], header: str, table: dict[str, Any]) -> None:
    """Append ``table``'s scalar keys under ``header``; nested arrays of tables are the caller's."""
    lines.append(header)
    for key, item in table.items():
        if not (isinstance(item, list) and item and isinstance(item[0], dict)):
            lines.append(f"{key} = {toml_value(item)}")
    lines.append("")


def synthetic_text(n_firms: int) -> str:
    """The TOML text of a valid dataset with ``n_firms`` named firms."""
    if n_firms < 1:
        raise ValueError("a dataset needs at least one firm")
    bundled = _bundled()
    base_firms: list[dict[str, Any]] = bundled["firms"]
    width = max(5, len(str(n_firms - 1)))
    ceremony = bundled["ceremony"]
    named_in: dict[str, int] = {}
    for index in range(n_firms):
        group = base_firms[index % len(base_firms)]["group"]
        named_in[group] = named_in.get(group, 0) + 1
    groups: list[dict[str, Any]] = [{key: value for key, value in group.items() if key != "derived"} for group in ceremony["groups"]]
    for group in groups:
        group["count"] = named_in.get(group["id"], 0)
    groups[0]["count"] += UNNAMED  # the unnamed firms: all counted in the first group
    sentence, signed_quote, group_quotes = totals_sentence(n_firms + UNNAMED, [(group["label"], group["count"]) for group in groups])
    for group, quote in zip(groups, group_quotes):
        group["quote"] = quote
    signed = dict(ceremony["signed"], count=n_firms + UNNAMED, quote=signed_quote)

    lines = ["schema_version = 1", ""]
    lines += ["[source]", f"title = {toml_value('Synthetic dataset: ' + bundled['source']['title'])}"]
    lines += [f"text = {toml_value(bundled['source']['text'] + chr(10) + sentence)}", ""]
    _table(lines, "[programme]", bundled["programme"])
    for fact in bundled["programme"].get("facts", []):
        _table(lines, "[[programme.facts]]", fact)

    lines += ["[ceremony]", f"signed = {toml_value(signed)}", f"named = {n_firms}", f"unnamed = {UNNAMED}", ""]
    for group in groups:
        _table(lines, "[[ceremony.groups]]", group)
    for fact in ceremony.get("facts", []):
        _table(lines, "[[ceremony.facts]]", fact)

    for index in range(n_firms):
        base = base_firms[index % len(base_firms)]
        number = f"{index:0{width}d}"
        firm = dict(base, id=f"firm-{number}", name=f"{base['name']} {number}")
        if "aliases" in base:
            firm["aliases"] = [f"{alias} {number}" for alias in base["aliases"]]
        _table(lines, "[[firms]]", firm)
        for key in ("people", "subsidiaries", "facts"):
            for item in base.get(key, []):
                _table(lines, f"[[firms.{key}]]", item)
    return "\n".join(lines)


def write_synthetic(path: Union[str, Path], n_firms: int) -> Path:
    """Write a valid dataset with ``n_firms`` named firms to ``path`` (a file) and return its path."""
    target = Path(path)
    target.write_text(synthetic_text(n_firms), encoding="utf-8")
    return target
