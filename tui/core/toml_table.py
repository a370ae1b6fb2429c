"""A TOML table being read: typed getters that record a :class:`~tui.core.problems.Problem`
for every way a value can be wrong instead of raising, so the loader reports every problem
in a file at once. Kept apart from :mod:`tui.core.loader`, which says what each table holds.
"""

from __future__ import annotations

import re

from tui import TYPE_CHECKING
from tui.core.characters import BIDI_CONTROL, BLANK, CONTROL
from tui.core.problems import Problem, visible

if TYPE_CHECKING:
    from typing import Any, Optional


TYPE_NAMES = {str: "a string", int: "an integer", bool: "a boolean", float: "a float", list: "an array", dict: "a table"}


def type_name(value: Any) -> str:
    return TYPE_NAMES.get(type(value), "a date or time")


def blank(value: str) -> bool:
    """Whether ``value`` shows nothing: spaces and invisible characters only (see :data:`tui.core.characters.INVISIBLE`)."""
    return re.fullmatch(BLANK, value) is not None


def invisible_only(value: str) -> str:
    """What a problem says of a string that shows nothing but is not empty."""
    codes = sorted({f"U+{ord(char):04X}" for char in value if not char.isspace()})
    return f"it holds only invisible characters ({', '.join(codes[:5])}{', ...' if len(codes) > 5 else ''})"


class Table:
    """A TOML table being read: typed getters that record problems instead of raising."""

    __slots__ = ("data", "path", "problems")

    def __init__(self, data: dict[str, Any], path: str, problems: list[Problem], keys: frozenset[str]) -> None:
        self.data = data
        self.path = path
        self.problems = problems
        if not keys.issuperset(data):  # the usual case skips building the difference
            for key in [key for key in data if key not in keys]:  # in file order: a set would vary from run to run
                self.problem(key, f"unknown key (expected one of: {', '.join(sorted(keys))})")

    def key_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.key_path(key), message))

    def _get(self, key: str, kind: type, required: bool) -> Any:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, f"missing (expected {TYPE_NAMES[kind]})")
            return None
        if type(value) is not kind:
            self.problem(key, f"expected {TYPE_NAMES[kind]}, found {type_name(value)}")
            return None
        return value

    def text(self, key: str, required: bool = True, name: bool = False) -> Optional[str]:
        value: Optional[str] = self.data.get(key)
        if type(value) is str and value.isascii() and value.isprintable() and value.strip():
            return value  # fast path: printable ASCII has no control, bidi or invisible character, so check_text passes
        value = self._get(key, str, required)
        if value is not None and self.check_text(key, value, name):
            return value
        return None

    def check_text(self, key: str, value: str, name: bool = False) -> bool:
        if not value.strip():
            self.problem(key, "is empty")
            return False
        printable = value.isprintable()  # the usual case: no control or bidi character, which are all unprintable
        if not printable:
            bad = re.search(CONTROL, value)
            if bad:
                self.problem(key, f"contains a control character ({visible(bad.group())}) at position {bad.start()}")
                return False
        if not value.isascii() and blank(value):  # some invisible characters are printable: see INVISIBLE
            self.problem(key, f"is empty: {invisible_only(value)}")
            return False
        if name and not printable:
            bidi = re.search(BIDI_CONTROL, value)
            if bidi:
                self.problem(key, f"contains a bidirectional-override character ({visible(bidi.group())})")
                return False
        return True

    def integer(self, key: str, required: bool = True) -> Optional[int]:
        value: Optional[int] = self._get(key, int, required)
        if value is not None and value < 0:
            self.problem(key, f"must not be negative (found {value})")
            return None
        return value

    def names(self, key: str) -> tuple[str, ...]:
        if self.data.get(key) is None:
            return ()  # fast path for an absent optional array
        values = self._get(key, list, False) or []
        names = []
        for index, value in enumerate(values):
            item = f"{key}[{index}]"
            if type(value) is not str:
                self.problem(item, f"expected a string, found {type_name(value)}")
            elif self.check_text(item, value, name=True):
                names.append(value)
        return tuple(names)

    def table(self, key: str, keys: frozenset[str]) -> Optional[Table]:
        value = self._get(key, dict, True)
        return None if value is None else Table(value, self.key_path(key), self.problems, keys)

    def tables(self, key: str, keys: frozenset[str]) -> list[Table]:
        if self.data.get(key) is None:
            return []  # fast path for an absent optional array
        values = self._get(key, list, False) or []
        tables = []
        key_path = self.key_path(key)
        for index, value in enumerate(values):
            path = f"{key_path}[{index}]"
            if type(value) is dict:
                tables.append(Table(value, path, self.problems, keys))
            else:
                self.problems.append(Problem(path, f"expected a table, found {type_name(value)}"))
        return tables
