"""A wijzer card as HTML: the card on screen, the blank checklist for paper, and the afwegingsverslag of one walk.

The verslag holds only what the professional chose and typed, plus the wijzer's own text; nothing is stored."""

from __future__ import annotations

import datetime as _dt

from ..content.wijzer import END_KINDS, Walk
from . import render
from .render import card_title, esc

VEILIG_THUIS_HINT = (
    "Raadpleeg Veilig Thuis (0800-2000) als je twijfelt: gratis en dag en nacht bereikbaar; advies "
    "vragen is nog geen melding."
)
PRIVACY_NOTE = (
    "Typ geen namen, geboortedata, adressen of andere details waarmee iemand te herkennen is. "
    "Noteer in het dossier over wie dit verslag gaat, niet in het verslag zelf."
)


def target_label(walk: Walk, target: str) -> str:
    """Where an answer leads, in words: an end's title, an afwegingsvraag, or a step."""
    if target in walk.ends:
        return walk.ends[target]["titel"]
    node = walk.nodes.get(target)
    if node is None:
        return target
    if node.get("afweging"):
        return f"afwegingsvraag {node['afweging']}"
    index = walk.step_index(target)
    first = next(n for n in walk.nodes.values() if n["stap"] == node["stap"])
    step = f"stap {index + 1} ({walk.steps[index]['titel']})"
    return step if first is node else f"{step}: {node['vraag']}"


def version_line(card) -> str:
    parts = [f"versie {card.fields.get('versie')}"]
    if card.fields.get("gecontroleerd"):
        parts.append(f"gecontroleerd op {card.fields['gecontroleerd']}")
    if card.pack:
        parts.append(f"pakket: {card.pack}")
    return ", ".join(parts)


def _step_header(walk: Walk, index: int) -> str:
    step = walk.steps[index]
    return f"<h2>Stap {index + 1}: {esc(step['titel'])}</h2>"


def _list(items, mark: str = "") -> str:
    return "<ul>" + "".join(f"<li>{mark}{esc(item)}</li>" for item in items) + "</ul>" if items else ""


def wijzer_card_html(card, engine, printable: bool = False) -> str:
    """The wijzer card: on screen an overview with a start link; printed, the blank checklist."""
    if printable:
        return checklist_html(card, engine)
    walk = Walk(card.fields)
    parts = [
        '<p class="type">Wijzer</p>',
        f"<h1>{esc(card.title)}</h1>",
        f'<p class="summary">{esc(card.summary)}</p>',
        f'<p><a href="wijzer:{esc(card.id)}"><b>▶ Start de wijzer (Ctrl+M)</b></a> &nbsp;·&nbsp; '
        "Afdrukken (Ctrl+P) geeft een lege checklist voor op papier.</p>",
        render.caution_box(card.cautions),
        render.markdown_html(card.body),
        "<h2>De stappen en vragen</h2>",
    ]
    for index, step in enumerate(walk.steps):
        parts.append(f"<h3>Stap {index + 1}: {esc(step['titel'])}</h3><p>{esc(step['doen'])}</p>")
        questions = [n for n in walk.nodes.values() if n["stap"] == step["id"]]
        parts.append("<ul>" + "".join(f"<li>{esc(n['vraag'])}</li>" for n in questions) + "</ul>")
        links = [f'<a href="kaart:{esc(c)}">{esc(card_title(engine, c))}</a>' for c in step.get("kaarten") or []]
        if links:
            parts.append("<p>Kaarten: " + " · ".join(links) + "</p>")
    parts.append(
        "<h2>Uitkomsten</h2><ul>"
        + "".join(
            f"<li><b>{esc(e['titel'])}</b> ({esc(END_KINDS[e['soort']])}): {esc(e['doen'])}</li>"
            for e in walk.ends.values()
        )
        + "</ul>"
    )
    parts.append(render.sources_html(card, engine))
    parts.append(f'<p class="footer">Meldcode-wijzer {esc(version_line(card))}</p>')
    return "\n".join(p for p in parts if p)


def checklist_html(card, engine) -> str:
    """The blank checklist: the five steps, their questions with tick boxes and where each answer leads."""
    walk = Walk(card.fields)
    line = "<p>Afweging: ______________________________________________________________</p>"
    parts = [
        f"<h1>{esc(card.title)} — checklist</h1>",
        f"<p>Lege checklist voor op papier, {esc(version_line(card))}. {esc(PRIVACY_NOTE)}</p>",
        "<p>Datum: ____________ &nbsp;&nbsp; Dossiernummer (alleen in het dossier): ____________</p>",
        render.caution_box(card.cautions),
    ]
    for index, step in enumerate(walk.steps):
        parts.append(_step_header(walk, index) + f"<p>{esc(step['doen'])}</p>")
        if step.get("veilig_thuis"):
            parts.append(f"<p><b>☎ {esc(VEILIG_THUIS_HINT)}</b></p>")
        for node in (n for n in walk.nodes.values() if n["stap"] == step["id"]):
            parts.append(
                f"<p><b>{esc(node['vraag'])}</b></p><ul>"
                + "".join(
                    f"<li>☐ {esc(a['tekst'])} → {esc(target_label(walk, walk.target(node['id'], i)))}</li>"
                    for i, a in enumerate(node["antwoorden"])
                )
                + "</ul>"
            )
        if step.get("vastleggen"):
            parts.append("<p>Vastleggen in het dossier:</p>" + _list(step["vastleggen"], "☐ "))
        parts.append(line)
    parts.append("<h2>Uitkomst</h2>")
    for end in walk.ends.values():
        parts.append(
            f"<p>☐ <b>{esc(end['titel'])}</b> — {esc(end['doen'])}</p>" + _list(end.get("vastleggen") or [], "☐ ")
        )
    parts.append(render.sources_html(card, engine))
    parts.append(f'<p class="footer">Afgedrukt op {_dt.date.today().isoformat()} uit de Kennisnavigator.</p>')
    return "\n".join(p for p in parts if p)


def verslag_html(
    card, engine, trail: list[str], answers: dict[str, int], reasoning: dict[str, str], today: _dt.date | None = None
) -> str:
    """The afwegingsverslag of one walk: the path taken with the answers and the typed reasoning per step."""
    walk = Walk(card.fields)
    today = today or _dt.date.today()
    parts = [
        "<h1>Afwegingsverslag Meldcode</h1>",
        f"<p>Datum: <b>{today.isoformat()}</b><br/>Gemaakt met: {esc(card.title)}, {esc(version_line(card))}</p>",
        f"<p><i>{esc(PRIVACY_NOTE)} De app heeft dit verslag nergens bewaard.</i></p>",
    ]
    shown_steps: set[int] = set()
    end = None
    for item in trail:
        if item in walk.ends:
            end = walk.ends[item]
            break
        node = walk.nodes[item]
        index = walk.step_index(item)
        if index not in shown_steps:
            shown_steps.add(index)
            parts.append(_step_header(walk, index))
            text = (reasoning.get(walk.steps[index]["id"]) or "").strip()
            typed = esc(text).replace("\n", "<br/>") if text else "<i>(niets genoteerd)</i>"
            parts.append(f"<p><b>Afweging:</b> {typed}</p>")
        chosen = answers.get(item)
        answer = node["antwoorden"][chosen]["tekst"] if chosen is not None else "(niet beantwoord)"
        parts.append(f"<p>Vraag: {esc(node['vraag'])}<br/>Antwoord: <b>{esc(answer)}</b></p>")
    skipped = [walk.steps[i]["titel"] for i in range(len(walk.steps)) if i not in shown_steps]
    if end is not None:
        parts.append(f"<h2>Uitkomst: {esc(end['titel'])}</h2><p>{esc(end['doen'])}</p>")
        if end.get("vastleggen"):
            parts.append("<p>Leg vast:</p>" + _list(end["vastleggen"]))
        if end.get("veilig_thuis"):
            parts.append(f"<p>☎ {esc(VEILIG_THUIS_HINT)}</p>")
    else:
        parts.append("<h2>Uitkomst: nog niet bereikt</h2>")
    if skipped:
        parts.append("<p>Niet doorlopen in deze route: " + esc(", ".join(skipped)) + ".</p>")
    parts.append(render.sources_html(card, engine))
    parts.append(f'<p class="footer">Afgedrukt op {today.isoformat()} uit de Kennisnavigator.</p>')
    return "\n".join(p for p in parts if p)
