"""data/SCHEMA.md tells the truth: its example dataset passes `check` with the output it shows,
and every key the loader knows is documented."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tui.cli import main
from tui.core import loader

SCHEMA = Path(__file__).parent.parent / "data" / "SCHEMA.md"


def blocks(language: str) -> list[str]:
    """The fenced code blocks of SCHEMA.md opened with ```language (``""``: a bare fence)."""
    found: list[str] = []
    current: list[str] | None = None
    opened = ""
    for line in SCHEMA.read_text(encoding="utf-8").splitlines():
        if line.startswith("```") and current is None:
            current, opened = [], line[3:].strip()
        elif line.startswith("```") and current is not None:
            if opened == language:
                found.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return found


def test_the_example_passes_check_as_shown(tmp_path: Path, capsys: object) -> None:
    example = tmp_path / "harbour.toml"
    example.write_text(next(block for block in blocks("toml") if block.startswith("schema_version")), encoding="utf-8")
    shown = next(block for block in blocks("") if block.startswith("$ oases-tui check harbour.toml"))
    expected = shown.splitlines()[1:]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        status = main(["check", "harbour.toml"])
    finally:
        os.chdir(cwd)
    assert status == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.splitlines() == expected


def test_every_key_the_loader_knows_is_documented() -> None:
    text = SCHEMA.read_text(encoding="utf-8")
    keys = set().union(*(value for name, value in vars(loader).items() if name.endswith("_KEYS") and isinstance(value, frozenset)))
    missing = sorted(key for key in keys if not re.search(rf"[`\[.]{re.escape(key)}\b", text))
    assert not missing, missing
