"""The card schema, declared once: every field, its kind, whether a type requires it, and its Dutch label.

Validation (checks.py), the search record (search/documents.py) and docs/content.md (tools/content_doc.py)
read it; the card view and the comparison will after the UI branches are merged. Adding a field is one entry
in FIELDS plus its place in COMMON or TYPES. Facet fields take their label from taxonomy.yaml, not from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # model.py reads this module; this one needs the model only for a type
    from .model import Taxonomy


class Kind(StrEnum):
    """What a field holds; each kind is checked the same way wherever it occurs."""

    ID = "id"  # a slug: kleine letters, cijfers en streepjes
    IDS = "ids"  # a list of card ids
    TEXT = "tekst"
    TEXTS = "lijst"  # a list of texts
    FACET = "facet"  # one value from taxonomy.yaml
    FACETS = "facetten"  # a list of values from taxonomy.yaml
    DATE = "datum"  # JJJJ-MM-DD
    URL = "url"
    NUMBER = "getal"
    YES_NO = "ja/nee"
    SOURCES = "bronnen"  # a list of {bron, plek}
    SOURCE = "bron"  # one id from bronnen.yaml
    LEGAL_FRAMES = "kader"  # a list of KADER_VALUES
    PEOPLE = "personen"  # a list of {naam, leeftijd, rol}
    STEPS = "stappen"  # a scenario's or a wijzer's steps
    WALK = "route"  # a wijzer's questions with answers that lead somewhere, and its ends (wijzer.py checks them)


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    label: str  # Dutch, as the card shows it; empty for facets (their label is in taxonomy.yaml)
    help: str  # for docs/content.md
    shown: bool = False  # in the table of structured fields on the card, in the order of FIELDS
    searched: bool = False  # its text is searched as part of the card's text


FIELDS: dict[str, Field] = {
    f.key: f
    for f in (
        Field("id", Kind.ID, "Id", "vaste naam: kleine letters, cijfers en streepjes; uniek over alle pakketten"),
        Field("type", Kind.FACET, "", "het soort kaart (tabel 'Facetwaarden')"),
        Field("titel", Kind.TEXT, "Titel", "titel zoals in de bron gespeld"),
        Field("samenvatting", Kind.TEXT, "Samenvatting", "één of twee zinnen; dit staat in de resultatenlijst"),
        Field("profiel", Kind.FACETS, "", "gezinsprofielen waarover de kaart gaat"),
        Field("fase", Kind.FACETS, "", "fasen van de aanpak"),
        Field("doelgroep", Kind.FACETS, "", "voor wie de kaart van belang is"),
        Field("geweldstype", Kind.FACETS, "", "soorten geweld"),
        Field("domein", Kind.FACETS, "", "domeinen die ermee werken"),
        Field("doel", Kind.TEXT, "Doel", "wat het wil bereiken", shown=True, searched=True),
        Field("voor_wie", Kind.TEXT, "Voor wie", "voor wie het bedoeld is", shown=True, searched=True),
        Field("uitvoering", Kind.TEXT, "Uitvoering", "wie het uitvoert en hoe", shown=True, searched=True),
        Field(
            "erkenning", Kind.FACET, "", "het erkenningsniveau zoals de databank het noemt; zwijgt de bron: onbekend"
        ),
        Field(
            "erkenning_toelichting",
            Kind.TEXT,
            "Over de erkenning",
            "welke databank, welk niveau, sinds wanneer (nodig tenzij 'onbekend')",
            shown=True,
            searched=True,
        ),
        Field("erkenning_bron", Kind.SOURCE, "Bron van de erkenning", "id uit bronnen.yaml (nodig tenzij 'onbekend')"),
        Field(
            "kader",
            Kind.LEGAL_FRAMES,
            "Juridisch kader",
            "lijst: strafrecht, bestuursrecht, civiel-recht, jeugdbescherming",
            shown=True,
        ),
        Field("wie", Kind.TEXT, "Wie", "wie de maatregel oplegt of uitvoert", shown=True, searched=True),
        Field("rol", Kind.TEXT, "Rol", "wat de organisatie doet", shown=True, searched=True),
        Field("wanneer", Kind.TEXT, "Wanneer inschakelen", "wanneer je haar inschakelt", shown=True, searched=True),
        Field(
            "contra_indicaties",
            Kind.TEXTS,
            "Contra-indicaties",
            "situaties waarin je het niet inzet",
            shown=True,
            searched=True,
        ),
        Field("let_op", Kind.TEXTS, "Let op", "korte waarschuwingen; de app toont ze opvallend", searched=True),
        Field("nummer", Kind.NUMBER, "Nummer", "het nummer van de frustratie, 1 tot en met 5"),
        Field("tips", Kind.TEXTS, "Tips", "wat helpt", shown=True, searched=True),
        Field("url", Kind.URL, "Website", "webadres (http:// of https://)"),
        Field(
            "vragen",
            Kind.TEXTS,
            "Vragen",
            "vragen zoals mensen ze stellen, die de kaart beantwoordt; zoeken weegt ze zwaar",
        ),
        Field("zie_ook", Kind.IDS, "Zie ook", "id's van verwante kaarten; die moeten bestaan"),
        Field("toelichting", Kind.TEXT, "Toelichting", "voor de trainer", searched=True),
        Field(
            "personen", Kind.PEOPLE, "Personen", "wie er in de casus voorkomen: {naam, leeftijd, rol}", searched=True
        ),
        Field(
            "samengestelde_casus", Kind.YES_NO, "Samengestelde casus", "true als de casus uit meerdere is samengesteld"
        ),
        Field("stappen", Kind.STEPS, "Stappen", "de stappen van het scenario of de wijzer", searched=True),
        Field("versie", Kind.TEXT, "Versie", "versie van de wijzer, op het afwegingsverslag (bijv. '1.0')"),
        Field("start", Kind.TEXT, "Start", "id van de eerste vraag van de wijzer"),
        Field(
            "route",
            Kind.WALK,
            "Route",
            "de vragen van de wijzer met hun antwoorden en waar die heen leiden",
            searched=True,
        ),
        Field(
            "einden",
            Kind.WALK,
            "Einden",
            "waar een route van de wijzer eindigt: melden, hulp, afsluiten, opnieuw wegen",
            searched=True,
        ),
        Field("reflectie", Kind.TEXTS, "Reflectie", "vragen om na te bespreken", searched=True),
        Field("tekst", Kind.TEXT, "Tekst", "de tekst van een YAML-kaart (in een Markdown-kaart: onder het YAML-blok)"),
        Field(
            "bronnen",
            Kind.SOURCES,
            "Bronnen",
            "lijst van {bron: id uit bronnen.yaml, plek: hoofdstuk of paragraaf zoals gedrukt}",
        ),
        Field(
            "gecontroleerd", Kind.DATE, "Gecontroleerd", "datum waarop de kaart het laatst met de bronnen is vergeleken"
        ),
        Field(
            "vervangt", Kind.ID, "Vervangt", "alleen in een extra pakket: id van de kernkaart die deze kaart vervangt"
        ),
    )
}


@dataclass(frozen=True)
class Fields:
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


# Every card, whatever its type.
COMMON = Fields(
    required=("id", "type", "titel", "samenvatting", "bronnen", "gecontroleerd"),
    optional=(
        "profiel",
        "fase",
        "doelgroep",
        "geweldstype",
        "domein",
        "let_op",
        "zie_ook",
        "vervangt",
        "tekst",
        "vragen",
    ),
)

# Per type, in the order of taxonomy.yaml's `type` facet: the extra fields it requires and allows.
TYPES: dict[str, Fields] = {
    "kennis": Fields(()),
    "interventie": Fields(
        ("doel", "voor_wie", "uitvoering", "erkenning"),
        ("erkenning_toelichting", "erkenning_bron", "url", "contra_indicaties"),
    ),
    "instrument": Fields(
        ("doel",),
        ("voor_wie", "uitvoering", "url", "erkenning", "erkenning_toelichting", "erkenning_bron", "contra_indicaties"),
    ),
    "maatregel": Fields(("kader", "wie"), ("url", "contra_indicaties")),
    "frustratie": Fields(("nummer", "tips"), ()),
    "organisatie": Fields(("rol", "wanneer"), ("url",)),
    "scenario": Fields(("stappen",), ("personen", "samengestelde_casus", "toelichting", "reflectie")),
    # A guided walk (the Meldcode-wijzer): steps, questions with answers that lead somewhere, ends.
    "wijzer": Fields(("versie", "stappen", "route", "einden", "start"), ("toelichting",)),
}

KADER_VALUES = ("strafrecht", "bestuursrecht", "civiel-recht", "jeugdbescherming")


def keys_of(*kinds: Kind) -> tuple[str, ...]:
    """The fields of these kinds, in schema order."""
    return tuple(key for key, f in FIELDS.items() if f.kind in kinds)


def required(card_type: str) -> tuple[str, ...]:
    return COMMON.required + TYPES[card_type].required


def allowed(card_type: str) -> set[str]:
    fields = TYPES[card_type]
    return {*COMMON.required, *COMMON.optional, *fields.required, *fields.optional}


def label(key: str, taxonomy: Taxonomy | None = None) -> str:
    """A field's Dutch label; a facet's comes from taxonomy.yaml."""
    facet = taxonomy.facet(key) if taxonomy is not None else None
    if facet is not None:
        return facet.label
    found = FIELDS.get(key)
    return found.label if found is not None and found.label else key
