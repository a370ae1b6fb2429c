"""The firm search (tui.core.search): what it finds, in what order, what it highlights, and that no query breaks it.

The property tests compare :class:`FirmSearch` with ``reference_search``, a slow
matcher written here straight from the rules in the module's docstring (one
firm, one field, one word at a time), so the fast regex-over-one-string engine
is checked against an independent reading of the same rules.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from support import make_firm, run_tui
from synthetic import write_synthetic

from tui.core.loader import load_dataset
from tui.core.model import Dataset, Fact, Firm, Quote
from tui.core.search import EQUIVALENTS, FirmSearch, fold, name_highlights, query_terms

# --- a slow reference matcher, from the rules ----------------------------------------------------


def reference_fold(text: str) -> str:
    out = []
    for char in text:
        if char.isspace():
            out.append(" ")
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        out.append("".join(" " if c.isspace() else c for c in folded))
    return "".join(out)


TWO_WORD = {word for group in EQUIVALENTS for word in group if " " in word}


def reference_terms(query: str) -> list[str]:
    words = reference_fold(query).split()
    terms: list[str] = []
    while words:
        if len(words) > 1 and f"{words[0]} {words[1]}" in TWO_WORD:
            terms.append(f"{words.pop(0)} {words.pop(0)}")
        else:
            terms.append(words.pop(0))
    return terms


def names_of(firm: Firm) -> list[str]:
    return [" ".join(reference_fold(name).split()) for name in (firm.name, *firm.aliases)]


def fields_of(firm: Firm) -> list[str]:
    texts = [firm.name, *firm.aliases, *(s.name for s in firm.subsidiaries)]
    for person in firm.people:
        texts += [person.name, person.role]
    texts += [fact.value for fact in (firm.origin, firm.sector) if fact.value is not None]
    return [reference_fold(text) for text in texts]


OTHER_NAMES: list[tuple[str, Firm]] = []
"""Every firm's name and aliases (folded, spaces made one), sorted: set by reference_search."""


def quotes_of(firm: Firm) -> list[str]:
    """The facts' values (beyond origin, sector, people, subsidiaries) and every quote (without
    repeats), each with the other firms' names that occur in it as whole words cut out."""
    texts = [fact.value for fact in firm.facts if fact.value is not None]
    texts += [quote.text for quote in firm.quotes()]
    own = set(names_of(firm))
    cut = []
    for text in dict.fromkeys(reference_fold(text) for text in texts):
        patterns = [
            re.compile(f"(?<![^\\W_]){re.escape(key)}(?![^\\W_])")
            for key in dict.fromkeys(key for key, _ in OTHER_NAMES)
            if key not in own and re.search(r"[^\W_]", key)
        ]
        for pattern in [pattern for pattern in patterns if pattern.search(text)]:
            text = pattern.sub("\x1f", text)
        cut.append(text)
    return cut


def word_starts(field: str) -> list[int]:
    return [i for i, char in enumerate(field) if char.isalnum() and (i == 0 or not field[i - 1].isalnum())]


def whole_word_in(word: str, field: str) -> bool:
    for start in word_starts(field):
        end = start + len(word)
        if field.startswith(word, start) and (end == len(field) or not field[end].isalnum()):
            return True
    return False


def in_order(term: str, field: str) -> bool:
    rest = iter(field)
    return all(char in rest for char in term)


def triggered(term: str) -> set[str]:
    words: set[str] = set()
    for group in EQUIVALENTS:
        if term in group or (len(term) >= 3 and any(" " not in word and word.startswith(term) for word in group)):
            words.update(group)
    return words


def term_tier(firm: Firm, term: str) -> Optional[int]:
    names, fields = names_of(firm), fields_of(firm)
    if term in names:
        return 0
    if any(name.startswith(term) for name in names):
        return 1
    for field in fields:
        starts = word_starts(field)
        if any(field.startswith(term, start) for start in starts):
            return 2
        if len(term) > 1 and any(
            all(field[starts[first + k]] == char for k, char in enumerate(term)) for first in range(len(starts) - len(term) + 1)
        ):
            return 2
        if any(whole_word_in(word, field) for word in triggered(term)):
            return 2
    quotes = quotes_of(firm)
    for quote in quotes:
        if any(quote.startswith(term, start) for start in word_starts(quote)):
            return 3
        if any(whole_word_in(word, quote) for word in triggered(term)):
            return 3
    if any(term in field for field in fields + quotes):
        return 4
    if len(term) > 1 and any(in_order(term, field) for field in fields):
        return 5
    return None


def query_tier(firm: Firm, query: str) -> Optional[int]:
    terms = reference_terms(query)
    if not terms:
        return 0
    tiers = [term_tier(firm, term) for term in terms]
    worst = None if None in tiers else max(t for t in tiers if t is not None)
    phrase = " ".join(terms)
    names = names_of(firm)
    by_phrase = 0 if phrase in names else 1 if any(name.startswith(phrase) for name in names) else None
    candidates = [tier for tier in (worst, by_phrase) if tier is not None]
    return min(candidates) if candidates else None


def reference_search(firms: Sequence[Firm], query: str) -> list[int]:
    if not reference_terms(query):
        return list(range(len(firms)))
    OTHER_NAMES[:] = sorted(((name, firm) for firm in firms for name in names_of(firm)), key=lambda pair: pair[0])
    tiers = [(query_tier(firm, query), index) for index, firm in enumerate(firms)]
    found = sorted((t, i) for t, i in tiers if t is not None)
    if any(tier < 5 for tier, _ in found):  # letters in order only when nothing better matches
        found = [(tier, index) for tier, index in found if tier < 5]
    return [index for _, index in found]


# --- firms to search ------------------------------------------------------------------------------


def names_found(dataset: Dataset, query: str) -> list[str]:
    return [dataset.firms[index].name for index in FirmSearch(dataset.firms).search(query)]


# --- the bundled dataset: the examples the issue asks for ----------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("xunfei", {"iFLYTEK"}),
        ("tao", {"iFLYTEK"}),
        ("robot", {"Pudu Robotics", "Horizon Robotics"}),
        ("french", {"Prophesee"}),
        ("france", {"Prophesee"}),
        ("american", {"Digital Domain"}),
        ("america", {"Digital Domain"}),
        ("usa", {"Digital Domain"}),
        ("us", {"Digital Domain"}),
        ("united states", {"Digital Domain"}),
        ("ev", {"BeyonCa"}),
        ("vehicle", {"BeyonCa"}),
        ("china", {"iFLYTEK", "Baidu Ai Cloud", "China Year", "BeyonCa", "Pudu Robotics", "Horizon Robotics"}),
        ("chinese", {"iFLYTEK", "Baidu Ai Cloud", "China Year", "BeyonCa", "Pudu Robotics", "Horizon Robotics"}),
    ],
)
def test_required_examples_find_their_firms(dataset: Dataset, query: str, expected: set[str]) -> None:
    assert expected <= set(names_found(dataset, query))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("xunfei", "iFLYTEK"),
        ("robot", "Pudu Robotics"),
        ("france", "Prophesee"),
        ("american", "Digital Domain"),
        ("ev", "BeyonCa"),
        ("vehicle", "BeyonCa"),
        ("horizon", "Horizon Robotics"),
        ("iflytek", "iFLYTEK"),
        ("china", "China Year"),
    ],
)
def test_the_best_match_comes_first(dataset: Dataset, query: str, first: str) -> None:
    assert names_found(dataset, query)[0] == first


def test_robot_finds_exactly_the_robotics_firms(dataset: Dataset) -> None:
    assert names_found(dataset, "robot") == ["Pudu Robotics", "Horizon Robotics"]


def test_nothing_matches_nonsense(dataset: Dataset) -> None:
    assert names_found(dataset, "zzzz") == []


@pytest.mark.parametrize("query", ["", " ", "\t\n", "\u3000", "\u0301"])
def test_a_blank_query_lists_every_firm_in_order(dataset: Dataset, query: str) -> None:
    assert FirmSearch(dataset.firms).search(query) == list(range(len(dataset.firms)))


def test_an_empty_list_of_firms() -> None:
    search = FirmSearch([])
    assert search.search("") == []
    assert search.search("a") == []


# --- normalisation --------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["PUDU", "pUdU", "Pudu", "ｐｕｄｕ", "pùdü", "pu\u0301du"])
def test_case_width_and_accents_do_not_matter(dataset: Dataset, query: str) -> None:
    assert names_found(dataset, query) == ["Pudu Robotics"]


def test_accents_and_ligatures_in_the_data_are_folded_too() -> None:
    firms = [make_firm("Prophésée"), make_firm("Deﬁnitely"), make_firm("Straße"), make_firm("Ångström")]
    search = FirmSearch(firms)
    assert search.search("prophesee") == [0]
    assert search.search("definitely") == [1]
    assert search.search("strasse") == [2]
    assert search.search("angstrom") == [3]


def test_fold() -> None:
    assert fold("Prophésée ﬁ\tÅ") == "prophesee fi a"
    assert query_terms("  United   States  france ") == ["united states", "france"]


# --- tiers and ordering ---------------------------------------------------------------------------


def test_tiers_rank_exact_then_name_prefix_then_word_prefix_then_substring() -> None:
    firms = [
        make_firm("Xrxoxbx"),  # 5: r, o, b in order: not offered, as better matches exist
        make_firm("Carob Trees"),  # 4: inside a word
        make_firm("Big Robot"),  # 2: a word starts with it
        make_firm("Robotics Ltd"),  # 1: the name starts with it
        make_firm("Rob"),  # 0: the whole name
        make_firm("Nothing"),
        make_firm("Other", aliases=["ROB"]),  # 0: an alias
    ]
    assert FirmSearch(firms).search("rob") == [4, 6, 3, 2, 1]


def test_letters_in_order_only_when_nothing_better_matches() -> None:
    firms = [make_firm("Xrxoxbx"), make_firm("Nothing"), make_firm("Pudu Robotics")]
    assert FirmSearch(firms).search("rbt") == [2]  # "Xrxoxbx" has r, b but no t
    assert FirmSearch(firms).search("rxb") == [0]
    assert FirmSearch([*firms, make_firm("Rxb")]).search("rxb") == [3]


def test_a_fact_or_quote_ranks_below_the_firms_own_values() -> None:
    quote = Quote("Tao Xiaodong spoke on AI", 0, 1, 0, 1)
    quoted = make_firm("Quoted")._replace(facts=(Fact("Said", "A speech", quote),))
    firms = [quoted, make_firm("Sectored", sector="AI developer")]
    assert FirmSearch(firms).search("ai") == [1, 0]
    assert FirmSearch(firms).search("tao") == [0]
    assert FirmSearch(firms).search("speech") == [0]


def test_a_quote_naming_other_firms_finds_each_by_its_own_name_only() -> None:
    quote = Quote("robotics companies Pudu Robotics and Horizon Robotics", 0, 1, 0, 1)
    firms = [make_firm(name)._replace(facts=(Fact("Named", "yes", quote),)) for name in ("Pudu Robotics", "Horizon Robotics")]
    assert FirmSearch(firms).search("pudu") == [0]
    assert FirmSearch(firms).search("horizon") == [1]
    assert FirmSearch(firms).search("companies") == [0, 1]


def test_equal_tiers_keep_dataset_order() -> None:
    firms = [make_firm(f"Firm {n}", sector="Robotics") for n in range(5)]
    firms.insert(2, make_firm("Robotics first"))
    assert FirmSearch(firms).search("robot") == [2, 0, 1, 3, 4, 5]


def test_a_match_in_any_field_counts() -> None:
    firms = [
        make_firm("A", origin="Martian"),
        make_firm("B", sector="Space mining"),
        make_firm("C", people=[("Ada Lovelace", "Chief engineer")]),
        make_firm("D", subsidiaries=["Lunar Holdings"]),
        make_firm("E", aliases=["Epsilon"]),
    ]
    search = FirmSearch(firms)
    assert search.search("martian") == [0]
    assert search.search("mining") == [1]
    assert search.search("lovelace") == [2]
    assert search.search("engineer") == [2]
    assert search.search("lunar") == [3]
    assert search.search("epsilon") == [4]


def test_a_value_not_stated_is_not_searched() -> None:
    firms = [make_firm("A", origin=None, sector=None)]
    assert FirmSearch(firms).search("not stated") == []


def test_initials_of_consecutive_words_rank_with_word_prefixes() -> None:
    firms = [make_firm("Devices", sector="Level"), make_firm("Car", sector="New energy vehicles"), make_firm("Boat")]
    # "ev": a substring of Devices/Level (tier 3), the initials of "energy vehicles" (tier 2)
    assert FirmSearch(firms).search("ev") == [1, 0]
    assert FirmSearch(firms).search("nev") == [1]
    assert FirmSearch(firms).search("nv") == [1]  # n…v in order, not initials of consecutive words (tier 4)


def test_several_terms_must_all_match_and_rank_by_the_worst() -> None:
    firms = [
        make_firm("Pudu Robotics", origin="Mainland China"),
        make_firm("Horizon Robotics", origin="Mainland China"),
        make_firm("Pudu Foods", origin="French"),
    ]
    search = FirmSearch(firms)
    assert search.search("pudu china") == [0]
    assert search.search("robotics china") == [0, 1]
    assert search.search("china robotics") == [0, 1]
    assert search.search("pudu robotics") == [0]
    assert search.search("pudu zzz") == []


def test_the_whole_query_as_a_name_prefix_ranks_like_one_term() -> None:
    firms = [make_firm("Mega Pudu Robots"), make_firm("Pudu Robotics")]
    # both have both words as word prefixes; "pudu rob" begins firm 1's name
    assert FirmSearch(firms).search("pudu rob") == [1, 0]
    assert FirmSearch(firms).search("pudu robot") == [1, 0]
    assert FirmSearch(firms).search("pudu robotics") == [1]


def test_typing_a_query_key_by_key_agrees_with_searching_it_fresh(dataset: Dataset) -> None:
    typing = FirmSearch(dataset.firms)
    for text in ("robotics china", "united states", "xunfei", "usa", "france", "pudu rob", "fra", "ev x"):
        for end in range(1, len(text) + 1):
            query = text[:end]
            assert typing.search(query) == FirmSearch(dataset.firms).search(query), query


def test_values_shared_by_few_or_by_most_of_many_firms() -> None:
    # The engine keeps a value held by several firms once, with its holders: as ready-made
    # flags when they are many, scattered one by one when they are few. Both must find them all.
    firms = [
        make_firm(
            f"Firm {n:03d}",
            origin="Mainland China" if n % 3 else "French",
            sector="Quantum sensing" if n in (10, 250) else f"Sector {n % 7}",
            people=[("Ada Lovelace", "Chief engineer")] if n in (5, 6, 299) else [],
        )
        for n in range(300)
    ]
    search = FirmSearch(firms)
    assert search.search("quantum") == [10, 250]
    assert search.search("lovelace") == [5, 6, 299]
    for query in ("china", "france", "sector 3", "qs", "firm 25", "ada chief", "fr", "2", "q"):
        assert search.search(query) == reference_search(firms, query), query


def test_results_are_a_fresh_list_each_time(dataset: Dataset) -> None:
    search = FirmSearch(dataset.firms)
    first = search.search("robot")
    first.clear()
    assert search.search("robot") == [4, 5]


# --- equivalents ----------------------------------------------------------------------------------


def test_equivalents_are_whole_words_at_the_word_prefix_tier() -> None:
    firms = [
        make_firm("Usability Inc"),  # "us" inside a word: tier 1 (name prefix)
        make_firm("Acme", origin="American"),  # equivalent of "us": tier 2
        make_firm("Americana Diner"),  # not the whole word "american"
        make_firm("Bus Co"),  # "us" inside "bus": tier 3
    ]
    assert FirmSearch(firms).search("us") == [0, 1, 3]
    assert FirmSearch(firms).search("usa") == [0, 1]


@pytest.mark.parametrize(
    ("query", "origin"),
    [
        ("france", "French"),
        ("fran", "French"),
        ("french", "France"),
        ("america", "American"),
        ("usa", "American"),
        ("us", "American"),
        ("united states", "American"),
        ("american", "USA"),
        ("china", "Chinese"),
        ("chinese", "Mainland China"),
        ("chin", "Chinese"),
    ],
)
def test_equivalents_table(query: str, origin: str) -> None:
    assert FirmSearch([make_firm("Zzz", origin=origin)]).search(query) == [0]


def test_equivalents_stay_small() -> None:
    assert len(EQUIVALENTS) <= 5
    assert all(word == fold(word) for group in EQUIVALENTS for word in group)


# --- any query is just text -----------------------------------------------------------------------

AWKWARD = [
    ".*",
    ".",
    "^",
    "$",
    "[",
    "]",
    "(",
    ")",
    "[a-z]",
    "(?P<x>",
    "\\",
    "\\d",
    "a|b",
    "+",
    "?",
    "{2}",
    '"',
    "'",
    "“robot”",
    "🤖",
    "👨‍👩‍👧",
    "\x00",
    "\x1d\x1e\x1f",
    "\u202e",
    "\ud7ff",
    "\U0010ffff",
    "r" * 10_000,
    "robot " * 2_000,
    "a\u0301" * 500,
]


@pytest.mark.parametrize("query", AWKWARD)
def test_awkward_queries_are_just_text(dataset: Dataset, query: str) -> None:
    search = FirmSearch(dataset.firms)
    assert search.search(query) == reference_search(dataset.firms, query)
    for firm in dataset.firms:
        name_highlights(firm.name, query)


def test_regex_characters_are_literal() -> None:
    firms = [make_firm("A.B"), make_firm("AxB"), make_firm("C[1]"), make_firm("Plus+")]
    search = FirmSearch(firms)
    assert search.search("a.b") == [0]
    assert search.search(".") == [0]
    assert search.search("[1]") == [2]
    assert search.search("+") == [3]
    assert search.search(".*") == []


# --- highlights -----------------------------------------------------------------------------------


def spans(name: str, query: str) -> list[str]:
    return [name[start:end] for start, end in name_highlights(name, query)]


def test_highlights_prefer_a_word_start() -> None:
    assert spans("Carob Robotics", "rob") == ["Rob"]
    assert spans("Carob", "rob") == ["rob"]


def test_highlights_cover_each_term_or_the_whole_phrase() -> None:
    assert spans("Pudu Robotics", "robotics pudu") == ["Pudu", "Robotics"]
    assert spans("Horizon Robotics", "horizon robotics") == ["Horizon Robotics"]


def test_highlights_initials_equivalents_and_in_order() -> None:
    assert spans("New Energy Vehicles", "ev") == ["E", "V"]
    assert spans("French Tech", "france") == ["French"]
    assert spans("Pudu Robotics", "rbt") == ["R", "b", "t"]


def test_highlights_use_offsets_in_the_original_name() -> None:
    assert name_highlights("Prophésée", "see") == [(6, 9)]
    decomposed = "Prophe\u0301se\u0301e"
    assert spans(decomposed, "sée") == ["se\u0301e"]
    assert spans(decomposed, "phe") == ["phe\u0301"]  # the accent goes with its letter
    assert spans("ﬁnance", "fi") == ["ﬁ"]
    assert spans("ﬁnance", "in") == ["ﬁn"]  # part of the ligature lights all of it
    assert spans("Straße", "ss") == ["ß"]
    assert spans("ＰＵＤＵ Robotics", "pudu") == ["ＰＵＤＵ"]


def test_no_highlight_when_the_name_does_not_match() -> None:
    assert name_highlights("Digital Domain", "american") == []
    assert name_highlights("Digital Domain", "") == []
    assert name_highlights("", "x") == []


# --- properties -----------------------------------------------------------------------------------

LETTERS = "abcrobAÉéﬁ ßr-.1"
name_text = st.one_of(st.text(alphabet=LETTERS, min_size=1, max_size=12), st.text(min_size=1, max_size=12))
query_text = st.one_of(st.text(max_size=12), st.text(alphabet=LETTERS, max_size=6), st.sampled_from(["us", "fr", "chin", "ev", "rob"]))


@st.composite
def firm_lists(draw: st.DrawFn) -> list[Firm]:
    generated = draw(
        st.lists(
            st.builds(
                make_firm,
                name_text,
                aliases=st.lists(name_text, max_size=2),
                origin=st.one_of(st.none(), st.sampled_from(["French", "American", "Mainland China"]), name_text),
                sector=st.one_of(st.none(), name_text),
                people=st.lists(st.tuples(name_text, name_text), max_size=1),
                subsidiaries=st.lists(name_text, max_size=1),
            ),
            max_size=6,
        )
    )
    return generated


# SEARCH_EXAMPLES=5000 pytest tests/test_search.py digs deeper than the default run.
PROPERTIES = settings(
    max_examples=int(os.environ.get("SEARCH_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@PROPERTIES
@given(firms=firm_lists(), query=query_text)
@example(firms=[make_firm("ab"), make_firm("xab", sector="ab")], query="ab")
@example(firms=[make_firm("a  b")], query="a b")
@example(firms=[make_firm("United  States")], query="united states")
def test_search_agrees_with_the_reference(dataset: Dataset, firms: list[Firm], query: str) -> None:
    everything = [*dataset.firms, *firms]
    found = FirmSearch(everything).search(query)
    assert found == reference_search(everything, query)


@PROPERTIES
@given(firms=firm_lists(), query=st.text())
def test_any_query_gives_distinct_valid_indices_each_really_matching(firms: list[Firm], query: str) -> None:
    found = FirmSearch(firms).search(query)
    assert len(set(found)) == len(found)
    assert all(0 <= index < len(firms) for index in found)
    tiers = [query_tier(firms[index], query) for index in found]
    assert None not in tiers  # each one matches
    ranked = [(tier, index) for tier, index in zip(tiers, found)]
    assert ranked == sorted(ranked)  # tiers never get better down the list; ties in dataset order


@PROPERTIES
@given(firms=firm_lists(), text=st.text(alphabet=LETTERS, min_size=1, max_size=8))
def test_typing_narrows_like_a_fresh_search(firms: list[Firm], text: str) -> None:
    typing = FirmSearch(firms)
    for end in range(1, len(text) + 1):
        assert typing.search(text[:end]) == reference_search(firms, text[:end])


@PROPERTIES
@given(name=st.one_of(name_text, st.text()), query=st.one_of(query_text, st.text()))
def test_highlights_are_sorted_disjoint_ranges_inside_the_name(name: str, query: str) -> None:
    ranges = name_highlights(name, query)
    previous_end = -1
    for start, end in ranges:
        assert 0 <= start < end <= len(name)
        assert start > previous_end  # sorted, neither overlapping nor touching (touching ones are merged)
        previous_end = end


@PROPERTIES
@given(name=name_text, query=query_text)
def test_a_name_that_matches_gets_highlights(name: str, query: str) -> None:
    assume(reference_terms(query))
    firm = make_firm(name)
    if query_tier(firm, query) is not None:
        assert name_highlights(name, query)


# --- the synthetic dataset ------------------------------------------------------------------------


def test_a_synthetic_dataset_passes_check(tmp_path: Path) -> None:
    path = write_synthetic(tmp_path / "synthetic.toml", 1000)
    status, out, err = run_tui("check", str(path), timeout=120)
    assert status == 0, err
    assert "1,000 named of 1,009 signed" in out


def test_a_synthetic_dataset_is_searchable(tmp_path: Path) -> None:
    dataset = load_dataset(write_synthetic(tmp_path / "synthetic.toml", 40))
    assert len(dataset.firms) == 40
    assert dataset.firms[12].name == "Pudu Robotics 00012"
    assert dataset.firms[12].id == "firm-00012"
    search = FirmSearch(dataset.firms)
    assert search.search("pudu robotics 00012")[0] == 12
    assert search.search("00012") == [12]
    assert len(search.search("robot")) == 10


def test_a_long_query_stops_at_the_first_terms_no_firm_shares(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every term must match (AND): once no firm matches the terms so far, the rest of a pasted
    query (up to 100 terms in 200 characters) is not searched at all."""
    search = FirmSearch(dataset.firms)
    computed: list[str] = []
    compute = search._compute_tiers

    def counting(term: str) -> list[int]:
        computed.append(term)
        return compute(term)

    monkeypatch.setattr(search, "_compute_tiers", counting)
    filler = [f"word{number}" for number in range(40)]
    assert search.search(" ".join(["iflytek", "prophesee", *filler])) == []
    assert computed == ["iflytek", "prophesee"]
    assert [dataset.firms[index].id for index in search.search("xunfei tao healthcare")] == ["iflytek"]
