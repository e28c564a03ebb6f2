"""The content model: cards, facets, sources and the problems found while loading them."""
from __future__ import annotations

from dataclasses import dataclass, field

CARD_TYPES = ("kennis", "interventie", "instrument", "maatregel", "frustratie", "organisatie", "scenario",
              "wijzer")

# Facet keys in the order the app shows them. `type` and `erkenning` are single-valued in a card;
# the others are lists.
FACET_KEYS = ("type", "profiel", "fase", "doelgroep", "geweldstype", "domein", "erkenning")
LIST_FACETS = ("profiel", "fase", "doelgroep", "geweldstype", "domein")

COMMON_REQUIRED = ("id", "type", "titel", "samenvatting", "bronnen", "gecontroleerd")
# `vragen`: questions a professional or client would ask that the card answers; searched with their own weight.
COMMON_OPTIONAL = LIST_FACETS + ("let_op", "zie_ook", "vervangt", "tekst", "vragen")

# Per type: (required extra keys, optional extra keys).
TYPE_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "kennis": ((), ()),
    "interventie": (("doel", "voor_wie", "uitvoering", "erkenning"),
                    ("erkenning_toelichting", "erkenning_bron", "url", "contra_indicaties")),
    "instrument": (("doel",), ("voor_wie", "uitvoering", "url", "erkenning", "erkenning_toelichting",
                               "erkenning_bron", "contra_indicaties")),
    "maatregel": (("kader", "wie"), ("url", "contra_indicaties")),
    "organisatie": (("rol", "wanneer"), ("url",)),
    "frustratie": (("nummer", "tips"), ()),
    "scenario": (("stappen",), ("personen", "samengestelde_casus", "toelichting", "reflectie")),
    # A guided walk (the Meldcode-wijzer): steps, questions with answers that lead somewhere, ends.
    "wijzer": (("versie", "stappen", "route", "einden", "start"), ("toelichting",)),
}

KADER_VALUES = ("strafrecht", "bestuursrecht", "civiel-recht", "jeugdbescherming")

# Labels for the structured fields, in the order a card view shows them.
FIELD_LABELS = {
    "doel": "Doel",
    "voor_wie": "Voor wie",
    "uitvoering": "Uitvoering",
    "erkenning_toelichting": "Over de erkenning",
    "kader": "Juridisch kader",
    "wie": "Wie",
    "rol": "Rol",
    "wanneer": "Wanneer inschakelen",
    "contra_indicaties": "Contra-indicaties",
    "tips": "Tips",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, reported as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    description: str
    values: tuple[FacetValue, ...]

    def value(self, key: str) -> FacetValue | None:
        return next((v for v in self.values if v.key == key), None)


@dataclass(frozen=True)
class Taxonomy:
    facets: tuple[Facet, ...]

    def facet(self, key: str) -> Facet | None:
        return next((f for f in self.facets if f.key == key), None)

    def label(self, facet_key: str, value_key: str) -> str:
        facet = self.facet(facet_key)
        value = facet.value(value_key) if facet else None
        return value.label if value else value_key


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str = ""
    year: int | None = None
    url: str | None = None
    note: str = ""
    read_on: str = ""  # for a web page: the date it was read (YYYY-MM-DD)


@dataclass(frozen=True)
class Synonym:
    """A term (often an abbreviation) and what it means; both directions are searched."""

    term: str
    meaning: str
    variants: tuple[str, ...] = ()


@dataclass
class Card:
    id: str
    type: str
    title: str
    summary: str
    facets: dict[str, list[str]]
    fields: dict[str, object]
    body: str
    path: str
    pack: str
    line: int = 1
    file: str = ""  # absolute path, to read the card again for display

    @property
    def cautions(self) -> list[str]:
        return list(self.fields.get("let_op") or [])

    @property
    def see_also(self) -> list[str]:
        return list(self.fields.get("zie_ook") or [])

    @property
    def sources(self) -> list[dict]:
        return list(self.fields.get("bronnen") or [])


@dataclass(frozen=True)
class Pack:
    name: str
    path: str
    version: str = ""
    publisher: str = ""
    date: str = ""
    core: bool = False


@dataclass
class Corpus:
    """Everything loaded from the core pack and any extra packs, with the problems found."""

    cards: dict[str, Card] = field(default_factory=dict)
    taxonomy: Taxonomy = field(default_factory=lambda: Taxonomy(()))
    sources: dict[str, Source] = field(default_factory=dict)
    synonyms: list[Synonym] = field(default_factory=list)
    packs: list[Pack] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Files that could not be loaded at all or cards left out, so the app can say what is missing.
    left_out: list[str] = field(default_factory=list)
    # Core card ids that a pack replaced under another id: old id -> new id, so links keep working.
    replaced: dict[str, str] = field(default_factory=dict)

    def resolve(self, card_id: str) -> Card | None:
        return self.cards.get(self.replaced.get(card_id, card_id))
