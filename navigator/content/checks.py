"""Checking one card against the schema (schema.py) and the shared files: every problem with its line.

Pure Python: no Qt, no search engine. Links between cards are checked by the loader, which sees them all.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import Any

from .model import Problem, Source, Taxonomy
from .schema import KADER_VALUES, TYPES, Kind, allowed, keys_of, required
from .yamlfile import KeyPath, Parsed

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A reader holds the printed publication, not our text version: "r. 120-140" or "regels 12-14" is no place to find.
LINE_REFERENCE = re.compile(r"\br\.\s*\d+|\bregels?\s+\d+(?:\s*[-–]\s*\d+)?\b", re.I)
# Recognition levels that a databank grants; each needs a source and a date in the card.
UNRATED_LEVELS = ("onbekend",)
TEXT_FIELDS = keys_of(Kind.TEXT)
TEXT_LIST_FIELDS = keys_of(Kind.TEXTS, Kind.IDS)
FACET_LIST_FIELDS = keys_of(Kind.FACETS)


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def valid_date(value: str) -> bool:
    try:
        _dt.date.fromisoformat(value)
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
    except ValueError:
        return False


def _check_str_list(data: dict[str, Any], key: str, parsed: Parsed, shown: str, out: list[Problem]) -> list[str]:
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
        if not is_text(item):
            out.append(Problem(shown, parsed.line(key, i), f"'{key}' bevat iets anders dan tekst: {item!r}"))
        else:
            good.append(item)
    return good


def check_card(parsed: Parsed, shown: str, taxonomy: Taxonomy, sources: dict[str, Source]) -> list[Problem]:
    """Everything that can be checked about one card on its own (links are checked later)."""
    data = parsed.data
    out: list[Problem] = []
    if not isinstance(data, dict):
        return [Problem(shown, parsed.first_line, "een kaart moet een YAML-mapping met sleutels zijn")]
    card_type = data.get("type")
    if card_type not in TYPES:
        out.append(
            Problem(
                shown,
                parsed.line("type"),
                f"onbekend type {card_type!r}; kies uit: {', '.join(TYPES)}"
                if card_type is not None
                else "verplichte sleutel 'type' ontbreekt",
            )
        )
        return out
    known = allowed(card_type)
    for key in data:
        if key not in known:
            hint = f" (bedoel je '{closest(str(key), known)}'?)" if closest(str(key), known) else ""
            out.append(Problem(shown, parsed.line(key), f"onbekende sleutel '{key}' voor type {card_type}{hint}"))
    for key in required(card_type):
        if key not in data or data[key] in (None, "", []):
            out.append(Problem(shown, parsed.first_line, f"verplichte sleutel '{key}' ontbreekt of is leeg"))

    card_id = data.get("id")
    if card_id is not None and not (isinstance(card_id, str) and SLUG.match(card_id)):
        out.append(
            Problem(
                shown, parsed.line("id"), f"id {card_id!r} is geen geldige slug (kleine letters, cijfers en streepjes)"
            )
        )
    for key in TEXT_FIELDS:
        if key in data and data[key] is not None and not isinstance(data[key], str):
            out.append(Problem(shown, parsed.line(key), f"'{key}' moet tekst zijn, niet {type(data[key]).__name__}"))
    checked = data.get("gecontroleerd")
    if checked is not None and not (isinstance(checked, str) and valid_date(checked)):
        out.append(
            Problem(
                shown, parsed.line("gecontroleerd"), f"'gecontroleerd' is geen geldige datum (JJJJ-MM-DD): {checked}"
            )
        )
    elif isinstance(checked, str) and _dt.date.fromisoformat(checked) > _dt.date.today():
        out.append(Problem(shown, parsed.line("gecontroleerd"), f"'gecontroleerd' ligt in de toekomst: {checked}"))

    for facet_key in FACET_LIST_FIELDS:
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
                if not is_text(data.get(key)):
                    out.append(
                        Problem(
                            shown,
                            parsed.line("erkenning"),
                            f"erkenning '{value}' vraagt '{key}' (welke databank, sinds wanneer)",
                        )
                    )
    if is_text(data.get("erkenning_bron")) and data["erkenning_bron"] not in sources:
        out.append(
            Problem(
                shown,
                parsed.line("erkenning_bron"),
                f"erkenning_bron '{data['erkenning_bron']}' staat niet in bronnen.yaml",
            )
        )
    for key in TEXT_LIST_FIELDS:
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
                    out.append(
                        Problem(
                            shown,
                            parsed.line("kader", i),
                            f"onbekend kader {value!r}; kies uit: {', '.join(KADER_VALUES)}",
                        )
                    )
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

        out.extend(check_wijzer(data, parsed.line, shown))
    return out


def _check_line_references(parsed: Parsed, shown: str, out: list[Problem]) -> None:
    """Reject places and text that point at lines of a text version: no reader can find them."""

    def walk(value: object, path: KeyPath) -> None:
        if isinstance(value, str):
            match = LINE_REFERENCE.search(value)
            if match:
                out.append(
                    Problem(
                        shown,
                        parsed.line(*path),
                        f"regelnummer van een tekstversie ('{match.group(0)}'); "
                        "noem het hoofdstuk of de paragraaf zoals gedrukt",
                    )
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))

    walk(parsed.data, ())
    for match in LINE_REFERENCE.finditer(parsed.body):
        line = parsed.body_line + parsed.body[: match.start()].count("\n")
        out.append(
            Problem(
                shown,
                line,
                f"regelnummer van een tekstversie ('{match.group(0)}') in de tekst; "
                "noem het hoofdstuk of de paragraaf zoals gedrukt",
            )
        )


def _check_facet_values(
    facet_key: str, values: list[str], parsed: Parsed, shown: str, taxonomy: Taxonomy, out: list[Problem]
) -> None:
    facet = taxonomy.facet(facet_key)
    if facet is None:
        return
    known = [v.key for v in facet.values]
    raw = parsed.data.get(facet_key)
    for value in values:
        if value not in known:
            index = raw.index(value) if isinstance(raw, list) and value in raw else None
            line = parsed.line(facet_key, index) if index is not None else parsed.line(facet_key)
            hint = closest(value, known)
            out.append(
                Problem(
                    shown,
                    line,
                    f"onbekende waarde '{value}' voor facet '{facet_key}'"
                    + (f" (bedoel je '{hint}'?)" if hint else f"; kies uit: {', '.join(known)}"),
                )
            )


def _check_sources(
    data: dict[str, Any], parsed: Parsed, shown: str, sources: dict[str, Source], out: list[Problem]
) -> None:
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
        if not is_text(ref.get("bron")):
            out.append(Problem(shown, line, "bron zonder 'bron:' (id uit bronnen.yaml)"))
        elif ref["bron"] not in sources:
            out.append(
                Problem(shown, parsed.line("bronnen", i, "bron"), f"bron '{ref['bron']}' staat niet in bronnen.yaml")
            )
        if not is_text(ref.get("plek")) and not isinstance(ref.get("plek"), int):
            out.append(Problem(shown, line, "bron zonder 'plek' (hoofdstuk, paragraaf of regels)"))


def _check_scenario(data: dict[str, Any], parsed: Parsed, shown: str, out: list[Problem]) -> None:
    steps = data.get("stappen")
    if not isinstance(steps, list):
        if steps is not None:
            out.append(Problem(shown, parsed.line("stappen"), "'stappen' moet een lijst zijn"))
        return
    people = data.get("personen")
    if people is not None and not (
        isinstance(people, list) and all(isinstance(p, dict) and p.get("naam") for p in people)
    ):
        out.append(Problem(shown, parsed.line("personen"), "'personen' is een lijst van {naam, leeftijd, rol}"))
    step_keys = {"titel", "situatie", "stemmen", "vragen", "verbinden", "kaarten", "keuzes", "fase"}
    for i, step in enumerate(steps):
        line = parsed.line("stappen", i)
        if not isinstance(step, dict) or not is_text(step.get("titel")):
            out.append(Problem(shown, line, f"stap {i + 1} heeft minstens een 'titel' nodig"))
            continue
        for key in step:
            if key not in step_keys:
                out.append(Problem(shown, parsed.line("stappen", i, key), f"onbekende sleutel '{key}' in stap {i + 1}"))
        for j, voice in enumerate(step.get("stemmen") or []):
            if not isinstance(voice, dict) or not is_text(voice.get("tekst")) or not is_text(voice.get("rol")):
                out.append(
                    Problem(shown, parsed.line("stappen", i, "stemmen", j), "een stem heeft 'rol' en 'tekst' nodig")
                )
            elif voice.get("domein") not in (None, "sociaal", "zorg", "veiligheid", "jeugd"):
                out.append(
                    Problem(
                        shown,
                        parsed.line("stappen", i, "stemmen", j, "domein"),
                        f"onbekend domein '{voice.get('domein')}' voor een stem",
                    )
                )
        for j, choice in enumerate(step.get("keuzes") or []):
            cline = parsed.line("stappen", i, "keuzes", j)
            if not isinstance(choice, dict) or not is_text(choice.get("tekst")):
                out.append(Problem(shown, cline, "een keuze heeft 'tekst' nodig"))
                continue
            target = choice.get("naar_stap")
            if target is not None and (not isinstance(target, int) or not 1 <= target <= len(steps)):
                out.append(Problem(shown, cline, f"'naar_stap' {target!r} bestaat niet (1 tot en met {len(steps)})"))
            if target is None and not is_text(choice.get("kaart")):
                out.append(Problem(shown, cline, "een keuze leidt naar een stap ('naar_stap') of een kaart ('kaart')"))


def closest(word: str, options: Iterable[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.75)
    return match[0] if match else None
