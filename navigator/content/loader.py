"""Loading and validating content packs (one card's checks are in checks.py). Pure Python: no Qt, no search engine.

Every problem is reported as `path:line: message`; a card with a problem is left out and the rest loads.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from .checks import check_card, is_text, valid_date
from .fingerprint import content_hash  # noqa: F401  (part of this module's interface)
from .model import (
    LIST_FACETS,
    Card,
    Corpus,
    Facet,
    FacetValue,
    Pack,
    Problem,
    Source,
    Synonym,
    Taxonomy,
)
from .yamlfile import KeyPath, Parsed, parse_card_file, parse_yaml, read_text

CARD_LINK = re.compile(r"\]\(kaart:([^)\s]*)\)")
SPECIAL_FILES = {"taxonomy.yaml", "bronnen.yaml", "synoniemen.yaml", "pack.yaml"}
CARD_SUFFIXES = {".md", ".yaml", ".yml"}


def _shown(path: Path) -> str:
    """Paths in messages are relative to the working directory when possible, so editors can jump to them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def card_files(pack_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in pack_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in CARD_SUFFIXES
        and p.name not in SPECIAL_FILES
        and not any(part.startswith(".") for part in p.relative_to(pack_dir).parts)
    )


# --- the three shared files -------------------------------------------------------------------------------


def load_taxonomy(path: Path) -> tuple[Taxonomy, list[Problem]]:
    """One taxonomy.yaml on its own (for tools): the facets and the problems found."""
    problems: list[Problem] = []
    return _load_taxonomy(path, problems), problems


def _load_taxonomy(path: Path, problems: list[Problem]) -> Taxonomy:
    shown = _shown(path)
    parsed = _parse_file(path, shown, problems)
    if parsed is None:
        return Taxonomy(())
    if not isinstance(parsed.data, dict) or not isinstance(parsed.data.get("facetten"), list):
        problems.append(Problem(shown, parsed.first_line, "verwacht een lijst 'facetten:'"))
        return Taxonomy(())
    facets = []
    for i, raw in enumerate(parsed.data["facetten"]):
        line = parsed.line("facetten", i)
        if not isinstance(raw, dict) or not is_text(raw.get("key")) or not isinstance(raw.get("waarden"), list):
            problems.append(Problem(shown, line, "een facet heeft 'key', 'label' en een lijst 'waarden' nodig"))
            continue
        values = []
        for j, value in enumerate(raw["waarden"]):
            vline = parsed.line("facetten", i, "waarden", j)
            if not isinstance(value, dict) or not is_text(value.get("key")) or not is_text(value.get("label")):
                problems.append(Problem(shown, vline, f"waarde van facet '{raw['key']}' heeft 'key' en 'label' nodig"))
                continue
            aliases = value.get("aliassen") or []
            if not isinstance(aliases, list) or not all(is_text(a) for a in aliases):
                problems.append(Problem(shown, vline, "'aliassen' moet een lijst met teksten zijn"))
                aliases = []
            values.append(
                FacetValue(value["key"], value["label"], str(value.get("beschrijving") or ""), tuple(aliases))
            )
        facets.append(
            Facet(raw["key"], str(raw.get("label") or raw["key"]), str(raw.get("beschrijving") or ""), tuple(values))
        )
    return Taxonomy(tuple(facets))


def _load_sources(path: Path, problems: list[Problem], into: dict[str, Source]) -> None:
    shown = _shown(path)
    parsed = _parse_file(path, shown, problems)
    if parsed is None:
        return
    if not isinstance(parsed.data, dict) or not isinstance(parsed.data.get("bronnen"), list):
        problems.append(Problem(shown, parsed.first_line, "verwacht een lijst 'bronnen:'"))
        return
    for i, raw in enumerate(parsed.data["bronnen"]):
        line = parsed.line("bronnen", i)
        if not isinstance(raw, dict) or not is_text(raw.get("id")) or not is_text(raw.get("titel")):
            problems.append(Problem(shown, line, "een bron heeft minstens 'id' en 'titel' nodig"))
            continue
        if raw["id"] in into:
            problems.append(Problem(shown, line, f"bron '{raw['id']}' is al eerder beschreven"))
            continue
        year = raw.get("jaar")
        if year is not None and not isinstance(year, int):
            problems.append(Problem(shown, parsed.line("bronnen", i, "jaar"), "'jaar' moet een jaartal zijn"))
            year = None
        url = raw.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            problems.append(Problem(shown, parsed.line("bronnen", i, "url"), "'url' moet met http(s):// beginnen"))
            url = None
        # A web page is cited with the date it was read: pages change.
        read = raw.get("gelezen")
        read = read.isoformat() if isinstance(read, _dt.date) else read
        if read is not None and not (isinstance(read, str) and valid_date(read)):
            problems.append(
                Problem(shown, parsed.line("bronnen", i, "gelezen"), "'gelezen' moet een datum zijn (JJJJ-MM-DD)")
            )
            read = None
        into[raw["id"]] = Source(
            raw["id"],
            raw["titel"],
            str(raw.get("uitgever") or ""),
            year,
            url,
            str(raw.get("toelichting") or ""),
            read or "",
        )


def _load_synonyms(path: Path, problems: list[Problem], into: list[Synonym]) -> None:
    shown = _shown(path)
    parsed = _parse_file(path, shown, problems)
    if parsed is None:
        return
    if not isinstance(parsed.data, dict) or not isinstance(parsed.data.get("synoniemen"), list):
        problems.append(Problem(shown, parsed.first_line, "verwacht een lijst 'synoniemen:'"))
        return
    for i, raw in enumerate(parsed.data["synoniemen"]):
        line = parsed.line("synoniemen", i)
        if not isinstance(raw, dict) or not is_text(raw.get("term")) or not is_text(raw.get("betekenis")):
            problems.append(Problem(shown, line, "een synoniem heeft 'term' en 'betekenis' nodig"))
            continue
        variants = raw.get("varianten") or []
        if not isinstance(variants, list) or not all(is_text(v) for v in variants):
            problems.append(Problem(shown, line, "'varianten' moet een lijst met teksten zijn"))
            variants = []
        into.append(Synonym(raw["term"], raw["betekenis"], tuple(variants)))


def _load_pack_meta(pack_dir: Path, problems: list[Problem], core: bool) -> Pack:
    meta = pack_dir / "pack.yaml"
    name = "Kernpakket" if core else pack_dir.name
    if not meta.is_file():
        if not core:
            problems.append(Problem(_shown(meta), 1, "pakket mist pack.yaml (naam, versie, uitgever, datum)"))
        return Pack(name, str(pack_dir), core=core)
    shown = _shown(meta)
    parsed = _parse_file(meta, shown, problems)
    if parsed is None or not isinstance(parsed.data, dict):
        if parsed is not None:
            problems.append(Problem(shown, parsed.first_line, "pack.yaml moet naam, versie, uitgever en datum geven"))
        return Pack(name, str(pack_dir), core=core)
    data = parsed.data
    for key in ("naam", "versie", "uitgever", "datum"):
        if data.get(key) in (None, ""):
            problems.append(Problem(shown, parsed.first_line, f"pack.yaml mist '{key}'"))
    date = str(data.get("datum") or "")
    if date and not valid_date(date):
        problems.append(Problem(shown, parsed.line("datum"), f"'datum' is geen geldige datum (JJJJ-MM-DD): {date}"))
    return Pack(
        str(data.get("naam") or name),
        str(pack_dir),
        str(data.get("versie") or ""),
        str(data.get("uitgever") or ""),
        date,
        core,
    )


def _parse_file(path: Path, shown: str, problems: list[Problem]) -> Parsed | None:
    text = read_text(path, shown)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    parsed = parse_yaml(text, shown)
    problems.extend(parsed.problems)
    return parsed if parsed.data is not None else None


# --- cards ------------------------------------------------------------------------------------------------


def _make_card(parsed: Parsed, shown: str, pack: Pack, path: Path) -> Card:
    data = dict(parsed.data)
    facets = {key: list(data.pop(key, None) or []) for key in LIST_FACETS}
    facets["type"] = [data["type"]]
    if "erkenning" in data:
        facets["erkenning"] = [data["erkenning"]]
    body = parsed.body or str(data.pop("tekst", "") or "")
    return Card(
        id=data.pop("id"),
        type=data.pop("type"),
        title=str(data.pop("titel")).strip(),
        summary=" ".join(str(data.pop("samenvatting")).split()),
        facets=facets,
        fields=data,
        body=body,
        path=shown,
        pack=pack.name,
        line=parsed.line("id"),
        file=str(path.resolve()),
    )


def _card_links(card_data: dict[str, Any], body: str) -> list[tuple[KeyPath, str]]:
    """Every card id a card points to, with the key path where it stands (for the line number)."""
    links: list[tuple[KeyPath, str]] = [
        (("zie_ook", i), target) for i, target in enumerate(card_data.get("zie_ook") or []) if isinstance(target, str)
    ]
    for i, step in enumerate(card_data.get("stappen") or []):
        if not isinstance(step, dict):
            continue
        links += [
            (("stappen", i, "kaarten", j), t) for j, t in enumerate(step.get("kaarten") or []) if isinstance(t, str)
        ]
        links += [
            (("stappen", i, "keuzes", j, "kaart"), c["kaart"])
            for j, c in enumerate(step.get("keuzes") or [])
            if isinstance(c, dict) and isinstance(c.get("kaart"), str)
        ]
    if card_data.get("type") == "wijzer":
        from .wijzer import card_links

        links += card_links(card_data)
    return links


def load_corpus(pack_dirs: list[Path]) -> Corpus:
    """Load the core pack (first) and any extra packs. Cards with problems are left out."""
    corpus = Corpus()
    problems = corpus.problems
    if not pack_dirs:
        return corpus
    core = pack_dirs[0]
    if not core.is_dir():
        problems.append(Problem(_shown(core), 1, "inhoudsmap bestaat niet"))
        return corpus
    corpus.taxonomy = _load_taxonomy(core / "taxonomy.yaml", problems)
    _load_sources(core / "bronnen.yaml", problems, corpus.sources)
    synonyms = core / "synoniemen.yaml"
    if synonyms.is_file():
        _load_synonyms(synonyms, problems, corpus.synonyms)

    candidates: list[tuple[Parsed, str, Pack, Path]] = []
    # Ids of every card that parsed, valid or not: a link to a card that is only broken is reported at
    # that card, not at every card pointing to it, so one mistake does not cascade.
    seen_ids: set[str] = set()
    for index, pack_dir in enumerate(pack_dirs):
        if not pack_dir.is_dir():
            problems.append(Problem(_shown(pack_dir), 1, "pakketmap bestaat niet"))
            continue
        pack = _load_pack_meta(pack_dir, problems, core=index == 0)
        corpus.packs.append(pack)
        if index > 0:
            if (pack_dir / "bronnen.yaml").is_file():
                _load_sources(pack_dir / "bronnen.yaml", problems, corpus.sources)
            if (pack_dir / "synoniemen.yaml").is_file():
                _load_synonyms(pack_dir / "synoniemen.yaml", problems, corpus.synonyms)
        for path in card_files(pack_dir):
            shown = _shown(path)
            parsed = parse_card_file(path, shown)
            if isinstance(parsed, Problem):
                problems.append(parsed)
                corpus.left_out.append(shown)
                continue
            problems.extend(parsed.problems)
            if isinstance(parsed.data, dict) and isinstance(parsed.data.get("id"), str):
                seen_ids.add(parsed.data["id"])
            if parsed.data is None:
                corpus.left_out.append(shown)
                continue
            card_problems = parsed.problems + check_card(parsed, shown, corpus.taxonomy, corpus.sources)
            if card_problems:
                problems.extend(p for p in card_problems if p not in parsed.problems)
                corpus.left_out.append(shown)
                continue
            candidates.append((parsed, shown, pack, path))

    # Ids: unique over all packs, except an explicit `vervangt:` of a core card by a later pack.
    owners: dict[str, tuple[str, int, Pack]] = {}
    accepted: list[tuple[Parsed, str, Pack, Path]] = []
    replaced: dict[str, str] = {}
    for parsed, shown, pack, path in candidates:
        card_id = parsed.data["id"]
        target = parsed.data.get("vervangt")
        if target is not None:
            if pack.core:
                problems.append(Problem(shown, parsed.line("vervangt"), "'vervangt' mag alleen in een extra pakket"))
                corpus.left_out.append(shown)
                continue
            owner = owners.get(target)
            if owner is None or not owner[2].core:
                problems.append(
                    Problem(shown, parsed.line("vervangt"), f"'vervangt: {target}' noemt geen kaart uit het kernpakket")
                )
                corpus.left_out.append(shown)
                continue
            accepted = [entry for entry in accepted if entry[0].data["id"] != target]
            owners.pop(target)
            if target != card_id:
                replaced[target] = card_id
        if card_id in owners:
            first_path, first_line, _ = owners[card_id]
            problems.append(Problem(shown, parsed.line("id"), f"id '{card_id}' bestaat al ({first_path}:{first_line})"))
            corpus.left_out.append(shown)
            continue
        owners[card_id] = (shown, parsed.line("id"), pack)
        accepted.append((parsed, shown, pack, path))

    known_ids = set(owners) | set(replaced) | seen_ids
    for parsed, shown, pack, path in accepted:
        link_problems = [
            Problem(shown, parsed.line(*path), f"verwijst naar kaart '{target}', die niet bestaat")
            for path, target in _card_links(parsed.data, parsed.body)
            if target not in known_ids
        ]
        for match in CARD_LINK.finditer(parsed.body):
            if match.group(1) not in known_ids:
                line = parsed.body_line + parsed.body[: match.start()].count("\n")
                link_problems.append(Problem(shown, line, f"link naar kaart '{match.group(1)}', die niet bestaat"))
        if link_problems:
            problems.extend(link_problems)
            corpus.left_out.append(shown)
            continue
        card = _make_card(parsed, shown, pack, path)
        corpus.cards[card.id] = card
    corpus.replaced = replaced
    return corpus


def read_card(path: Path, pack: str = "") -> Card | None:
    """Read one card for display (it was validated when the index was built); None if it no longer parses."""
    parsed = parse_card_file(Path(path), str(path))
    if isinstance(parsed, Problem) or parsed.problems or not isinstance(parsed.data, dict):
        return None
    data = parsed.data
    if not all(isinstance(data.get(k), str) for k in ("id", "type", "titel", "samenvatting")):
        return None
    return _make_card(parsed, str(path), Pack(pack, str(Path(path).parent)), Path(path))
