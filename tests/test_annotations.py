"""`export --format annotations`: the quoted facts as W3C Web Annotations (JSON-LD), each
anchored in the article by a TextQuoteSelector and a TextPositionSelector that both resolve
to its quote; checked against the Web Annotation Data Model's required fields."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from support import run_tui

from tui.core.annotations import annotations_json
from tui.core.copy_text import COPY_COMMANDS
from tui.core.model import Dataset
from tui.core.provenance import note_text

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PURPOSES = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting", "identifying"}


def quoted_fact_count(dataset: Dataset) -> int:
    """Every fact with a quote: the programme's, the ceremony's, its quoted totals, each firm's."""
    facts = [fact for fact in dataset.all_facts() if fact.derivation is None and fact.quotes]
    return len(facts) + 1 + sum(1 for group in dataset.ceremony.groups if group.quote is not None)


def check_annotation(annotation: dict[str, Any], article: str, source: str) -> list[dict[str, Any]]:
    """The model's MUSTs for an annotation on text: id (an IRI), type, at least one target;
    TextualBody with a value; a selector's required keys. Returns its targets."""
    assert isinstance(annotation["id"], str) and ":" in annotation["id"] and " " not in annotation["id"]
    assert annotation["type"] == "Annotation"
    assert annotation["motivation"] in PURPOSES
    bodies = annotation["body"]
    assert bodies and all(body["type"] == "TextualBody" and isinstance(body["value"], str) for body in bodies)
    assert all(body["purpose"] in PURPOSES for body in bodies)
    targets = annotation["target"] if isinstance(annotation["target"], list) else [annotation["target"]]
    assert targets
    for target in targets:
        assert target["type"] == "SpecificResource" and target["source"] == source
        quote_selector, position = target["selector"]
        assert quote_selector["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        exact, start, end = quote_selector["exact"], position["start"], position["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(article)
        # Both selectors find the same words: by position, and by quote with its context.
        assert article[start:end] == exact
        anchored = quote_selector["prefix"] + exact + quote_selector["suffix"]
        assert article.count(anchored) == 1
        assert article.index(anchored) + len(quote_selector["prefix"]) == start
    return targets


def test_export_annotations_is_one_annotation_per_quoted_fact(dataset: Dataset) -> None:
    result = run_tui("export", "--format", "annotations")
    assert result.status == 0 and result.err == ""
    document = json.loads(result.out)
    article = dataset.source.text
    digest = base64.urlsafe_b64encode(hashlib.sha256(article.encode("utf-8")).digest()).decode().rstrip("=")
    source = f"ni:///sha-256;{digest}"
    assert document["@context"] == ANNO_CONTEXT
    assert document["type"] == "AnnotationCollection" and document["label"] == dataset.source.title
    page = document["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    items = page["items"]
    assert document["total"] == len(items) == quoted_fact_count(dataset) == dataset.quote_count()
    assert len({item["id"] for item in items}) == len(items)
    exact = [target["selector"][0]["exact"] for item in items for target in check_annotation(item, article, source)]
    quoted = {quote.text for fact in dataset.all_facts() for quote in fact.quotes}
    assert quoted <= set(exact)


def test_values_are_the_bodies_and_notes_are_labelled_comments(dataset: Dataset) -> None:
    document = json.loads(annotations_json(dataset, dataset.firms))
    items = {item["label"]: item for item in document["first"]["items"]}
    jobs = items["OASES programme: Jobs"]
    assert jobs["body"] == [
        {"type": "TextualBody", "purpose": "describing", "format": "text/plain", "value": "Approximately 17,000 job opportunities"}
    ]
    iflytek = dataset.firm("iflytek")
    assert iflytek is not None
    investment = next(fact for fact in iflytek.facts if fact.label == "Investment")
    bodies = items["iFLYTEK: Investment"]["body"]
    assert [body["purpose"] for body in bodies] == ["describing", "commenting"]
    assert bodies[0]["value"] == investment.value
    assert bodies[1]["value"] == note_text(investment) and bodies[1]["value"].startswith("Editor’s note: ")


def test_derived_totals_are_not_annotations(dataset: Dataset) -> None:
    document = json.loads(annotations_json(dataset, dataset.firms))
    labels = [item["label"] for item in document["first"]["items"]]
    assert "Ceremony: From mainland China" in labels and "Ceremony: Firms signed" in labels
    assert not any("abroad" in label or "Named in the article" in label for label in labels)


def test_a_firm_export_keeps_the_summary_and_only_that_firm(dataset: Dataset) -> None:
    result = run_tui("export", "--format", "annotations", "--firm", "prophesee")
    assert result.status == 0
    labels = [item["label"] for item in json.loads(result.out)["first"]["items"]]
    firms = {label.split(":")[0] for label in labels} - {"OASES programme", "Ceremony"}
    assert firms == {"Prophesee"}
    assert "Prophesee: Origin" in labels and "Prophesee: Sector" not in labels  # the article is silent on its sector


def test_the_palette_copies_annotations_of_the_listed_firms(dataset: Dataset) -> None:
    command = next(command for command in COPY_COMMANDS if command.title == "Copy as Web Annotations")
    copied = command.make(dataset, None, dataset.firms[:2])
    assert copied is not None
    assert copied.text == annotations_json(dataset, dataset.firms[:2])
    assert json.loads(copied.text)["@context"] == ANNO_CONTEXT
