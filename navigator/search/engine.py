"""Search over the index: Dutch query analysis, synonyms, typo tolerance, facets with counts, snippets.

The rest of the app sees `SearchEngine.search()`, `card_by_id()`, `load_card()` and the typed records of
records.py; Whoosh stays here.
"""

from __future__ import annotations

import gc
import heapq
import math
import operator
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import reduce
from itertools import islice, repeat
from pathlib import Path
from typing import Any

from ..content import Card, Synonym
from .analysis import STOPWORDS, fold, remember_stems, stem, words
from .query import QueryAnalyser, Unit, apply_corrections
from .records import CardRecord, Hit, SearchResponse
from .snippets import make_snippet, taxonomy_from_json

FIELD_BOOSTS = {"title": 6.0, "questions": 4.0, "keywords": 2.0, "summary": 3.0, "body": 1.0}
# A card that has the asked words only in its running text mentions the topic; it is not about it.
STRONG_FIELDS = ("title", "questions", "summary", "keywords")
TITLE_MATCH_BONUS = 0.5  # how much a title fully explained by the question may add (see _rank)
TITLE_RERANK_DEPTH = 30
TYPE_ORDER = {
    t: i
    for i, t in enumerate(
        ("kennis", "wijzer", "frustratie", "scenario", "interventie", "instrument", "maatregel", "organisatie")
    )
}
BM25_K1, BM25_B = 1.2, 0.75  # the usual BM25 constants (also Whoosh's defaults)
MAX_QUERY_CHARS = 500  # a query is a few words; anything longer is cut, never refused


class SearchEngine:
    """Search over one opened index. Thread-safe: each thread gets its own Whoosh searcher."""

    def __init__(self, ix: Any, payload: dict[str, Any]):
        self._ix = ix  # a whoosh FileIndex (Whoosh has no type information)
        self.manifest: dict[str, Any] = payload.get("manifest", {})
        self.problems: list[str] = payload.get("problems", [])
        self.sources: dict[str, dict[str, Any]] = payload.get("sources", {})
        taxonomy = taxonomy_from_json(payload["taxonomy"])
        synonyms = [Synonym(s["term"], s["meaning"], tuple(s["variants"])) for s in payload["synonyms"]]
        # Raw records: the engine's own working data. Outside the search layer, use card_by_id() and cards().
        self.records: list[dict[str, Any]] = payload["records"]
        self.by_id = {r["id"]: i for i, r in enumerate(self.records)}
        # Core card ids that a pack replaced under another id: old id -> new id (links to the old id still work).
        self.replaced: dict[str, str] = dict(payload.get("replaced", {}))
        self._card_records: dict[int, CardRecord] = {}
        self.vocabulary: dict[str, int] = payload["vocabulary"]
        self.compounds: dict[str, list[str]] = payload["compounds"]
        remember_stems(payload["stems"])  # stemmed at build time: stemming 5,000 words costs 0.2 s
        # Query analysis (phrases, forms, compounds, corrections): query.py.
        self.query = QueryAnalyser(
            self.vocabulary, self.compounds, set(payload["stems"].values()), payload["forms"], taxonomy, synonyms
        )
        self._title_terms: dict[int, list[tuple[set[str], float]]] = {}
        self.taxonomy = taxonomy
        self.facet_values = {f.key: [v.key for v in f.values] for f in taxonomy.facets}
        self._local = threading.local()
        self._field_cache: dict[tuple[str, str], dict[int, float]] = {}
        self._score_cache: dict[str, dict[int, float]] = {}
        grouped: dict[tuple[str, str], list[int]] = {(f, v): [] for f, vs in self.facet_values.items() for v in vs}
        for doc, record in enumerate(self.records):
            for facet, values in record["facets"].items():
                for value in values:
                    if (facet, value) in grouped:
                        grouped[(facet, value)].append(doc)
        self._value_docs = {key: frozenset(docs) for key, docs in grouped.items()}
        self._value_masks = {key: _mask(docs, len(self.records)) for key, docs in grouped.items()}
        self._lengths: dict[str, list[int]] = payload["lengths"]
        # Browsing (no words, only filters) lists cards by type, then title: sorted once, not per keystroke.
        self._browse_order = sorted(range(len(self.records)), key=self._browse_key)
        self._average_length = {f: (sum(v) / len(v) if v else 1.0) or 1.0 for f, v in self._lengths.items()}
        self._all_docs = frozenset(range(len(self.records)))
        # The index's records are hundreds of thousands of objects that live as long as the engine. Left to the
        # cyclic garbage collector, each full collection walks them all, in the middle of a keystroke (measured
        # at 10,000 cards: 200 ms instead of 40). Freezing moves what exists now out of its reach.
        gc.freeze()
        self.warm_up()

    def warm_up(self) -> None:
        """Open this thread's Whoosh searcher now rather than at the first keystroke (it loads Whoosh's
        query modules and compiles their expressions: 30-40 ms). The app calls it in its search thread."""
        self._searcher()

    # --- public --------------------------------------------------------------------------------------

    def search(self, text: str | None, filters: dict[str, list[str]] | None = None, limit: int = 50) -> SearchResponse:
        """Results best first, and per facet value the count it would give. Never raises on any input."""
        with _cyclic_gc_paused():
            return self._search(text, filters, limit)

    def _search(self, text: str | None, filters: dict[str, list[str]] | None, limit: int) -> SearchResponse:
        text = "" if text is None else str(text)
        shown_query = text
        text = text[:MAX_QUERY_CHARS]
        limit = max(0, min(int(limit), len(self.records) or 1))
        active, unknown = self._clean_filters(filters or {})
        units, fixes, unknown_words = self.query.analyse(text)
        matched_by_unit, matched, relaxed = self._match(units)
        suggestion = None
        if fixes:
            # A correction is offered only when it clearly does better than the words as typed: every word is
            # then understood and found together. Otherwise the words stand as typed ("restraining order"
            # never becomes "restraining ouder"), and an unknown word is said to be unknown.
            if not relaxed and matched and not unknown_words:
                suggestion = apply_corrections(text, fixes)
            else:
                units, _, unknown_words = self.query.analyse(text, correct=False)
                matched_by_unit, matched, relaxed = self._match(units)
        if not units:
            # Nothing typed (or only little words like "de"): browse everything within the filters.
            # Typed words that match nothing known: no results, never "everything".
            browsing = not text.strip() or (not unknown_words and bool(words(text)))
            matched = set(self._all_docs) if browsing else set()

        passing, counts = self._facet_counts(matched, active)
        if units:
            ranked = self._rank(units, passing, limit)
        else:
            ranked = [(doc, 0.0) for doc in islice((d for d in self._browse_order if d in passing), limit)]
        weak = (
            bool(ranked)
            and bool(units)
            and self._is_weak(ranked[0][0], units, matched_by_unit, len(units) + len(unknown_words))
        )
        highlight = set().union(*(u.stems for u in units)) if units else set()
        hits = [self._hit(doc, score, highlight) for doc, score in ranked]
        return SearchResponse(
            shown_query, len(passing), hits, counts, suggestion, relaxed, unknown, unknown_words, weak
        )

    def _match(self, units: list[Unit]) -> tuple[list[set[int]], set[int], bool]:
        """Per unit the documents it matches; the documents with enough of the units (all of one or two,
        about two thirds of more); and whether that had to be relaxed to any one unit."""
        if not units:
            return [], set(), False
        matched_by_unit = [self._unit_docs(u) for u in units]
        need = len(units) if len(units) <= 2 else len(units) - len(units) // 3
        matched = self._at_least(matched_by_unit, need)
        if not matched and need > 1:
            return matched_by_unit, self._at_least(matched_by_unit, 1), True
        return matched_by_unit, matched, False

    def _is_weak(self, doc: int, units: list[Unit], matched_by_unit: list[set[int]], asked: int) -> bool:
        """Whether even the best card answers the question only loosely: it has a minority of the words asked
        (unknown words count as asked), or has them only in its running text, not in its title, questions,
        summary or keywords."""
        covered = [unit for unit, docs in zip(units, matched_by_unit, strict=True) if doc in docs]
        if 2 * len(covered) < asked:
            return True
        return not any(
            doc in self._field_postings(field, term)
            for unit in covered
            for alternative in unit.alternatives
            for slot in alternative
            for term in slot
            for field in STRONG_FIELDS
        )

    # --- cards by id ---------------------------------------------------------------------------------

    @property
    def card_count(self) -> int:
        return len(self.records)

    def resolve_id(self, card_id: str) -> str:
        """The id a link to `card_id` leads to: the card itself, or the pack's card that replaced it."""
        return self.replaced.get(card_id, card_id)

    def card_by_id(self, card_id: str) -> CardRecord | None:
        """The card with this id, following `vervangt`: a link to a replaced core card gives its replacement."""
        index = self.by_id.get(self.resolve_id(card_id))
        return self._card_record(index) if index is not None else None

    def cards(self, card_type: str | None = None) -> list[CardRecord]:
        """Every card (of one type), in index order."""
        return [self._card_record(i) for i, r in enumerate(self.records) if card_type in (None, r["type"])]

    def load_card(self, card_id: str) -> Card | None:
        """The full card (fields and text) for display, read again from its file; follows `vervangt`.
        None when there is no such card or its file no longer reads."""
        record = self.card_by_id(card_id)
        if record is None:
            return None
        from ..content import read_card  # the loader (and PyYAML) only when a card is shown

        return read_card(Path(record.path), record.pack)

    def _card_record(self, index: int) -> CardRecord:
        found = self._card_records.get(index)
        if found is None:
            found = self._card_records[index] = CardRecord.from_payload(self.records[index])
        return found

    def close(self) -> None:
        self._ix.close()

    # --- matching, facets, ranking -------------------------------------------------------------------

    def _searcher(self) -> Any:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self._ix.searcher()
        return searcher

    def _field_postings(self, field: str, term: str) -> dict[int, float]:
        """{document: term frequency} for one field; read from Whoosh once, then cached (typing repeats words)."""
        key = (field, term)
        found = self._field_cache.get(key)
        if found is None:
            reader = self._searcher().reader()
            found = read_postings(reader.postings(field, term)) if key in reader else {}
            if len(self._field_cache) > 50_000:  # bounded: a long session types many distinct prefixes
                self._field_cache.clear()
                self._score_cache.clear()
            self._field_cache[key] = found
        return found

    def _unit_docs(self, unit: Unit) -> set[int]:
        matched: set[int] = set()
        for alternative in unit.alternatives:
            # A term's documents are the keys of its cached scores (a dict of numbers, which the cyclic
            # garbage collector does not follow, unlike a set).
            slot_docs = [set().union(*(self._term_scores(t) for t in slot)) for slot in alternative]
            matched |= set.intersection(*slot_docs) if slot_docs else set()
        return matched

    @staticmethod
    def _at_least(sets: list[set[int]], need: int) -> set[int]:
        if need <= 1:
            return set().union(*sets)
        if need >= len(sets):
            return set.intersection(*sets)
        counts: dict[int, int] = {}
        for s in sets:
            for doc in s:
                counts[doc] = counts.get(doc, 0) + 1
        return {doc for doc, c in counts.items() if c >= need}

    def _clean_filters(self, filters: dict[str, list[str]]) -> tuple[dict[str, set[str]], list[str]]:
        active: dict[str, set[str]] = {}
        unknown: list[str] = []
        if not isinstance(filters, dict):  # e.g. a list from a caller's bug: ignored and reported
            return active, [f"filters={filters!r}"]
        for key, values in filters.items():
            if values is None:
                values = []
            elif isinstance(values, (list, tuple, set, frozenset)):
                values = list(values)
            else:  # one value instead of a list, or something that is no value at all (a number, …)
                values = [values]
            known = self.facet_values.get(key) if isinstance(key, str) else None
            for value in values:
                if known is None or not isinstance(value, str) or value not in known:
                    unknown.append(f"{key}={value}")
                else:
                    active.setdefault(key, set()).add(value)
        return active, unknown

    def _facet_counts(
        self, matched: set[int], active: dict[str, set[str]]
    ) -> tuple[set[int], dict[str, dict[str, int]]]:
        """Docs passing every filter, and for each facet value the count with the other facets' filters.

        What ticking a value would give is the matched documents that pass the other facets' filters and
        carry that value. Counted on masks (one byte per document, as one big integer), so each count is an
        AND and a bit count in C, whatever the number of matches: at 10,000 cards this took 4 ms per
        keystroke with set intersections, and grows with the corpus.
        """
        size = len(self.records)
        selected = {
            facet: set().union(*(self._value_docs[(facet, v)] for v in values)) for facet, values in active.items()
        }
        passing = set(matched)
        for docs in selected.values():
            passing &= docs
        masks = self._value_masks
        matched_mask = _mask(matched, size)
        selected_masks = {
            facet: reduce(operator.or_, (masks[(facet, v)] for v in values), 0) for facet, values in active.items()
        }
        passing_mask = matched_mask
        for mask in selected_masks.values():
            passing_mask &= mask
        counts: dict[str, dict[str, int]] = {}
        for facet, values in self.facet_values.items():
            base = passing_mask
            if facet in selected_masks:  # this facet's own filter does not limit its own counts
                base = matched_mask
                for other, mask in selected_masks.items():
                    if other != facet:
                        base &= mask
            counts[facet] = {value: (base & masks[(facet, value)]).bit_count() for value in values}
        return passing, counts

    def _rank(self, units: list[Unit], allowed: set[int], limit: int) -> list[tuple[int, float]]:
        """BM25F per unit, restricted to the documents that matched, summed over the units.

        A unit scores by its best alternative, and an alternative of several words (a synonym phrase) only
        where all its words occur: "ex" expanded to ex-partner or ex-vrouw must not reward a card for the
        word "vrouw" alone. Within a slot the best term counts, so a card is not scored twice for saying both
        "stalking" and "belaging". Scored here over the cached postings rather than by Whoosh's matchers:
        with dozens of alternative terms (forms, compounds, synonyms) per query, Whoosh's union matchers
        cost ten times more.
        """
        if not allowed or limit == 0:
            return []
        scores: dict[int, float] = {}
        covered: dict[int, int] = {}
        for unit in units:
            unit_scores: dict[int, float] = {}
            typed_length = len(unit.alternatives[0])
            for alternative in unit.alternatives:
                # An alternative counts as many words as were typed: "digitale stalking" for "stalking" must
                # not outscore the word itself by adding up two words.
                scale = typed_length / len(alternative) if alternative else 1.0
                alternative_scores: dict[int, float] | None = None
                for slot in alternative:
                    slot_scores = self._slot_scores(slot, allowed)
                    if alternative_scores is None:
                        alternative_scores = slot_scores
                    else:
                        alternative_scores = {
                            d: v + slot_scores[d] for d, v in alternative_scores.items() if d in slot_scores
                        }
                    if not alternative_scores:
                        break
                for doc, value in (alternative_scores or {}).items():
                    value *= scale
                    if value > unit_scores.get(doc, 0.0):
                        unit_scores[doc] = value
            get = scores.get
            for doc, value in unit_scores.items():
                scores[doc] = get(doc, 0.0) + value
                covered[doc] = covered.get(doc, 0) + 1
        # A card with all the words asked beats one with some of them, whatever a single word scores.
        scores = {doc: value * covered[doc] / len(units) for doc, value in scores.items()}
        # Overview first: among the best candidates, a card whose title the question explains more fully
        # gains (up to TITLE_MATCH_BONUS). Title words weigh by rarity, so "Meldcode …: de vijf stappen"
        # beats "Meldcode stap 5: twee beslissingen en het afwegingskader" for "meldcode stappen": the
        # narrower card's title holds rare words the question did not ask for.
        candidates = heapq.nlargest(
            max(limit, TITLE_RERANK_DEPTH), scores.items(), key=lambda item: (item[1], -item[0])
        )
        reranked = [(doc, score * (1 + TITLE_MATCH_BONUS * self._title_match(doc, units))) for doc, score in candidates]
        return heapq.nlargest(limit, reranked, key=lambda item: (item[1], -item[0]))

    def _title_match(self, doc: int, units: list[Unit]) -> float:
        """0 unless the title names everything asked (the question names this card's topic: for each unit,
        all words of one of its alternatives); then the share of the title's weight (rarer words weigh
        more) that those words cover, 0 to 1."""
        title_terms = self._title_terms.get(doc)
        if title_terms is None:
            total = len(self.records)
            title_terms = []
            for word in words(self.records[doc]["title"]):
                if word in STOPWORDS:
                    continue
                weight = math.log(1 + total / self.vocabulary.get(word, 1))
                title_terms.append(({stem(word), self.query.forms.get(word, "")}, weight))
            self._title_terms[doc] = title_terms
        mass = sum(weight for _, weight in title_terms)
        if not mass:
            return 0.0
        in_title = set().union(*(terms for terms, _ in title_terms))
        covered: set[str] = set()
        for unit in units:
            named = [
                alternative
                for alternative in unit.alternatives
                if all(in_title.intersection(slot) for slot in alternative)
            ]
            if not named:
                return 0.0
            covered.update(term for alternative in named for slot in alternative for term in slot)
        return sum(weight for terms, weight in title_terms if terms & covered) / mass

    def _slot_scores(self, slot: dict[str, float], allowed: set[int]) -> dict[int, float]:
        """{document: best weighted score of any of the slot's terms}, over the allowed documents."""
        best: dict[int, float] = {}
        for term, weight in slot.items():
            term_scores = self._term_scores(term)
            if not term_scores:
                continue
            pairs = (
                ((d, term_scores[d]) for d in allowed if d in term_scores)
                if len(allowed) < len(term_scores)
                else ((d, v) for d, v in term_scores.items() if d in allowed)
            )
            if not best:
                best = {d: weight * v for d, v in pairs}
                continue
            get = best.get
            for doc, value in pairs:
                value *= weight
                if value > get(doc, 0.0):
                    best[doc] = value
        return best

    def _term_scores(self, term: str) -> dict[int, float]:
        """{document: BM25F score of this term over all fields}, before the query's own weight for it.
        Depends only on the index, so it is computed once per term and kept like the postings."""
        found = self._score_cache.get(term)
        if found is None:
            found = {}
            total = len(self.records)
            for field, field_boost in FIELD_BOOSTS.items():
                postings = self._field_postings(field, term)
                if not postings:
                    continue
                idf = math.log(1 + (total - len(postings) + 0.5) / (len(postings) + 0.5))
                factor = field_boost * idf * (BM25_K1 + 1)
                lengths, average = self._lengths[field], self._average_length[field]
                for doc, tf in postings.items():
                    norm = tf + BM25_K1 * (1 - BM25_B + BM25_B * lengths[doc] / average)
                    found[doc] = found.get(doc, 0.0) + factor * tf / norm
            self._score_cache[term] = found
        return found

    def _browse_key(self, doc: int) -> tuple[int, str]:
        record = self.records[doc]
        return TYPE_ORDER.get(record["type"], 99), fold(record["title"])

    # --- presentation --------------------------------------------------------------------------------

    def _hit(self, doc: int, score: float, highlight: set[str]) -> Hit:
        r = self.records[doc]
        summary, body, marked = r["summary"], r["body"], frozenset(highlight)
        snippet = (lambda: make_snippet(summary, body, set(marked))) if marked else (lambda: summary)
        return Hit(r["id"], r["type"], r["title"], summary, float(score), r["facets"], snippet)


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a search runs. A search makes sets of up to the whole corpus and no
    reference cycles; a collection that starts meanwhile walks those sets while holding the interpreter
    (measured at 100,000 cards: 5-30 ms each, several per keystroke), and the UI thread waits. Refcounting
    still frees everything; collection resumes when the last search running ends."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def _mask(docs: Iterable[int], size: int) -> int:
    """A set of documents as an integer with byte d set to 1 for document d: AND and bit_count then work
    on all documents at once, in C."""
    flags = bytearray(size)
    deque(map(flags.__setitem__, docs, repeat(1)), maxlen=0)  # set the bytes without a Python loop
    return int.from_bytes(flags, "little")


def read_postings(matcher: Any) -> dict[int, float]:
    """{document: term frequency} of one term in one field.

    Whoosh's own iteration (`items_as`) decodes posting by posting in Python; whoosh-reloaded 2.7.5's on-disk
    matcher holds whole blocks of ids and weights (a weight is the term frequency in our position-less
    fields), so those are read a block at a time: 2.4x faster. Any other matcher takes the public route;
    tests/test_search.py checks both give the same."""
    if not all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block", "_ids")):
        return {doc: float(tf) for doc, tf in matcher.items_as("frequency")}
    found: dict[int, float] = {}
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        found.update(zip(matcher._ids, matcher._weights, strict=True))
        matcher._next_block()
    return found


__all__ = ["Hit", "SearchEngine", "SearchResponse"]
