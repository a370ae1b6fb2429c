"""Find in the article, the Textual-free half (tui.core.find_text): what matches, mapped back to the article."""

from __future__ import annotations

from tui.commands import load
from tui.core.find_text import TextFinder, fold_article, nearest, position_line, stem


def found(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in TextFinder(text).find(query)]


def test_sanctions_finds_both_forms_in_the_bundled_article() -> None:
    text = load(None).source.text
    assert found(text, "sanctions") == ["sanctions", "sanctioned"]
    spans = TextFinder(text).find("sanctions")
    assert text[spans[0][0] :].startswith("sanctions since 2019")
    assert text[spans[1][0] :].startswith("sanctioned by the US government")


def test_case_accents_and_curly_apostrophes_do_not_matter() -> None:
    text = "The government\u2019s plan. Prophesee and CAF\u00c9 \u201cquoted\u201d."
    assert found(text, "governments") == ["government\u2019s"]
    assert found(text, "GOVERNMENT'S") == ["government\u2019s"]
    assert found(text, "proph\u00e9s\u00e9e") == ["Prophesee"]
    assert found(text, "cafe") == ["CAF\u00c9"]
    assert found(text, '"quoted"') == ["\u201cquoted\u201d"]


def test_a_phrase_crosses_a_line_break_and_any_run_of_spaces() -> None:
    text = "said Paul\nChan, and   Paul Chan again"
    assert found(text, "paul   chan") == ["Paul\nChan", "Paul Chan"]


def test_a_word_is_found_inside_longer_words_like_a_browser_find() -> None:
    assert found("Sanctioned; sanctions.", "sanc") == ["Sanc", "sanc"]


def test_an_inflected_word_finds_the_other_forms_of_its_stem_as_whole_words() -> None:
    assert stem("companies") == "company" and stem("sanctioned") == "sanction"
    assert stem("uses") is None  # "us" is too short a stem to mean anything
    assert found("one company, two companies, no accompany", "companies") == ["company", "companies"]


def test_offsets_survive_characters_that_fold_to_two() -> None:
    text = "Stra\u00dfe and strasse"
    folded, offsets = fold_article(text)
    assert folded == "strasse and strasse" and len(offsets) == len(folded)
    assert found(text, "strasse") == ["Stra\u00dfe", "strasse"]


def test_nothing_to_find_and_no_matches_are_said_plainly() -> None:
    assert TextFinder("some text").find("   ") == []
    assert found("some text", "zebra") == []
    assert position_line(None, 0) == "no matches"
    assert position_line(2, 7) == "3 of 7"


def test_the_first_match_is_the_one_at_or_after_the_readers_place() -> None:
    spans = [(0, 3), (10, 13), (20, 23)]
    assert nearest(spans, 5) == 1
    assert nearest(spans, 25) == 0  # past the last: wraps to the first
    assert nearest([], 0) is None
