"""Dutch text analysis: folding, tokenising, stemming and splitting compounds. Pure Python.

Why our own: Whoosh's Dutch stemmer (classic Snowball) misses common plurals (gezin/gezinnen, man/mannen,
kind/kinderen, interventie/interventies), and the newer Snowball 'dutch' strips `ge-` so hard that `geweld`
becomes `wel` and `gezin` becomes `zin`. We keep classic Snowball and repair its known gaps; the word pairs in
tests/data/dutch_pairs.tsv (taken from the real cards) measure the result, see benchmarks/stemmers.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from whoosh.lang.snowball.dutch import DutchStemmer

ANALYSIS_VERSION = "nl-8"  # bump when analysis changes: the index manifest records it

_WORD = re.compile(r"[0-9a-z]+")
_HYPHENATED = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)+")
_classic: Callable[[str], str] = DutchStemmer().stem

# Short function words that carry no meaning in a search ("wie heeft de regie" is about regie).
STOPWORDS = frozenset(
    """
aan al alle alles als ben bij dan dat de der des deze die dit doch doen door dus een eens en er ge geen
had heb hebben heeft hem het hier hij hoe hun ik in is je jij jou jouw kan kun kunnen maar me meer men met mij
mijn na naar niet niets nog nu of om omdat ons onze ook op over te tegen toch toen tot u uit uw van veel voor
want waren was wat we wel werd wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder zou
tussen tijdens via sinds vanaf rond per weer echt ooit even steeds erg heel
""".split()
)

# Irregular plurals that Snowball cannot reach by suffix rules.
_IRREGULAR = {
    "kinderen": "kind",
    "kinderens": "kind",
    "steden": "stad",
    "schepen": "schip",
    "eieren": "ei",
    "liederen": "lied",
    "volkeren": "volk",
    "bladeren": "blad",
    "gelegenheden": "gelegenheid",
    "mogelijkheden": "mogelijkheid",
    "moeilijkheden": "moeilijkheid",
    "bevoegdheden": "bevoegdheid",
    "verantwoordelijkheden": "verantwoordelijkheid",
    "omstandigheden": "omstandigheid",
}
_DOUBLE = re.compile(r"([bdfgklmnprstz])\1$")


def fold(text: str) -> str:
    """Lowercase and strip accents: 'Één coördinator' -> 'een coordinator'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded words; hyphens and apostrophes separate ('Huis-aanpak' -> huis, aanpak; "risico's" -> risico, s)."""
    return _WORD.findall(fold(text))


_STEMS: dict[str, str] = {}
_STEMS_MAX = 400_000


def stem(word: str) -> str:
    """Stem one folded Dutch word (memoised: the same words come back with every keystroke and snippet)."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= _STEMS_MAX:
            _STEMS.clear()
        found = _STEMS[word] = _stem(word)
    return found


def remember_stems(stems: dict[str, str]) -> None:
    """Stems computed when the index was built (same ANALYSIS_VERSION, checked by the manifest), so opening
    an index and its first searches need not run the stemmer over the whole vocabulary again."""
    if len(_STEMS) + len(stems) >= _STEMS_MAX:
        _STEMS.clear()
    _STEMS.update(stems)


def _stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    if word in _IRREGULAR:
        return _classic(_IRREGULAR[word])
    if word.endswith("heden"):
        word = word[:-5] + "heid"
    elif word.endswith("leden"):  # familieleden -> familielid
        word = word[:-5] + "lid"
    elif word.endswith("es") and len(word) >= 5:  # interventies, fases, kindjes: plural -s after a vowel
        word = word[:-1]
    result = _classic(word)
    # Classic Snowball undoubles only kk/dd/tt after removing -en: gezinnen -> gezinn. Finish the job.
    if len(result) > 3 and _DOUBLE.search(result):
        result = result[:-1]
    # Voiced plural stems: huizen -> huiz -> huis, brieven -> briev -> brief.
    if len(result) > 3 and result[-1] in "zv":
        result = result[:-1] + ("s" if result[-1] == "z" else "f")
    return result


def joined_words(text: str) -> list[str]:
    """Hyphenated words written as one ('ex-man' -> 'exman'): indexed beside their parts, so a synonym like
    ex-man can match as a whole instead of as 'ex' and 'man' anywhere in a card."""
    return ["".join(m.group().split("-")) for m in _HYPHENATED.finditer(fold(text))]


def phrase_words(text: str) -> list[str]:
    """The words of a synonym or label as one unit each: hyphenated words joined, stopwords left out."""
    folded = fold(text)
    out: list[str] = []
    for match in re.finditer(r"[0-9a-z]+(?:-[0-9a-z]+)*", folded):
        word = match.group().replace("-", "")
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):  # as a query drops "s" of "women's"
            out.append(word)
    return out


def tokens(text: str) -> list[str]:
    """Folded words without stopwords (and without the stray 's' of "risico's")."""
    return [w for w in words(text) if (w not in STOPWORDS and len(w) > 1) or w.isdigit()]


class CompoundSplitter:
    """Splits Dutch compounds into parts that occur in the corpus vocabulary.

    Dutch writes compounds as one word (huisverbod, partnergeweld, oranjehuis), so a search for `verbod`
    must find `huisverbod` and `oranjehuis` must find "Oranje Huis". Whoosh has no Dutch decompounder; a
    split into words the cards themselves use is enough here, because the cards are the dictionary.
    """

    MIN_PART = 4
    LINKS = ("s", "e", "en")  # tussenklanken: veiligheid-s-plan, scheiding-s-atlas

    def __init__(self, vocabulary: set[str]):
        self.vocabulary = frozenset(w for w in vocabulary if len(w) >= self.MIN_PART and w not in STOPWORDS)
        self._cache: dict[str, list[str]] = {}

    def split(self, word: str, depth: int = 3) -> list[str]:
        """The parts of `word`, or [] if it is not a compound of known words. Prefers the longest head."""
        if len(word) < 2 * self.MIN_PART:
            return []
        key = f"{depth}:{word}"
        if key not in self._cache:
            self._cache[key] = self._split(word, depth)
        return self._cache[key]

    def _split(self, word: str, depth: int) -> list[str]:
        for cut in range(self.MIN_PART, len(word) - self.MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if tail not in self.vocabulary:
                continue
            modifiers = [head] + [head[: -len(link)] for link in self.LINKS if head.endswith(link)]
            for modifier in modifiers:
                if len(modifier) < self.MIN_PART:
                    continue
                if modifier in self.vocabulary:
                    return [modifier, tail]
                if depth > 1:
                    inner = self.split(modifier, depth - 1)
                    if inner:
                        return inner + [tail]
        return []

    def compounds_by_head(self) -> dict[str, list[str]]:
        """For every word that is the last part of some compound in the vocabulary: those compounds."""
        heads: dict[str, list[str]] = {}
        for word in sorted(self.vocabulary):
            parts = self.split(word)
            if parts:
                heads.setdefault(parts[-1], []).append(word)
        return heads


def index_terms(text: str, forms: dict[str, str] | None = None) -> list[str]:
    """The terms a text is indexed under: the stems of its words, in order; for an inflected form also the
    stem of its lemma (`forms`, see wordforms.py), and hyphenated words also as one word."""
    out = []
    for word in tokens(text):
        out.append(stem(word))
        if forms and word in forms:
            out.append(forms[word])
    out.extend(stem(word) for word in joined_words(text))
    return out
