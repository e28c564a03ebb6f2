"""What the search layer hands the rest of the app: plain, typed records. Pure Python, no Whoosh, no Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CardRecord:
    """What the index knows of one card: enough for a list, a link or a menu entry. The full card (fields and
    text) is read from `path` when it is shown: `SearchEngine.load_card(id)`."""

    id: str
    type: str
    title: str
    summary: str
    facets: dict[str, list[str]]
    path: str  # absolute path of the card file
    pack: str  # name of the pack it came from

    @classmethod
    def from_payload(cls, record: dict[str, Any]) -> CardRecord:
        return cls(
            record["id"],
            record["type"],
            record["title"],
            record["summary"],
            record["facets"],
            record["path"],
            record.get("pack", ""),
        )


@dataclass
class Hit:
    """One result. Its snippet (the sentence that shows why it matched, words marked) is made when first read:
    a list shows a handful of rows, and making fifty snippets per keystroke was half the time of a search."""

    id: str
    type: str
    title: str
    summary: str
    score: float
    facets: dict[str, list[str]]
    make_snippet: Callable[[], str] = field(repr=False, compare=False)
    _snippet: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def snippet(self) -> str:
        if self._snippet is None:
            self._snippet = self.make_snippet()
        return self._snippet


@dataclass
class SearchResponse:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None  # "bedoelde je …" when words were not found and a correction was
    relaxed: bool = False  # no card had every word; these cards have most of them
    unknown_filters: list[str] = field(default_factory=list)
    unknown_words: list[str] = field(default_factory=list)
    # Even the best card answers loosely (a minority of the words, or only in running text): the app says
    # "Geen kaart gaat over …" and shows these as related, not as answers.
    weak: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "query": self.query,
            "total": self.total,
            "results": [
                {"id": h.id, "type": h.type, "title": h.title, "score": round(h.score, 4), "snippet": h.snippet}
                for h in self.hits
            ],
            "facets": self.facets,
        }
        if self.suggestion:
            out["suggestion"] = self.suggestion
        if self.relaxed:
            out["relaxed"] = True
        if self.weak:
            out["weak"] = True
        if self.unknown_filters:
            out["messages"] = [f"onbekend filter genegeerd: {f}" for f in self.unknown_filters]
        return out
