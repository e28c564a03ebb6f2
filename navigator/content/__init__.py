"""Content layer: the card model, loading and validation. Pure Python; never imports Qt or the search engine."""
from .loader import card_files, content_hash, load_corpus, read_card
from .model import (CARD_TYPES, FACET_KEYS, FIELD_LABELS, LIST_FACETS, Card, Corpus, Facet, FacetValue, Pack,
                    Problem, Source, Synonym, Taxonomy)

__all__ = ["CARD_TYPES", "FACET_KEYS", "FIELD_LABELS", "LIST_FACETS", "Card", "Corpus", "Facet", "FacetValue",
           "Pack", "Problem", "Source", "Synonym", "Taxonomy", "card_files", "content_hash", "load_corpus", "read_card"]
