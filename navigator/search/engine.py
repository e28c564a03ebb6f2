"""Search over the index: Dutch query analysis, synonyms, typo tolerance, facets with counts, snippets.

The rest of the app sees `SearchEngine.search()`, `card_by_id()`, `load_card()` and the typed records of
records.py; Whoosh stays here.
"""

from __future__ import annotations

import bisect
import gc
import heapq
import math
import operator
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import islice, repeat
from pathlib import Path
from typing import Any

from ..content import Card, Facet, FacetValue, Synonym, Taxonomy
from .analysis import STOPWORDS, CompoundSplitter, fold, phrase_words, remember_stems, stem, words
from .records import CardRecord, Hit, SearchResponse

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
MAX_UNITS = 12


# An alternative is a list of slots that must all match (AND); a slot is a set of stems of which any
# may match (OR), in any field. "oranjehuis" has the alternatives [{oranjehuis}] and [{oranje}, {huis}].
Alternative = list[dict[str, float]]


@dataclass
class _Unit:
    """One thing the user asked for (a word, or a phrase that matched a synonym), with its alternatives."""

    text: str
    alternatives: list[Alternative]
    stems: set[str]


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
        self._splitter = CompoundSplitter(set(self.vocabulary))
        self._by_length: dict[tuple[str, int], list[str]] = {}
        for word in self.vocabulary:
            if word.isalpha():
                self._by_length.setdefault((word[0], len(word)), []).append(word)
        self._reversed = sorted(w[::-1] for w in self.vocabulary)
        remember_stems(payload["stems"])  # stemmed at build time: stemming 5,000 words costs 0.2 s
        self._known_stems = set(payload["stems"].values())
        self._forms: dict[str, str] = payload["forms"]  # inflected form -> stem of its lemma (wordforms.py)
        self._suffix_cache: dict[str, list[str]] = {}
        self._title_terms: dict[int, list[tuple[set[str], float]]] = {}
        self.taxonomy = taxonomy
        self.facet_values = {f.key: [v.key for v in f.values] for f in taxonomy.facets}
        self._phrases = self._phrase_table(taxonomy, synonyms)
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
        units, fixes, unknown_words = self._analyse(text)
        matched_by_unit, matched, relaxed = self._match(units)
        suggestion = None
        if fixes:
            # A correction is offered only when it clearly does better than the words as typed: every word is
            # then understood and found together. Otherwise the words stand as typed ("restraining order"
            # never becomes "restraining ouder"), and an unknown word is said to be unknown.
            if not relaxed and matched and not unknown_words:
                suggestion = _apply_corrections(text, fixes)
            else:
                units, _, unknown_words = self._analyse(text, correct=False)
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

    def _match(self, units: list[_Unit]) -> tuple[list[set[int]], set[int], bool]:
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

    def _is_weak(self, doc: int, units: list[_Unit], matched_by_unit: list[set[int]], asked: int) -> bool:
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

    def record(self, card_id: str) -> dict[str, Any] | None:
        """The raw record (a dict). Kept for the UI until it moves to card_by_id(); follows `vervangt` too."""
        index = self.by_id.get(self.resolve_id(card_id))
        return self.records[index] if index is not None else None

    def close(self) -> None:
        self._ix.close()

    # --- query analysis ------------------------------------------------------------------------------

    def _phrase_table(
        self, taxonomy: Taxonomy, synonyms: list[Synonym]
    ) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Word sequences that mean the same: synonyms and abbreviations, facet labels and their aliases."""
        groups: list[list[str]] = [[s.term, s.meaning, *s.variants] for s in synonyms]
        for facet in taxonomy.facets:
            for value in facet.values:
                groups.append([value.label, *value.aliases])
        table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups:
            forms = [tuple(phrase_words(g)) for g in group]
            forms = [f for f in dict.fromkeys(forms) if f]
            for form in forms:
                table.setdefault(form, [])
                table[form] += [other for other in forms if other != form and other not in table[form]]
        return table

    def _query_words(self, text: str) -> list[str]:
        """The query's words; a hyphenated word stays one word where the cards or a synonym know it as such
        ("ex-man"), and is split into its parts otherwise ("zorg-veiligheid")."""
        out: list[str] = []
        for match in re.finditer(r"[0-9a-z]+(?:-[0-9a-z]+)*", fold(text)):
            parts = match.group().split("-")
            joined = "".join(parts)
            if len(parts) > 1 and ((joined,) in self._phrases or joined in self.vocabulary):
                out.append(joined)
            else:
                out.extend(parts)
        return [w for w in out if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]

    def _analyse(self, text: str, correct: bool = True) -> tuple[list[_Unit], dict[str, str], list[str]]:
        all_words = self._query_words(text)
        units: list[_Unit] = []
        fixes: dict[str, str] = {}
        unknown: list[str] = []
        i = 0
        while i < len(all_words) and len(units) < MAX_UNITS:
            span = self._longest_phrase(all_words, i)
            if span:
                phrase = tuple(all_words[i : i + span])
                # One word keeps what a word gets (its compounds and forms: gezin -> gezinsleden); the
                # synonyms come on top as alternatives.
                unit = self._word_unit(phrase[0], correct=False)[0] if span == 1 else None
                alternatives = unit.alternatives if unit else [self._slots(phrase)]
                alternatives = alternatives + [self._slots(alt, 0.9) for alt in self._phrases[phrase]]
                stems = {stem(w) for form in (phrase, *self._phrases[phrase]) for w in form}
                units.append(_Unit(" ".join(phrase), alternatives, stems | (unit.stems if unit else set())))
                i += span
                continue
            word = all_words[i]
            unit, fix = self._word_unit(word, correct)
            if fix:
                fixes[word] = fix
            elif unit is None:
                unknown.append(word)
            if unit is not None:
                units.append(unit)
            i += 1
        return units, fixes, unknown

    def _longest_phrase(self, all_words: list[str], start: int) -> int:
        for span in range(min(5, len(all_words) - start), 0, -1):
            if tuple(all_words[start : start + span]) in self._phrases:
                return span
        return 0

    def _slots(self, form: tuple[str, ...], boost: float = 1.0) -> Alternative:
        """One slot per word of a phrase; a slot also takes the word's lemma (verboden ~ verbieden)."""
        slots: Alternative = []
        for w in form:
            slot = {stem(w): boost}
            if w in self._forms:
                slot.setdefault(self._forms[w], boost)
            slots.append(slot)
        return slots

    def _word_unit(self, word: str, correct: bool = True) -> tuple[_Unit | None, str | None]:
        """The alternatives for one word, and a correction if the word itself is unknown."""
        stems = {stem(word)}
        same: dict[str, float] = {stem(word): 1.0}  # one slot: the word, a correction, compounds ending in it
        lemma_stem = self._forms.get(word)
        if lemma_stem:  # belt -> bellen, sloeg -> slaan
            same.setdefault(lemma_stem, 1.0)
            stems.add(lemma_stem)
        alternatives: list[Alternative] = [[same]]
        fix = None
        known = word in self.vocabulary or self._stem_known(word) or lemma_stem in self._known_stems
        if not known:
            parts = self._splitter.split(word)
            if parts:  # oranjehuis -> oranje + huis
                alternatives.append([{stem(p): 0.8} for p in parts])
                stems |= {stem(p) for p in parts}
            else:
                correction = self._correct(word) if correct else None
                if correction:
                    fix = correction
                    same.setdefault(stem(correction), 0.8)
                    stems.add(stem(correction))
                elif not self._compounds_for(word):
                    return None, None
        for compound in self._compounds_for(word)[:40]:  # verbod -> huisverbod, straatverbod, ...
            same.setdefault(stem(compound), 0.6)
            stems.add(stem(compound))
        return _Unit(word, alternatives, stems), fix

    def _stem_known(self, word: str) -> bool:
        return stem(word) in self._known_stems

    def _compounds_for(self, word: str) -> list[str]:
        """Known compounds that end in `word` (verbod -> huisverbod), also when `word` never stands alone."""
        found = self.compounds.get(word) or (self.compounds.get(stem(word)) if stem(word) != word else None)
        if found or len(word) < CompoundSplitter.MIN_PART:
            return found or []
        cached = self._suffix_cache.get(word)
        if cached is None:
            key = word[::-1]
            start = bisect.bisect_left(self._reversed, key)
            cached = []
            for reversed_word in self._reversed[start : start + 2000]:
                if not reversed_word.startswith(key):
                    break
                compound = reversed_word[::-1]
                modifier = compound[: -len(word)]
                if len(modifier) >= 3 and any(
                    m in self.vocabulary for m in (modifier, modifier[:-1] if modifier[-1:] in "se" else modifier)
                ):
                    cached.append(compound)
            self._suffix_cache[word] = cached
        return cached

    def _correct(self, word: str) -> str | None:
        """The most frequent known word within edit distance 1 (2 from seven letters), same first letter.
        Two edits in a short word reach unrelated words (abuse -> acute): a guess, not a correction."""
        if len(word) < 4 or not word.isalpha():
            return None
        maxdist = 1 if len(word) <= 6 else 2
        letters = set(word)
        best = None
        for length in range(len(word) - maxdist, len(word) + maxdist + 1):
            for candidate in self._by_length.get((word[0], length), ()):
                # Each edit adds or removes at most two letters from the set of letters used, so words that
                # differ in more letters are out of reach: a set operation in C instead of a Python matrix.
                if len(letters.symmetric_difference(candidate)) > 2 * maxdist:
                    continue
                d = _distance(word, candidate, maxdist)
                if d <= maxdist:
                    rank = (d, -self.vocabulary[candidate])
                    if best is None or rank < best[0]:
                        best = (rank, candidate)
        return best[1] if best else None

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

    def _unit_docs(self, unit: _Unit) -> set[int]:
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

    def _rank(self, units: list[_Unit], allowed: set[int], limit: int) -> list[tuple[int, float]]:
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

    def _title_match(self, doc: int, units: list[_Unit]) -> float:
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
                title_terms.append(({stem(word), self._forms.get(word, "")}, weight))
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
        snippet = make_snippet(r["summary"], r["body"], highlight) if highlight else r["summary"]
        return Hit(r["id"], r["type"], r["title"], r["summary"], float(score), snippet, r["facets"])


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


def _apply_corrections(text: str, fixes: dict[str, str]) -> str:
    """The user's own query with only the misspelled words replaced ("kinderen uit de knle" -> "… knel")."""
    return re.sub(r"\w+", lambda m: fixes.get(fold(m.group()), m.group()), text).strip()


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


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance with an early exit once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


__all__ = ["Hit", "SearchEngine", "SearchResponse", "make_snippet"]
