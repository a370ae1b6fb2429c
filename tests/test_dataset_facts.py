"""The bundled dataset holds every fact issue 2 asks for, each tied to its words in the article."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import tomli

from tui.core.model import Dataset, Fact, Firm, Quote

ARTICLE_SHA256 = "bfcd9ae1e9ce328d9845a6183c105e49042bf86d83a84d407e47c35ebb75f21b"
"""SHA-256 of the verbatim ../shared/source/article.txt (UTF-8, no trailing newline), computed
once when this test was written, so the test never reads outside the repository."""

FIRM_NAMES = [
    "iFLYTEK",
    "Baidu Ai Cloud",
    "China Year",
    "BeyonCa",
    "Pudu Robotics",
    "Horizon Robotics",
    "Digital Domain",
    "Prophesee",
]


def assert_resolves(dataset: Dataset, quote: Quote | None) -> Quote:
    """The quote is the article's own words at its offsets, inside the sentence that is lit up."""
    assert quote is not None
    article = dataset.source.text
    assert quote.text
    assert article[quote.start : quote.end] == quote.text
    assert 0 <= quote.sentence_start <= quote.start < quote.end <= quote.sentence_end <= len(article)
    assert article.count(quote.text) == 1
    return quote


def sentence(dataset: Dataset, quote: Quote) -> str:
    return dataset.source.text[quote.sentence_start : quote.sentence_end]


def find(facts: tuple[Fact, ...] | list[Fact], *needles: str) -> Fact:
    """The one fact whose value mentions every needle (case-insensitive)."""
    found = [fact for fact in facts if fact.value is not None and all(n.lower() in fact.value.lower() for n in needles)]
    assert len(found) == 1, f"expected one fact mentioning {needles}, found {[f.value for f in found]}"
    return found[0]


def supported(dataset: Dataset, fact: Fact, *evidence: str) -> None:
    """The fact's quote resolves and says (or its highlighted sentence says) each piece of evidence."""
    quote = assert_resolves(dataset, fact.quote)
    for words in evidence:
        assert words in quote.text or words in sentence(dataset, quote), (fact.label, words)


def firm(dataset: Dataset, name: str) -> Firm:
    matches = [f for f in dataset.firms if f.name == name]
    assert len(matches) == 1
    return matches[0]


# --- the article itself ------------------------------------------------------------------------


def test_embedded_article_is_the_verbatim_source(dataset: Dataset) -> None:
    assert hashlib.sha256(dataset.source.text.encode("utf-8")).hexdigest() == ARTICLE_SHA256


def test_every_quote_in_the_file_appears_verbatim_once(dataset: Dataset, bundled_text: str) -> None:
    """Read the TOML independently of the loader and check every `quote` string in it."""
    document = tomli.loads(bundled_text)
    article = document["source"]["text"]
    assert article == dataset.source.text

    def quotes(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "quote":
                    assert isinstance(value, str)
                    yield value
                else:
                    yield from quotes(value)
        elif isinstance(node, list):
            for item in node:
                yield from quotes(item)

    raw = list(quotes({key: value for key, value in document.items() if key != "source"}))
    assert len(raw) == dataset.quote_count()
    for quote in raw:
        assert article.count(quote) == 1, quote


def test_every_loaded_quote_resolves(dataset: Dataset) -> None:
    ceremony = dataset.ceremony
    checked = 0
    for fact in dataset.all_facts():
        if fact.stated and fact.derivation is None:
            assert_resolves(dataset, fact.quote)
            for quote in fact.quotes:
                assert_resolves(dataset, quote)
                checked += 1
        else:
            assert fact.quote is None and not fact.more_quotes
    for group in ceremony.groups:
        if group.derivation is None:
            assert_resolves(dataset, group.quote)
            checked += 1
        else:
            assert group.quote is None
    assert_resolves(dataset, ceremony.signed.quote)
    checked += 1
    for each in dataset.firms:
        for person in each.people:
            assert_resolves(dataset, person.quote)
        for subsidiary in each.subsidiaries:
            assert_resolves(dataset, subsidiary.quote)
    assert checked == dataset.quote_count()


# --- the programme -----------------------------------------------------------------------------


def test_programme_is_oases(dataset: Dataset) -> None:
    assert dataset.programme.short_name == "OASES"
    assert dataset.programme.name == "Office for Attracting Strategic Enterprises"


def test_programme_set_up_in_2022(dataset: Dataset) -> None:
    set_up = [f for f in dataset.programme.facts if f.value is not None and "2022" in f.value and "Policy Address" not in f.value]
    assert len(set_up) == 1
    fact = set_up[0]
    assert fact.label.lower().startswith("set up")
    supported(dataset, fact, "establishment of OASES in 2022")


def test_programme_announced_in_policy_address_with_a_fund(dataset: Dataset) -> None:
    fact = find(dataset.programme.facts, "Lee", "2022 Policy Address", "fund to invest in potential companies")
    supported(dataset, fact, "2022 Policy Address", "Lee announced", "a fund to invest in potential companies")


def test_programme_attracted_67_companies(dataset: Dataset) -> None:
    fact = find(dataset.programme.facts, "67 strategic companies")
    supported(dataset, fact, "67 strategic companies have been attracted")


def test_programme_expected_investment(dataset: Dataset) -> None:
    fact = find(dataset.programme.facts, "HK$42 billion")
    assert fact.value is not None and fact.value.lower().startswith("around")
    supported(dataset, fact, "invest around HK$42 billion")


def test_programme_jobs(dataset: Dataset) -> None:
    fact = find(dataset.programme.facts, "17,000 job")
    assert fact.value is not None and fact.value.lower().startswith("approximately")
    supported(dataset, fact, "approximately 17,000 job opportunities")


def test_aim_is_the_citys_not_the_programmes(dataset: Dataset) -> None:
    assert not [f for f in dataset.programme.facts if f.value and "hub for tech" in f.value]
    fact = find(dataset.ceremony.facts, "hub for tech innovation")
    assert fact.label == "City’s aim"
    supported(dataset, fact, "position itself as a hub for tech innovation")


# --- the ceremony ------------------------------------------------------------------------------


def test_ceremony_organised_by_oases(dataset: Dataset) -> None:
    organisers = [f for f in dataset.ceremony.facts if f.label.lower().startswith("organi")]
    assert len(organisers) == 1
    fact = organisers[0]
    assert fact.value == "OASES"
    supported(dataset, fact, "(OASES) organized a signing ceremony")


def test_ceremony_counts(dataset: Dataset) -> None:
    ceremony = dataset.ceremony
    assert ceremony.signed.value == 17
    assert "17 firms" in assert_resolves(dataset, ceremony.signed.quote).text
    assert ceremony.named == 8
    assert ceremony.unnamed == 9
    assert ceremony.named + ceremony.unnamed == ceremony.signed.value


def test_ceremony_groups_mainland_and_abroad(dataset: Dataset) -> None:
    groups = {group.id: group for group in dataset.ceremony.groups}
    assert set(groups) == {"mainland", "abroad"}
    mainland, abroad = groups["mainland"], groups["abroad"]
    assert mainland.size == 15
    assert "15 firms from mainland China" in assert_resolves(dataset, mainland.quote).text
    # The article never says "2": it names two firms apart from the Chinese ones. The count
    # is derived from the two totals it states, and lights their sentences.
    assert abroad.size == 2 and abroad.quote is None
    assert abroad.derivation is not None
    assert abroad.derivation.how == "17 signed − 15 from mainland China"
    assert abroad.derivation.rests_on == ("ceremony.signed", "ceremony.groups[0]")
    assert abroad.derivation.quotes == (dataset.ceremony.signed.quote, mainland.quote)
    assert sum(group.size for group in groups.values()) == dataset.ceremony.signed.value


def test_abroad_firms_are_american_and_french(dataset: Dataset) -> None:
    abroad = [f for f in dataset.firms if f.group == "abroad"]
    assert [(f.name, f.origin.value) for f in abroad] == [("Digital Domain", "American"), ("Prophesee", "French")]
    for each in abroad:
        supported(dataset, each.origin, f"{each.origin.value} company {each.name}")
    assert all(f.group == "mainland" for f in dataset.firms if f not in abroad)


def test_paul_chan_speech(dataset: Dataset) -> None:
    facts = dataset.ceremony.facts
    speaker = find(facts, "financial chief")
    supported(dataset, speaker, "financial chief, Paul Chan, gave a speech during the ceremony")
    speech = find(facts, "partnerships with strategic companies")
    supported(dataset, speech, "emphasizing the importance of partnerships with strategic companies")


def test_paul_chan_highlighted_67_companies_since_2022(dataset: Dataset) -> None:
    fact = find(dataset.ceremony.facts, "67 strategic companies")
    assert fact.label.lower().startswith("highlight")
    quote = assert_resolves(dataset, fact.quote)
    assert "Paul Chan highlighted" in quote.text
    # What the reader sees lit up is the whole sentence, which carries the number.
    assert "since the establishment of OASES in 2022, a total of 67 strategic companies" in sentence(dataset, quote)


# --- the firms ---------------------------------------------------------------------------------


def test_exactly_the_eight_named_firms_in_article_order(dataset: Dataset) -> None:
    assert [f.name for f in dataset.firms] == FIRM_NAMES
    article = dataset.source.text
    first_mentions = [article.index(name) for name in FIRM_NAMES]
    assert first_mentions == sorted(first_mentions)
    assert len({f.id for f in dataset.firms}) == len(FIRM_NAMES)
    assert dataset.ceremony.named == len(dataset.firms)
    for each in dataset.firms:
        assert dataset.firm(each.id) is each


def test_iflytek_origin_and_sector(dataset: Dataset) -> None:
    iflytek = firm(dataset, "iFLYTEK")
    assert "iFlytek" in iflytek.aliases
    assert iflytek.origin.value == "Chinese"
    supported(dataset, iflytek.origin, "iFLYTEK, a Chinese")
    assert iflytek.sector.value is not None and "artificial intelligence" in iflytek.sector.value.lower()
    supported(dataset, iflytek.sector, "artificial intelligence giant")


def test_iflytek_subsidiary_and_person(dataset: Dataset) -> None:
    iflytek = firm(dataset, "iFLYTEK")
    assert [s.name for s in iflytek.subsidiaries] == ["Xunfei Healthcare"]
    assert "a subsidiary of iFlytek" in assert_resolves(dataset, iflytek.subsidiaries[0].quote).text
    assert [p.name for p in iflytek.people] == ["Tao Xiaodong"]
    tao = iflytek.people[0]
    assert "CEO of Xunfei Healthcare" in tao.role
    assert "Tao Xiaodong, CEO of Xunfei Healthcare" in assert_resolves(dataset, tao.quote).text


def test_iflytek_investment(dataset: Dataset) -> None:
    fact = find(firm(dataset, "iFLYTEK").facts, "HK$4 million")
    assert fact.value is not None and "five years" in fact.value
    supported(dataset, fact, "invest HK$4 million in Hong Kong over the next five years")


def test_iflytek_headquarters(dataset: Dataset) -> None:
    fact = find(firm(dataset, "iFLYTEK").facts, "headquarters")
    supported(dataset, fact, "establish a headquarters in the city")


def test_iflytek_medical_records_and_diagnosis(dataset: Dataset) -> None:
    facts = firm(dataset, "iFLYTEK").facts
    supported(dataset, find(facts, "medical records"), "assisting doctors in writing medical records")
    supported(dataset, find(facts, "diagnostic plans"), "recommending diagnostic plans with AI systems")


def test_iflytek_us_sanctions_since_2019_and_why(dataset: Dataset) -> None:
    facts = firm(dataset, "iFLYTEK").facts
    since = find(facts, "US sanctions since 2019")
    supported(dataset, since, "under US sanctions since 2019")
    why = find(facts, "human rights")
    supported(dataset, why, "sanctioned by the US government in 2019 for alleged human rights violations")
    assert why.value is not None and "alleged" in why.value


def test_iflytek_expands_internationally(dataset: Dataset) -> None:
    fact = find(firm(dataset, "iFLYTEK").facts, "expand internationally")
    supported(dataset, fact, "iFlytek hopes to expand internationally")


def test_mainland_firm_sectors(dataset: Dataset) -> None:
    expected = {
        "Baidu Ai Cloud": "AI developer Baidu Ai Cloud",
        "China Year": "animation company China Year",
        "BeyonCa": "new energy vehicle company BeyonCa",
        "Pudu Robotics": "robotics companies Pudu Robotics",
        "Horizon Robotics": "Horizon Robotics",
    }
    for name, words in expected.items():
        each = firm(dataset, name)
        assert each.group == "mainland"
        supported(dataset, each.sector, words)
        supported(dataset, each.origin, "15 firms from mainland China", name)


def test_digital_domain_and_prophesee_sector_not_stated(dataset: Dataset) -> None:
    for name in ("Digital Domain", "Prophesee"):
        sector = firm(dataset, name).sector
        assert sector.value is None
        assert sector.quote is None
        assert not sector.stated
    silent = [fact for fact in dataset.all_facts() if not fact.stated]
    assert len(silent) == 2


# --- issue 13: every value says exactly what its quote says, fact by fact ----------------------

PINNED: list[tuple[str, str, str, str]] = [
    # (where, label, value, quote)
    ("programme", "Set up", "2022", "since the establishment of OASES in 2022"),
    (
        "programme",
        "Companies attracted",
        "A total of 67 strategic companies, to set up new offices or expand their business in Hong Kong",
        "a total of 67 strategic companies have been attracted to set up new offices or expand their business in Hong Kong",
    ),
    ("ceremony", "Date", "Not stated (the article says recently)", "Seventeen companies have recently signed a deal"),
    (
        "ceremony",
        "Purpose",
        "Part of the government’s efforts to boost the tech sector in the city",
        "as part of the government’s efforts to boost the tech sector in the city",
    ),
    (
        "ceremony",
        "Speaker",
        "Paul Chan, the city’s financial chief",
        "The city’s financial chief, Paul Chan, gave a speech during the ceremony",
    ),
    (
        "ceremony",
        "Highlighted",
        "Secretary of Finance Paul Chan: since OASES was set up in 2022, a total of 67 strategic companies have been "
        "attracted to set up new offices or expand their business in Hong Kong",
        "During the ceremony, Secretary of Finance Paul Chan highlighted that since the establishment of OASES in 2022, "
        "a total of 67 strategic companies have been attracted to set up new offices or expand their business in Hong Kong",
    ),
    (
        "ceremony",
        "Step towards the aim (the article’s own assessment)",
        "The recent agreements with these 17 companies are a step towards achieving that goal",
        "the recent agreements with these 17 companies are a step towards achieving that goal",
    ),
    ("iFLYTEK", "Signed", "Among the companies that signed", "Among these companies is iFLYTEK"),
    (
        "iFLYTEK",
        "Investment",
        "Tao Xiaodong announced that iFlytek would invest HK$4 million in Hong Kong over the next five years",
        "announced that iFlytek would invest HK$4 million in Hong Kong over the next five years",
    ),
    (
        "iFLYTEK",
        "Diagnosis",
        "Xunfei Healthcare aims to assist doctors in recommending diagnostic plans with AI systems",
        "by assisting doctors in writing medical records and recommending diagnostic plans with AI systems",
    ),
    (
        "iFLYTEK",
        "Outlook",
        "Despite the 2019 US sanctions, looking to move forward and grow its business",
        "Despite being sanctioned by the US government in 2019 for alleged human rights violations, "
        "the company is looking to move forward and grow its business",
    ),
]


def facts_of(dataset: Dataset, where: str) -> tuple[Fact, ...]:
    if where == "programme":
        return tuple(dataset.programme.facts)
    if where == "ceremony":
        return tuple(dataset.ceremony.facts)
    return tuple(firm(dataset, where).facts)


def test_corrected_values_are_pinned_fact_by_fact(dataset: Dataset) -> None:
    for where, label, value, quote in PINNED:
        matches = [f for f in facts_of(dataset, where) if f.label == label]
        assert len(matches) == 1, (where, label)
        assert matches[0].value == value, (where, label)
        assert assert_resolves(dataset, matches[0].quote).text == quote, (where, label)


def test_closing_assessments_are_labelled_as_the_articles_own(dataset: Dataset) -> None:
    labels = [f.label for f in dataset.ceremony.facts if "article’s own assessment" in f.label]
    assert len(labels) == 3


def test_values_use_the_articles_apostrophes(bundled_text: str) -> None:
    values = [line for line in bundled_text.splitlines() if line.startswith("value = ")]
    assert values and not [line for line in values if "'" in line]


def test_tao_role_is_quoted_in_full(dataset: Dataset) -> None:
    person = firm(dataset, "iFLYTEK").people[0]
    assert person.role == "CEO of Xunfei Healthcare, a subsidiary of iFlytek"
    assert_resolves(dataset, person.quote)
    assert person.quote is not None and person.quote.text.endswith(person.role)


def test_origins_in_one_style_and_group_labels_are_names(dataset: Dataset) -> None:
    origins = {f.name: f.origin.value for f in dataset.firms if f.origin is not None}
    assert origins["iFLYTEK"] == "Chinese"
    assert origins["Baidu Ai Cloud"] == "Chinese (mainland)"
    assert origins["Digital Domain"] == "American" and origins["Prophesee"] == "French"
    assert [g.label for g in dataset.ceremony.groups] == ["mainland China", "abroad"]
