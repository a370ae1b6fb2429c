"""Fixtures shared by every test module."""

from __future__ import annotations

import pytest

from tui.core.loader import load_dataset
from tui.core.model import Dataset
from tui.core.resources import bundled_dataset


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The bundled OASES dataset, loaded once."""
    return load_dataset(bundled_dataset())


@pytest.fixture
def bundled_text() -> str:
    return bundled_dataset().read_text(encoding="utf-8")
