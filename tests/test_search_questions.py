"""Search as professionals ask: word forms, English terms, precise synonyms, overview first, honest weak answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from navigator.search.analysis import words
from navigator.search.wordforms import lemma_stems, search_terms

FORMS = Path(__file__).resolve().parent / "data" / "question_forms.tsv"
ROOT = Path(__file__).resolve().parent.parent


def _pairs(kind):
    rows = []
    for line in FORMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, a, b = line.split("\t")
            if k == kind:
                rows.append((words(a)[0], words(b)[0]))
    return rows


@pytest.mark.parametrize("asked, card_word", _pairs("same"))
def test_a_question_word_form_meets_the_cards_word(asked, card_word):
    forms = lemma_stems({card_word})  # the table as built for a corpus that uses `card_word`
    assert search_terms(asked, forms) & search_terms(card_word, forms)


@pytest.mark.parametrize("a, b", _pairs("apart"))
def test_different_words_stay_apart_with_lemmas_too(a, b):
    forms = lemma_stems({a, b})
    assert not search_terms(a, forms) & search_terms(b, forms)


def titles(response):
    return [hit.title for hit in response.hits]


def test_verb_forms_in_a_question_find_the_card(real_engine):
    # "belt" is never in a card; "bellen" is, in the Veilig Thuis card and others.
    response = real_engine.search("wie belt veilig thuis")
    assert "veilig-thuis" in [hit.id for hit in response.hits[:3]]


@pytest.mark.parametrize(
    "query",
    [
        "restraining order",
        "signs of safety",
        "safety plan",
        "honour based violence",
        "risk assessment",
        "coercive control",
        "child protection",
        "abuse",
    ],
)
def test_recognised_english_terms_get_no_nonsense_correction(real_engine, query):
    response = real_engine.search(query)
    assert response.suggestion is None
    assert response.hits, query


def test_restraining_order_finds_a_protective_order_not_childrens_groups(real_engine):
    top = titles(real_engine.search("restraining order"))[:3]
    assert any("verbod" in title.lower() for title in top), top


def test_a_real_typo_still_gets_a_correction(real_engine):
    response = real_engine.search("kinderen uit de kenl")
    assert response.suggestion == "kinderen uit de knel"
    assert titles(response)[0] == "Kinderen uit de Knel"


def test_a_short_unknown_word_is_not_guessed_into_another(real_engine):
    # Two edits in a five-letter word reach unrelated words (abuse -> acute): no guess. One edit is a typo.
    assert real_engine.query.correct("acxtx") is None
    assert real_engine.query.correct("acutx") == "acute"


def test_ex_expands_as_a_whole_word_only(real_engine):
    # "ex" means ex-partner, ex-man or ex-vrouw; a card about men ("Mannen als slachtoffer") must not win on
    # the word "man" alone.
    top = titles(real_engine.search("ex partner"))[:3]
    assert not any(title.startswith("Mannen") for title in top), top
    top = titles(real_engine.search("ex"))[:5]
    assert not any(title.startswith("Mannen") for title in top), top


def test_the_overview_ranks_before_a_narrower_card(real_engine):
    response = real_engine.search("meldcode stappen")
    assert response.hits[0].id == "meldcode"
    assert "meldcode-afwegingen" in [hit.id for hit in response.hits[1:5]]


def _running_text_word(engine) -> str:
    """A word that some card has only in its running text: no card is about it."""
    from navigator.search.analysis import stem
    from navigator.search.engine import STRONG_FIELDS

    for word in sorted(engine.vocabulary):
        if len(word) >= 7 and word.isalpha() and engine.query.forms.get(word) is None:
            term = stem(word)
            only_in_body = engine._field_postings("body", term) and not any(
                engine._field_postings(f, term) for f in STRONG_FIELDS
            )
            if only_in_body and not engine.query.compounds_for(word) and (word,) not in engine.query.phrases:
                return word
    raise AssertionError("no word that stands only in running text")


def test_a_question_the_corpus_does_not_answer_is_weak(real_engine):
    word = _running_text_word(real_engine)
    weak = real_engine.search(word)
    assert weak.weak and weak.hits, word
    assert real_engine.search(f"{word} quantumfysica xylofoon").weak
    assert not real_engine.search("tijdelijk huisverbod").weak
    assert not real_engine.search("stalking").weak


def test_cli_marks_a_weak_answer(tmp_path, real_engine):
    word = _running_text_word(real_engine)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run(
        [sys.executable, "-m", "navigator", "search", word, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["weak"] is True
    run = subprocess.run(
        [sys.executable, "-m", "navigator", "search", word],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert f"Geen kaart gaat over “{word}”." in run.stdout
