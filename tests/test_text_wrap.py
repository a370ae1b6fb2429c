"""Wrapping that keeps character offsets (tui/app/widgets/text_wrap.py): right, and linear.

Right: greedy on whitespace, every line within the width (a single character wider
than the whole line aside), nothing lost or repeated, CJK counted as two cells.
Linear: a word longer than the line is cut by measuring each character about once;
measuring the rest of the word at every cut made a 1,000,000-character line take
most of a minute. Counting what is measured checks that without a clock.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size

from tui.app.widgets import text_wrap
from tui.app.widgets.text_wrap import wrap_lines


def shown(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap_lines(text, width)]


def test_prose_breaks_at_the_last_space_that_fits() -> None:
    text = "Seventeen companies have recently signed a deal to expand in Hong Kong."
    assert shown(text, 20) == ["Seventeen companies", "have recently signed", "a deal to expand in", "Hong Kong."]
    assert shown(text, 72) == [text]


def test_paragraphs_are_kept_apart_by_a_blank_line() -> None:
    assert shown("One two.\nThree four.", 40) == ["One two.", "", "Three four."]
    assert list(wrap_lines("One two.\n\nThree four.", 40, paragraph_gap=False)) == [(0, 8), (9, 9), (10, 21)]


def test_a_long_word_is_cut_at_the_width_and_the_rest_continues_the_line() -> None:
    assert shown("ab " + "x" * 12 + " cd", 5) == ["ab", "xxxxx", "xxxxx", "xx cd"]


def test_cjk_counts_two_cells_and_a_wide_character_is_never_split() -> None:
    text = "香港投資推廣署簽署協議"  # 11 characters, 22 cells, no spaces
    lines = shown(text, 5)
    assert lines == ["香港", "投資", "推廣", "署簽", "署協", "議"]
    assert all(cell_len(line) <= 5 for line in lines)
    assert shown("中文", 1) == ["中", "文"]  # wider than the line: alone on its line, not dropped


def test_a_combining_mark_stays_with_its_letter() -> None:
    text = "e\u0301" * 6  # é as e + combining acute: one cell each
    assert shown(text, 4) == ["e\u0301" * 4, "e\u0301" * 2]


WORDS = st.text(alphabet=st.sampled_from("ab中😀\u0301é"), min_size=1, max_size=30)
GAPS = st.sampled_from([" ", "  ", "\n", "\t"])
TEXTS = st.lists(st.tuples(WORDS, GAPS), max_size=12).map(lambda parts: "".join(word + gap for word, gap in parts))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, width=st.integers(min_value=1, max_value=12))
def test_every_line_fits_and_nothing_is_lost(text: str, width: int) -> None:
    lines = list(wrap_lines(text, width))
    for start, end in lines:
        piece = text[start:end]
        visible = [char for char in piece if cell_len(char) > 0]
        assert cell_len(piece) <= width or (width == 1 and len(visible) == 1), (piece, width)  # a lone 2-cell character
        assert "\n" not in piece
    assert all(later[0] >= earlier[1] for earlier, later in zip(lines, lines[1:]))  # in order, never overlapping
    assert "".join("".join(text[start:end] for start, end in lines).split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, width=st.integers(min_value=2, max_value=12))
def test_no_line_could_have_taken_the_next_word(text: str, width: int) -> None:
    """Greedy: where a line ends at a space, the word after it did not fit on it."""
    lines = [line for line in wrap_lines(text, width) if line[0] < line[1]]
    for (start, end), (next_start, _) in zip(lines, lines[1:]):
        gap = text[end:next_start]
        if gap and gap.isspace() and "\n" not in gap:
            following = text[next_start:].split()[0]  # the whole word, not only the part on the next line
            assert cell_len(text[start:next_start] + following) > width


def test_a_long_word_measures_each_character_about_once(monkeypatch: pytest.MonkeyPatch) -> None:
    measured = [0]

    def counting_cell_len(text: str) -> int:
        measured[0] += len(text)
        return cell_len(text)

    def counting_size(char: str) -> int:
        measured[0] += 1
        return get_character_cell_size(char)

    monkeypatch.setattr(text_wrap, "cell_len", counting_cell_len)
    monkeypatch.setattr(text_wrap, "get_character_cell_size", counting_size)
    for word in ("a" * 200_000, "中" * 50_000, "e\u0301" * 50_000):
        measured[0] = 0
        lines = list(wrap_lines(word, 56))
        assert "".join(word[start:end] for start, end in lines) == word
        assert measured[0] <= 4 * len(word), f"{measured[0]:,} characters measured to wrap {len(word):,}"
