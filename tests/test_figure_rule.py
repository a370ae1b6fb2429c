"""`check` holds every value to its quotes, for any dataset: a figure a value gives must be
in one of its quotes, a count must be one its quote states, and a value the article never
states must be derived, with arithmetic that checks out against what it rests on."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import run_tui, toml_document

from tui.core import figures as figures_module
from tui.core.loader import load_dataset
from tui.core.model import Dataset
from tui.core.problems import DatasetError
from tui.core.provenance import provenance_text
from tui.core.summary import summary_sections

ARTICLE = (
    "The Harbour Office signed agreements with five firms on Monday, three of them from Europe. "
    "Lumen Labs, a Danish battery maker, will invest €12 million over two years. "
    "It expects to hire 40 people by 2026."
)

BASE: dict[str, Any] = {
    "schema_version": 1,
    "source": {"title": "Harbour Office signs five firms", "text": ARTICLE},
    "programme": {"name": "Harbour Office", "short_name": "HO"},
    "ceremony": {
        "signed": {"count": 5, "quote": "signed agreements with five firms"},
        "named": 1,
        "unnamed": 4,
        "groups": [
            {"id": "europe", "label": "Europe", "count": 3, "quote": "three of them from Europe"},
            {
                "id": "elsewhere",
                "label": "elsewhere",
                "count": 2,
                "derived": {"how": "5 signed − 3 from Europe", "from": ["ceremony.signed", "ceremony.groups[0]"]},
            },
        ],
    },
    "firms": [
        {
            "id": "lumen",
            "name": "Lumen Labs",
            "group": "europe",
            "origin": {"value": "Danish", "quote": "Lumen Labs, a Danish battery maker"},
            "sector": {"value": "Batteries", "quote": "a Danish battery maker"},
            "facts": [
                {"label": "Investment", "value": "€12 million over two years", "quote": "will invest €12 million over two years"},
                {"label": "Hiring", "value": "40 people by 2026", "quote": "It expects to hire 40 people by 2026"},
            ],
        }
    ],
}


def write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "harbour.toml"
    path.write_text(toml_document(document), encoding="utf-8")
    return path


def problems(tmp_path: Path, document: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(DatasetError) as info:
        load_dataset(write(tmp_path, document))
    return [(problem.path, problem.message) for problem in info.value.problems]


def changed(**paths: Any) -> dict[str, Any]:
    """BASE with the values at the given paths ('firms.0.facts.1.value') replaced."""
    document = copy.deepcopy(BASE)
    for path, value in paths.items():
        *parents, last = path.split("__")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is None:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return document


def test_the_base_dataset_passes(tmp_path: Path) -> None:
    dataset = load_dataset(write(tmp_path, BASE))
    elsewhere = dataset.ceremony.groups[1]
    assert elsewhere.quote is None and elsewhere.derivation is not None
    assert elsewhere.derivation.how == "5 signed − 3 from Europe"


def test_the_bundled_data_with_one_changed_figure_is_refused_in_one_line(tmp_path: Path, bundled_text: str) -> None:
    old = 'value = "Approximately 17,000 job opportunities"'
    assert bundled_text.count(old) == 1
    path = tmp_path / "changed.toml"
    path.write_text(bundled_text.replace(old, old.replace("17,000", "18,000")), encoding="utf-8")
    result = run_tui("check", str(path), cwd=tmp_path)
    assert result.status == 2 and result.out == ""
    line = bundled_text[: bundled_text.index(old)].count("\n") + 1
    assert result.err.splitlines() == [f"{path}:{line}:1: programme.facts[4].value: gives 18,000 but its quote says 17,000"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("€13 million over two years", "€13 million"),  # another amount
        ("€12 billion over two years", "€12 billion"),  # another scale
        ("£12 million over two years", "£12 million"),  # another currency
        ("€12 million over three years", "three"),  # a number word
        ("€12 million over 2 years, 30% upfront", "30%"),  # a figure the quote lacks
    ],
)
def test_a_value_giving_a_figure_its_quote_lacks_is_refused(tmp_path: Path, value: str, shown: str) -> None:
    assert problems(tmp_path, changed(firms__0__facts__0__value=value)) == [
        ("firms[0].facts[0].value", f"gives {shown} but its quote says €12 million, two")
    ]


def test_the_same_figure_written_another_way_passes(tmp_path: Path) -> None:
    # 12 million is 12,000,000; "2" is "two"; a value may drop a currency its quote names.
    document = changed(firms__0__facts__0__value="12,000,000 (€) over 2 years")
    assert load_dataset(write(tmp_path, document)).firms[0].facts[0].value == "12,000,000 (€) over 2 years"


def test_a_figure_in_a_second_quote_passes(tmp_path: Path) -> None:
    fact = {
        "label": "Plans",
        "value": "€12 million over two years, and 40 people by 2026",
        "quote": "will invest €12 million over two years",
        "more_quotes": ["It expects to hire 40 people by 2026"],
    }
    dataset = load_dataset(write(tmp_path, changed(firms__0__facts__1=fact)))
    plans = dataset.firms[0].facts[1]
    assert [quote.text for quote in plans.quotes] == [fact["quote"], *fact["more_quotes"]]
    assert provenance_text(plans) == "“will invest €12 million over two years” + “It expects to hire 40 people by 2026”"
    assert plans.lit_quotes == plans.quotes  # the source pane lights both


def test_without_the_second_quote_the_figure_is_refused(tmp_path: Path) -> None:
    fact = {"label": "Plans", "value": "€12 million and 40 people", "quote": "will invest €12 million over two years"}
    assert problems(tmp_path, changed(firms__0__facts__1=fact)) == [
        ("firms[0].facts[1].value", "gives 40 but its quote says €12 million, two")
    ]


def test_a_count_its_quote_does_not_state_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, changed(ceremony__signed__count=6, ceremony__unnamed=5)) == [
        ("ceremony.signed.count", "gives 6 but its quote says five")
    ]
    group = {"id": "elsewhere", "label": "elsewhere", "count": 2, "quote": "signed agreements with five firms"}
    assert problems(tmp_path, changed(ceremony__groups__1=group)) == [("ceremony.groups[1].count", "gives 2 but its quote says five")]
    group["quote"] = "on Monday"
    assert problems(tmp_path, changed(ceremony__groups__1=group)) == [("ceremony.groups[1].count", "gives 2 but its quote gives no figure")]


def test_derived_arithmetic_that_does_not_add_up_is_refused(tmp_path: Path) -> None:
    derived = {"how": "5 signed − 3 from Europe", "from": ["ceremony.signed", "ceremony.groups[0]"]}
    group = {"id": "elsewhere", "label": "elsewhere", "count": 2, "derived": derived}
    fact = {"label": "Not named", "value": "5", "derived": {"how": "5 signed − 1 named", "from": ["ceremony.signed", "ceremony.named"]}}
    document = changed(ceremony__groups__1=group)
    document["ceremony"]["facts"] = [fact]
    assert problems(tmp_path, document) == [("ceremony.facts[0].derived.how", "5 signed − 1 named is 4, but the value gives 5")]
    fact["value"] = "4"
    assert load_dataset(write(tmp_path, document)).ceremony.facts[0].derivation is not None
    fact["value"] = "4 of 7"
    assert problems(tmp_path, document) == [("ceremony.facts[0].value", "gives 7, which its derivation (5 signed − 1 named) does not")]


@pytest.mark.parametrize(
    ("derived", "expected"),
    [
        (
            {"how": "6 signed − 3 from Europe", "from": ["ceremony.signed", "ceremony.groups[0]"]},
            ("ceremony.groups[1].derived.how", "6 is not a figure of what it rests on (ceremony.signed, ceremony.groups[0])"),
        ),
        (
            {"how": "5 signed − 3 from Europe", "from": ["ceremony.signed", "ceremony.groups[7]"]},
            (
                "ceremony.groups[1].derived.from[1]",
                "no such key in the file: 'ceremony.groups[7]' (a key path as check prints them: "
                "ceremony.signed, ceremony.groups[0], firms[2].facts[1])",
            ),
        ),
        (
            {"how": "signed minus Europe", "from": ["ceremony.signed"]},
            (
                "ceremony.groups[1].derived.how",
                "not arithmetic in words: figures, each followed by what it counts, joined by + − × ÷ with spaces"
                ' (e.g. "17 signed − 8 named")',
            ),
        ),
        (
            {"how": "5 signed − 3 from Europe", "from": ["ceremony.signed", "ceremony.groups[0]"], "why": "x"},
            ("ceremony.groups[1].derived.why", "unknown key (expected one of: from, how)"),
        ),
    ],
)
def test_a_wrong_derivation_is_one_clear_line(tmp_path: Path, derived: dict[str, Any], expected: tuple[str, str]) -> None:
    assert problems(tmp_path, changed(ceremony__groups__1__derived=derived)) == [expected]


def test_a_derived_fact_has_no_quote(tmp_path: Path) -> None:
    derived = {"how": "5 signed − 3 from Europe", "from": ["ceremony.signed", "ceremony.groups[0]"]}
    group = {"id": "elsewhere", "label": "elsewhere", "count": 2, "derived": derived, "quote": "on Monday"}
    assert problems(tmp_path, changed(ceremony__groups__1=group)) == [
        ("ceremony.groups[1].quote", "a group whose count is derived has no quote: the count is computed, not the article's words")
    ]
    fact = {"label": "Rest", "value": "2", "quote": "on Monday", "derived": derived}
    document = copy.deepcopy(BASE)
    document["ceremony"]["facts"] = [fact]
    assert problems(tmp_path, document) == [
        ("ceremony.facts[0].quote", "a derived fact has no quote: its value is computed, not the article's words")
    ]


def test_a_derived_fact_lights_what_it_rests_on_and_says_derived(tmp_path: Path) -> None:
    dataset = load_dataset(write(tmp_path, BASE))
    rows = {fact.label: fact for _, facts in summary_sections(dataset) for fact in facts}
    elsewhere = rows["From elsewhere"]
    assert elsewhere.quote is None
    assert provenance_text(elsewhere) == "derived: 5 signed − 3 from Europe"
    assert [quote.text for quote in elsewhere.lit_quotes] == ["signed agreements with five firms", "three of them from Europe"]
    unnamed = rows["Named in the article"]
    assert provenance_text(unnamed) == "derived: 5 signed − 1 named"
    assert unnamed.value == "1 of 5 (the other 4 are not named in the source)"


def test_a_note_is_kept_apart_and_never_checked_as_the_articles_words(tmp_path: Path) -> None:
    note = "Not checked against the 2025 accounts: verify before quoting."
    dataset = load_dataset(write(tmp_path, changed(firms__0__facts__0__note=note, firms__0__origin__note="Inferred from 1 word.")))
    investment = dataset.firms[0].facts[0]
    assert investment.note == note and investment.value == "€12 million over two years"
    assert dataset.firms[0].origin.note == "Inferred from 1 word."
    assert problems(tmp_path, changed(firms__0__facts__0__note="")) == [("firms[0].facts[0].note", "is empty")]


# --- figures() finds what the whole-text pattern finds -----------------------------------------

FIGURE_ALPHABET = list("0123456789 ,.$£€¥₹-%HKDUSRMBCNYabcfivetwnhousdmlrpſK_²xİß\u0301") + [
    "five", "Twenty", "thousand", "million", "per cent", "percent", "HK$", "RMB ", "dozen", "ABCD$", "FİVE", "ſix",
    "\u0663", "é", "’", "中", "\u0131", "\u212a", "Kong’s five",
]  # fmt: skip
"""Digits (an Arabic-Indic three too), currencies, number words, scales, the characters casefolding
changes or grows, the letters case-blind matching takes for ASCII ones (ı, the Kelvin sign), and
other non-ASCII characters (’, é, 中)."""


def whole_text_figures(text: str) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    """The reference: the figure pattern run over the whole text, as before the anchors."""
    return [(match.span(), match.groupdict()) for match in re.finditer(figures_module._FIGURE, text)]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_ALPHABET), max_size=14).map("".join) | st.text(max_size=30))
def test_figures_searched_from_anchors_are_the_whole_text_s(text: str) -> None:
    found = figures_module.figures(text)
    reference = whole_text_figures(text)
    assert [figure.text for figure in found] == [text[start:end].strip() for (start, end), _ in reference]


def test_figures_in_the_bundled_article_are_the_whole_text_s(dataset: Dataset) -> None:
    for line in dataset.source.text.split("\n"):
        assert [figure.text for figure in figures_module.figures(line)] == [
            line[start:end].strip() for (start, end), _ in whole_text_figures(line)
        ]
