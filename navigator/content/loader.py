"""Loading and validating content packs. Pure Python: no Qt, no search engine.

Every problem is reported as `path:line: message`; a card with a problem is left out and the rest loads.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from .model import (CARD_TYPES, COMMON_OPTIONAL, COMMON_REQUIRED, KADER_VALUES, LIST_FACETS, TYPE_FIELDS, Card,
                    Corpus, Facet, FacetValue, Pack, Problem, Source, Synonym, Taxonomy)
from .fingerprint import content_hash  # noqa: F401  (part of this module's interface)
from .yamlfile import Parsed, parse_card_file, parse_yaml, read_text

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A reader holds the printed publication, not our text version: "r. 120-140" or "regels 12-14" is no place to find.
LINE_REFERENCE = re.compile(r"\br\.\s*\d+|\bregels?\s+\d+(?:\s*[-–]\s*\d+)?\b", re.I)
# Recognition levels that a databank grants; each needs a source and a date in the card.
UNRATED_LEVELS = ("onbekend",)
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
    return sorted(p for p in pack_dir.rglob("*")
                  if p.is_file() and p.suffix.lower() in CARD_SUFFIXES and p.name not in SPECIAL_FILES
                  and not any(part.startswith(".") for part in p.relative_to(pack_dir).parts))


# --- the three shared files -------------------------------------------------------------------------------

def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


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
        if not isinstance(raw, dict) or not _is_text(raw.get("key")) or not isinstance(raw.get("waarden"), list):
            problems.append(Problem(shown, line, "een facet heeft 'key', 'label' en een lijst 'waarden' nodig"))
            continue
        values = []
        for j, value in enumerate(raw["waarden"]):
            vline = parsed.line("facetten", i, "waarden", j)
            if not isinstance(value, dict) or not _is_text(value.get("key")) or not _is_text(value.get("label")):
                problems.append(Problem(shown, vline, f"waarde van facet '{raw['key']}' heeft 'key' en 'label' nodig"))
                continue
            aliases = value.get("aliassen") or []
            if not isinstance(aliases, list) or not all(_is_text(a) for a in aliases):
                problems.append(Problem(shown, vline, "'aliassen' moet een lijst met teksten zijn"))
                aliases = []
            values.append(FacetValue(value["key"], value["label"], str(value.get("beschrijving") or ""),
                                     tuple(aliases)))
        facets.append(Facet(raw["key"], str(raw.get("label") or raw["key"]), str(raw.get("beschrijving") or ""),
                            tuple(values)))
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
        if not isinstance(raw, dict) or not _is_text(raw.get("id")) or not _is_text(raw.get("titel")):
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
        if read is not None and not (isinstance(read, str) and _valid_date(read)):
            problems.append(Problem(shown, parsed.line("bronnen", i, "gelezen"),
                                    "'gelezen' moet een datum zijn (JJJJ-MM-DD)"))
            read = None
        into[raw["id"]] = Source(raw["id"], raw["titel"], str(raw.get("uitgever") or ""), year, url,
                                 str(raw.get("toelichting") or ""), read or "")


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
        if not isinstance(raw, dict) or not _is_text(raw.get("term")) or not _is_text(raw.get("betekenis")):
            problems.append(Problem(shown, line, "een synoniem heeft 'term' en 'betekenis' nodig"))
            continue
        variants = raw.get("varianten") or []
        if not isinstance(variants, list) or not all(_is_text(v) for v in variants):
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
    if date and not _valid_date(date):
        problems.append(Problem(shown, parsed.line("datum"), f"'datum' is geen geldige datum (JJJJ-MM-DD): {date}"))
    return Pack(str(data.get("naam") or name), str(pack_dir), str(data.get("versie") or ""),
                str(data.get("uitgever") or ""), date, core)


def _parse_file(path: Path, shown: str, problems: list[Problem]) -> Parsed | None:
    text, problem = read_text(path, shown)
    if problem:
        problems.append(problem)
        return None
    parsed = parse_yaml(text, shown)
    problems.extend(parsed.problems)
    return parsed if parsed.data is not None else None


def _valid_date(value: str) -> bool:
    try:
        _dt.date.fromisoformat(value)
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
    except ValueError:
        return False


# --- cards ------------------------------------------------------------------------------------------------

def _check_str_list(data: dict, key: str, parsed: Parsed, shown: str, out: list[Problem]) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        out.append(Problem(shown, parsed.line(key), f"'{key}' moet een lijst zijn (schrijf [{value}])"))
        return []
    if not isinstance(value, list):
        out.append(Problem(shown, parsed.line(key), f"'{key}' moet een lijst zijn"))
        return []
    good = []
    for i, item in enumerate(value):
        if not _is_text(item):
            out.append(Problem(shown, parsed.line(key, i), f"'{key}' bevat iets anders dan tekst: {item!r}"))
        else:
            good.append(item)
    return good


def _check_card(parsed: Parsed, shown: str, taxonomy: Taxonomy, sources: dict[str, Source]) -> list[Problem]:
    """Everything that can be checked about one card on its own (links are checked later)."""
    data = parsed.data
    out: list[Problem] = []
    if not isinstance(data, dict):
        return [Problem(shown, parsed.first_line, "een kaart moet een YAML-mapping met sleutels zijn")]
    card_type = data.get("type")
    if card_type not in CARD_TYPES:
        out.append(Problem(shown, parsed.line("type"),
                           f"onbekend type {card_type!r}; kies uit: {', '.join(CARD_TYPES)}"
                           if card_type is not None else "verplichte sleutel 'type' ontbreekt"))
        return out
    required, optional = TYPE_FIELDS[card_type]
    allowed = set(COMMON_REQUIRED) | set(COMMON_OPTIONAL) | set(required) | set(optional)
    for key in data:
        if key not in allowed:
            hint = f" (bedoel je '{_closest(str(key), allowed)}'?)" if _closest(str(key), allowed) else ""
            out.append(Problem(shown, parsed.line(key), f"onbekende sleutel '{key}' voor type {card_type}{hint}"))
    for key in COMMON_REQUIRED + required:
        if key not in data or data[key] in (None, "", []):
            out.append(Problem(shown, parsed.first_line, f"verplichte sleutel '{key}' ontbreekt of is leeg"))

    card_id = data.get("id")
    if card_id is not None and not (isinstance(card_id, str) and SLUG.match(card_id)):
        out.append(Problem(shown, parsed.line("id"),
                           f"id {card_id!r} is geen geldige slug (kleine letters, cijfers en streepjes)"))
    for key in ("titel", "samenvatting", "doel", "voor_wie", "uitvoering", "erkenning_toelichting", "wie", "rol",
                "wanneer", "toelichting", "tekst"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            out.append(Problem(shown, parsed.line(key), f"'{key}' moet tekst zijn, niet {type(data[key]).__name__}"))
    checked = data.get("gecontroleerd")
    if checked is not None and not (isinstance(checked, str) and _valid_date(checked)):
        out.append(Problem(shown, parsed.line("gecontroleerd"),
                           f"'gecontroleerd' is geen geldige datum (JJJJ-MM-DD): {checked}"))
    elif isinstance(checked, str) and _dt.date.fromisoformat(checked) > _dt.date.today():
        out.append(Problem(shown, parsed.line("gecontroleerd"), f"'gecontroleerd' ligt in de toekomst: {checked}"))

    for facet_key in LIST_FACETS:
        values = _check_str_list(data, facet_key, parsed, shown, out)
        _check_facet_values(facet_key, values, parsed, shown, taxonomy, out)
    if "erkenning" in data:
        value = data["erkenning"]
        if not isinstance(value, str):
            out.append(Problem(shown, parsed.line("erkenning"), "'erkenning' is één waarde, geen lijst"))
        else:
            _check_facet_values("erkenning", [value], parsed, shown, taxonomy, out)
        if value not in UNRATED_LEVELS:
            for key in ("erkenning_toelichting", "erkenning_bron"):
                if not _is_text(data.get(key)):
                    out.append(Problem(shown, parsed.line("erkenning"),
                                       f"erkenning '{value}' vraagt '{key}' (welke databank, sinds wanneer)"))
    if _is_text(data.get("erkenning_bron")) and data["erkenning_bron"] not in sources:
        out.append(Problem(shown, parsed.line("erkenning_bron"),
                           f"erkenning_bron '{data['erkenning_bron']}' staat niet in bronnen.yaml"))
    for key in ("let_op", "zie_ook", "contra_indicaties", "tips", "reflectie", "vragen"):
        _check_str_list(data, key, parsed, shown, out)
    _check_line_references(parsed, shown, out)
    for i, target in enumerate(data.get("zie_ook") or []):
        if isinstance(target, str) and not SLUG.match(target):
            out.append(Problem(shown, parsed.line("zie_ook", i), f"'zie_ook' noemt geen geldige id: {target!r}"))
    url = data.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        out.append(Problem(shown, parsed.line("url"), "'url' moet met http:// of https:// beginnen"))
    _check_sources(data, parsed, shown, sources, out)

    if card_type == "maatregel":
        kader = data.get("kader")
        kader = [kader] if isinstance(kader, str) else kader
        if isinstance(kader, list):
            for i, value in enumerate(kader):
                if value not in KADER_VALUES:
                    out.append(Problem(shown, parsed.line("kader", i),
                                       f"onbekend kader {value!r}; kies uit: {', '.join(KADER_VALUES)}"))
        elif kader is not None:
            out.append(Problem(shown, parsed.line("kader"), "'kader' moet een lijst zijn"))
    if card_type == "frustratie":
        number = data.get("nummer")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 5):
            out.append(Problem(shown, parsed.line("nummer"), f"'nummer' moet 1 tot en met 5 zijn, niet {number!r}"))
    if card_type == "scenario":
        _check_scenario(data, parsed, shown, out)
    if card_type == "wijzer":
        from .wijzer import check_wijzer

        if data.get("versie") is not None and not isinstance(data["versie"], (str, int, float)):
            out.append(Problem(shown, parsed.line("versie"), "'versie' moet tekst zijn, bijv. '1.0'"))
        out.extend(check_wijzer(data, parsed.line, shown))
    return out


def _check_line_references(parsed: Parsed, shown: str, out: list[Problem]) -> None:
    """Reject places and text that point at lines of a text version: no reader can find them."""
    def walk(value, path):
        if isinstance(value, str):
            match = LINE_REFERENCE.search(value)
            if match:
                out.append(Problem(shown, parsed.line(*path), f"regelnummer van een tekstversie ('{match.group(0)}'); "
                                                              "noem het hoofdstuk of de paragraaf zoals gedrukt"))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))
    walk(parsed.data, ())
    for match in LINE_REFERENCE.finditer(parsed.body):
        line = parsed.body_line + parsed.body[: match.start()].count("\n")
        out.append(Problem(shown, line, f"regelnummer van een tekstversie ('{match.group(0)}') in de tekst; "
                                        "noem het hoofdstuk of de paragraaf zoals gedrukt"))


def _check_facet_values(facet_key, values, parsed, shown, taxonomy: Taxonomy, out: list[Problem]) -> None:
    facet = taxonomy.facet(facet_key)
    if facet is None:
        return
    known = [v.key for v in facet.values]
    raw = parsed.data.get(facet_key)
    for value in values:
        if value not in known:
            index = raw.index(value) if isinstance(raw, list) and value in raw else None
            line = parsed.line(facet_key, index) if index is not None else parsed.line(facet_key)
            hint = _closest(value, known)
            out.append(Problem(shown, line, f"onbekende waarde '{value}' voor facet '{facet_key}'"
                                            + (f" (bedoel je '{hint}'?)" if hint else f"; kies uit: {', '.join(known)}")))


def _check_sources(data: dict, parsed: Parsed, shown: str, sources: dict[str, Source], out: list[Problem]) -> None:
    refs = data.get("bronnen")
    if refs is None:
        return
    if not isinstance(refs, list):
        out.append(Problem(shown, parsed.line("bronnen"), "'bronnen' moet een lijst van {bron, plek} zijn"))
        return
    for i, ref in enumerate(refs):
        line = parsed.line("bronnen", i)
        if not isinstance(ref, dict):
            out.append(Problem(shown, line, "elke bron is een mapping met 'bron' en 'plek'"))
            continue
        extra = set(ref) - {"bron", "plek"}
        if extra:
            out.append(Problem(shown, line, f"onbekende sleutel in bron: {', '.join(sorted(map(str, extra)))}"))
        if not _is_text(ref.get("bron")):
            out.append(Problem(shown, line, "bron zonder 'bron:' (id uit bronnen.yaml)"))
        elif ref["bron"] not in sources:
            out.append(Problem(shown, parsed.line("bronnen", i, "bron"),
                               f"bron '{ref['bron']}' staat niet in bronnen.yaml"))
        if not _is_text(ref.get("plek")) and not isinstance(ref.get("plek"), int):
            out.append(Problem(shown, line, "bron zonder 'plek' (hoofdstuk, paragraaf of regels)"))


def _check_scenario(data: dict, parsed: Parsed, shown: str, out: list[Problem]) -> None:
    steps = data.get("stappen")
    if not isinstance(steps, list):
        if steps is not None:
            out.append(Problem(shown, parsed.line("stappen"), "'stappen' moet een lijst zijn"))
        return
    people = data.get("personen")
    if people is not None and not (isinstance(people, list) and all(isinstance(p, dict) and p.get("naam")
                                                                    for p in people)):
        out.append(Problem(shown, parsed.line("personen"), "'personen' is een lijst van {naam, leeftijd, rol}"))
    step_keys = {"titel", "situatie", "stemmen", "vragen", "verbinden", "kaarten", "keuzes", "fase"}
    for i, step in enumerate(steps):
        line = parsed.line("stappen", i)
        if not isinstance(step, dict) or not _is_text(step.get("titel")):
            out.append(Problem(shown, line, f"stap {i + 1} heeft minstens een 'titel' nodig"))
            continue
        for key in step:
            if key not in step_keys:
                out.append(Problem(shown, parsed.line("stappen", i, key), f"onbekende sleutel '{key}' in stap {i + 1}"))
        for j, voice in enumerate(step.get("stemmen") or []):
            if not isinstance(voice, dict) or not _is_text(voice.get("tekst")) or not _is_text(voice.get("rol")):
                out.append(Problem(shown, parsed.line("stappen", i, "stemmen", j), "een stem heeft 'rol' en 'tekst' nodig"))
            elif voice.get("domein") not in (None, "sociaal", "zorg", "veiligheid", "jeugd"):
                out.append(Problem(shown, parsed.line("stappen", i, "stemmen", j, "domein"),
                                   f"onbekend domein '{voice.get('domein')}' voor een stem"))
        for j, choice in enumerate(step.get("keuzes") or []):
            cline = parsed.line("stappen", i, "keuzes", j)
            if not isinstance(choice, dict) or not _is_text(choice.get("tekst")):
                out.append(Problem(shown, cline, "een keuze heeft 'tekst' nodig"))
                continue
            target = choice.get("naar_stap")
            if target is not None and (not isinstance(target, int) or not 1 <= target <= len(steps)):
                out.append(Problem(shown, cline, f"'naar_stap' {target!r} bestaat niet (1 tot en met {len(steps)})"))
            if target is None and not _is_text(choice.get("kaart")):
                out.append(Problem(shown, cline, "een keuze leidt naar een stap ('naar_stap') of een kaart ('kaart')"))


def _closest(word: str, options) -> str | None:
    import difflib
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.75)
    return match[0] if match else None


def _make_card(parsed: Parsed, shown: str, pack: Pack, path: Path) -> Card:
    data = dict(parsed.data)
    facets = {key: list(data.pop(key, None) or []) for key in LIST_FACETS}
    facets["type"] = [data["type"]]
    if "erkenning" in data:
        facets["erkenning"] = [data["erkenning"]]
    body = parsed.body or str(data.pop("tekst", "") or "")
    return Card(id=data.pop("id"), type=data.pop("type"), title=str(data.pop("titel")).strip(),
                summary=" ".join(str(data.pop("samenvatting")).split()), facets=facets, fields=data, body=body,
                path=shown, pack=pack.name, line=parsed.line("id"), file=str(path.resolve()))


def _card_links(card_data: dict, body: str) -> list[tuple[tuple, str]]:
    """Every card id a card points to, with the key path where it stands (for the line number)."""
    links = [(("zie_ook", i), target) for i, target in enumerate(card_data.get("zie_ook") or [])
             if isinstance(target, str)]
    for i, step in enumerate(card_data.get("stappen") or []):
        if not isinstance(step, dict):
            continue
        links += [(("stappen", i, "kaarten", j), t) for j, t in enumerate(step.get("kaarten") or [])
                  if isinstance(t, str)]
        links += [(("stappen", i, "keuzes", j, "kaart"), c["kaart"]) for j, c in enumerate(step.get("keuzes") or [])
                  if isinstance(c, dict) and isinstance(c.get("kaart"), str)]
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
            card_problems = parsed.problems + _check_card(parsed, shown, corpus.taxonomy, corpus.sources)
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
                problems.append(Problem(shown, parsed.line("vervangt"),
                                        f"'vervangt: {target}' noemt geen kaart uit het kernpakket"))
                corpus.left_out.append(shown)
                continue
            accepted = [entry for entry in accepted if entry[0].data["id"] != target]
            owners.pop(target)
            if target != card_id:
                replaced[target] = card_id
        if card_id in owners:
            first_path, first_line, _ = owners[card_id]
            problems.append(Problem(shown, parsed.line("id"),
                                    f"id '{card_id}' bestaat al ({first_path}:{first_line})"))
            corpus.left_out.append(shown)
            continue
        owners[card_id] = (shown, parsed.line("id"), pack)
        accepted.append((parsed, shown, pack, path))

    known_ids = set(owners) | set(replaced) | seen_ids
    for parsed, shown, pack, path in accepted:
        link_problems = [Problem(shown, parsed.line(*path), f"verwijst naar kaart '{target}', die niet bestaat")
                         for path, target in _card_links(parsed.data, parsed.body) if target not in known_ids]
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
