"""The copy and export formats: what they say about the bundled dataset, and that no data can break them."""

from __future__ import annotations

import csv
import io
import json
import re
import sys

import pytest
from support import make_firm, naughty_strings

from tui.core import formats, safe_output
from tui.core.characters import BIDI_CONTROLS
from tui.core.formats import (
    CSV_HEADER,
    EXPORT_SCHEMA_VERSION,
    export,
    fact_text,
    firm_json,
    firm_markdown,
    firm_text,
    firms_csv,
    firms_markdown_table,
    summary_markdown,
    summary_text,
)
from tui.core.model import Ceremony, Count, Dataset, Derivation, Fact, Firm, Group, Programme, Quote, Source
from tui.core.safe_output import clean, markdown_escape
from tui.core.summary import summary_sections

SOURCE = "Source: News article on the OASES signing ceremony with 17 firms"
INVESTMENT = (
    "Investment: Tao Xiaodong announced that iFlytek would invest HK$4 million in Hong Kong over the next five years"
    " — “announced that iFlytek would invest HK$4 million in Hong Kong over the next five years”"
)

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]")
"""What must never reach a copy or an export from the data (newlines are checked separately)."""


def control_free(text: str) -> bool:
    return CONTROL.search(text.replace("\n", "")) is None


# ---------------------------------------------------------------------------
# The bundled dataset


def test_firm_text_reads_like_a_document(dataset: Dataset) -> None:
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None
    lines = firm_text(dataset, iflytek).split("\n")
    assert lines[0] == "iFLYTEK"
    assert lines[1] == "Also written: iFlytek"  # the label the detail pane shows
    assert lines[2] == "Origin: Chinese — “iFLYTEK, a Chinese artificial intelligence giant”"
    # The editor's note on the origin: on a line of its own, set in and labelled, apart from the quote.
    assert lines[3] == f"  Editor’s note: {iflytek.origin.note}"
    assert lines[4] == "Sector: Artificial intelligence — “a Chinese artificial intelligence giant”"
    assert (
        "Person: Tao Xiaodong, CEO of Xunfei Healthcare, a subsidiary of iFlytek"
        " — “Tao Xiaodong, CEO of Xunfei Healthcare, a subsidiary of iFlytek”" in lines
    )
    assert "Subsidiary: Xunfei Healthcare — “Xunfei Healthcare, a subsidiary of iFlytek”" in lines
    assert INVESTMENT in lines
    assert lines[-1] == SOURCE
    # One line per fact the detail pane shows and per note, plus the heading, the aliases and the source.
    notes = [fact for fact in iflytek.fact_rows() if fact.note is not None]
    assert [fact.label for fact in notes] == ["Origin", "Investment"]
    assert len(lines) == len(iflytek.fact_rows()) + len(notes) + 3


def test_a_silent_article_reads_not_stated(dataset: Dataset) -> None:
    digital_domain = dataset.firm("digital-domain")
    assert digital_domain is not None
    text = firm_text(dataset, digital_domain)
    assert "Sector: not stated in the source\n" in text
    assert "Also written" not in text  # the article spells it one way only
    assert text.endswith("\n" + SOURCE)


def test_fact_text_names_what_the_fact_is_about(dataset: Dataset) -> None:
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None
    investment = next(fact for fact in iflytek.facts if fact.label == "Investment")
    assert fact_text(dataset, iflytek, investment) == (
        "iFLYTEK — Investment: Tao Xiaodong announced that iFlytek would invest HK$4 million in Hong Kong over the next five years\n"
        "“announced that iFlytek would invest HK$4 million in Hong Kong over the next five years”\n"
        "Editor’s note: The figure as the article prints it, not checked against other sources: verify it before quoting it.\n" + SOURCE
    )
    assert fact_text(dataset, None, dataset.programme.facts[0]) == (
        "OASES programme — Set up: 2022\n“since the establishment of OASES in 2022”\n" + SOURCE
    )
    speaker = next(fact for fact in dataset.ceremony.facts if fact.label == "Speaker")
    assert fact_text(dataset, None, speaker).startswith(
        "Ceremony — Speaker: Paul Chan, the city’s financial chief\n"
        "“The city’s financial chief, Paul Chan, gave a speech during the ceremony”\n"
    )
    prophesee = dataset.firm("prophesee")
    assert prophesee is not None
    assert fact_text(dataset, prophesee, prophesee.sector) == "Prophesee — Sector: not stated in the source\n" + SOURCE


def test_summary_text(dataset: Dataset) -> None:
    """The summary copies say what the summary pane shows (tui.core.summary), each fact with its quote."""
    text = summary_text(dataset)
    lines = text.split("\n")
    assert lines[:6] == [
        "Key figures",
        "Firms signed: 17: 15 mainland China, 2 abroad; 8 named — derived: 17 signed (quoted); 15 mainland China (quoted);"
        " 2 abroad = 17 signed − 15 from mainland China; 8 named in the article",
        "Companies attracted: "
        + next(str(f.value) for f in dataset.programme.facts if f.label == "Companies attracted")
        + " — “a total of 67 strategic companies have been attracted to set up new offices or expand their business in Hong Kong”",
        next(line for line in lines if line.startswith("Expected investment:")),
        next(line for line in lines if line.startswith("Jobs:")),
        next(line for line in lines if line.startswith("Speaker:")),
    ]
    assert lines[lines.index("OASES: Office for Attracting Strategic Enterprises") - 1] == ""
    assert "Firms signed: 17 — “agreements were signed with representatives of these 17 firms”" in lines
    assert "From mainland China: 15 — “The companies involved in this deal include 15 firms from mainland China”" in lines
    # The totals the article never states are derived, and say so where a quote would be.
    assert "From abroad: 2 — derived: 17 signed − 15 from mainland China" in lines
    assert "Named in the article: 8 of 17 (the other 9 are not named in the source) — derived: 17 signed − 8 named" in lines
    assert not any(line.startswith("From abroad") and "“" in line for line in lines)
    assert (
        "Speaker: Paul Chan, the city’s financial chief — “The city’s financial chief, Paul Chan, gave a speech during the ceremony”"
    ) in lines
    for fact in (*dataset.programme.facts, *dataset.ceremony.facts):
        assert fact.quote is not None
        assert f"{fact.label}: {fact.value} — “{fact.quote.text}”" in lines
    assert lines[lines.index("Signing ceremony") - 1] == ""
    assert lines[-1] == SOURCE


def test_summary_copies_and_pane_share_one_definition(dataset: Dataset) -> None:
    """Every fact the summary pane lists is a line of the text copy and an item of the Markdown copy."""
    text, markdown = summary_text(dataset).split("\n"), summary_markdown(dataset)
    for title, facts in summary_sections(dataset):
        assert title in text
        for fact in facts:
            assert any(line.startswith(f"{fact.label}: {fact.value}") for line in text)
            assert f"- **{fact.label}:**" in markdown


def test_summary_markdown(dataset: Dataset) -> None:
    text = summary_markdown(dataset)
    assert text.startswith("## Key figures\n\n- **Firms signed:** 17: 15 mainland China, 2 abroad")
    assert (
        "\n### OASES: Office for Attracting Strategic Enterprises\n\n- **Set up:** 2022 — “since the establishment of OASES in 2022”\n"
    ) in text
    assert "\n### Signing ceremony\n" in text
    assert "\n- **Firms signed:** 17 — “agreements were signed with representatives of these 17 firms”\n" in text
    assert "\n- **From mainland China:** 15 — “The companies involved in this deal include 15 firms from mainland China”\n" in text
    assert "\n- **Named in the article:** 8 of 17 (the other 9 are not named in the source) — derived: 17 signed − 8 named\n" in text
    assert "\n- **From abroad:** 2 — derived: 17 signed − 15 from mainland China\n" in text
    assert "Around HK\\$42 billion" in text  # a bare $ pair would be maths on GitHub
    assert text.endswith("\nSource: *News article on the OASES signing ceremony with 17 firms*")


def test_firm_markdown(dataset: Dataset) -> None:
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None
    lines = firm_markdown(dataset, iflytek).split("\n")
    assert lines[:4] == [
        "## iFLYTEK",
        "",
        "- **Also written:** iFlytek",
        "- **Origin:** Chinese — “iFLYTEK, a Chinese artificial intelligence giant”",
    ]
    # An editor's note is a nested item in italics, labelled: apart from the article's words.
    assert lines[4] == f"  - *Editor’s note: {iflytek.origin.note}*"
    assert (
        "- **Investment:** Tao Xiaodong announced that iFlytek would invest HK\\$4 million in Hong Kong over the next five years"
        " — “announced that iFlytek would invest HK\\$4 million in Hong Kong over the next five years”"
    ) in lines
    digital_domain = dataset.firm("digital-domain")
    assert digital_domain is not None
    assert "- **Sector:** *not stated in the source*" in firm_markdown(dataset, digital_domain).split("\n")


def test_firm_json_ties_every_fact_to_the_article(dataset: Dataset) -> None:
    article = dataset.source.text
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None
    document = json.loads(firm_json(dataset, iflytek))
    assert document["schema_version"] == EXPORT_SCHEMA_VERSION
    assert document["source"] == {"title": dataset.source.title}
    [firm] = document["firms"]
    assert firm["id"] == "iflytek"
    assert firm["name"] == "iFLYTEK"
    assert firm["aliases"] == ["iFlytek"]
    assert firm["group"] == {"id": "mainland", "label": "mainland China"}
    assert firm["people"][0]["name"] == "Tao Xiaodong"
    assert firm["subsidiaries"][0]["name"] == "Xunfei Healthcare"
    investment = next(fact for fact in firm["facts"] if fact["label"] == "Investment")
    assert investment["value"] == "Tao Xiaodong announced that iFlytek would invest HK$4 million in Hong Kong over the next five years"
    assert investment["quote"] == "announced that iFlytek would invest HK$4 million in Hong Kong over the next five years"
    quoted = [firm["origin"], firm["sector"], *firm["people"], *firm["subsidiaries"], *firm["facts"]]
    assert len(quoted) == len(iflytek.fact_rows())
    for item in quoted:
        span, sentence = item["span"], item["sentence"]
        assert article[span["start"] : span["end"]] == item["quote"]
        assert sentence["start"] <= span["start"] < span["end"] <= sentence["end"]


def test_json_says_null_where_the_article_is_silent(dataset: Dataset) -> None:
    prophesee = dataset.firm("prophesee")
    assert prophesee is not None
    [firm] = json.loads(firm_json(dataset, prophesee))["firms"]
    assert firm["sector"] == {
        "label": "Sector",
        "value": None,
        "quote": None,
        "span": None,
        "sentence": None,
        "more_quotes": [],
        "derived": None,
        "note": None,
    }


def test_json_carries_the_notes_and_the_derived_totals(dataset: Dataset) -> None:
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None
    document = json.loads(firm_json(dataset, iflytek))
    [firm] = document["firms"]
    investment = next(fact for fact in firm["facts"] if fact["label"] == "Investment")
    assert investment["note"] == "The figure as the article prints it, not checked against other sources: verify it before quoting it."
    assert firm["origin"]["note"] == iflytek.origin.note
    totals = document["ceremony"]
    assert totals["signed"]["count"] == 17 and totals["signed"]["quote"] == dataset.ceremony.signed.quote.text
    assert totals["named"] == 8
    assert totals["unnamed"] == {"count": 9, "derived": {"how": "17 signed − 8 named", "from": ["ceremony.signed", "ceremony.named"]}}
    mainland, abroad = totals["groups"]
    assert mainland["count"] == 15 and mainland["derived"] is None and "15 firms" in mainland["quote"]
    assert abroad["count"] == 2 and abroad["quote"] is None
    assert abroad["derived"] == {"how": "17 signed − 15 from mainland China", "from": ["ceremony.signed", "ceremony.groups[0]"]}


def test_csv(dataset: Dataset) -> None:
    rows = list(csv.reader(io.StringIO(firms_csv(dataset, dataset.firms), newline="")))
    assert rows[0] == list(CSV_HEADER)
    assert [row[0] for row in rows[1:]] == [firm.id for firm in dataset.firms]
    assert dict(zip(rows[0], rows[1])) == {
        "id": "iflytek",
        "name": "iFLYTEK",
        "aliases": "iFlytek",
        "group": "mainland China",
        "origin": "Chinese",
        "sector": "Artificial intelligence",
        "people": "Tao Xiaodong (CEO of Xunfei Healthcare, a subsidiary of iFlytek)",
        "subsidiaries": "Xunfei Healthcare",
        "facts": rows[1][8],
        "notes": f"Origin: Editor’s note: {dataset.firms[0].origin.note}; Investment: Editor’s note: "
        "The figure as the article prints it, not checked against other sources: verify it before quoting it.",
    }
    assert dict(zip(rows[0], rows[2]))["notes"] == ""
    # The facts column holds the facts themselves, each with its quote, not a count.
    iflytek = dataset.firms[0]
    assert rows[1][8].startswith("Investment: Tao Xiaodong announced that iFlytek would invest HK$4 million")
    assert "; Signed: Among the companies that signed — “Among these companies is iFLYTEK”; US sanctions: " in rows[1][8]
    assert all(f"{fact.label}: " in rows[1][8] for fact in iflytek.facts)
    assert "Investment: Tao Xiaodong announced that iFlytek would invest HK$4 million" in rows[1][8]
    assert dict(zip(rows[0], rows[7]))["sector"] == "not stated in the source"


def test_markdown_table(dataset: Dataset) -> None:
    lines = firms_markdown_table(dataset, dataset.firms).split("\n")
    assert lines[0] == "| Firm | ID | Also written | Group | Origin | Sector | People | Subsidiaries | Facts | Notes |"
    assert lines[1] == "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    assert lines[2].startswith("| iFLYTEK | iflytek | iFlytek | mainland China | Chinese | Artificial intelligence | Tao Xiaodong")
    assert len(lines) == 2 + len(dataset.firms)
    assert all(line.count("|") == 11 for line in lines)


def test_export_text_and_markdown_name_the_source_once(dataset: Dataset) -> None:
    text = export(dataset, dataset.firms, "text")
    blocks = text.rstrip("\n").split("\n\n")
    assert [block.split("\n")[0] for block in blocks[:-1]] == [firm.name for firm in dataset.firms]
    assert blocks[0] == firm_text(dataset, dataset.firms[0]).rsplit("\n", 1)[0]
    assert blocks[-1] == SOURCE
    assert text.count("Source:") == 1 and text.endswith("\n")
    markdown = export(dataset, dataset.firms, "markdown")
    assert markdown.count("\n## ") == len(dataset.firms) - 1 and markdown.startswith("## iFLYTEK\n")
    assert markdown.endswith("\n\nSource: *News article on the OASES signing ceremony with 17 firms*\n")


def test_export_json_and_csv(dataset: Dataset) -> None:
    document = json.loads(export(dataset, dataset.firms, "json"))
    assert set(document) == {"schema_version", "source", "ceremony", "firms"}
    assert [firm["id"] for firm in document["firms"]] == [firm.id for firm in dataset.firms]
    assert export(dataset, dataset.firms, "csv") == firms_csv(dataset, dataset.firms)


def test_export_of_no_firms_is_still_valid(dataset: Dataset) -> None:
    assert json.loads(export(dataset, [], "json"))["firms"] == []
    assert list(csv.reader(io.StringIO(export(dataset, [], "csv")))) == [list(CSV_HEADER)]
    assert export(dataset, [], "text") == ""
    assert export(dataset, [], "markdown") == ""
    with pytest.raises(ValueError, match="unknown export format"):
        export(dataset, [], "xml")


# ---------------------------------------------------------------------------
# Any data at all


def quote(text: str) -> Quote:
    return Quote(text, 3, 9, 0, 12)


def firm_of(index: int, text: str) -> Firm:
    """A firm whose every string is ``text``."""
    return make_firm(
        text,
        id=f"firm-{index}",
        aliases=(text, text),
        origin=text,
        people=[(text, text)],
        subsidiaries=[text],
        facts=[(text, text), (text, None)],
        quote=quote(text),
    )


def make_dataset(strings: list[str]) -> Dataset:
    """A dataset whose firms (one per string) and every other string are the given ones."""
    first = strings[0]
    return Dataset(
        schema_version=1,
        path="generated.toml",
        source=Source(first, "article"),
        programme=Programme(first, first, (Fact(first, first, quote(first), note=first),)),
        ceremony=Ceremony(
            signed=Count(len(strings), quote(first)),
            named=len(strings),
            unnamed=0,
            groups=(Group("g", first, len(strings), quote(first)),),
            facts=(
                Fact(first, first, quote(first)),
                Fact(first, None, None),
                Fact(first, first, None, derivation=Derivation(first, (first,), (quote(first),))),
            ),
        ),
        firms=tuple(firm_of(index, text) for index, text in enumerate(strings)),
    )


NAUGHTY = naughty_strings()
PLAIN_NAUGHTY = [text for text in NAUGHTY if not CONTROL.search(text)]
HOSTILE = [
    "Roses are \x1b[0;31mred\x1b[0m",
    "\x1b]0;pwned\x07title",
    "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\",
    "\x1bPdevice control\x1b\\ after",
    "\x9b31mC1 red",
    "line\nbreak\r\nand\ttab\x0bvt",
    "nul\x00 del\x7f bell\x07 backspace\x08",
    "\u202egnp.exe\u202c and \u2066isolate\u2069",
    "lone surrogate \ud800 here",
]


def test_naughty_strings_corpus_is_all_there() -> None:
    assert len(NAUGHTY) == 515
    assert len(PLAIN_NAUGHTY) > 480


def test_naughty_strings_round_trip_through_json_unchanged() -> None:
    # JSON escapes what it must, so even the strings with control characters come back exactly.
    strings = NAUGHTY + HOSTILE
    dataset = make_dataset(strings)
    document = json.loads(export(dataset, dataset.firms, "json"))
    assert document["source"]["title"] == strings[0]
    for text, firm in zip(strings, document["firms"]):
        assert firm["name"] == text
        assert firm["aliases"] == [text, text]
        assert firm["origin"]["value"] == text
        spans = {"span": {"start": 3, "end": 9}, "sentence": {"start": 0, "end": 12}}
        assert firm["people"] == [{"name": text, "role": text, "quote": text, **spans}]
        assert firm["subsidiaries"][0]["name"] == text
        assert firm["facts"][0]["label"] == text and firm["facts"][0]["value"] == text and firm["facts"][0]["quote"] == text
        assert firm["facts"][1]["value"] is None
    assert len(document["firms"]) == len(strings)


def test_naughty_strings_round_trip_through_csv_unchanged() -> None:
    dataset = make_dataset(PLAIN_NAUGHTY)
    rows = list(csv.reader(io.StringIO(firms_csv(dataset, dataset.firms), newline="")))
    assert rows[0] == list(CSV_HEADER)
    assert len(rows) == len(PLAIN_NAUGHTY) + 1
    for text, row in zip(PLAIN_NAUGHTY, rows[1:]):
        cells = dict(zip(CSV_HEADER, row))
        assert cells["name"] == text
        assert cells["aliases"] == f"{text}; {text}"
        assert cells["origin"] == text
        assert cells["people"] == f"{text} ({text})"
        assert cells["subsidiaries"] == text


def test_clean_leaves_ordinary_text_alone() -> None:
    for text in PLAIN_NAUGHTY:
        assert clean(text) is text


def test_clean_may_return_printable_text_at_once() -> None:
    """clean() returns a printable string at once: right only if its patterns match no printable character."""
    printable = "".join(char for char in map(chr, range(sys.maxunicode + 1)) if char.isprintable())
    for pattern in (safe_output._ESCAPE_SEQUENCE, safe_output._SPACE_LIKE, safe_output._CONTROL, safe_output._SURROGATE):
        assert re.search(pattern, printable) is None, pattern


@pytest.mark.parametrize(
    ("dirty", "cleaned"),
    [
        ("Roses are \x1b[0;31mred\x1b[0m, violets", "Roses are red, violets"),
        ("\x1b]0;pwned\x07title", "title"),
        ("\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x1bPdevice control\x1b\\ after", " after"),
        ("\x1b7saved\x1b8", "saved"),
        ("\x9b31mC1 red", "C1 red"),
        ("line\nbreak\r\nand\ttab", "line break and tab"),
        ("nul\x00 del\x7f bell\x07 backspace\x08", "nul del bell backspace"),
        ("\u202egnp.exe\u202c", "gnp.exe"),
        ("lone \ud800", "lone \ufffd"),
    ],
)
def test_clean_removes_what_acts_on_a_terminal(dirty: str, cleaned: str) -> None:
    assert clean(dirty) == cleaned


def every_output(dataset: Dataset) -> dict[str, str]:
    firm = dataset.firms[0]
    fact = firm.facts[0]
    return {
        "firm_text": firm_text(dataset, firm),
        "fact_text": fact_text(dataset, firm, fact),
        "fact_text programme": fact_text(dataset, None, dataset.programme.facts[0]),
        "summary_text": summary_text(dataset),
        "summary_markdown": summary_markdown(dataset),
        "firm_markdown": firm_markdown(dataset, firm),
        "firm_json": firm_json(dataset, firm),
        "firms_csv": firms_csv(dataset, dataset.firms),
        "firms_markdown_table": firms_markdown_table(dataset, dataset.firms),
        **{f"export {fmt}": export(dataset, dataset.firms, fmt) for fmt in formats.FORMATS},
    }


@pytest.mark.parametrize("text", HOSTILE + [t for t in NAUGHTY if CONTROL.search(t)], ids=repr)
def test_control_characters_in_the_data_never_reach_the_output(text: str) -> None:
    dataset = make_dataset([text, "plain", text])
    for name, output in every_output(dataset).items():
        assert control_free(output), f"{name}: {output!r}"
        assert "\ud800" not in output, name
        output.encode("utf-8")  # every output can be written to a file or a pipe
        if "json" not in name and "annotations" not in name:  # JSON keeps the string exactly, its controls escaped as \\u001b
            assert "[0;31m" not in output and "pwned" not in output and "evil.example" not in output, name
    # A data string never adds a line: the firm's text has as many lines as for a plain name.
    plain = make_dataset(["plain"] * 3)
    assert firm_text(dataset, dataset.firms[0]).count("\n") == firm_text(plain, plain.firms[0]).count("\n")
    assert firms_csv(dataset, dataset.firms).count("\n") == 4


LINE_BREAKS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r", "\n", "\r\n"]
"""Every way str.splitlines (and so any line-based reader in Python) ends a line."""


@pytest.mark.parametrize("separator", LINE_BREAKS, ids=repr)
def test_a_line_break_in_a_data_string_is_a_space_in_every_line_based_format(separator: str) -> None:
    """Text, Markdown and CSV read as if the data had a space there: never an extra line or a split row."""
    broken = make_dataset([f"Acme{separator}Corp", "plain", f"two{separator}{separator}lines"])
    spaced = make_dataset(["Acme Corp", "plain", "two lines"])
    for (name, output), expected in zip(every_output(broken).items(), every_output(spaced).values()):
        if "json" in name or "annotations" in name:
            continue  # JSON keeps every string exactly, U+2028 and U+2029 escaped
        assert output == expected, name
        assert output.splitlines() == expected.splitlines(), name
    rows = list(csv.reader(io.StringIO(firms_csv(broken, broken.firms), newline="")))
    assert len(rows) == 4 and len(firms_csv(broken, broken.firms).splitlines()) == 4


def test_markdown_table_never_breaks() -> None:
    strings = ["a | b", "a \\| b", "trailing \\", "line\nbreak", "|", "`code | span`", *PLAIN_NAUGHTY]
    dataset = make_dataset(strings)
    lines = firms_markdown_table(dataset, dataset.firms).split("\n")
    assert len(lines) == len(strings) + 2
    unescaped_pipe = re.compile(r"(?<!\\)(?:\\\\)*\|")
    for line in lines:
        assert len(unescaped_pipe.findall(line)) == 11, line


def test_markdown_escaping_keeps_the_meaning() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])

    def inline_text(tokens: list) -> str:  # type: ignore[type-arg]
        return "".join(token.content for token in tokens if token.type in ("text", "code_inline"))

    for text in PLAIN_NAUGHTY + ["a | b", "HK$4 and HK$5", "# not a heading #", "[link](http://x)", "&amp;", "*em* __strong__ ~~del~~"]:
        escaped = markdown_escape(text)
        [paragraph] = [token for token in parser.parse(f"x {escaped} x") if token.type == "inline"]
        assert inline_text(paragraph.children) == f"x {text} x", repr(text)
        heading = parser.parse(f"## {escaped}")
        assert heading[0].type == "heading_open" and inline_text(heading[1].children) == text.strip(), repr(text)
        table = parser.parse(f"| a | b |\n| --- | --- |\n| {escaped} | z |\n")
        cells = [inline_text(table[i + 1].children) for i, token in enumerate(table) if token.type == "td_open"]
        assert cells == [text.strip(), "z"], repr(text)
