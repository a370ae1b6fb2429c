"""Copies and exports: the one place that turns facts into text for other programs.

The app's copy keys and ``oases-tui export`` both call these functions, so a
pasted firm and an exported one always read the same. Every format carries the
quotes behind the facts and names the source.

Whatever the data holds, the output never carries a control character or a
terminal escape sequence taken from it: text, Markdown and CSV pass every data
string through :func:`clean`; JSON escapes such characters as ``\\uXXXX`` (so it
still gives back every string exactly). Nothing here imports Textual.

``oases-tui export`` starts anew for every run, so this module keeps its import
light: :mod:`csv` and :mod:`json` are imported by the formats that write them,
and the patterns below are plain strings that :mod:`re` compiles (and caches)
the first time one is used (see :mod:`tui.core.characters`): most runs need
none of them, since every character they act on is unprintable and data
strings rarely hold one.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

from tui import TYPE_CHECKING
from tui.core.characters import BIDI, C0_C1, LINE_BREAKS, LINE_SEPARATORS, SURROGATE
from tui.core.model import ALIASES_LABEL, NOT_STATED_TEXT, Dataset, Derivation, Fact, Firm, Quote
from tui.core.provenance import note_text, provenance_text
from tui.core.summary import summary_sections, unnamed_fact

if TYPE_CHECKING:
    from typing import Any, Optional

FORMATS = ("text", "markdown", "json", "csv", "annotations")
"""The formats :func:`export` writes, in the order ``--format`` lists them."""

EXPORT_SCHEMA_VERSION = 1
"""The version of the JSON export's shape (not of the dataset file)."""

CSV_HEADER = ("id", "name", "aliases", "group", "origin", "sector", "people", "subsidiaries", "facts", "notes")
"""The columns of :func:`firms_csv`; ``facts`` holds the firm's other facts, each
``Label: value — “quote”``, joined by "; " (origin, sector, people and subsidiaries have their own);
``notes`` holds the editor's notes on any of its facts, each labelled "Editor's note" (they are not the article's)."""

_TABLE_HEADER = ("Firm", "ID", ALIASES_LABEL, "Group", "Origin", "Sector", "People", "Subsidiaries", "Facts", "Notes")

_ESCAPE_SEQUENCE = r"""(?x)
      \x1b\[ [0-?]* [ -/]* [@-~]?                     # CSI: colours, cursor moves
    | \x1b[\]PX^_] [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)?  # OSC, DCS, SOS, PM, APC up to BEL or ST
    | \x1b [ -/]* [0-~]?                              # any other ESC sequence
    | \x9b [0-?]* [ -/]* [@-~]?                       # C1 CSI
    | [\x90\x98\x9d\x9e\x9f] [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)?  # C1 string controls
"""
_SPACE_LIKE = f"[\t{LINE_BREAKS}]+"
_CONTROL = f"[{C0_C1}{BIDI}]"
_SURROGATE = SURROGATE

_JSON_UNSAFE = "[\x7f-\x9f" + "".join(sorted(LINE_SEPARATORS)) + "\ud800-\udfff" + BIDI + "]"
"""What json.dumps(ensure_ascii=False) leaves raw but a terminal or a JavaScript parser must not see."""

_MARKDOWN_SPECIAL = r"([\\`*_\[\]<>|~$#&])"
"""Characters that can start Markdown (or GitHub's) inline syntax; escaped, they read literally."""


# ---------------------------------------------------------------------------
# Safety


def clean(text: str) -> str:
    """``text`` with nothing in it that can act on a terminal or reorder what is around it.

    Escape sequences (ESC or C1 introduced) go entirely, parameters and all;
    tabs and every line break ``str.splitlines`` knows (newlines, U+2028 and
    U+2029 among them) become one space (a data string is one line in every
    format); every other C0 or C1 control, DEL and
    the bidirectional controls are dropped; a lone surrogate, which no file can
    hold, becomes U+FFFD. A string without any of these comes back unchanged.
    """
    if text.isprintable():
        return text  # the usual case: everything below acts on unprintable characters only
    text = re.sub(_ESCAPE_SEQUENCE, "", text)
    text = re.sub(_SPACE_LIKE, " ", text)
    text = re.sub(_CONTROL, "", text)
    return re.sub(_SURROGATE, "\ufffd", text)


def json_safe(document: str) -> str:
    """JSON text with the characters ``_JSON_UNSAFE`` names written as ``\\uXXXX`` escapes.

    They can only occur inside string literals (JSON's own syntax is ASCII), where
    the escape means exactly the same character, so ``json.loads`` is unaffected.
    """
    return re.sub(_JSON_UNSAFE, lambda match: f"\\u{ord(match.group()):04x}", document)


def markdown_escape(text: str) -> str:
    """``text`` cleaned, and escaped so Markdown shows it literally.

    Backslash escapes of ASCII punctuation always stand for the character itself
    (CommonMark), so the escaping changes how the source looks, never what it says.
    """
    return re.sub(_MARKDOWN_SPECIAL, r"\\\1", clean(text))


# ---------------------------------------------------------------------------
# Shared pieces


def _value(fact: Fact) -> str:
    return clean(fact.value) if fact.value is not None else NOT_STATED_TEXT


def _source_line(dataset: Dataset) -> str:
    return f"Source: {clean(dataset.source.title)}"


def _context(dataset: Dataset, firm: Optional[Firm], fact: Fact) -> str:
    """What a fact is about: the firm's name, the programme, or the ceremony."""
    if firm is not None:
        return clean(firm.name)
    programme, ceremony = dataset.programme.facts, dataset.ceremony.facts
    in_programme = any(candidate is fact for candidate in programme)
    if not in_programme and not any(candidate is fact for candidate in ceremony):
        in_programme = fact in programme  # an equal copy of the fact, not the object itself
    return f"{clean(dataset.programme.short_name)} programme" if in_programme else "Ceremony"


def _people(firm: Firm) -> list[str]:
    return [f"{person.name} ({person.role})" for person in firm.people]


def _group_label(dataset: Dataset, firm: Firm) -> str:
    group = dataset.ceremony.group(firm.group)
    return group.label if group is not None else firm.group


def _table_row(dataset: Dataset, firm: Firm) -> list[str]:
    """One firm as the cells of :data:`CSV_HEADER` (raw: each format cleans or escapes them)."""
    return [
        firm.id,
        firm.name,
        "; ".join(firm.aliases),
        _group_label(dataset, firm),
        firm.origin.value if firm.origin.value is not None else NOT_STATED_TEXT,
        firm.sector.value if firm.sector.value is not None else NOT_STATED_TEXT,
        "; ".join(_people(firm)),
        "; ".join(subsidiary.name for subsidiary in firm.subsidiaries),
        "; ".join(_fact_cell(fact) for fact in firm.facts),
        "; ".join(f"{fact.label}: {note_text(fact)}" for fact in firm.fact_rows() if fact.note is not None),
    ]


def _fact_cell(fact: Fact) -> str:
    """A fact in a table cell, raw like the other cells: ``Label: value — “quote”``."""
    value = fact.value if fact.value is not None else NOT_STATED_TEXT
    provenance = provenance_text(fact)
    return f"{fact.label}: {value}" + (f" — {provenance}" if provenance is not None else "")


# ---------------------------------------------------------------------------
# Plain text


NOTE_INDENT = "  "
"""How far an editor's note is set in under its fact, on a line of its own."""


def _fact_line(fact: Fact) -> str:
    """``Label: value — “quote”`` (or ``— derived: how``), or ``Label: not stated in the source``;
    an editor's note on the next line, indented, apart from the article's words."""
    line = f"{clean(fact.label)}: {_value(fact)}"
    provenance = provenance_text(fact)
    if provenance is not None:
        line += f" — {clean(provenance)}"
    note = note_text(fact)
    if note is not None:
        line += f"\n{NOTE_INDENT}{clean(note)}"
    return line


def _firm_lines(firm: Firm) -> list[str]:
    lines = [clean(firm.name)]
    if firm.aliases:
        lines.append(f"{ALIASES_LABEL}: " + ", ".join(clean(alias) for alias in firm.aliases))
    lines.extend(_fact_line(fact) for fact in firm.fact_rows())
    return lines


def firm_text(dataset: Dataset, firm: Firm) -> str:
    """A firm as plain text for a document: its name, a line per fact with its quote, the source."""
    return "\n".join([*_firm_lines(firm), _source_line(dataset)])


def fact_text(dataset: Dataset, firm: Optional[Firm], fact: Fact) -> str:
    """One fact: what it is about, the fact, its quote on the next line, the source."""
    lines = [f"{_context(dataset, firm, fact)} — {clean(fact.label)}: {_value(fact)}"]
    provenance, note = provenance_text(fact), note_text(fact)
    lines += [clean(line) for line in (provenance, note) if line is not None]
    lines.append(_source_line(dataset))
    return "\n".join(lines)


def summary_text(dataset: Dataset) -> str:
    """The summary pane as plain text (:mod:`tui.core.summary`): each section's title, a line
    per fact with its quote, a blank line between sections, and the source."""
    lines: list[str] = []
    for title, facts in summary_sections(dataset):
        lines += [*([""] if lines else []), clean(title), *(_fact_line(fact) for fact in facts)]
    return "\n".join([*lines, "", _source_line(dataset)])


# ---------------------------------------------------------------------------
# Markdown


def _fact_item(fact: Fact) -> str:
    """``- **Label:** value — “quote”`` with every data string escaped."""
    value = markdown_escape(fact.value) if fact.value is not None else f"*{NOT_STATED_TEXT}*"
    item = f"- **{markdown_escape(fact.label)}:** {value}"
    provenance = provenance_text(fact)
    if provenance is not None:
        item += f" — {markdown_escape(provenance)}"
    note = note_text(fact)
    if note is not None:
        item += f"\n  - *{markdown_escape(note)}*"  # a nested item in italics: not the article's words
    return item


def _source_markdown(dataset: Dataset) -> str:
    return f"Source: *{markdown_escape(dataset.source.title)}*"


def _firm_markdown_lines(firm: Firm) -> list[str]:
    lines = [f"## {markdown_escape(firm.name)}", ""]
    if firm.aliases:
        lines.append(f"- **{ALIASES_LABEL}:** " + ", ".join(markdown_escape(alias) for alias in firm.aliases))
    lines.extend(_fact_item(fact) for fact in firm.fact_rows())
    return lines


def firm_markdown(dataset: Dataset, firm: Firm) -> str:
    """A firm as a Markdown section: a heading, a list item per fact with its quote, the source."""
    return "\n".join([*_firm_markdown_lines(firm), "", _source_markdown(dataset)])


def summary_markdown(dataset: Dataset) -> str:
    """:func:`summary_text` as Markdown: a heading per section (the first a level higher), an item per fact."""
    lines: list[str] = []
    for title, facts in summary_sections(dataset):
        heading = "###" if lines else "##"
        lines += [*([""] if lines else []), f"{heading} {markdown_escape(title)}", "", *(_fact_item(fact) for fact in facts)]
    return "\n".join([*lines, "", _source_markdown(dataset)])


def _table_cell(text: str) -> str:
    """A table cell: escaped, so a pipe or a line break in the data can't split the row."""
    return markdown_escape(text)


def firms_markdown_table(dataset: Dataset, firms: Sequence[Firm]) -> str:
    """The firms as a GitHub-flavoured Markdown table (the columns of the CSV)."""
    lines = ["| " + " | ".join(_TABLE_HEADER) + " |", "|" + "|".join(" --- " for _ in _TABLE_HEADER) + "|"]
    for firm in firms:
        cells = _table_row(dataset, firm)
        cells[0], cells[1] = cells[1], cells[0]  # name first: it is what a reader looks for
        lines.append("| " + " | ".join(_table_cell(cell) for cell in cells) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# JSON


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _quote_json(quote: Optional[Quote]) -> dict[str, Any]:
    if quote is None:
        return {"quote": None, "span": None, "sentence": None}
    return {
        "quote": quote.text,
        "span": _span(quote.start, quote.end),
        "sentence": _span(quote.sentence_start, quote.sentence_end),
    }


def _derivation_json(derivation: Optional[Derivation]) -> Optional[dict[str, Any]]:
    return None if derivation is None else {"how": derivation.how, "from": list(derivation.rests_on)}


def _fact_json(fact: Fact) -> dict[str, Any]:
    """A fact: its quote (null for a derived fact), any more quotes, how it is derived, the editor's note."""
    return {
        "label": fact.label,
        "value": fact.value,
        **_quote_json(fact.quote),
        "more_quotes": [_quote_json(quote) for quote in fact.more_quotes],
        "derived": _derivation_json(fact.derivation),
        "note": fact.note,
    }


def _totals_json(dataset: Dataset) -> dict[str, Any]:
    """The ceremony's totals, each with its quote or how it is derived."""
    ceremony = dataset.ceremony
    unnamed = unnamed_fact(dataset).derivation
    return {
        "signed": {"count": ceremony.signed.value, **_quote_json(ceremony.signed.quote)},
        "named": len(dataset.firms),
        "unnamed": {"count": ceremony.unnamed, "derived": _derivation_json(unnamed)},
        "groups": [
            {
                "id": group.id,
                "label": group.label,
                "count": group.size,
                **_quote_json(group.quote),
                "derived": _derivation_json(group.derivation),
            }
            for group in ceremony.groups
        ],
    }


def firm_object(dataset: Dataset, firm: Firm) -> dict[str, Any]:
    """A firm as JSON-ready data: every fact with its quote and its character offsets in the article."""
    group = dataset.ceremony.group(firm.group)
    return {
        "id": firm.id,
        "name": firm.name,
        "aliases": list(firm.aliases),
        "group": {"id": firm.group, "label": group.label if group is not None else None},
        "origin": _fact_json(firm.origin),
        "sector": _fact_json(firm.sector),
        "people": [{"name": person.name, "role": person.role, **_quote_json(person.quote)} for person in firm.people],
        "subsidiaries": [{"name": subsidiary.name, **_quote_json(subsidiary.quote)} for subsidiary in firm.subsidiaries],
        "facts": [_fact_json(fact) for fact in firm.facts],
    }


def _json_document(dataset: Dataset, firms: Iterable[Firm]) -> str:
    import json

    document = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "source": {"title": dataset.source.title},
        "ceremony": _totals_json(dataset),
        "firms": [firm_object(dataset, firm) for firm in firms],
    }
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2))


def firm_json(dataset: Dataset, firm: Firm) -> str:
    """A JSON document for one firm: the shape of the JSON export, with one firm in ``firms``."""
    return _json_document(dataset, [firm])


# ---------------------------------------------------------------------------
# CSV


def firms_csv(dataset: Dataset, firms: Sequence[Firm]) -> str:
    """The firms as CSV: a header row (:data:`CSV_HEADER`), then one row per firm.

    Lists (aliases, people, subsidiaries) are joined with "; ". Rows end in "\\n";
    the csv module quotes what needs quoting, so any spreadsheet reads it back.
    """
    import csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for firm in firms:
        writer.writerow([clean(cell) for cell in _table_row(dataset, firm)])
    return out.getvalue()


# ---------------------------------------------------------------------------
# Export

SUMMARY_CSV_HEADER = ("section", "label", "value", "quote")
"""The columns of the summary as CSV: a row per fact of :func:`tui.core.summary.summary_sections`."""


def export_summary(dataset: Dataset, fmt: str) -> str:
    """The programme summary (what the summary pane shows) in one of :data:`FORMATS`, as a file's content.

    text and markdown: as the summary copies; json: ``{"schema_version", "source": {"title"},
    "summary": [{"title", "facts": [...]}]}``, each fact with its quote and offsets as in the
    firm export; csv: :data:`SUMMARY_CSV_HEADER`, a row per fact; annotations: the
    summary's quoted facts as Web Annotations (:mod:`tui.core.annotations`).
    """
    if fmt == "text":
        return summary_text(dataset) + "\n"
    if fmt == "markdown":
        return summary_markdown(dataset) + "\n"
    if fmt == "json":
        import json

        document = {
            "schema_version": EXPORT_SCHEMA_VERSION,
            "source": {"title": dataset.source.title},
            "summary": [{"title": title, "facts": [_fact_json(fact) for fact in facts]} for title, facts in summary_sections(dataset)],
        }
        return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
    if fmt == "csv":
        import csv

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(SUMMARY_CSV_HEADER)
        for title, facts in summary_sections(dataset):
            for fact in facts:
                quote = fact.quote.text if fact.quote is not None else (provenance_text(fact) or "")
                cells = [title, fact.label, fact.value if fact.value is not None else NOT_STATED_TEXT, quote]
                writer.writerow([clean(cell) for cell in cells])
        return out.getvalue()
    if fmt == "annotations":  # the programme's and the ceremony's quoted facts, no firm's
        from tui.core.annotations import annotations_json

        return annotations_json(dataset, ()) + "\n"
    raise ValueError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")


def export(dataset: Dataset, firms: Sequence[Firm], fmt: str) -> str:
    """Several firms in one of :data:`FORMATS`, as the content of a file (ending in a newline).

    text and markdown: each firm's block, separated by blank lines, then the
    source once ("" when there are no firms); json: ``{"schema_version",
    "source": {"title"}, "firms": [...]}``; csv: :func:`firms_csv`.
    """
    if fmt == "json":
        return _json_document(dataset, firms) + "\n"
    if fmt == "csv":
        return firms_csv(dataset, firms)
    if fmt == "annotations":
        from tui.core.annotations import annotations_json

        return annotations_json(dataset, firms) + "\n"
    if fmt == "text":
        blocks = ["\n".join(_firm_lines(firm)) for firm in firms]
        source = _source_line(dataset)
    elif fmt == "markdown":
        blocks = ["\n".join(_firm_markdown_lines(firm)) for firm in firms]
        source = _source_markdown(dataset)
    else:
        raise ValueError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    if not blocks:
        return ""
    return "\n\n".join([*blocks, source]) + "\n"
