"""tui.core.records.NamedTuple behaves as typing.NamedTuple does for the model's records."""

from __future__ import annotations

import operator
import typing
from typing import Optional

import pytest

from tui.core.records import NamedTuple


class Record(NamedTuple):
    """A record."""

    name: str
    size: int = 0
    note: Optional[str] = None

    def twice(self) -> int:
        return self.size * 2

    @property
    def label(self) -> str:
        return f"{self.name}: {self.size}"


class Typed(typing.NamedTuple):
    """A record."""

    name: str
    size: int = 0
    note: Optional[str] = None


def test_fields_defaults_and_tuple_behaviour_match_typing() -> None:
    record, typed = Record("a"), Typed("a")
    assert (record._fields, record._field_defaults) == (typed._fields, typed._field_defaults)
    assert repr(Record("a", 2)) == "Record(name='a', size=2, note=None)"
    assert operator.eq(record, typed) and hash(record) == hash(typed) and tuple(record) == ("a", 0, None)
    assert Record("a", 1)._replace(note="n") == Record("a", 1, "n") and type(record._replace(size=3)) is Record
    assert isinstance(record, Record) and isinstance(record, tuple)
    assert Record.__doc__ == "A record." and Record.__module__ == __name__


def test_methods_and_properties_come_with_the_record() -> None:
    record = Record("a", 3)
    assert record.twice() == 6 and record.label == "a: 3"


def test_records_are_immutable() -> None:
    with pytest.raises(AttributeError):
        Record("a").size = 1  # type: ignore[misc]


def test_a_field_without_a_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default follows"):

        class Broken(NamedTuple):
            first: int = 0
            second: int  # type: ignore[misc]
