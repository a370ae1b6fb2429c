"""Helpers shared by the test modules (import as ``from support import ...``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

TESTS = Path(__file__).parent
CORPORA = TESTS / "corpora"


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
    from tui.core.characters import CONTROL as _CONTROL

    if not value.strip() or re.search(_CONTROL, value):
        return False
    return not (name and re.search(_BIDI, value))


def naughty_dataset_text(bundled_text: str) -> str:
    """The bundled dataset with one extra firm per naughty string: as its name, alias,
    fact label and value, and person role, wherever the loader accepts it."""
    strings = [*HOSTILE_NAMES, *naughty_strings()]
    blocks = []
    count = 0
    for index, value in enumerate(strings):
        if not loadable(value):
            continue
        count += 1
        as_name = value if loadable(value, name=True) else f"Firm {index}"
        blocks.append(
            "\n".join(
                [
                    "[[firms]]",
                    f'id = "naughty-{index}"',
                    f"name = {toml_string(as_name)}",
                    f"aliases = [{toml_string(as_name)}]",
                    'group = "mainland"',
                    f'origin = {{ value = {toml_string(value)}, quote = "15 firms from mainland China" }}',
                    f'sector = {{ value = {toml_string(value)}, quote = "robotics companies Pudu Robotics" }}',
                    "",
                    "[[firms.people]]",
                    f"name = {toml_string(as_name)}",
                    f"role = {toml_string(value)}",
                    'quote = "Tao Xiaodong, CEO of Xunfei Healthcare"',
                    "",
                    "[[firms.facts]]",
                    f"label = {toml_string(value)}",
                    f"value = {toml_string(value)}",
                    'quote = "Among these companies is iFLYTEK"',
                    "",
                ]
            )
        )
    text = bundled_text.replace("named = 8\nunnamed = 9", f"named = {8 + count}\nunnamed = 9")
    text = text.replace("signed = { count = 17,", f"signed = {{ count = {17 + count},")
    text = text.replace(
        'id = "mainland"\nlabel = "mainland China"\ncount = 15', f'id = "mainland"\nlabel = "mainland China"\ncount = {15 + count}'
    )
    assert text.count(str(8 + count)) >= 1 and f"count = {15 + count}" in text, "the bundled dataset changed shape"
    return text + "\n\n" + "\n".join(blocks)


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
