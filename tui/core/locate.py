"""Find the line and column of a key path in TOML text, for error messages.

tomli gives positions only for syntax errors, so when validation finds a
problem at ``firms[3].facts[1].quote`` this module scans the text for table
headers and ``key =`` lines to point at it. It is a best effort: where the exact
key can't be found, the nearest enclosing table's line is used. It runs only
when a file has problems, so it costs nothing on a good load.
"""

from __future__ import annotations

import re

from tui.core.problems import Problem

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\[\]]+?)\s*\]")
_KEY = re.compile(r"\s*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+))\s*=")
_INLINE_KEY = re.compile(r"[{,]\s*(?:\"([^\"]*)\"|([A-Za-z0-9_-]+))\s*=")
_PARENT = re.compile(r"(\.[^.\[\]]*|\[\d+\])$")


def locate_all(problems: list[Problem], text: str) -> list[Problem]:
    """``problems`` with line and column filled in wherever the key can be found."""
    if all(problem.line is not None or not problem.path for problem in problems):
        return problems
    index = _index(text)
    return [_locate(problem, index) for problem in problems]


def _locate(problem: Problem, index: dict[str, tuple[int, int]]) -> Problem:
    if problem.line is not None or not problem.path:
        return problem
    path = problem.path
    while path:
        if path in index:
            line, column = index[path]
            return problem._replace(line=line, column=column)
        shorter = _PARENT.sub("", path)
        if shorter == path:
            break
        path = shorter
    return problem


def _index(text: str) -> dict[str, tuple[int, int]]:
    """Every table and key path that can be seen in the text, mapped to (line, column)."""
    index: dict[str, tuple[int, int]] = {}
    arrays: dict[str, int] = {}  # array-of-tables path -> index of its latest table
    table = ""
    in_string = False
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): TOML lines end at \n only, not at U+2028 or \x85
        if in_string:
            if line.count("'''") % 2 or line.count('"""') % 2:
                in_string = False
            continue
        header = _HEADER.match(line)
        if header:
            names = [name.strip().strip("\"'") for name in header.group(2).split(".")]
            table = _concrete(names[:-1], arrays)
            table = f"{table}.{names[-1]}" if table else names[-1]
            if header.group(1) == "[[":
                arrays[table] = arrays.get(table, -1) + 1
                table = f"{table}[{arrays[table]}]"
            index.setdefault(table, (number, header.start(1) + 1))
            continue
        key = _KEY.match(line)
        if not key:
            continue
        name = next(group for group in key.groups() if group is not None)
        path = f"{table}.{name}" if table else name
        index.setdefault(path, (number, len(line) - len(line.lstrip()) + 1))
        for inner in _INLINE_KEY.finditer(line, key.end()):
            quoted = inner.group(1) is not None
            inner_name = inner.group(1) if quoted else inner.group(2)
            column = inner.start(1) if quoted else inner.start(2) + 1  # the key's first character (its quote mark)
            index.setdefault(f"{path}.{inner_name}", (number, column))
        if line.count("'''") % 2 or line.count('"""') % 2:
            in_string = True
    return index


def _concrete(names: list[str], arrays: dict[str, int]) -> str:
    """The path of a header's parent, with the current index of every array of tables in it."""
    path = ""
    for name in names:
        path = f"{path}.{name}" if path else name
        if path in arrays:
            path = f"{path}[{arrays[path]}]"
    return path
