"""The wijzer card type: every branch ends somewhere, every card it names exists, and a pack can replace it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONTENT, make_extra_pack

from navigator.content import load_corpus
from navigator.content.wijzer import Walk

SMALL = Path(__file__).resolve().parent / "data" / "wijzer" / "kleine-wijzer.yaml"


def with_wijzer(pack: Path, text: str | None = None) -> Path:
    (pack / "kleine-wijzer.yaml").write_text(
        text if text is not None else SMALL.read_text(encoding="utf-8"), encoding="utf-8"
    )
    return pack


def problems(pack: Path, text: str) -> list[str]:
    with_wijzer(pack, text)
    corpus = load_corpus([pack])
    assert "meldcode-wijzer" not in corpus.cards
    return [str(p) for p in corpus.problems if "kleine-wijzer.yaml" in p.path]


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth]


def test_the_small_wijzer_loads_and_its_paths_reach_every_end(mini_pack):
    corpus = load_corpus([with_wijzer(mini_pack)])
    assert not [p for p in corpus.problems if p.path.endswith("wijzer.yaml")]
    walk = Walk(corpus.cards["meldcode-wijzer"].fields)
    ends = {walk.target(*path[-1]) for path in walk.paths()}
    assert ends == {"melden", "afsluiten"}
    # A `naar` that names a step leads to that step's first question.
    assert walk.target("kinderen", 0) == "afweging-1"


@pytest.mark.parametrize(
    "old,new,needle,message",
    [
        ("naar: afsluiten", "naar: bestaat-niet", "naar: bestaat-niet", "leidt naar 'bestaat-niet'"),
        ("        naar: melden\n", "", "- tekst: Ja", "leidt naar None"),
        ("kaarten: [intieme-terreur]", "kaarten: [geen-kaart]", "geen-kaart", "verwijst naar kaart 'geen-kaart'"),
        ("    kaarten: [stalking]", "    kaarten: [nergens]", "[nergens]", "verwijst naar kaart 'nergens'"),
        ("    stap: wegen\n    afweging", "    stap: onbekend\n    afweging", "stap: onbekend", "onbekende stap"),
        ("    soort: melden", "    soort: bellen", "soort: bellen", "onbekende 'soort'"),
        ("start: kinderen", "start: melden", "start: melden", "'start' 'melden' is geen vraag"),
        ("    kindcheck: true\n", "", "route:", "'kindcheck: true'"),
        ("  - id: afsluiten", "  - id: melden", "  - id: melden", "komt al voor"),
        ("    vraag: Zijn er kinderen?", "    vraagje: Zijn er kinderen?", "vraagje", "onbekende sleutel 'vraagje'"),
    ],
)
def test_each_rule_is_reported_with_path_and_line(mini_pack, old, new, needle, message):
    text = SMALL.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    found = problems(mini_pack, broken)
    nth = 1 if needle in ("  - id: melden", "- tekst: Ja") else 0
    expected = f"kleine-wijzer.yaml:{line_of(broken, needle, nth)}: "
    assert any(expected in p and message in p for p in found), (expected, message, found)


def test_an_unreachable_end_and_question_are_reported(mini_pack):
    text = SMALL.read_text(encoding="utf-8").replace("naar: afsluiten", "naar: melden")
    text = text.replace(
        "route:\n",
        "route:\n  - id: los\n    stap: signalen\n    vraag: Los?\n    antwoorden:\n"
        "      - {tekst: Ja, naar: melden}\n",
    )
    found = problems(mini_pack, text)
    assert any(
        f":{line_of(text, '- id: afsluiten')}: einde 'afsluiten' is vanaf 'start' niet te bereiken" in p for p in found
    ), found
    assert any(f":{line_of(text, '- id: los')}: vraag 'los' is vanaf 'start' niet te bereiken" in p for p in found), (
        found
    )


def test_a_cycle_without_an_exit_is_reported(mini_pack):
    text = (
        SMALL.read_text(encoding="utf-8")
        .replace("naar: melden", "naar: kinderen")
        .replace("naar: afsluiten", "naar: kinderen")
    )
    found = problems(mini_pack, text)
    assert any("een kring zonder uitweg" in p and f":{line_of(text, '- id: kinderen')}:" in p for p in found), found


def test_a_cycle_with_an_exit_is_fine(mini_pack):
    # 'Twijfel' leads back to the start: a loop the walker may take, with exits on the way.
    corpus = load_corpus([with_wijzer(mini_pack)])
    assert "meldcode-wijzer" in corpus.cards


def test_a_step_without_a_question_is_reported(mini_pack):
    text = (
        SMALL.read_text(encoding="utf-8")
        .replace("start: kinderen", "start: kinderen\n")
        .replace(
            "  - id: wegen\n    titel: Wegen",
            "  - id: leeg\n    titel: Leeg\n    doen: Niets.\n  - id: wegen\n    titel: Wegen",
        )
    )
    found = problems(mini_pack, text)
    assert any("stap 'leeg' heeft geen vraag" in p for p in found), found


def test_a_pack_replaces_the_wijzer_under_its_own_id(mini_pack, tmp_path):
    own = (
        SMALL.read_text(encoding="utf-8")
        .replace("id: meldcode-wijzer", "id: regio-meldcode-wijzer\nvervangt: meldcode-wijzer")
        .replace('titel: "Meldcode-wijzer (test)"', 'titel: "Meldcode-wijzer van de regio"')
    )
    extra = make_extra_pack(tmp_path / "regio", {"wijzer.yaml": own})
    corpus = load_corpus([with_wijzer(mini_pack), extra])
    assert not [p for p in corpus.problems if p.path.endswith("wijzer.yaml")]
    assert "meldcode-wijzer" not in corpus.cards
    replacement = corpus.resolve("meldcode-wijzer")
    assert replacement is not None and replacement.title == "Meldcode-wijzer van de regio"


def test_a_pack_replaces_the_wijzer_under_the_same_id(mini_pack, tmp_path):
    own = (
        SMALL.read_text(encoding="utf-8")
        .replace("id: meldcode-wijzer", "id: meldcode-wijzer\nvervangt: meldcode-wijzer")
        .replace('versie: "0.1"', 'versie: "regio 2"')
    )
    extra = make_extra_pack(tmp_path / "regio", {"wijzer.yaml": own})
    corpus = load_corpus([with_wijzer(mini_pack), extra])
    assert not [p for p in corpus.problems if p.path.endswith("wijzer.yaml")]
    assert corpus.cards["meldcode-wijzer"].fields["versie"] == "regio 2"
    assert corpus.cards["meldcode-wijzer"].pack == "Regio"


def test_the_real_wijzer_is_valid_and_every_end_is_reachable():
    corpus = load_corpus([CONTENT])
    assert not [p for p in corpus.problems if "meldcode-wijzer" in p.path]
    card = corpus.cards["meldcode-wijzer"]
    walk = Walk(card.fields)
    assert len(walk.steps) == 5
    assert {walk.target(*p[-1]) for p in walk.paths()} == set(walk.ends)
    assert {e["soort"] for e in walk.ends.values()} == {"melden", "hulp", "afsluiten", "opnieuw-wegen"}
    assert sorted(n["afweging"] for n in walk.nodes.values() if n.get("afweging")) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("query", ["meldcode", "afwegingskader", "melden of hulp"])
def test_search_offers_the_wijzer(real_engine, query):
    hits = [h.id for h in real_engine.search(query, {}, limit=5).hits]
    assert "meldcode-wijzer" in hits, hits
