"""Sentences (tui.core.sentences), coverage (tui.core.coverage) and `oases-tui coverage`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import run_python

from tui.cli import main
from tui.commands import load
from tui.core.coverage import cited_by_line, coverage, coverage_line
from tui.core.resources import bundled_dataset
from tui.core.sentences import Sentences, sentence_spans


def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_abbreviations_and_initials_end_no_sentence() -> None:
    assert texts("Mr. Tao met U.S. officials. Then J. Smith left! Dr. Lee stayed.") == [
        "Mr. Tao met U.S. officials.",
        "Then J. Smith left!",
        "Dr. Lee stayed.",
    ]


def test_paragraphs_are_boundaries_and_numbers_are_not() -> None:
    assert texts("It grew 2.5 times\nA new paragraph. \u201cQuoted.\u201d Next one") == [
        "It grew 2.5 times",
        "A new paragraph.",
        "\u201cQuoted.\u201d",
        "Next one",
    ]


def test_a_full_stop_before_a_lower_case_word_goes_on() -> None:
    assert texts("See fig. below for more. Done.") == ["See fig. below for more.", "Done."]


def test_the_bundled_article_has_sixteen_sentences_and_a_quote_finds_its_own() -> None:
    dataset = load(None)
    sentences = dataset.sentences
    assert len(sentences) == 16
    assert sentences.text_of(1).startswith("Among these companies is iFLYTEK")
    iflytek = dataset.firms[0]
    quote = iflytek.origin.quote
    assert quote is not None
    assert (quote.sentence_start, quote.sentence_end) == sentences.spans[1]


def test_a_quote_across_two_sentences_lights_both() -> None:
    sentences = Sentences("One here. Two there. Three.")
    start = "One here. Two there. Three.".index("here")
    end = "One here. Two there. Three.".index("there") + 5
    assert sentences.covering(start, end) == (0, 1)


ASSESSMENTS = ("Benefits (the article’s own assessment)", "Outlook (the article’s own assessment)")


@pytest.fixture
def two_left_out(tmp_path: Path) -> Path:
    """The bundled dataset without the facts that record the article's last two sentences."""
    text = bundled_dataset().read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    kept = [block for block in blocks if not any(f'label = "{label}"' in block for label in ASSESSMENTS)]
    assert len(kept) == len(blocks) - 2
    path = tmp_path / "two-left-out.toml"
    path.write_text("\n\n".join(kept), encoding="utf-8")
    return path


def test_coverage_of_the_bundled_article() -> None:
    dataset = load(None)
    found = coverage(dataset)
    assert coverage_line(found) == "16 of 16 sentences cited"  # the closing assessments are recorded too
    among = found[1]
    assert cited_by_line(among.citations) == "iFLYTEK · Origin, Sector, Signed, US sanctions"
    speech = found[3]
    assert cited_by_line(speech.citations) == "Summary · Speaker, Speech"


def test_a_dataset_that_leaves_sentences_out_shows_which(two_left_out: Path) -> None:
    found = coverage(load(str(two_left_out)))
    assert coverage_line(found) == "14 of 16 sentences cited"
    assert [sentence.position for sentence in found if not sentence.cited] == [14, 15]


def test_firms_come_before_the_summary_in_a_citation() -> None:
    found = coverage(load(None))
    # "The companies involved in this deal include 15 firms from mainland China, such as …": five firms' and the summary's.
    owners = [citation.owner for citation in found[4].citations]
    assert owners[0] == "Baidu Ai Cloud" and owners[-1] == "Summary" and owners.count("Summary") == 1


def test_the_command_lists_sentences_and_marks_the_uncited(two_left_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", str(two_left_out)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith(": 14 of 16 sentences cited")
    assert "!  15  This initiative not only benefits" in out
    assert out.count("NOT CITED by any fact") == 2
    assert "cited by: iFLYTEK · Origin, Sector, Signed, US sanctions" in out


def test_the_command_as_json(two_left_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", str(two_left_out), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["sentences"], document["cited"]) == (16, 14)
    second = document["coverage"][1]
    assert second["text"].startswith("Among these companies is iFLYTEK")
    assert {"firm": "iflytek", "owner": "iFLYTEK", "label": "Origin"} in second["cited_by"]
    assert [entry["number"] for entry in document["coverage"] if not entry["cited"]] == [15, 16]


def test_a_bad_file_is_one_line_and_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n[source\n", encoding="utf-8")
    assert main(["coverage", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:")


def test_the_command_never_imports_textual(tmp_path: Path) -> None:
    result = run_python("-X", "importtime", "-m", "tui", "coverage", cwd=tmp_path)
    assert result.status == 0
    assert "16 of 16 sentences cited" in result.out
    assert "textual" not in result.err
