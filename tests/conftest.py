"""Fixtures shared by every test module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.loader import load_dataset
from tui.model import Dataset
from tui.resources import bundled_dataset

TESTS = Path(__file__).parent
CORPORA = TESTS / "corpora"


def naughty_strings() -> list[str]:
    """The Big List of Naughty Strings (MIT, tests/corpora/naughty-strings/LICENSE)."""
    strings: list[str] = json.loads((CORPORA / "naughty-strings" / "blns.json").read_text(encoding="utf-8"))
    return strings


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The bundled OASES dataset, loaded once."""
    return load_dataset(bundled_dataset())


@pytest.fixture
def bundled_text() -> str:
    return bundled_dataset().read_text(encoding="utf-8")
