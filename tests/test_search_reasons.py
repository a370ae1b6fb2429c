"""Why a result matched (tui.core.search_reasons): the field, the marked words, loose or not; and the
summary's facts as results, ranked as a reader expects."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import make_firm

from tui.core.loader import load_dataset
from tui.core.model import Dataset
from tui.core.resources import bundled_dataset
from tui.core.search import FirmSearch
from tui.core.search_reasons import Reason, SummarySearch, excerpt, firm_reasons
from tui.core.summary import summary_sections


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(bundled_dataset())


@pytest.fixture(scope="module")
def firm_search(dataset: Dataset) -> FirmSearch:
    return FirmSearch(dataset.firms)


@pytest.fixture(scope="module")
def summary(dataset: Dataset) -> SummarySearch:
    return SummarySearch(fact for section in summary_sections(dataset) for fact in section.facts)


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def firm_named(dataset: Dataset, name: str):  # type: ignore[no-untyped-def]
    return next(firm for firm in dataset.firms if firm.name == name)


def test_tao_is_iflytek_because_of_its_person(dataset: Dataset) -> None:
    search = FirmSearch(dataset.firms)
    assert [dataset.firms[i].name for i in search.search("tao")] == ["iFLYTEK"]
    (reason,) = firm_reasons(firm_named(dataset, "iFLYTEK"), "tao")
    assert reason.label == "Person" and reason.text.startswith("Tao Xiaodong")
    assert marked(reason.text, reason.text_spans) == ["Tao"]
    assert not reason.loose
    assert reason.fact is not None and reason.fact.label == "Person"  # what enter lands on


def test_a_name_that_matches_needs_no_reason(dataset: Dataset) -> None:
    assert firm_reasons(firm_named(dataset, "Horizon Robotics"), "horizon") == []
    assert firm_reasons(firm_named(dataset, "Baidu Ai Cloud"), "ai") == []
    assert firm_reasons(firm_named(dataset, "Horizon Robotics"), "") == []


def test_a_typo_in_the_name_is_a_loose_match(dataset: Dataset) -> None:
    search = FirmSearch(dataset.firms)
    assert [dataset.firms[i].name for i in search.search("horizn")] == ["Horizon Robotics"]
    assert search.loose
    assert firm_reasons(firm_named(dataset, "Horizon Robotics"), "horizn") == [Reason("", "", (), loose=True)]
    search.search("robot")
    assert not search.loose


def test_part_of_a_word_is_loose_and_a_word_start_is_not(dataset: Dataset) -> None:
    (domain,) = firm_reasons(firm_named(dataset, "Digital Domain"), "ai")  # "Dom-ai-n"
    assert domain.loose
    (sector,) = firm_reasons(firm_named(dataset, "iFLYTEK"), "ai")
    assert (sector.label, sector.text, sector.loose) == ("Sector", "Artificial intelligence", False)
    assert marked(sector.text, sector.text_spans) == ["A", "i"]  # its initials


def test_a_fact_is_the_reason_and_enter_lands_on_it(dataset: Dataset) -> None:
    iflytek = firm_named(dataset, "iFLYTEK")
    (reason,) = firm_reasons(iflytek, "sanctions")
    assert reason.label == "US sanctions"
    assert marked(reason.text, reason.text_spans) == ["sanctions"]
    assert reason.fact in iflytek.fact_rows()


def test_terms_in_two_fields_give_two_reasons() -> None:
    firm = make_firm("Acme", origin="French", sector="Robotics")
    reasons = firm_reasons(firm, "robotics france")
    assert [(reason.label, marked(reason.text, reason.text_spans)) for reason in reasons] == [
        ("Origin", ["French"]),  # each as good as the other: in the detail's order
        ("Sector", ["Robotics"]),
    ]


def test_a_match_deep_in_a_long_quote_is_brought_forward() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen needle"
    shown, spans = excerpt(text, [(text.index("needle"), len(text))])
    assert shown.startswith("…") and len(shown) < len(text)
    assert [shown[start:end] for start, end in spans] == ["needle"]
    assert excerpt("short needle", [(6, 12)]) == ("short needle", [(6, 12)])


def test_paul_chan_is_the_speaker_first(summary: SummarySearch) -> None:
    results = summary.search("paul chan")
    assert [reason.label for reason in results] == ["Speaker", "Highlighted"]
    speaker = results[0]
    assert marked(speaker.text, speaker.text_spans) == ["Paul", "Chan"]
    assert speaker.fact is not None and speaker.fact.quote is not None and "Paul Chan" in speaker.fact.quote.text


def test_the_summary_words_a_reader_types(summary: SummarySearch) -> None:
    speech = summary.search("speech")
    assert [reason.label for reason in speech] == ["Speech", "Speaker"]  # its label first, then the quote saying "speech"
    assert all(reason.fact is not None and reason.fact.label == reason.label for reason in speech)
    assert marked(speech[0].label, speech[0].label_spans) == ["Speech"]
    assert speech[1].text.startswith("“") and marked(speech[1].text, speech[1].text_spans) == ["speech"]
    billion = summary.search("42 billion")
    assert [reason.label for reason in billion] == ["Expected investment"]
    assert marked(billion[0].text, billion[0].text_spans) == ["42", "billion"]
    assert summary.search("sanctions") == []  # a firm's fact, not the summary's
    assert summary.search("zzqx") == [] and summary.search("   ") == []


def test_a_key_figure_is_one_result(summary: SummarySearch) -> None:
    assert [reason.label for reason in summary.search("speaker")] == ["Speaker"]  # in the key figures and its section


def test_inside_a_word_only_when_no_fact_matches_at_a_word_start(summary: SummarySearch) -> None:
    assert all(not reason.loose for reason in summary.search("ai"))  # "aim" starts a word; "mainland" is left out
    inside = summary.search("ainland")
    assert inside and all(reason.loose for reason in inside)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.sampled_from("aeiostnrl hxuüÉ’'(.ﬁ"), max_size=12))
def test_any_query_gives_reasons_within_their_texts(dataset: Dataset, firm_search: FirmSearch, summary: SummarySearch, query: str) -> None:
    reasons = [reason for index in firm_search.search(query) for reason in firm_reasons(dataset.firms[index], query)]
    for reason in [*reasons, *summary.search(query)]:
        for start, end in reason.text_spans:
            assert 0 <= start < end <= len(reason.text)
        for start, end in reason.label_spans:
            assert 0 <= start < end <= len(reason.label)
        assert reason.text_spans or reason.label_spans or (reason.loose and reason.text == "")  # a reason marks something


def test_a_name_explains_its_own_terms_and_a_field_the_rest(dataset: Dataset) -> None:
    reasons = firm_reasons(firm_named(dataset, "Horizon Robotics"), "horizon chinese")
    assert [(reason.label, marked(reason.text, reason.text_spans), reason.loose) for reason in reasons] == [("Origin", ["Chinese"], False)]
    loose_name = firm_reasons(firm_named(dataset, "Horizon Robotics"), "horizn chinese")
    assert sorted((reason.label, reason.loose) for reason in loose_name) == [("", True), ("Origin", False)]  # the row: "≈ Origin: …"
