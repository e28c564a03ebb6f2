"""Write the field and facet tables of docs/content.md from the card schema and content/taxonomy.yaml.

    python tools/content_doc.py           # rewrite the tables in docs/content.md
    python tools/content_doc.py --check   # exit 1 if the doc is not current (tests/test_docs.py runs this)

Only the parts between `<!-- schema:NAME -->` and `<!-- /schema:NAME -->` are written; the prose stays as it is.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.content.loader import load_taxonomy  # noqa: E402
from navigator.content.model import Taxonomy  # noqa: E402
from navigator.content.schema import COMMON, FIELDS, TYPES, Kind, label  # noqa: E402

DOC = ROOT / "docs" / "content.md"
TAXONOMY = ROOT / "content" / "taxonomy.yaml"
BLOCK = re.compile(r"(<!-- schema:(?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- /schema:(?P=name) -->)", re.S)

KIND_TEXT = {
    Kind.ID: "id",
    Kind.IDS: "lijst met id's",
    Kind.TEXT: "tekst",
    Kind.TEXTS: "lijst met teksten",
    Kind.FACET: "één waarde uit taxonomy.yaml",
    Kind.FACETS: "lijst met waarden uit taxonomy.yaml",
    Kind.DATE: "datum (JJJJ-MM-DD)",
    Kind.URL: "webadres",
    Kind.NUMBER: "getal",
    Kind.YES_NO: "true of false",
    Kind.SOURCES: "lijst met bronnen",
    Kind.SOURCE: "id uit bronnen.yaml",
    Kind.LEGAL_FRAMES: "lijst",
    Kind.PEOPLE: "lijst met personen",
    Kind.STEPS: "lijst met stappen",
    Kind.WALK: "lijst met vragen of einden",
}


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _field_cells(key: str, required: bool, taxonomy: Taxonomy) -> list[str]:
    field = FIELDS[key]
    return [f"`{key}`", label(key, taxonomy), "ja" if required else "nee", KIND_TEXT[field.kind], field.help]


def _field_row(key: str, required: bool, taxonomy: Taxonomy) -> str:
    return _row(*_field_cells(key, required, taxonomy))


def common_fields(taxonomy: Taxonomy) -> list[str]:
    rows = [_row("sleutel", "label", "verplicht", "soort", "betekenis"), _row(*["---"] * 5)]
    rows += [_field_row(key, True, taxonomy) for key in COMMON.required]
    rows += [_field_row(key, False, taxonomy) for key in COMMON.optional]
    return rows


def type_fields(taxonomy: Taxonomy) -> list[str]:
    rows = [_row("type", "sleutel", "label", "verplicht", "soort", "betekenis"), _row(*["---"] * 6)]
    for card_type, fields in TYPES.items():
        keys = [(key, True) for key in fields.required] + [(key, False) for key in fields.optional]
        if not keys:
            rows.append(_row(f"`{card_type}`", "—", "", "", "", "alleen de velden voor elke kaart"))
        for n, (key, required) in enumerate(keys):
            rows.append(_row(f"`{card_type}`" if n == 0 else "", *_field_cells(key, required, taxonomy)))
    return rows


def facet_values(taxonomy: Taxonomy) -> list[str]:
    rows = [_row("facet", "label", "waarden (label)"), _row(*["---"] * 3)]
    for facet in taxonomy.facets:
        values = " · ".join(f"`{v.key}` ({v.label})" for v in facet.values)
        rows.append(_row(f"`{facet.key}`", facet.label, values))
    return rows


TABLES = {"velden": common_fields, "velden-per-type": type_fields, "facetten": facet_values}


def render(text: str, taxonomy: Taxonomy) -> str:
    def fill(match: re.Match[str]) -> str:
        rows = TABLES[match["name"]](taxonomy)
        return match.group(1) + "\n".join(rows) + "\n" + match.group(4)

    return BLOCK.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="alleen controleren; code 1 als het document verouderd is")
    args = parser.parse_args(argv)
    taxonomy, problems = load_taxonomy(TAXONOMY)
    for problem in problems:
        print(problem, file=sys.stderr)
    text = DOC.read_text(encoding="utf-8")
    missing = set(TABLES) - {m["name"] for m in BLOCK.finditer(text)}
    if missing:
        print(f"{DOC}: markeringen ontbreken voor: {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    fresh = render(text, taxonomy)
    if args.check:
        if fresh != text:
            print(f"{DOC} is verouderd; schrijf het opnieuw met: python tools/content_doc.py", file=sys.stderr)
            return 1
        return 0
    if fresh != text:
        DOC.write_text(fresh, encoding="utf-8")
        print(f"{DOC} bijgewerkt.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
