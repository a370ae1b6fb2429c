"""The facts as W3C Web Annotations (JSON-LD), so other annotation tools can anchor them
in the same article: ``oases-tui export --format annotations`` and the palette's copy.

One :data:`ANNOTATION` per quoted fact (the programme's, the ceremony's, its quoted
totals, then each firm's), in an ``AnnotationCollection`` with one page. Each
annotation's target is the article with two selectors for the same words, as the
Web Annotation Data Model defines them: a ``TextQuoteSelector`` (``exact``, with up
to 32 characters of ``prefix`` and ``suffix``) and a ``TextPositionSelector``
(``start``/``end`` in code points of the article text, end exclusive). A fact with
several quotes has one target per quote. The body is the value (purpose
``describing``); an editor's note is a second body (purpose ``commenting``),
labelled as the editor's. Derived facts quote nothing, so they are not here: they
are in the JSON export with how they are derived.

The article has no address of its own in a data file, so its IRI names its exact
text: ``ni:///sha-256;…`` (RFC 6920), the SHA-256 of the article as UTF-8; a tool
holding the same text finds the same IRI.
"""

from __future__ import annotations

from tui import TYPE_CHECKING
from tui.core.provenance import note_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from tui.core.model import Dataset, Fact, Firm, Quote

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNOTATION = "Annotation"
CONTEXT_CHARACTERS = 32
"""How much of the article the ``prefix`` and ``suffix`` of a TextQuoteSelector carry."""


def article_iri(text: str) -> str:
    """The article's IRI: RFC 6920 named information, SHA-256 of its UTF-8 text, base64url without padding."""
    import base64
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).digest()
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def quoted_facts(dataset: Dataset, firms: Sequence[Firm]) -> Iterable[tuple[str, str, Fact]]:
    """(key path, what it is about, fact) for every fact with a quote, in file order."""
    from tui.core.model import Fact

    short = dataset.programme.short_name
    for index, fact in enumerate(dataset.programme.facts):
        yield f"programme.facts[{index}]", f"{short} programme", fact
    ceremony = dataset.ceremony
    yield "ceremony.signed", "Ceremony", Fact("Firms signed", str(ceremony.signed.value), ceremony.signed.quote)
    for index, group in enumerate(ceremony.groups):
        if group.quote is not None:
            yield f"ceremony.groups[{index}]", "Ceremony", Fact(f"From {group.label}", str(group.size), group.quote)
    for index, fact in enumerate(ceremony.facts):
        yield f"ceremony.facts[{index}]", "Ceremony", fact
    for firm in firms:
        for key, fact in firm.keyed_fact_rows():
            yield f"firms.{firm.id}.{key}", firm.name, fact


def _target(source: str, text: str, quote: Quote) -> dict[str, Any]:
    prefix = text[max(0, quote.start - CONTEXT_CHARACTERS) : quote.start]
    suffix = text[quote.end : quote.end + CONTEXT_CHARACTERS]
    return {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextQuoteSelector", "exact": quote.text, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": quote.start, "end": quote.end},
        ],
    }


def annotation(base: str, source: str, text: str, path: str, about: str, fact: Fact) -> dict[str, Any]:
    """One fact as an annotation (the fact must be stated and quoted)."""
    from urllib.parse import quote as escape

    body = [{"type": "TextualBody", "purpose": "describing", "format": "text/plain", "value": fact.value}]
    note = note_text(fact)
    if note is not None:
        body.append({"type": "TextualBody", "purpose": "commenting", "format": "text/plain", "value": note})
    targets = [_target(source, text, quote) for quote in fact.quotes]
    return {
        "id": f"{base}#{escape(path, safe='.')}",
        "type": ANNOTATION,
        "motivation": "describing",
        "label": f"{about}: {fact.label}",
        "body": body,
        "target": targets[0] if len(targets) == 1 else targets,
    }


def annotation_collection(dataset: Dataset, firms: Sequence[Firm]) -> dict[str, Any]:
    """The quoted facts as one AnnotationCollection whose first page holds them all."""
    text = dataset.source.text
    source = article_iri(text)
    base = "urn:oases-tui:" + source.rsplit(";", 1)[1]
    items = [
        annotation(base, source, text, path, about, fact)
        for path, about, fact in quoted_facts(dataset, firms)
        if fact.stated and fact.derivation is None and fact.quotes
    ]
    return {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": dataset.source.title,
        "total": len(items),
        "first": {"id": f"{base}#page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def annotations_json(dataset: Dataset, firms: Sequence[Firm]) -> str:
    """:func:`annotation_collection` as JSON text (unsafe characters escaped, as every JSON format)."""
    import json

    from tui.core.safe_output import json_safe

    return json_safe(json.dumps(annotation_collection(dataset, firms), ensure_ascii=False, indent=2))
