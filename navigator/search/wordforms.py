"""Dutch verb forms that suffix stripping cannot reach (belt, belde, gebeld -> bellen; slaat, sloeg -> slaan;
weigert -> weigeren), mapped to the stem of their lemma and searched beside the word's own stem.

Only verb lemmas are used: for nouns and adjectives the stemmer does the job, and their lemmas bring
homographs (ouder "parent" -> oud "old"). The lemmas come from simplemma's Dutch dictionary (form -> lemma,
370,000 forms). Reading it costs 0.4 s and 60 MB, so it is read only while an index is built: the forms whose
lemma the cards use are stored in the index (`forms` in records.json) and searching is a dictionary look-up.
benchmarks/stemmers.py measures it on word pairs from questions (tests/data/question_forms.tsv).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .analysis import fold, stem

_INFINITIVE = re.compile(r"..(?:en|aan|ien|oen|ijn)$")


@lru_cache(maxsize=1)
def _dutch_dictionary() -> Mapping[str, str] | None:
    try:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    except ImportError:  # searching still works with the stemmer alone
        return None
    return DefaultDictionaryFactory().get_dictionary("nl")


def lemma_stems(vocabulary: Iterable[str], dictionary: Mapping[str, str] | None = None) -> dict[str, str]:
    """{folded form: stem of its lemma} for every form whose lemma a word of `vocabulary` shares, where that
    stem differs from the form's own stem. Covers forms the cards never use, since a question may."""
    if dictionary is None:
        dictionary = _dutch_dictionary()
        if dictionary is None:
            return {}
    folded: dict[str, str] = {}
    for form, lemma in dictionary.items():
        key = fold(form)
        if key.isalpha() and key not in folded:
            folded[key] = fold(lemma)
    wanted = set()
    for word in vocabulary:
        wanted.add(folded.get(word, word))
        wanted.add(word)
    table: dict[str, str] = {}
    for form, lemma in folded.items():
        # Verbs only (an infinitive ends in -en, or -n after a vowel: slaan, zien, doen): nouns and
        # adjectives are the stemmer's job, and their
        # lemmas bring homographs (ouder "parent" -> oud "old").
        if lemma in wanted and form != lemma and _INFINITIVE.search(lemma):
            lemma_stem = stem(lemma)
            if stem(form) != lemma_stem:
                table[form] = lemma_stem
    return table


def search_terms(word: str, forms: dict[str, str]) -> set[str]:
    """The terms one folded word is indexed and searched under: its stem, and its lemma's stem if known."""
    lemma_stem = forms.get(word)
    return {stem(word), lemma_stem} if lemma_stem else {stem(word)}
