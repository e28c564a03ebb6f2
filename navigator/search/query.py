"""Query analysis: from what someone typed to the units the engine matches. Phrases (synonyms, abbreviations,
facet labels and their aliases), a word's forms and compounds, compound splitting and typo corrections. Pure
Python; it knows the index's vocabulary, not Whoosh."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..content import Synonym, Taxonomy
from .analysis import STOPWORDS, CompoundSplitter, fold, phrase_words, stem

MAX_UNITS = 12


# An alternative is a list of slots that must all match (AND); a slot is a set of stems of which any
# may match (OR), in any field. "oranjehuis" has the alternatives [{oranjehuis}] and [{oranje}, {huis}].
Alternative = list[dict[str, float]]


@dataclass
class Unit:
    """One thing the user asked for (a word, or a phrase that matched a synonym), with its alternatives."""

    text: str
    alternatives: list[Alternative]
    stems: set[str]


class QueryAnalyser:
    """What the engine needs to understand a query, built once per index from its payload."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        compounds: dict[str, list[str]],
        known_stems: set[str],
        forms: dict[str, str],
        taxonomy: Taxonomy,
        synonyms: list[Synonym],
    ):
        self.vocabulary = vocabulary
        self.compounds = compounds
        self._splitter = CompoundSplitter(set(vocabulary))
        self._by_length: dict[tuple[str, int], list[str]] = {}
        for word in vocabulary:
            if word.isalpha():
                self._by_length.setdefault((word[0], len(word)), []).append(word)
        self._reversed = sorted(w[::-1] for w in vocabulary)
        self._known_stems = known_stems
        self.forms = forms  # inflected form -> stem of its lemma (wordforms.py)
        self._suffix_cache: dict[str, list[str]] = {}
        self.phrases = self._phrase_table(taxonomy, synonyms)

    @staticmethod
    def _phrase_table(taxonomy: Taxonomy, synonyms: list[Synonym]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
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
            if len(parts) > 1 and ((joined,) in self.phrases or joined in self.vocabulary):
                out.append(joined)
            else:
                out.extend(parts)
        return [w for w in out if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]

    def analyse(self, text: str, correct: bool = True) -> tuple[list[Unit], dict[str, str], list[str]]:
        all_words = self._query_words(text)
        units: list[Unit] = []
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
                alternatives = alternatives + [self._slots(alt, 0.9) for alt in self.phrases[phrase]]
                stems = {stem(w) for form in (phrase, *self.phrases[phrase]) for w in form}
                units.append(Unit(" ".join(phrase), alternatives, stems | (unit.stems if unit else set())))
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
            if tuple(all_words[start : start + span]) in self.phrases:
                return span
        return 0

    def _slots(self, form: tuple[str, ...], boost: float = 1.0) -> Alternative:
        """One slot per word of a phrase; a slot also takes the word's lemma (verboden ~ verbieden)."""
        slots: Alternative = []
        for w in form:
            slot = {stem(w): boost}
            if w in self.forms:
                slot.setdefault(self.forms[w], boost)
            slots.append(slot)
        return slots

    def _word_unit(self, word: str, correct: bool = True) -> tuple[Unit | None, str | None]:
        """The alternatives for one word, and a correction if the word itself is unknown."""
        stems = {stem(word)}
        same: dict[str, float] = {stem(word): 1.0}  # one slot: the word, a correction, compounds ending in it
        lemma_stem = self.forms.get(word)
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
                correction = self.correct(word) if correct else None
                if correction:
                    fix = correction
                    same.setdefault(stem(correction), 0.8)
                    stems.add(stem(correction))
                elif not self.compounds_for(word):
                    return None, None
        for compound in self.compounds_for(word)[:40]:  # verbod -> huisverbod, straatverbod, ...
            same.setdefault(stem(compound), 0.6)
            stems.add(stem(compound))
        return Unit(word, alternatives, stems), fix

    def _stem_known(self, word: str) -> bool:
        return stem(word) in self._known_stems

    def compounds_for(self, word: str) -> list[str]:
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

    def correct(self, word: str) -> str | None:
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


def apply_corrections(text: str, fixes: dict[str, str]) -> str:
    """The user's own query with only the misspelled words replaced ("kinderen uit de knle" -> "… knel")."""
    return re.sub(r"\w+", lambda m: fixes.get(fold(m.group()), m.group()), text).strip()


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
