"""Content layer: the card model, loading and validation. Pure Python; never imports Qt or the search engine."""

from typing import TYPE_CHECKING, Any

from .model import (
    CARD_TYPES,
    FACET_KEYS,
    FIELD_LABELS,
    LIST_FACETS,
    Card,
    Corpus,
    Facet,
    FacetValue,
    Pack,
    Problem,
    Source,
    Synonym,
    Taxonomy,
)

if TYPE_CHECKING:  # what __getattr__ below hands out, for the type checker
    from .fingerprint import content_hash as content_hash
    from .loader import card_files as card_files
    from .loader import load_corpus as load_corpus
    from .loader import read_card as read_card

_LOADER = ("card_files", "content_hash", "load_corpus", "read_card")


def __getattr__(name: str) -> Any:
    # The loader (and PyYAML) is imported on first use, so the app can paint its window before it is needed;
    # checking the index against the content needs only the fingerprint.
    if name == "content_hash":
        from .fingerprint import content_hash

        return content_hash
    if name in _LOADER:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = [
    "CARD_TYPES",
    "FACET_KEYS",
    "FIELD_LABELS",
    "LIST_FACETS",
    "Card",
    "Corpus",
    "Facet",
    "FacetValue",
    "Pack",
    "Problem",
    "Source",
    "Synonym",
    "Taxonomy",
    *_LOADER,
]
