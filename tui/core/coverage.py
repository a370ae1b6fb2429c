"""Which facts rest on each sentence of the article, and which sentences no fact quotes.

The source pane's sentence cursor ("cited by: iFLYTEK · Origin, Sector"), its
title ("15 of 16 sentences cited") and ``oases-tui coverage`` all read
:func:`coverage`, over the sentences the loader found once
(:attr:`tui.core.model.Dataset.sentences`). A fact cites every sentence its
quote touches, so a quote spanning two sentences cites both. The summary's facts
are those the summary pane shows (:func:`tui.core.summary.summary_sections`).
"""

from __future__ import annotations

from tui import TYPE_CHECKING
from tui.core.model import Dataset, Fact, Firm
from tui.core.records import NamedTuple
from tui.core.summary import summary_sections

if TYPE_CHECKING:
    from typing import Optional

SUMMARY = "Summary"
"""The owner named for the programme's and the ceremony's facts."""


class Citation(NamedTuple):
    """One fact quoting a sentence: the firm it belongs to (``None``: a summary fact), and where it is listed."""

    firm: Optional[Firm]
    fact: Fact
    row: int
    """Its place in the firm's ``fact_rows()``, or among the summary's facts (sections in order)."""

    @property
    def owner(self) -> str:
        return self.firm.name if self.firm is not None else SUMMARY


class SentenceCoverage(NamedTuple):
    position: int
    """Its place among the article's sentences, from 0."""
    start: int
    end: int
    citations: tuple[Citation, ...]

    @property
    def cited(self) -> bool:
        return bool(self.citations)


def _citations(dataset: Dataset) -> list[Citation]:
    citations: list[Citation] = []
    summary_facts = [fact for section in summary_sections(dataset) for fact in section.facts]
    citations.extend(Citation(None, fact, row) for row, fact in enumerate(summary_facts))
    for firm in dataset.firms:
        citations.extend(Citation(firm, fact, row) for row, fact in enumerate(firm.fact_rows()))
    return citations


def coverage(dataset: Dataset) -> list[SentenceCoverage]:
    """Every sentence of the article, in order, with the facts that quote it (firms first, then the summary)."""
    sentences = dataset.sentences
    citing: list[list[Citation]] = [[] for _ in sentences.spans]
    for citation in _citations(dataset):
        for quote in citation.fact.quotes if sentences.spans else ():  # a derived fact quotes nothing: it cites nothing
            first, last = sentences.covering(quote.start, quote.end)
            for index in range(first, last + 1):
                if not citing[index] or citing[index][-1] is not citation:  # two quotes in one sentence: cited once
                    citing[index].append(citation)
    return [
        SentenceCoverage(index, start, end, tuple(sorted(found, key=lambda c: c.firm is None)))
        for index, ((start, end), found) in enumerate(zip(sentences.spans, citing))
    ]


def cited_by_line(citations: tuple[Citation, ...]) -> str:
    """``iFLYTEK · Origin, Sector; Summary · Signed``: the owners in order, each with its facts' labels."""
    owners: dict[str, list[str]] = {}
    for citation in citations:
        labels = owners.setdefault(citation.owner, [])
        if citation.fact.label not in labels:
            labels.append(citation.fact.label)
    return "; ".join(f"{owner} · {', '.join(labels)}" for owner, labels in owners.items())


def coverage_line(sentences: list[SentenceCoverage]) -> str:
    cited = sum(1 for sentence in sentences if sentence.cited)
    return f"{cited} of {len(sentences)} sentences cited"


def coverage_text(dataset: Dataset, sentences: list[SentenceCoverage]) -> str:
    """Each sentence, numbered, then who cites it or ``NOT CITED``; uncited ones also carry ``!`` in the margin."""
    from tui.core.problems import visible
    from tui.core.safe_output import clean

    text = dataset.source.text
    lines = [f"{visible(dataset.path)}: {coverage_line(sentences)}", ""]
    for sentence in sentences:
        mark = " " if sentence.cited else "!"
        lines.append(f"{mark} {sentence.position + 1:>3}  {clean(text[sentence.start : sentence.end])}")
        who = clean(cited_by_line(sentence.citations)) if sentence.cited else "NOT CITED by any fact"
        lines.append(f"       {'cited by: ' if sentence.cited else ''}{who}")
    return "\n".join(lines) + "\n"


def coverage_json(dataset: Dataset, sentences: list[SentenceCoverage]) -> str:
    import json

    text = dataset.source.text
    document = {
        "file": dataset.path,
        "sentences": len(sentences),
        "cited": sum(1 for sentence in sentences if sentence.cited),
        "coverage": [
            {
                "number": sentence.position + 1,
                "start": sentence.start,
                "end": sentence.end,
                "text": text[sentence.start : sentence.end],
                "cited": sentence.cited,
                "cited_by": [
                    {"firm": c.firm.id if c.firm is not None else None, "owner": c.owner, "label": c.fact.label} for c in sentence.citations
                ],
            }
            for sentence in sentences
        ],
    }
    from tui.core.safe_output import json_safe  # the export's escaping of what a terminal would act on

    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
