"""A scenario with the trainer's notes of one session, as Markdown and as HTML for print and PDF."""

from __future__ import annotations

from . import render
from .i18n import tr
from .render import esc
from .stepview import DOMAIN_COLORS, quoted


def scenario_markdown(card, session, domain_labels: dict[str, str]) -> str:
    """The scenario with the notes of `session` (or none), as Markdown (for sharing after a session)."""
    lines = [f"# {card.title}", ""]
    if session is not None:
        lines += [f"Sessie: {session.label()}", ""]
    lines += [card.summary, ""]
    for n, step in enumerate(card.fields.get("stappen") or [], 1):
        lines += [f"## Stap {n}: {step.get('titel', '')}", ""]
        if step.get("situatie"):
            lines += [" ".join(str(step["situatie"]).split()), ""]
        for voice in step.get("stemmen") or []:
            lines.append(
                f"- *{voice.get('rol')}* ({domain_labels.get(voice.get('domein') or '', '—')}): "
                f"{quoted(voice.get('tekst'))}"
            )
        if step.get("vragen"):
            lines += ["", "**Vragen**", ""] + [f"- {q}" for q in step["vragen"]]
        if step.get("verbinden"):
            lines += ["", "**Van botsen naar verbinden**", "", " ".join(str(step["verbinden"]).split())]
        note = session.get(n) if session else ""
        lines += ["", "### Notities", "", note.strip() or "_(geen)_", ""]
    if card.fields.get("reflectie"):
        lines += ["## Reflectie", ""] + [f"- {q}" for q in card.fields["reflectie"]] + [""]
    lines += ["## Bronnen", ""] + [f"- {ref.get('bron')}: {ref.get('plek')}" for ref in card.sources]
    return "\n".join(lines) + "\n"


def scenario_html(card, engine, session, with_notes: bool = True) -> str:
    """The whole scenario for print and PDF: with the notes of `session` (or none), or without any notes as
    a handout for the group."""
    parts = [f"<h1>{esc(card.title)}</h1>"]
    if session is not None and with_notes:
        parts.append(f"<p><b>{esc(tr('Sessie'))}:</b> {esc(session.label())}</p>")
    parts += [f"<p>{esc(card.summary)}</p>", render.scenario_outline_html(card)]
    for n, step in enumerate(card.fields.get("stappen") or [], 1):
        parts.append(f"<h2>Stap {n}: {esc(step.get('titel', ''))}</h2>")
        parts.append(step_body_html(step, render.value_labels(engine.taxonomy, "domein")))
        if not with_notes:
            continue
        note = session.get(n) if session else ""
        parts.append(
            "<h3>Notities</h3>"
            + (f"<p>{esc(note).replace(chr(10), '<br/>')}</p>" if note.strip() else "<p><i>(geen)</i></p>")
        )
    if card.fields.get("reflectie"):
        parts.append(
            "<h2>Reflectie</h2><ul>" + "".join(f"<li>{esc(q)}</li>" for q in card.fields["reflectie"]) + "</ul>"
        )
    parts.append(render.markdown_html(card.body))
    parts.append(render.sources_html(card, engine))
    return "\n".join(parts)


def step_body_html(step: dict, domain_labels: dict[str, str]) -> str:
    """A step with all its voices, for paper."""
    parts = []
    if step.get("situatie"):
        parts.append(f"<p>{render._inline(str(step['situatie']))}</p>")
    voices = step.get("stemmen") or []
    if voices:
        rows = []
        for voice in voices:
            domain = voice.get("domein")
            color = DOMAIN_COLORS.get(domain, "#777777")
            rows.append(
                f"<tr><td width='8' style='background-color:{color}'></td><td>"
                f"<b>{esc(quoted(voice.get('tekst')))}</b><br/>"
                f"<span style='color:{color}'>{esc(voice.get('rol'))}"
                f"{' · ' + esc(domain_labels[domain]) if domain in domain_labels else ''}</span></td></tr>"
            )
        parts.append("<h3>Stemmen</h3><table cellpadding='6' cellspacing='4'>" + "".join(rows) + "</table>")
    if step.get("vragen"):
        parts.append(
            "<h3>Vragen voor het gesprek</h3><ul>"
            + "".join(f"<li>{render._inline(str(q))}</li>" for q in step["vragen"])
            + "</ul>"
        )
    if step.get("verbinden"):
        parts.append(
            render.caution_box([str(step["verbinden"])], tr("Van botsen naar verbinden"), css_class="verbinden")
        )
    return "".join(parts)
