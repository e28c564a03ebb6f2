"""Content layer: the card model, loading and validation. Pure Python; never imports Qt or the search engine."""
from .model import (CARD_TYPES, FACET_KEYS, FIELD_LABELS, LIST_FACETS, Card, Corpus, Facet, FacetValue, Pack,
                    Problem, Source, Synonym, Taxonomy)

_LOADER = ("card_files", "content_hash", "load_corpus", "read_card")


def __getattr__(name):
    # The loader (and PyYAML) is imported on first use, so the app can paint its window before it is needed;
    # checking the index against the content needs only the fingerprint.
    if name == "content_hash":
        from .fingerprint import content_hash

        return content_hash
    if name in _LOADER:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["CARD_TYPES", "FACET_KEYS", "FIELD_LABELS", "LIST_FACETS", "Card", "Corpus", "Facet", "FacetValue",
           "Pack", "Problem", "Source", "Synonym", "Taxonomy", *_LOADER]
