"""Loading and validation: every kind of content error is reported as path:line: message and left out."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from navigator.content import load_corpus

GOOD = """\
---
id: {id}
type: kennis
titel: Een kaart
samenvatting: Korte samenvatting.
bronnen:
  - bron: kenniskaart
    plek: "Leeswijzer"
gecontroleerd: 2026-11-01
---
Tekst.
"""


def write(pack: Path, name: str, text: str) -> Path:
    path = pack / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_for(pack: Path, name: str, extra_packs=()):
    corpus = load_corpus([pack, *extra_packs])
    return corpus, [p for p in corpus.problems if p.path.endswith(name)]


def test_the_test_pack_loads_without_problems(mini_pack):
    corpus = load_corpus([mini_pack])
    assert corpus.problems == []
    assert {"intieme-terreur", "oranje-huis-aanpak", "leo-en-nora"} <= set(corpus.cards)
    card = corpus.cards["intieme-terreur"]
    assert card.title == "Intieme terreur"
    assert card.facets["geweldstype"] == ["intieme-terreur"]
    assert card.cautions == ["Voer geen gezamenlijke gesprekken met beide partners."]
    assert card.body.startswith("## Wat is het?")
    assert corpus.cards["leo-en-nora"].fields["stappen"][0]["titel"] == "Is het veilig genoeg?"


@pytest.mark.parametrize(
    "name, text, line, fragment",
    [
        ("yaml.md", GOOD.format(id="a").replace("titel: Een kaart", "titel: [niet gesloten"), 5, "op regel 4"),
        ("nofm.md", "# Alleen tekst\n", 1, "begint niet met een YAML-blok"),
        ("unclosed.md", "---\nid: x\ntype: kennis\n", 1, "niet afgesloten"),
        (
            "missing.md",
            GOOD.format(id="a").replace("samenvatting: Korte samenvatting.\n", ""),
            2,
            "'samenvatting' ontbreekt",
        ),
        (
            "unknown.md",
            GOOD.format(id="a").replace("gecontroleerd:", "kleur: rood\ngecontroleerd:"),
            9,
            "onbekende sleutel 'kleur'",
        ),
        (
            "typo-key.md",
            GOOD.format(id="a").replace("gecontroleerd:", "zie_oke: []\ngecontroleerd:"),
            9,
            "bedoel je 'zie_ook'",
        ),
        (
            "type.md",
            GOOD.format(id="a").replace("titel: Een kaart", "titel: [een, lijst]"),
            4,
            "'titel' moet tekst zijn",
        ),
        (
            "facet.md",
            GOOD.format(id="a").replace("gecontroleerd:", "fase:\n  - veiligheid\n  - veilighied\ngecontroleerd:"),
            11,
            "onbekende waarde 'veilighied' voor facet 'fase' (bedoel je 'veiligheid'?)",
        ),
        (
            "facetstr.md",
            GOOD.format(id="a").replace("gecontroleerd:", "profiel: complexe-scheiding\ngecontroleerd:"),
            9,
            "'profiel' moet een lijst zijn",
        ),
        ("cardtype.md", GOOD.format(id="a").replace("type: kennis", "type: artikel"), 3, "onbekend type 'artikel'"),
        ("date.md", GOOD.format(id="a").replace("2026-11-01", "2026-13-45"), 9, "geen geldige datum"),
        ("slug.md", GOOD.format(id="Een Kaart!"), 2, "geen geldige slug"),
        (
            "bron.md",
            GOOD.format(id="a").replace("bron: kenniskaart", "bron: onbekend-boek"),
            7,
            "bron 'onbekend-boek' staat niet in bronnen.yaml",
        ),
        ("plek.md", GOOD.format(id="a").replace('    plek: "Leeswijzer"\n', ""), 7, "zonder 'plek'"),
        (
            "lineref.md",
            GOOD.format(id="a").replace('plek: "Leeswijzer"', 'plek: "Leeswijzer, r. 12-40"'),
            8,
            "regelnummer van een tekstversie ('r. 12')",
        ),
        (
            "linerefbody.md",
            GOOD.format(id="a").replace("Tekst.", "Regel een.\nZoals in regels 120-140 staat."),
            12,
            "regelnummer van een tekstversie ('regels 120-140') in de tekst",
        ),
        (
            "lineref-letop.md",
            GOOD.format(id="a").replace("gecontroleerd:", "let_op:\n  - Let op (r. 88).\ngecontroleerd:"),
            10,
            "regelnummer van een tekstversie",
        ),
        (
            "zieook.md",
            GOOD.format(id="a").replace("gecontroleerd:", "zie_ook:\n  - stalking\n  - bestaat-niet\ngecontroleerd:"),
            11,
            "verwijst naar kaart 'bestaat-niet'",
        ),
        (
            "bodylink.md",
            GOOD.format(id="a").replace("Tekst.", "Regel een.\nZie [dit](kaart:nergens)."),
            12,
            "link naar kaart 'nergens'",
        ),
        (
            "dupkey.md",
            GOOD.format(id="a").replace("titel: Een kaart", "titel: Een kaart\ntitel: Twee"),
            5,
            "sleutel 'titel' staat er twee keer",
        ),
        ("empty.md", "   \n", 1, "bestand is leeg"),
        ("interventie.md", GOOD.format(id="a").replace("type: kennis", "type: interventie"), 2, "'doel' ontbreekt"),
        (
            "level.md",
            GOOD.format(id="a")
            .replace("type: kennis", "type: instrument")
            .replace("gecontroleerd:", "doel: Iets.\nerkenning: goed-onderbouwd\ngecontroleerd:"),
            10,
            "erkenning 'goed-onderbouwd' vraagt 'erkenning_toelichting'",
        ),
        (
            "oldlevel.md",
            GOOD.format(id="a")
            .replace("type: kennis", "type: instrument")
            .replace("gecontroleerd:", "doel: Iets.\nerkenning: erkend\ngecontroleerd:"),
            10,
            "onbekende waarde 'erkend' voor facet 'erkenning'",
        ),
    ],
)
def test_each_error_is_reported_with_its_line_and_the_card_left_out(mini_pack, name, text, line, fragment):
    write(mini_pack, name, text)
    corpus, found = problems_for(mini_pack, name)
    assert found, f"no problem reported for {name}"
    assert any(p.line == line and fragment in p.message for p in found), [str(p) for p in found]
    assert str(found[0]).startswith(f"{found[0].path}:{found[0].line}: ")
    assert "a" not in corpus.cards and "Een Kaart!" not in corpus.cards
    assert "intieme-terreur" in corpus.cards  # the rest still loads


def test_non_utf8_file_is_reported(mini_pack):
    (mini_pack / "latin1.md").write_bytes(GOOD.format(id="latin").replace("Tekst.", "Caf\xe9").encode("latin-1"))
    corpus, found = problems_for(mini_pack, "latin1.md")
    assert found and found[0].line == 11 and "UTF-8" in found[0].message
    assert "latin" not in corpus.cards


def test_huge_file_is_refused(mini_pack):
    write(mini_pack, "huge.md", GOOD.format(id="huge") + "woord " * 300_000)
    corpus, found = problems_for(mini_pack, "huge.md")
    assert found and "te groot" in found[0].message
    assert "huge" not in corpus.cards


def test_duplicate_id_across_packs_is_an_error(mini_pack, tmp_path):
    extra = tmp_path / "regio"
    extra.mkdir()
    write(extra, "pack.yaml", "naam: Regio\nversie: '1'\nuitgever: Gemeente\ndatum: 2026-11-01\n")
    write(extra, "dubbel.md", GOOD.format(id="stalking"))
    corpus, found = problems_for(mini_pack, "dubbel.md", [extra])
    assert found and found[0].line == 2 and "id 'stalking' bestaat al" in found[0].message
    assert corpus.cards["stalking"].pack != "Regio"


def test_pack_may_replace_a_core_card_by_naming_it(mini_pack, tmp_path):
    extra = tmp_path / "regio"
    extra.mkdir()
    write(extra, "pack.yaml", "naam: Regio\nversie: '1'\nuitgever: Gemeente\ndatum: 2026-11-01\n")
    write(
        extra,
        "vt.md",
        GOOD.format(id="veilig-thuis-regio").replace("type: kennis", "type: kennis\nvervangt: veilig-thuis"),
    )
    corpus = load_corpus([mini_pack, extra])
    assert corpus.problems == []
    assert "veilig-thuis" not in corpus.cards
    replacement = corpus.resolve("veilig-thuis")
    assert replacement is not None and replacement.id == "veilig-thuis-regio"


def test_pack_without_metadata_is_reported(mini_pack, tmp_path):
    extra = tmp_path / "regio"
    extra.mkdir()
    write(extra, "kaart.md", GOOD.format(id="regiokaart"))
    corpus = load_corpus([mini_pack, extra])
    assert any("pack.yaml" in p.message for p in corpus.problems)
    assert "regiokaart" in corpus.cards  # the cards themselves are fine


def test_scenario_steps_are_checked(mini_pack):
    text = (mini_pack / "leo-en-nora.yaml").read_text(encoding="utf-8")
    write(
        mini_pack,
        "leo-en-nora.yaml",
        text.replace("naar_stap: 2", "naar_stap: 9").replace("domein: jeugd, tekst", "domein: onderwijs, tekst"),
    )
    corpus, found = problems_for(mini_pack, "leo-en-nora.yaml")
    messages = [p.message for p in found]
    assert any("'naar_stap' 9 bestaat niet" in m for m in messages)
    assert any("onbekend domein 'onderwijs'" in m for m in messages)
    assert "leo-en-nora" not in corpus.cards


def test_a_link_to_a_broken_card_does_not_take_the_linking_card_down(mini_pack):
    text = (mini_pack / "stalking.md").read_text(encoding="utf-8")
    write(mini_pack, "stalking.md", text.replace("fase: [veiligheid]", "fase: [onbekend]"))
    corpus = load_corpus([mini_pack])
    assert "stalking" not in corpus.cards
    assert "intieme-terreur" in corpus.cards  # it links to stalking; only stalking's own problem is reported
    assert all("stalking.md" in p.path for p in corpus.problems)


def test_replacing_a_card_that_is_not_in_the_core_is_an_error(mini_pack, tmp_path):
    extra = tmp_path / "regio"
    extra.mkdir()
    write(extra, "pack.yaml", "naam: Regio\nversie: '1'\nuitgever: Gemeente\ndatum: 2026-11-01\n")
    write(extra, "x.md", GOOD.format(id="regio-x").replace("type: kennis", "type: kennis\nvervangt: bestaat-niet"))
    corpus, found = problems_for(mini_pack, "x.md", [extra])
    assert found and found[0].line == 4 and "noemt geen kaart uit het kernpakket" in found[0].message
    assert "regio-x" not in corpus.cards


def test_a_check_date_in_the_future_is_an_error(mini_pack):
    write(mini_pack, "toekomst.md", GOOD.format(id="toekomst").replace("2026-11-01", "2999-01-01"))
    _, found = problems_for(mini_pack, "toekomst.md")
    assert found and found[0].line == 9 and "in de toekomst" in found[0].message
