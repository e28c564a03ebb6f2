"""Snippets (the sentence that shows why a card matched) and the taxonomy as stored in the index payload."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..content import Facet, FacetValue, Taxonomy
from .analysis import fold, stem


def taxonomy_to_json(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    return [
        {
            "key": f.key,
            "label": f.label,
            "description": f.description,
            "values": [
                {"key": v.key, "label": v.label, "description": v.description, "aliases": list(v.aliases)}
                for v in f.values
            ],
        }
        for f in taxonomy.facets
    ]


def taxonomy_from_json(data: list[dict[str, Any]]) -> Taxonomy:
    return Taxonomy(
        tuple(
            Facet(
                f["key"],
                f["label"],
                f["description"],
                tuple(FacetValue(v["key"], v["label"], v["description"], tuple(v["aliases"])) for v in f["values"]),
            )
            for f in data
        )
    )


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÿ]+")


@lru_cache(maxsize=100_000)
def _token_stem(token: str) -> str:
    return stem(fold(token))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """A text's sentences with the stems in each, computed once per text (a card is shown many times)."""
    out = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if len(sentence) >= 20:
            out.append((sentence, frozenset(_token_stem(t) for t in _TOKEN.findall(sentence))))
    return tuple(out)


def make_snippet(summary: str, body: str, stems: set[str], width: int = 220) -> str:
    """The sentence that best shows why a card matched, matched words marked **like this**."""
    best, best_score = summary, len(stems & {_token_stem(t) for t in _TOKEN.findall(summary)})
    for sentence, sentence_stems in _sentences(body):
        score = len(stems & sentence_stems)
        if score > best_score:
            best, best_score = sentence, score
    best = " ".join(best.split())
    if len(best) > width:
        first = next((m.start() for m in _TOKEN.finditer(best) if _token_stem(m.group()) in stems), 0)
        start = max(0, min(first - 60, len(best) - width))
        if start:  # begin and end on whole words
            start = best.find(" ", start) + 1 or start
        end = best.rfind(" ", start, start + width)
        end = end if end > start else start + width
        best = ("…" if start else "") + best[start:end].strip() + ("…" if end < len(best) else "")
    return _TOKEN.sub(lambda m: f"**{m.group()}**" if _token_stem(m.group()) in stems else m.group(), best)
