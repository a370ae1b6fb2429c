"""The loader refuses every kind of bad dataset with a DatasetError naming the key, the line and the reason.

Each bad dataset is the bundled TOML with one snippet replaced; :func:`edit` insists the
snippet is there, so a change to the bundled file can't make these tests pass vacuously.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core import characters, loader
from tui.core.loader import load_dataset
from tui.core.model import Dataset
from tui.core.problems import DatasetError, Problem

SUMMARY_FACT_KEYS = ", ".join(sorted(loader._SUMMARY_FACT_KEYS))
FIRM_FACT_KEYS = ", ".join(sorted(loader._FACT_KEYS))

LINE_FORMAT = re.compile(r"^.+?(:\d+:\d+)?: ")


def edit(text: str, *replacements: tuple[str, str]) -> str:
    """``text`` with each ``old`` snippet (which must occur exactly once) replaced by ``new``."""
    for old, new in replacements:
        assert text.count(old) == 1, f"snippet not found exactly once in the bundled dataset: {old!r}"
        text = text.replace(old, new)
    return text


def line_of(text: str, snippet: str) -> int:
    """The 1-based line on which ``snippet`` starts in ``text``."""
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def write(tmp_path: Path, text: str, name: str = "data.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refuse(path: Path) -> DatasetError:
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    error = info.value
    assert error.file == str(path)
    assert error.problems, "a DatasetError must carry at least one problem"
    return error


def refuse_text(tmp_path: Path, text: str) -> tuple[Path, list[str]]:
    path = write(tmp_path, text)
    return path, refuse(path).lines()


def only(tmp_path: Path, text: str) -> Problem:
    """Load ``text``; it must be refused for exactly one problem, which is returned."""
    path = write(tmp_path, text)
    error = refuse(path)
    assert len(error.problems) == 1, error.lines()
    return error.problems[0]


def test_bundled_dataset_loads(bundled_text: str, tmp_path: Path) -> None:
    dataset = load_dataset(write(tmp_path, bundled_text))
    assert isinstance(dataset, Dataset)
    assert dataset.path == str(tmp_path / "data.toml")
    assert len(dataset.firms) == 8


def test_a_byte_order_mark_is_accepted(bundled_text: str, tmp_path: Path) -> None:
    assert load_dataset(write(tmp_path, "\ufeff" + bundled_text)).source.text.startswith("Seventeen")


# --- reading the file --------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    assert refuse(path).lines() == [f"{path}: no such file"]


def test_no_file_name() -> None:
    """An empty name is not the working directory (which is what Path("") means)."""
    with pytest.raises(DatasetError) as info:
        load_dataset("")
    assert info.value.lines() == [": no file name given"]


def test_a_directory(tmp_path: Path) -> None:
    assert refuse(tmp_path).lines() == [f"{tmp_path}: is a directory, not a data file"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path, bundled_text: str) -> None:
    path = write(tmp_path, bundled_text)
    path.chmod(0)
    try:
        assert refuse(path).lines() == [f"{path}: permission denied: the file can't be read"]
    finally:
        path.chmod(0o644)


def test_permission_error_is_a_plain_refusal(tmp_path: Path, bundled_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same branch as a chmod 000 file, reached even when the tests run as root."""
    path = write(tmp_path, bundled_text)
    real_open = os.open  # tui.core.reading opens with os.open (O_NONBLOCK)

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    assert refuse(path).lines() == [f"{path}: permission denied: the file can't be read"]


def test_other_os_errors_are_plain_refusals(tmp_path: Path, bundled_text: str) -> None:
    """A real OSError that is none of the named ones: a path through a regular file."""
    through_file = write(tmp_path, bundled_text) / "data.toml"
    assert refuse(through_file).lines() == [f"{through_file}: can't be read: {os.strerror(errno.ENOTDIR)}"]
    too_long = tmp_path / ("x" * 300 + ".toml")
    assert refuse(too_long).lines() == [f"{too_long}: can't be read: {os.strerror(errno.ENAMETOOLONG)}"]


def test_not_utf8(tmp_path: Path, bundled_text: str) -> None:
    data = bundled_text.encode("utf-8")
    marker = b'name = "Pudu Robotics"'
    assert data.count(marker) == 1
    path = tmp_path / "latin1.toml"
    path.write_bytes(data.replace(marker, b'name = "Pudu Rob\xf6tics"'))
    line = line_of(bundled_text, 'name = "Pudu Robotics"')
    column = len('name = "Pudu Rob') + 1
    assert refuse(path).lines() == [f"{path}:{line}:{column}: not UTF-8 text (byte 0xf6)"]


def test_binary_file(tmp_path: Path, bundled_text: str) -> None:
    data = bundled_text.encode("utf-8")
    marker = b"[ceremony]\n"
    assert data.count(marker) == 1
    path = tmp_path / "binary.toml"
    path.write_bytes(data.replace(marker, b"[ceremony]\n\x00\x01\x02"))
    line = line_of(bundled_text, "[ceremony]\n") + 1
    assert refuse(path).lines() == [f"{path}:{line}:1: binary file (contains NUL bytes), not a TOML text file"]


def test_toml_syntax_error_has_line_and_column(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("named = 8\n", "named = = 8\n"))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, 'named = = 8')}:9: TOML syntax error: Invalid value"]


def test_toml_nested_too_deeply(tmp_path: Path) -> None:
    path, lines = refuse_text(tmp_path, "schema_version = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert len(lines) == 1 and lines[0].startswith(f"{path}")
    assert "TOML" in lines[0]


# --- schema version ----------------------------------------------------------------------------


def test_missing_schema_version_is_one_problem_at_the_top(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("schema_version = 1\n", ""), ('name = "Pudu Robotics"', 'nmae = "Pudu Robotics"'))
    path, lines = refuse_text(tmp_path, text)
    # Only the one line: a file without a version isn't held to this schema key by key.
    assert lines == [f"{path}:1:1: schema_version: not an oases-tui dataset: it must begin with schema_version = 1"]


def test_unsupported_schema_version(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("schema_version = 1\n", "schema_version = 2\n"))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, 'schema_version = 2')}:1: schema_version: version 2 is not supported (this oases-tui reads 1)"]


def test_schema_version_must_be_an_integer(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("schema_version = 1\n", 'schema_version = "1"\n'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("schema_version", "expected an integer, found a string")


# --- unknown, missing and wrongly typed keys ---------------------------------------------------


def test_unknown_top_level_key(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("schema_version = 1\n", 'schema_version = 1\ntitel = "OASES"\n'))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [
        f"{path}:{line_of(text, 'titel')}:1: titel: unknown key (expected one of: ceremony, firms, programme, schema_version, source)"
    ]


def test_unknown_key_in_a_firm(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('name = "Baidu Ai Cloud"', 'nmae = "Baidu Ai Cloud"'))
    path, lines = refuse_text(tmp_path, text)
    firm_line = line_of(text, 'id = "baidu-ai-cloud"') - 1  # its [[firms]] header
    assert lines == [
        f"{path}:{firm_line}:1: firms[1].name: missing (expected a string)",
        f"{path}:{line_of(text, 'nmae')}:1: firms[1].nmae: unknown key"
        " (expected one of: aliases, facts, group, id, name, origin, people, sector, subsidiaries)",
    ]


def test_unknown_key_in_a_fact(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('label = "Jobs"', 'labl = "Jobs"'))
    path, lines = refuse_text(tmp_path, text)
    assert f"{path}:{line_of(text, 'labl')}:1: programme.facts[4].labl: unknown key (expected one of: {SUMMARY_FACT_KEYS})" in lines
    assert len(lines) == 2  # and the label it replaced is missing


def test_unknown_key_in_an_inline_table(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('origin = { value = "French"', 'origin = { valeu = "French"'))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, "valeu")
    column = text.splitlines()[line - 1].index("valeu") + 1
    assert lines == [
        f"{path}:{line}:1: firms[7].origin.value: missing (expected a string)",
        f"{path}:{line}:{column}: firms[7].origin.valeu: unknown key (expected one of: note, quote, value)",
    ]


def test_unknown_key_in_an_inline_table_with_a_quoted_name(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('origin = { value = "French"', 'origin = {"valeu" = "French"'))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, '"valeu"')
    column = text.splitlines()[line - 1].index('"valeu"') + 1
    assert f"{path}:{line}:{column}: firms[7].origin.valeu: unknown key (expected one of: note, quote, value)" in lines


def test_missing_field(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('group = "abroad"\norigin = { value = "French"', 'origin = { value = "French"'))
    path, lines = refuse_text(tmp_path, text)
    header = line_of(text, 'id = "prophesee"') - 1
    assert lines == [f"{path}:{header}:1: firms[7].group: missing (expected a string)"]


def test_missing_table(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('[programme]\nname = "Office for Attracting Strategic Enterprises"\nshort_name = "OASES"\n', ""))
    text = re.sub(r"\[\[programme\.facts\]\]\n(?:\w+ = .*\n)+", "", text)
    assert "programme" not in text.split("[ceremony]")[0].split("'''")[-1]
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("programme", "missing (expected a table)")


@pytest.mark.parametrize(
    ("old", "new", "key", "found"),
    [
        ("named = 8\n", 'named = "8"\n', "ceremony.named", "a string"),
        ("named = 8\n", "named = true\n", "ceremony.named", "a boolean"),  # bool is not an int here
        ("named = 8\n", "named = 8.0\n", "ceremony.named", "a float"),
        ("count = 15\n", "count = false\n", "ceremony.groups[0].count", "a boolean"),
        ("count = 15\n", "count = 1979-05-27\n", "ceremony.groups[0].count", "a date or time"),
    ],
)
def test_integer_fields_refuse_other_types(tmp_path: Path, bundled_text: str, old: str, new: str, key: str, found: str) -> None:
    text = edit(bundled_text, (old, new))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == (key, f"expected an integer, found {found}")
    assert problem.line == line_of(text, new)


@pytest.mark.parametrize(
    ("old", "new", "key", "found"),
    [
        ('name = "Pudu Robotics"', "name = 7", "firms[4].name", "an integer"),
        ('name = "Pudu Robotics"', "name = true", "firms[4].name", "a boolean"),
        ('name = "Pudu Robotics"', 'name = ["Pudu Robotics"]', "firms[4].name", "an array"),
        ('label = "Jobs"', "label = { text = 'Jobs' }", "programme.facts[4].label", "a table"),
    ],
)
def test_string_fields_refuse_other_types(tmp_path: Path, bundled_text: str, old: str, new: str, key: str, found: str) -> None:
    text = edit(bundled_text, (old, new))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == (key, f"expected a string, found {found}")


def test_alias_must_be_a_string(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('aliases = ["iFlytek"]', 'aliases = ["iFlytek", 3]'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("firms[0].aliases[1]", "expected a string, found an integer")


def test_firms_must_be_an_array_of_tables(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text.split("# ----")[0], ("schema_version = 1\n", 'schema_version = 1\nfirms = ["iFLYTEK"]\n'))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, 'firms = [')}:1: firms[0]: expected a table, found a string"]


def test_negative_count(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("unnamed = 9\n", "unnamed = -9\n"))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("ceremony.unnamed", "must not be negative (found -9)")


@pytest.mark.parametrize("empty", ['""', '"   "', "''"])
def test_empty_strings(tmp_path: Path, bundled_text: str, empty: str) -> None:
    text = edit(bundled_text, ('name = "Pudu Robotics"', f"name = {empty}"))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message, problem.line) == ("firms[4].name", "is empty", line_of(text, f"name = {empty}\n"))


def test_empty_id(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('id = "beyonca"', 'id = ""'))
    problem = only(tmp_path, text)
    assert problem.path == "firms[3].id"
    assert problem.message.startswith("is empty: an id is 1–200 characters")


def test_empty_article(tmp_path: Path, bundled_text: str) -> None:
    article = bundled_text.split("'''")[1]
    text = edit(bundled_text, (article, "\n   \n"))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("source.text", "the article is empty")


# --- ids ---------------------------------------------------------------------------------------


def test_duplicate_firm_id(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('id = "china-year"', 'id = "baidu-ai-cloud"'))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, 'id = "baidu-ai-cloud"\nname = "China Year"')
    assert lines == [f"{path}:{line}:1: firms[2].id: duplicate id 'baidu-ai-cloud' (first used at firms[1])"]


def test_duplicate_group_id(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('id = "abroad"', 'id = "mainland"'))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, 'id = "mainland"\nlabel = "abroad')
    assert lines == [f"{path}:{line}:1: ceremony.groups[1].id: duplicate id 'mainland' (first used at ceremony.groups[0])"]


@pytest.mark.parametrize(("bad", "shown"), [(" ", " "), ("\\n", "\\x0a"), ("\\t", "\\x09")])
def test_id_with_whitespace(tmp_path: Path, bundled_text: str, bad: str, shown: str) -> None:
    text = edit(bundled_text, ('id = "pudu-robotics"', f'id = "pudu{bad}robotics"'))
    problem = only(tmp_path, text)
    assert problem.path == "firms[4].id"
    assert problem.message == f"contains '{shown}': an id is 1–200 characters with no spaces, control or invisible characters"


def test_id_too_long(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('id = "pudu-robotics"', f'id = "{"p" * 201}"'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message.split(":")[0]) == ("firms[4].id", "is longer than 200 characters")


# --- quotes ------------------------------------------------------------------------------------


def test_quote_not_in_the_article_suggests_the_closest_passage(tmp_path: Path, bundled_text: str) -> None:
    old = 'quote = "creating approximately 17,000 job opportunities"'
    text = edit(bundled_text, (old, 'quote = "creating roughly 17,000 job opportunities"'))
    problem = only(tmp_path, text)
    assert problem.path == "programme.facts[4].quote"
    assert problem.line == line_of(text, "creating roughly")
    assert problem.message == (
        "not found word for word in the article; closest passage:"
        " “…HK$42 billion in the city in the coming years, creating ⟦approximately⟧ 17,000 job opportunities.”"
        " (⟦ ⟧: where the quote differs)"
    )  # the sentence's start left out, so the word that differs is in view


def test_quote_with_no_close_passage_has_no_hint(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('quote = "creating approximately 17,000 job opportunities"', 'quote = "zqxj"'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("programme.facts[4].quote", "not found word for word in the article")


def test_straight_apostrophe_gets_the_typographic_hint(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('quote = "The city’s financial chief', "quote = \"The city's financial chief"))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, "The city's financial chief")
    assert lines == [
        f"{path}:{line}:1: ceremony.facts[4].quote: not found word for word in the article; the article writes it"
        " “The city’s financial chief, Paul Chan, gave a speech during the ceremony” (quote marks, dashes or spacing differ)"
    ]


def test_double_space_gets_the_typographic_hint(tmp_path: Path, bundled_text: str) -> None:
    text = edit(
        bundled_text,
        ('records and recommending diagnostic plans with AI systems"', 'records and recommending  diagnostic plans with AI systems"'),
    )
    problem = only(tmp_path, text)
    assert (
        "the article writes it “by assisting doctors in writing medical records and recommending diagnostic plans with AI systems”"
        in problem.message
    )


def test_quote_occurring_twice(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('quote = "creating approximately 17,000 job opportunities"', 'quote = "17 firms"'))
    count = text.split("'''")[1].count("17 firms")
    assert count >= 2
    problem = only(tmp_path, text)
    assert problem.path == "programme.facts[4].quote"
    assert problem.message == f"occurs {count} times in the article; quote more words so it points to one place"


def test_quote_occurring_twice_overlapping(tmp_path: Path, bundled_text: str) -> None:
    text = edit(
        bundled_text,
        ("in the coming years.'''", "in the coming years, ha ha ha.'''"),
        ('quote = "creating approximately 17,000 job opportunities"', 'quote = "ha ha"'),
    )
    article = text.split("'''")[1]
    assert article.count("ha ha") == 1 and len(re.findall("(?=ha ha)", article)) == 2
    problem = only(tmp_path, text)
    assert problem.path == "programme.facts[4].quote"
    assert problem.message == "occurs 2 times in the article; quote more words so it points to one place"


def test_not_stated_fact_with_a_quote(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('value = "Approximately 17,000 job opportunities"', 'value = "not stated"'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("programme.facts[4].quote", 'a fact whose value is "not stated" has no quote')


def test_not_stated_fact_without_a_quote_loads(tmp_path: Path, bundled_text: str) -> None:
    text = edit(
        bundled_text,
        (
            'value = "Approximately 17,000 job opportunities"\nquote = "creating approximately 17,000 job opportunities"',
            'value = "not stated"',
        ),
    )
    jobs = load_dataset(write(tmp_path, text)).programme.facts[4]
    assert (jobs.label, jobs.value, jobs.quote) == ("Jobs", None, None)


def test_origin_as_a_plain_string(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('origin = { value = "French", quote = "French company Prophesee" }', 'origin = "French"'))
    problem = only(tmp_path, text)
    assert problem.path == "firms[7].origin"
    assert problem.message == 'expected { value = "...", quote = "..." } or "not stated", found the string "French"'


def test_not_stated_inside_a_field_table(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('origin = { value = "French", quote = "French company Prophesee" }', 'origin = { value = "not stated" }'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == (
        "firms[7].origin.value",
        'write origin = "not stated" (no quote) where the article is silent',
    )


# --- totals ------------------------------------------------------------------------------------


def test_named_must_match_the_firm_records(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("named = 8\nunnamed = 9\n", "named = 7\nunnamed = 10\n"))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, 'named = 7')}:1: ceremony.named: declares 7 named firms, but the file has 8 [[firms]]"]


def test_named_plus_unnamed_must_equal_signed(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("unnamed = 9\n", "unnamed = 8\n"))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, 'unnamed = 8')}:1: ceremony.unnamed: named (8) + unnamed (8) must equal signed.count (17)"]


def test_groups_must_add_up_to_signed(tmp_path: Path, bundled_text: str) -> None:
    # Without the derived "abroad" group (its two firms filed under mainland China), the one
    # group left agrees with its quote (15) but not with the 17 signed.
    abroad = bundled_text[bundled_text.index("# The article never says") : bundled_text.index("[[ceremony.facts]]")]
    text = edit(bundled_text, (abroad, "")).replace('group = "abroad"', 'group = "mainland"')
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, '[ceremony]')}:1: ceremony.groups: the groups' counts add up to 15, but signed.count is 17"]


def test_a_group_count_its_quote_does_not_state_is_refused(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("count = 15\n", "count = 14\n"))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, 'count = 14')}:1: ceremony.groups[0].count: gives 14 but its quote says 15"]


def test_too_many_named_firms_in_a_group(tmp_path: Path, bundled_text: str) -> None:
    text = edit(
        bundled_text, ('id = "beyonca"\nname = "BeyonCa"\ngroup = "mainland"', 'id = "beyonca"\nname = "BeyonCa"\ngroup = "abroad"')
    )
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, "count = 2\n")
    assert lines == [f"{path}:{line}:1: ceremony.groups[1].count: 3 named firms are in group 'abroad', more than its count (2)"]


def test_unknown_group_id(tmp_path: Path, bundled_text: str) -> None:
    text = edit(
        bundled_text, ('id = "beyonca"\nname = "BeyonCa"\ngroup = "mainland"', 'id = "beyonca"\nname = "BeyonCa"\ngroup = "europe"')
    )
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, 'group = "europe"')
    assert lines == [f"{path}:{line}:1: firms[3].group: unknown group 'europe' (the ceremony's groups are 'mainland', 'abroad')"]


def test_missing_groups_and_firms(tmp_path: Path, bundled_text: str) -> None:
    text = bundled_text.split("[[ceremony.groups]]")[0]
    path, lines = refuse_text(tmp_path, text)
    assert [line.split(": ", 1)[1] for line in lines] == [
        "ceremony.groups: missing: at least one [[ceremony.groups]] (e.g. where the firms come from)",
        "firms: missing: at least one [[firms]]",
    ]


# --- control and bidirectional characters ------------------------------------------------------


@pytest.mark.parametrize(("escape", "shown"), [("\\u001b", "\\x1b"), ("\\u0007", "\\x07"), ("\\u0085", "\\x85"), ("\\u007f", "\\x7f")])
@pytest.mark.parametrize(
    ("old", "key"),
    [
        ('name = "Pudu Robotics"', "firms[4].name"),
        ('value = "Approximately 17,000 job opportunities"', "programme.facts[4].value"),
        ('quote = "creating approximately 17,000 job opportunities"', "programme.facts[4].quote"),
    ],
)
def test_control_characters_are_refused(tmp_path: Path, bundled_text: str, escape: str, shown: str, old: str, key: str) -> None:
    key_name, value = old.split(" = ")
    new = f"{key_name} = {value[:5]}{escape}{value[5:]}"
    text = edit(bundled_text, (old, new))
    path, lines = refuse_text(tmp_path, text)
    assert lines == [f"{path}:{line_of(text, new)}:1: {key}: contains a control character ({shown}) at position 4"]
    assert "\x1b" not in lines[0] and "\x85" not in lines[0]  # shown as an escape, never sent to the terminal


@pytest.mark.parametrize(("escape", "shown"), [("\\n", "\\x0a"), ("\\t", "\\x09"), ("\\r", "\\x0d")])
def test_newline_and_tab_are_refused_in_a_name(tmp_path: Path, bundled_text: str, escape: str, shown: str) -> None:
    text = edit(bundled_text, ('name = "Pudu Robotics"', f'name = "Pudu{escape}Robotics"'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("firms[4].name", f"contains a control character ({shown}) at position 4")


def test_newline_and_tab_are_allowed_in_the_article(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("in the coming years.'''", "in the coming years.\n\n\tThe end.\n'''"))
    dataset = load_dataset(write(tmp_path, text))
    assert dataset.source.text.endswith("years.\n\n\tThe end.\n")


OPENING = "deal to either establish"
"""Words of the article's first line that no quote holds (a line break there splits no quote)."""


def as_basic_article(text: str) -> str:
    """The bundled TOML with the article written as a basic (escapable) multi-line string."""
    article = text.split("'''")[1]
    assert '"' not in article and "\\" not in article
    return edit(text, (f"'''{article}'''", f'"""{article}"""'))


def test_a_bare_carriage_return_in_the_article_is_refused(tmp_path: Path, bundled_text: str) -> None:
    text = edit(
        as_basic_article(bundled_text),
        (OPENING, OPENING.replace(" ", "\\r", 1)),
    )
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("source.text", "contains a control character (\\x0d) on article line 1")
    # Written raw rather than escaped, TOML itself refuses it.
    raw = edit(bundled_text, (OPENING, OPENING.replace(" ", "\r", 1)))
    path = tmp_path / "raw.toml"
    path.write_bytes(raw.encode("utf-8"))
    line = line_of(raw, "deal\r")
    column = raw.split("\n")[line - 1].index("\r") + 1
    assert refuse(path).lines() == [f"{path}:{line}:{column}: TOML syntax error: Found invalid character '\\r'"]


def test_crlf_in_the_article_is_accepted(tmp_path: Path, bundled_text: str) -> None:
    text = edit(
        as_basic_article(bundled_text),
        (OPENING, OPENING.replace(" ", "\\r\\n", 1)),
    )
    assert "\r\n" in load_dataset(write(tmp_path, text)).source.text
    path = tmp_path / "crlf.toml"
    path.write_bytes(bundled_text.replace("\n", "\r\n").encode("utf-8"))
    assert load_dataset(path).source.text == load_dataset(write(tmp_path, bundled_text)).source.text


@pytest.mark.parametrize(("escape", "shown"), [("\\u0007", "\\x07"), ("\\u001b", "\\x1b"), ("\\u009b", "\\x9b")])
def test_control_characters_are_refused_in_the_article(tmp_path: Path, bundled_text: str, escape: str, shown: str) -> None:
    text = edit(as_basic_article(bundled_text), ("organized a signing ceremony where", f"organized a signing{escape} ceremony where"))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == ("source.text", f"contains a control character ({shown}) on article line 2")


@pytest.mark.parametrize("char", ["\u202e", "\u2066"])
@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        ('name = "Pudu Robotics"', 'name = "Pudu{}Robotics"', "firms[4].name", "contains a bidirectional-override character ({})"),
        ('aliases = ["iFlytek"]', 'aliases = ["iF{}lytek"]', "firms[0].aliases[0]", "contains a bidirectional-override character ({})"),
        (
            'id = "pudu-robotics"',
            'id = "pudu{}robotics"',
            "firms[4].id",
            "contains '{}': an id is 1–200 characters with no spaces, control or invisible characters",
        ),
        ('short_name = "OASES"', 'short_name = "OAS{}ES"', "programme.short_name", "contains a bidirectional-override character ({})"),
        ('name = "Tao Xiaodong"', 'name = "Tao{}Xiaodong"', "firms[0].people[0].name", "contains a bidirectional-override character ({})"),
    ],
)
def test_bidi_overrides_are_refused_in_names_aliases_and_ids(
    tmp_path: Path, bundled_text: str, char: str, old: str, new: str, key: str, message: str
) -> None:
    text = edit(bundled_text, (old, new.format(char)))
    path, lines = refuse_text(tmp_path, text)
    shown = f"\\u{ord(char):04x}"
    assert lines == [f"{path}:{line_of(text, new.format(char))}:1: {key}: {message.format(shown)}"]
    assert char not in lines[0]


def test_bidi_characters_are_allowed_in_free_text(tmp_path: Path, bundled_text: str) -> None:
    """A fact's value is prose, and right-to-left text in it is legitimate."""
    text = edit(
        bundled_text,
        ('value = "Approximately 17,000 job opportunities"', 'value = "Approximately 17,000 job opportunities \u2067שלום\u2069"'),
    )
    assert load_dataset(write(tmp_path, text)).programme.facts[4].value == "Approximately 17,000 job opportunities \u2067שלום\u2069"


def test_every_character_the_checks_refuse_is_unprintable_but_the_space() -> None:
    """The loader skips its control and bidi checks for printable strings, and its id and
    invisible-character checks for printable ASCII (with no space, for ids): that is only right
    if none of those checks can match such a character. Printable is not enough for the
    invisible ones: the Hangul fillers and the variation selectors are printable."""
    printable = "".join(char for char in map(chr, range(sys.maxunicode + 1)) if char.isprintable())
    for pattern in (characters.CONTROL, characters.BIDI_CONTROL):
        assert re.search(pattern, printable) is None, pattern
    ascii_printable = "".join(char for char in printable if char.isascii())
    assert set(re.findall(loader._ID_BAD, ascii_printable)) == {" "}
    assert set(re.findall(f"[{characters.INVISIBLE}]", ascii_printable)) == set()
    assert {"\u3164", "\u115f", "\ufe0f"} <= set(re.findall(f"[{characters.INVISIBLE}]", printable))


def test_an_unknown_key_with_control_characters_is_shown_escaped_on_one_line(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ("schema_version = 1\n", 'schema_version = 1\n"ti\\ntle\\u001b[31m\\u202e" = 1\n'))
    path, lines = refuse_text(tmp_path, text)
    assert len(lines) == 1
    assert "\n" not in lines[0] and "\x1b" not in lines[0] and "\u202e" not in lines[0]
    assert lines[0].startswith(f"{path}: ti\\x0atle\\x1b[31m\\u202e: unknown key")


# --- every problem, in order, and nothing but DatasetError -------------------------------------


def test_every_problem_is_reported_in_line_order(tmp_path: Path, bundled_text: str) -> None:
    # Three independent mistakes, made bottom-up so the report can't just be in edit order.
    text = edit(
        bundled_text,
        ('origin = { value = "French", quote = "French company Prophesee" }', 'origin = "French"'),
        ('name = "Pudu Robotics"', 'name = ""'),
        ("named = 8\n", 'named = "8"\n'),
    )
    path, lines = refuse_text(tmp_path, text)
    named, name, origin = line_of(text, 'named = "8"'), line_of(text, 'name = ""'), line_of(text, 'origin = "French"')
    assert named < name < origin
    assert lines == [
        f"{path}:{named}:1: ceremony.named: expected an integer, found a string",
        f"{path}:{name}:1: firms[4].name: is empty",
        f'{path}:{origin}:1: firms[7].origin: expected {{ value = "...", quote = "..." }} or "not stated", found the string "French"',
    ]


def test_every_bad_quote_is_reported(tmp_path: Path, bundled_text: str) -> None:
    text = re.sub(r'quote = "', 'quote = "zz', bundled_text)
    path, lines = refuse_text(tmp_path, text)
    quotes = len(re.findall(r"\bquote = ", bundled_text))
    assert len(lines) == quotes
    assert all("not found word for word in the article" in line for line in lines)
    numbers = [int(line[len(str(path)) + 1 :].split(":")[0]) for line in lines]
    assert numbers == sorted(numbers)


def test_problem_format() -> None:
    error = DatasetError("f.toml", [Problem("b", "second", 3, 2), Problem("", "whole file")])
    assert error.lines() == ["f.toml:3:2: b: second", "f.toml: whole file"]
    assert str(error) == "f.toml:3:2: b: second"


BUNDLED = Path(__file__).resolve().parent.parent / "data" / "oases.toml"
KEYS = sorted(set(re.findall(r"(?m)^([a-z_]+) =", BUNDLED.read_text(encoding="utf-8"))))
MUTATION_ALPHABET = st.sampled_from(
    list("abcXYZ019 =.,[]{}\"'\\#\n\t\r-_+")
    + ["\x00", "\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\ufeff", "’", "“", "'''", '"""', "[[firms]]", "[source]", "\n[x]\n"]
)
VALUES = ['""', "0", "-1", "true", "[]", "{}", "1.5", "1979-05-27", '"not stated"', "[1, 'a']", '"Hong Kong"', '"x"']


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with one to four random edits: characters, whole lines, key names or values."""
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "replace", "drop-line", "copy-line", "rename-key", "retype"]))
        if kind in ("drop-line", "copy-line"):
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "drop-line":
                del lines[index]
            else:
                lines.insert(index, lines[index])
            text = "\n".join(lines)
        elif kind == "rename-key":
            key = draw(st.sampled_from(KEYS))
            new = draw(st.sampled_from([key[:-1], key + "s", key.upper(), "x", f'"{key} "', f'"{key}\\n\\u001b[2J"', key[::-1]]))
            text = re.sub(rf"(?m)^{key} =", f"{new} =".replace("\\", "\\\\"), text, count=draw(st.integers(0, 3)))
        elif kind == "retype":
            matches = list(re.finditer(r"(?m)^(\w+) = [^\n]*$", text))
            if matches:
                match = draw(st.sampled_from(matches))
                text = text[: match.start()] + f"{match.group(1)} = {draw(st.sampled_from(VALUES))}" + text[match.end() :]
        else:
            start = draw(st.integers(0, len(text)))
            end = start if kind == "insert" else min(len(text), start + draw(st.integers(1, 40)))
            insert = "" if kind == "delete" else "".join(draw(st.lists(MUTATION_ALPHABET, min_size=1, max_size=6)))
            text = text[:start] + insert + text[end:]
    return text


def check_refusal_or_dataset(path: Path) -> None:
    try:
        result = load_dataset(path)
    except DatasetError as error:
        lines = error.lines()
        assert lines
        for line in lines:
            assert "\n" not in line and "\r" not in line
            assert LINE_FORMAT.match(line), line
            assert line.startswith(str(path))
        located = [problem.line for problem in error.problems]
        numbered = [line for line in located if line is not None]
        assert numbered == sorted(numbered)
        assert located == numbered + [None] * (len(located) - len(numbered)), "unlocated problems come last"
    else:
        assert isinstance(result, Dataset)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_mutations_load_or_raise_dataset_error_only(data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    text = data.draw(mutated(BUNDLED.read_text(encoding="utf-8")))
    path = tmp_path_factory.mktemp("fuzz") / "data.toml"
    path.write_bytes(text.encode("utf-8"))  # as written: no newline translation
    check_refusal_or_dataset(path)


@settings(max_examples=60, deadline=None)
@given(position=st.floats(0, 1), garbage=st.binary(min_size=1, max_size=8))
def test_random_bytes_load_or_raise_dataset_error_only(position: float, garbage: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    data = BUNDLED.read_bytes()
    at = int(position * len(data))
    path = tmp_path_factory.mktemp("bytes") / "data.toml"
    path.write_bytes(data[:at] + garbage + data[at:])
    check_refusal_or_dataset(path)


def test_figures_are_marked_in_the_summary_facts(bundled_text: str, tmp_path: Path) -> None:
    dataset = load_dataset(write(tmp_path, bundled_text))
    figures = [fact.label for fact in (*dataset.programme.facts, *dataset.ceremony.facts) if fact.figure]
    assert figures == ["Companies attracted", "Expected investment", "Jobs", "Speaker"]
    assert not any(fact.figure for fact in dataset.all_facts() if fact.label in ("Set up", "Organised by", "Investment"))


def test_figure_false_is_the_same_as_no_figure(bundled_text: str, tmp_path: Path) -> None:
    text = edit(bundled_text, ('label = "Jobs"\nfigure = true\n', 'label = "Jobs"\nfigure = false\n'))
    jobs = next(fact for fact in load_dataset(write(tmp_path, text)).programme.facts if fact.label == "Jobs")
    assert not jobs.figure


def test_figure_must_be_a_boolean(bundled_text: str, tmp_path: Path) -> None:
    text = edit(bundled_text, ('label = "Jobs"\nfigure = true\n', 'label = "Jobs"\nfigure = "yes"\n'))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, 'figure = "yes"')
    assert lines == [f"{path}:{line}:1: programme.facts[4].figure: expected a boolean, found a string"]


def test_a_firm_fact_cannot_be_a_figure(bundled_text: str, tmp_path: Path) -> None:
    text = edit(bundled_text, ('label = "US sanctions"\n', 'label = "US sanctions"\nfigure = true\n'))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, 'label = "US sanctions"') + 1
    assert lines == [f"{path}:{line}:1: firms[0].facts[4].figure: unknown key (expected one of: {FIRM_FACT_KEYS})"]


INVISIBLE_ONLY = {
    "zero-width space": "\\u200b",
    "soft hyphen": "\\u00ad",
    "word joiner": "\\u2060",
    "Hangul filler": "\\u3164\\u3164",
    "Hangul choseong filler": "\\u115f",
    "Hangul jungseong filler": "\\u1160",
    "byte order mark": "\\ufeff",
    "variation selectors": "\\ufe0f\\ufe0e",
    "zero-width joiner and a space": "\\u200d \\u200c",
}


@pytest.mark.parametrize("escape", list(INVISIBLE_ONLY.values()), ids=list(INVISIBLE_ONLY))
@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('name = "Pudu Robotics"', 'name = "{}"', "firms[4].name"),
        ('aliases = ["iFlytek"]', 'aliases = ["{}"]', "firms[0].aliases[0]"),
        ('name = "Tao Xiaodong"', 'name = "{}"', "firms[0].people[0].name"),
        ('id = "pudu-robotics"', 'id = "{}"', "firms[4].id"),
    ],
)
def test_names_and_ids_of_invisible_characters_only_are_empty(
    tmp_path: Path, bundled_text: str, escape: str, old: str, new: str, key: str
) -> None:
    """They would be a blank row in the list, or an id in a --firm hint that no one can see or type."""
    text = edit(bundled_text, (old, new.format(escape)))
    path, lines = refuse_text(tmp_path, text)
    chars = escape.encode("ascii").decode("unicode_escape")
    codes = ", ".join(sorted({f"U+{ord(char):04X}" for char in chars if not char.isspace()}))
    expected = f"is empty: it holds only invisible characters ({codes})"
    if key.endswith(".id"):
        expected += ": an id is 1–200 characters with no spaces, control or invisible characters"
    assert lines == [f"{path}:{line_of(text, new.format(escape))}:1: {key}: {expected}"]


def test_an_invisible_character_inside_an_id_is_refused(tmp_path: Path, bundled_text: str) -> None:
    text = edit(bundled_text, ('id = "pudu-robotics"', 'id = "pudu\\u200brobotics"'))
    problem = only(tmp_path, text)
    assert (problem.path, problem.message) == (
        "firms[4].id",
        "contains U+200B, an invisible character: an id is 1–200 characters with no spaces, control or invisible characters",
    )


def test_an_invisible_character_beside_visible_ones_is_allowed_in_a_name(tmp_path: Path, bundled_text: str) -> None:
    """A soft hyphen or a zero-width joiner inside a real name is legitimate (emoji sequences, hyphenation)."""
    path = write(tmp_path, edit(bundled_text, ('name = "Pudu Robotics"', 'name = "Pudu Ro\\u00adbotics\\u200d"')))
    assert load_dataset(path).firm("pudu-robotics").name == "Pudu Ro\u00adbotics\u200d"  # type: ignore[union-attr]


def test_ids_differing_only_in_case_are_duplicates(tmp_path: Path, bundled_text: str) -> None:
    """``--firm`` finds an id whatever its case, so two such ids would be one to it."""
    text = edit(bundled_text, ('id = "pudu-robotics"', 'id = "Baidu-AI-Cloud"'))
    path, lines = refuse_text(tmp_path, text)
    line = line_of(text, 'id = "Baidu-AI-Cloud"')
    assert lines == [
        f"{path}:{line}:1: firms[4].id: duplicate id 'Baidu-AI-Cloud': ids are compared ignoring case,"
        " and 'baidu-ai-cloud' is used at firms[1]"
    ]


def test_a_firm_is_found_by_its_id_in_any_case(dataset: Dataset) -> None:
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None
    assert dataset.firm("IFLYTEK") is iflytek
    assert dataset.firm("iFlyTek") is iflytek
    assert dataset.firm("iflytek2") is None


def test_a_mistyped_word_is_marked_in_the_closest_passage(tmp_path: Path, bundled_text: str) -> None:
    """The passage shown is around the first difference, not the sentence's first 100
    characters, which could stop just before the mistyped word and look like the quote."""
    old = "were also among the 17 firms that signed the agreement"
    text = bundled_text.replace(f'{old}"', f'{old.replace("signed", "sigend")}"', 1)
    first = refuse(write(tmp_path, text)).problems[0]
    assert first.message.startswith("not found word for word in the article; closest passage: “…")
    assert "among the 17 firms that ⟦signed⟧ the agreement." in first.message
    assert first.message.endswith("(⟦ ⟧: where the quote differs)")


ARTICLE_END = "poised for growth and success in the coming years."
ADDED = "\nLe Café de Flore 👩\u200d💻 is in Paris, cafe\u0301 au lait."
"""A sentence added at the article's end: an NFC é, an emoji sequence, an e + combining acute."""


def with_quote(bundled_text: str, words: str, added: str = ADDED) -> str:
    """The bundled dataset with ``added`` at its article's end and Prophesee's origin quoting ``words``."""
    return edit(
        bundled_text,
        (ARTICLE_END + "'''", ARTICLE_END + added + "'''"),
        ('origin = { value = "French", quote = "French company Prophesee" }', f'origin = {{ value = "French", quote = "{words}" }}'),
    )


def test_a_quote_in_another_unicode_normalisation_says_so(tmp_path: Path, bundled_text: str) -> None:
    added = "\nLe Café de Flore is in Paris."  # all NFC, as the rest of the article
    problem = only(tmp_path, with_quote(bundled_text, "Le Cafe\u0301 de Flore", added))  # NFD: looks the same
    assert (problem.path, problem.message) == (
        "firms[7].origin.quote",
        "not found word for word in the article; the same words are there in another Unicode normalisation"
        " (the quote is in NFD, the article in NFC): copy them from the article",
    )


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("is in Paris, cafe", "ends inside a character: the article goes on with U+0301, which belongs with its last one"),
        ("Flore 👩", "ends inside a character: the article goes on with U+200D, which belongs with its last one"),
        ("Flore 👩\u200d", "ends inside a character: its last is a zero-width joiner (U+200D), which joins it to the next"),
        ("\u0301 au lait", "starts inside a character: its first, U+0301, belongs with the one before it"),
    ],
)
def test_a_quote_cutting_a_character_in_two_is_refused(tmp_path: Path, bundled_text: str, words: str, message: str) -> None:
    problem = only(tmp_path, with_quote(bundled_text, words))
    assert (problem.path, problem.message) == ("firms[7].origin.quote", f"{message}; quote the whole character")


def test_a_quote_of_whole_characters_beside_marks_is_accepted(tmp_path: Path, bundled_text: str) -> None:
    path = write(tmp_path, with_quote(bundled_text, "Flore 👩\u200d💻 is in Paris, cafe\u0301 au"))
    prophesee = load_dataset(path).firm("prophesee")
    assert prophesee is not None and prophesee.origin.quote is not None
    assert prophesee.origin.quote.text.endswith("cafe\u0301 au")
