"""Helpers shared by the test modules (import as ``from support import ...``)."""

from __future__ import annotations

import json
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
