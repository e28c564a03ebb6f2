"""The shipped corpus: valid, cited, complete across facets, original, and findable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from navigator.content import LIST_FACETS, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([ROOT / "content"])


def test_corpus_validates_without_problems(corpus):
    assert [str(p) for p in corpus.problems] == []


def test_corpus_is_complete(corpus):
    cards = corpus.cards.values()
    assert len(corpus.cards) >= 150
    by_type: dict[str, int] = {}
    for card in cards:
        by_type[card.type] = by_type.get(card.type, 0) + 1
    assert by_type.get("interventie", 0) + by_type.get("instrument", 0) + by_type.get("maatregel", 0) >= 60
    assert by_type.get("organisatie", 0) >= 10
    assert by_type.get("frustratie", 0) == 5
    assert by_type.get("scenario", 0) >= 6
    assert sorted(c.fields["nummer"] for c in cards if c.type == "frustratie") == [1, 2, 3, 4, 5]


def test_every_card_cites_a_source_with_a_place(corpus):
    for card in corpus.cards.values():
        assert card.sources and all(str(ref.get("plek", "")).strip() for ref in card.sources), card.id


def test_every_facet_value_is_used(corpus):
    # Recognition levels are the databanks' whole ladder, also the rungs no card stands on (yet).
    used = {
        (facet, value)
        for card in corpus.cards.values()
        for facet in (*LIST_FACETS, "type")
        for value in card.facets.get(facet, [])
    }
    unused = [
        (f.key, v.key)
        for f in corpus.taxonomy.facets
        if f.key != "erkenning"
        for v in f.values
        if (f.key, v.key) not in used
    ]
    assert unused == []


CONTENT_ROUND = "2026-12-01"  # the last round in which every card was checked against its sources


def test_every_card_was_checked_this_round(corpus):
    assert [c.id for c in corpus.cards.values() if str(c.fields["gecontroleerd"]) < CONTENT_ROUND] == []


def test_every_card_says_which_questions_it_answers(corpus):
    for card in corpus.cards.values():
        questions = card.fields.get("vragen") or []
        assert 3 <= len(questions) <= 6, (card.id, questions)
        assert all(q.strip().endswith("?") for q in questions), (card.id, questions)


def _text(card) -> str:
    import json

    return json.dumps(card.fields, ensure_ascii=False, default=str) + card.body


@pytest.mark.parametrize(
    "card_id, facts",
    [
        ("veilig-thuis", ["0800-2000"]),
        ("tijdelijk-huisverbod", [r"(10|[Tt]ien) dagen", "28 dagen"]),
        ("ondertoezichtstelling", ["kinderrechter", "voorlopige"]),
        ("uithuisplaatsing", ["kinderrechter"]),
        ("beroepsgeheim-en-meldrecht", ["meldrecht", "Veilig Thuis"]),
        ("relatiebemiddeling", ["Veilig Thuis"]),
        ("risicotaxatie", ["RiHG|RIHG", "SASH"]),
        (
            "stalking",
            ["kaart:aangifte", "kaart:contactverbod", "kaart:gedragsaanwijzing", "kaart:aware", "kaart:veilig-thuis"],
        ),
    ],
)
def test_a_caseworker_finds_the_facts_on_the_card(corpus, card_id, facts):
    assert card_id in corpus.cards
    text = _text(corpus.cards[card_id])
    import re

    missing = [fact for fact in facts if not re.search(fact, text)]
    assert missing == []


def test_no_card_names_a_source_by_its_file_number(corpus):
    import re

    number = re.compile(r"\(\s*00[0-4]\s*[),;]|\b(?:volgens|in|uit|noemt|bron)\s+00[0-4]\b|^\s*00[0-4]\s+noemt", re.M)
    assert [c.id for c in corpus.cards.values() if number.search(_text(c))] == []


def test_measures_and_organisations_the_professional_needs(corpus):
    for card_id in (
        "tijdelijk-huisverbod",
        "contactverbod",
        "aanhouding",
        "uithuisplaatsing",
        "ondertoezichtstelling",
        "aware-alarm",
        "opvang",
        "veilig-thuis",
        "politie",
        "zorg-en-veiligheidshuis",
        "raad-voor-de-kinderbescherming",
        "gecertificeerde-instelling",
        "lokaal-team",
        "vrouwenopvang",
        "openbaar-ministerie",
        "leo-en-nora",
    ):
        assert card_id in corpus.cards, card_id
    assert "aware" in corpus.cards["aware-alarm"].see_also


def test_coercive_control_finds_intieme_terreur_first(real_engine):
    assert real_engine.search("coercive control").hits[0].id == "intieme-terreur"


def test_filters_on_the_real_corpus_add_up(real_engine):
    response = real_engine.search("", {"type": ["interventie"], "profiel": ["complexe-scheiding"]}, limit=500)
    assert response.total == len(response.hits) > 0
    assert all(h.type == "interventie" and "complexe-scheiding" in h.facets["profiel"] for h in response.hits)
    broader = real_engine.search("", {"profiel": ["complexe-scheiding"]})
    assert broader.facets["type"]["interventie"] == response.total


@pytest.mark.skipif(not (SHARED / "tools" / "originality.py").exists(), reason="../shared is not beside the checkout")
def test_content_is_written_in_our_own_words():
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "originality.py"), "--strict", "content"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.skipif(not (SHARED / "eval" / "dev-queries.yaml").exists(), reason="../shared is not beside the checkout")
def test_relevance_cases_are_all_hit(real_engine):
    import yaml

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from relevance import evaluate

    cases = yaml.safe_load((SHARED / "eval" / "dev-queries.yaml").read_text(encoding="utf-8"))["cases"]
    misses = [(row["query"], row["top"]) for row in evaluate(real_engine, cases) if not row["hit"]]
    assert misses == []
