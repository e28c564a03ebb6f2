"""What of a card is searched and shown in result lists: the flattened record stored next to the index."""

from __future__ import annotations

import re
from typing import Any

from ..content import FACET_KEYS, Card, Corpus
from ..content.schema import FIELDS

# The structured fields whose text is searched with the card's running text (the schema says which).
SEARCHED_FIELDS = tuple(key for key, f in FIELDS.items() if f.searched)

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(^|\s)[#>*\-|]+\s|[*_`|]+")


def plain_text(markdown: str) -> str:
    """Markdown to readable plain text for snippets and indexing (links keep their text)."""
    text = _MD_LINK.sub(r"\1", markdown)
    # Markdown wraps a paragraph over several lines: join them, so a snippet is a whole sentence.
    text = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*[^\s\-*+#|>\d])", " ", text)
    text = _MD_MARKS.sub(r"\1", text)
    return re.sub(r"[ \t]+", " ", text)


def _texts(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (int, float)):
        return [str(value)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    if isinstance(value, dict):
        return [
            t
            for k, v in value.items()
            # ids, links and targets are not text anyone searches for
            if k not in ("domein", "naar_stap", "kaart", "kaarten", "bron", "naar", "stap", "id", "soort")
            for t in _texts(v)
        ]
    return []


def card_record(card: Card, corpus: Corpus) -> dict[str, Any]:
    """The searchable and displayable summary of a card. The full card stays in the content files."""
    taxonomy = corpus.taxonomy
    keywords = [taxonomy.label(facet, value) for facet in FACET_KEYS for value in card.facets.get(facet, [])]
    structured = [text for key in SEARCHED_FIELDS for text in _texts(card.fields.get(key))]
    body = "\n".join(structured + [plain_text(card.body)])
    return {
        "id": card.id,
        "type": card.type,
        "title": card.title,
        "summary": card.summary,
        # The questions a card answers, as people ask them: searched with their own weight.
        "questions": "\n".join(_texts(card.fields.get("vragen"))),
        "facets": {facet: list(card.facets.get(facet, [])) for facet in FACET_KEYS if card.facets.get(facet)},
        "keywords": " ".join(keywords),
        "body": body,
        "path": card.file or card.path,
        "pack": card.pack,
    }
