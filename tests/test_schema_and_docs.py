"""The card schema is declared once and everything else agrees with it: validation, the search record, the docs."""

from __future__ import annotations

import sys
from pathlib import Path

from navigator.content import FIELD_LABELS, LIST_FACETS
from navigator.content.loader import load_taxonomy
from navigator.content.schema import COMMON, FIELDS, TYPES, Kind, allowed, label

ROOT = Path(__file__).resolve().parent.parent


def test_every_field_is_declared_once_and_used():
    used = [*COMMON.required, *COMMON.optional] + [k for f in TYPES.values() for k in (*f.required, *f.optional)]
    assert set(used) <= set(FIELDS), set(used) - set(FIELDS)
    assert set(FIELDS) == set(used), set(FIELDS) - set(used)
    assert len(set(COMMON.required + COMMON.optional)) == len(COMMON.required + COMMON.optional)
    for card_type, fields in TYPES.items():
        assert not set(fields.required) & set(fields.optional), card_type
        assert not (set(fields.required) | set(fields.optional)) & set(COMMON.required + COMMON.optional), card_type


def test_facet_fields_get_their_labels_from_the_taxonomy():
    taxonomy, problems = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
    assert problems == []
    facet_fields = [k for k, f in FIELDS.items() if f.kind in (Kind.FACET, Kind.FACETS)]
    assert {f.key for f in taxonomy.facets} == set(facet_fields)
    for key in facet_fields:
        assert FIELDS[key].label == "" and label(key, taxonomy) == taxonomy.facet(key).label  # type: ignore[union-attr]
    assert list(TYPES) == [v.key for v in taxonomy.facet("type").values]  # type: ignore[union-attr]
    assert tuple(k for k in facet_fields if FIELDS[k].kind == Kind.FACETS) == LIST_FACETS


def test_validation_follows_the_schema(mini_pack):
    from navigator.content import load_corpus

    assert "kader" in allowed("maatregel") and "kader" not in allowed("kennis")
    (mini_pack / "nieuw.md").write_text(
        "---\nid: nieuw\ntype: kennis\ntitel: Nieuw\nsamenvatting: Iets.\nkader: [strafrecht]\n"
        "bronnen:\n  - {bron: kenniskaart, plek: Inleiding}\ngecontroleerd: 2026-01-01\n---\nTekst.\n",
        encoding="utf-8",
    )
    problems = [p for p in load_corpus([mini_pack]).problems if p.path.endswith("nieuw.md")]
    assert [p.message for p in problems] == ["onbekende sleutel 'kader' voor type kennis"]
    assert FIELD_LABELS["wanneer"] == FIELDS["wanneer"].label == "Wanneer inschakelen"


def test_the_field_tables_in_the_content_doc_are_current(capsys):
    sys.path.insert(0, str(ROOT / "tools"))
    from content_doc import main

    assert main(["--check"]) == 0, capsys.readouterr().err
