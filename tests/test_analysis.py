"""Dutch analysis: word forms that must meet, words that must stay apart, accents and compounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from navigator.search.analysis import CompoundSplitter, fold, stem, tokens, words

PAIRS = Path(__file__).resolve().parent / "data" / "dutch_pairs.tsv"


def _pairs(kind):
    rows = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, a, b = line.split("\t")
            if k == kind:
                rows.append((a, b))
    return rows


@pytest.mark.parametrize("a, b", _pairs("same"))
def test_word_forms_from_the_cards_meet(a, b):
    assert stem(words(a)[0]) == stem(words(b)[0])


@pytest.mark.parametrize("a, b", _pairs("apart"))
def test_different_words_stay_apart(a, b):
    assert stem(words(a)[0]) != stem(words(b)[0])


def test_folding_removes_accents_and_case():
    assert fold("Één Coördinator, geïnteresseerd") == "een coordinator, geinteresseerd"
    assert words("Oranje Huis-aanpak") == ["oranje", "huis", "aanpak"]


def test_stopwords_are_dropped_but_abbreviations_kept():
    assert tokens("Wie heeft de regie bij VT?") == ["regie", "vt"]


def test_compounds_split_into_known_words():
    splitter = CompoundSplitter({"huis", "verbod", "oranje", "partner", "geweld", "veiligheid", "plan"})
    assert splitter.split("huisverbod") == ["huis", "verbod"]
    assert splitter.split("oranjehuis") == ["oranje", "huis"]
    assert splitter.split("veiligheidsplan") == ["veiligheid", "plan"]  # with the linking -s-
    assert splitter.split("partnergeweld") == ["partner", "geweld"]
    assert splitter.split("scheiding") == []
