"""Cards, comparisons and result lists as sanitised HTML for QTextBrowser, print and PDF.

Markdown is rendered by python-markdown and cleaned by nh3 (an allow-list HTML sanitiser): content from a
regional pack can never run script, load a remote image or point a link at a local file.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from typing import TYPE_CHECKING

from ..content import FIELD_LABELS, Card, Taxonomy
from ..content.schema import label as field_label
from .i18n import tr, tr_n

if TYPE_CHECKING:  # the search engine is not needed to draw the window, only to fill it
    from ..search import SearchEngine, SearchResponse

ALLOWED_TAGS = {
    "a",
    "b",
    "strong",
    "i",
    "em",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "code",
    "pre",
    "hr",
    "span",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"https", "http", "mailto", "kaart"}
# The rows of the comparison table (interventions, instruments, measures); labels come from the schema.
COMPARE_ROWS = (
    "doel",
    "voor_wie",
    "uitvoering",
    "fase",
    "profiel",
    "doelgroep",
    "erkenning",
    "erkenning_toelichting",
    "let_op",
    "contra_indicaties",
)

_md = None


def snippet_html(snippet: str) -> str:
    """A snippet as safe HTML: escaped, with the words the search marked (**like this**) in bold."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(snippet))


def sanitize(fragment: str) -> str:
    import nh3  # imported on first use: start-up paints the window first

    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _separate_lists(text: str) -> str:
    """Markdown needs a blank line before a list; authors often forget it, so add it."""
    out: list[str] = []
    for line in (text or "").splitlines():
        if (
            _LIST_ITEM.match(line)
            and out
            and out[-1].strip()
            and not _LIST_ITEM.match(out[-1])
            and not out[-1].startswith(("  ", "\t", "|"))
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)


def markdown_html(text: str) -> str:
    global _md
    if _md is None:
        import markdown

        _md = markdown.Markdown(extensions=["tables", "sane_lists"])
    _md.reset()
    return sanitize(_md.convert(_separate_lists(text)))


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def _inline(text: str) -> str:
    """A short field value: Markdown without the surrounding paragraph."""
    rendered = markdown_html(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


def facet_chips(card: Card, engine: SearchEngine) -> str:
    """The card's facet values as filter links, named by their facet ("Fase: Veiligheid, Herstel"): the same
    words mean different things in different facets (Intieme terreur is a profile and a kind of violence)."""
    groups = []
    for facet in engine.taxonomy.facets:
        links = []
        for value in card.facets.get(facet.key, []):
            label = engine.taxonomy.label(facet.key, value)
            links.append(
                f'<a class="chip" href="filter:{esc(facet.key)}={esc(value)}" '
                f'title="Filter op {esc(facet.label)}: {esc(label)}">{esc(label)}</a>'
            )
        if links:
            groups.append(f"{esc(facet.label)}: " + ", ".join(links))
    return " &nbsp;· ".join(groups)


def caution_box(items: list[str], title: str = "Let op", css_class: str = "letop") -> str:
    """A coloured box with a title and a list; `css_class` picks its colours in the card style sheet."""
    if not items:
        return ""
    # Qt rich text has no box model for <div>: a one-cell table is the way to get a coloured box.
    rows = "".join(f"<li>{_inline(item)}</li>" for item in items)
    return (
        f'<table class="{esc(css_class)}" width="100%" cellpadding="8"><tr><td>'
        f"<b>⚠ {esc(title)}</b><ul>{rows}</ul></td></tr></table>"
    )


def sources_html(card: Card, engine: SearchEngine, heading: bool = True) -> str:
    """The card's sources with their place; `heading=False` leaves out the "Bronnen" heading."""
    items = []
    for ref in card.sources:
        source = engine.sources.get(str(ref.get("bron", "")), {})
        title = source.get("title", ref.get("bron"))
        meta = ", ".join(str(x) for x in (source.get("publisher"), source.get("year")) if x)
        link = f' <a href="{esc(source["url"])}">{esc(source["url"])}</a>' if source.get("url") else ""
        items.append(
            f"<li><i>{esc(title)}</i>{' (' + esc(meta) + ')' if meta else ''} — {esc(ref.get('plek', ''))}{link}</li>"
        )
    if not items:
        return ""
    return ("<h3>Bronnen</h3>" if heading else "") + "<ul>" + "".join(items) + "</ul>"


def _field_value(card: Card, key: str, engine: SearchEngine) -> str:
    if key in ("fase", "profiel", "doelgroep", "erkenning", "geweldstype", "domein"):
        values = card.facets.get(key, [])
        return ", ".join(esc(engine.taxonomy.label(key, v)) for v in values) or "—"
    value = card.fields.get(key)
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return "<ul>" + "".join(f"<li>{_inline(str(v))}</li>" for v in value) + "</ul>"
    return _inline(str(value))


def type_label(taxonomy: Taxonomy, card_type: str) -> str:
    """'Interventie' for `interventie`: the label of the `type` facet in taxonomy.yaml."""
    return taxonomy.label("type", card_type)


def value_labels(taxonomy: Taxonomy, facet_key: str) -> dict[str, str]:
    """{value: label} of one facet in taxonomy.yaml (the domains of a scenario's voices, the phases)."""
    facet = taxonomy.facet(facet_key)
    return {v.key: v.label for v in facet.values} if facet else {}


def card_title(engine: SearchEngine, card_id: str) -> str:
    """The title a link to `card_id` shows (its replacement's, if a pack replaced it), or the id itself."""
    record = engine.card_by_id(card_id)
    return record.title if record else card_id


def card_html(card: Card, engine: SearchEngine, printable: bool = False) -> str:
    """The whole card: title, chips, cautions, structured fields, body, links onward and sources."""
    if card.type == "wijzer":  # a guided walk: its own overview, and printed a blank checklist
        from .meldcode_report import wijzer_card_html

        return wijzer_card_html(card, engine, printable)
    parts = [
        f'<p class="type">{esc(type_label(engine.taxonomy, card.type))}</p>',
        f"<h1>{esc(card.title)}</h1>",
        f'<p class="summary">{esc(card.summary)}</p>',
    ]
    chips = (
        facet_chips(card, engine)
        if not printable
        else " · ".join(
            esc(engine.taxonomy.label(f.key, v)) for f in engine.taxonomy.facets for v in card.facets.get(f.key, [])
        )
    )
    if chips:
        parts.append(f'<p class="chips">{chips}</p>')
    if not printable:  # a card that points to a wijzer (the Meldcode cards) offers to start it
        for target in card.see_also:
            record = engine.card_by_id(target)
            if record and record.type == "wijzer":
                parts.append(
                    f'<p><a href="wijzer:{esc(target)}"><b>▶ {esc(record.title.split(":")[0])} '
                    f"starten</b></a> — stap voor stap door de meldcode</p>"
                )
    parts.append(caution_box(card.cautions))
    contra = card.fields.get("contra_indicaties") or []
    rows = []
    for key in ("doel", "voor_wie", "uitvoering", "erkenning_toelichting", "kader", "wie", "rol", "wanneer"):
        if card.fields.get(key) not in (None, "", []):
            rows.append(
                f"<tr><th align='left' valign='top'>{esc(FIELD_LABELS[key])}</th>"
                f"<td>{_field_value(card, key, engine)}</td></tr>"
            )
    if card.type in ("interventie", "instrument") and card.facets.get("erkenning"):
        rows.append(f"<tr><th align='left'>Erkenning</th><td>{_field_value(card, 'erkenning', engine)}</td></tr>")
    if card.fields.get("url"):
        url = esc(card.fields["url"])
        rows.append(f"<tr><th align='left'>Website</th><td><a href=\"{url}\">{url}</a></td></tr>")
    if rows:
        parts.append('<table class="fields" cellpadding="4">' + "".join(rows) + "</table>")
    if contra:
        parts.append(caution_box(contra, "Contra-indicaties"))
    if card.fields.get("tips"):
        parts.append("<h2>Tips</h2><ul>" + "".join(f"<li>{_inline(t)}</li>" for t in card.fields["tips"]) + "</ul>")
    if card.type == "scenario":
        if not printable:
            parts.append(
                '<p><a href="scenario:verken"><b>▶ Scenario stap voor stap</b></a> &nbsp;·&nbsp; '
                '<a href="scenario:trainer"><b>Trainermodus, volledig scherm (F5)</b></a></p>'
            )
        parts.append(scenario_outline_html(card))
    parts.append(markdown_html(card.body))
    links = []
    for target in card.see_also:
        links.append(f'<li><a href="kaart:{esc(target)}">{esc(card_title(engine, target))}</a></li>')
    if links:
        parts.append("<h3>Zie ook</h3><ul>" + "".join(links) + "</ul>")
    parts.append(sources_html(card, engine))
    if card.sources and not printable:
        parts.append(
            '<p><a href="bronvermelding:kopieer">Kopieer bronvermelding</a> '
            "(APA, om in een verslag of dossier te plakken; Ctrl+Shift+C)</p>"
        )
    checked = card.fields.get("gecontroleerd")
    footer = f"Gecontroleerd op {esc(checked)}" if checked else ""
    if printable:
        footer += f" · afgedrukt op {_dt.date.today().isoformat()} uit de Kennisnavigator"
    if footer:
        parts.append(f'<p class="footer">{footer}</p>')
    return "\n".join(p for p in parts if p)


def scenario_outline_html(card: Card) -> str:
    people = card.fields.get("personen") or []
    out = []
    if card.fields.get("samengestelde_casus"):
        out.append("<p><i>Samengestelde casus uit het onderzoek; geen echt gezin.</i></p>")
    if card.fields.get("toelichting"):
        out.append(f"<p>{_inline(card.fields['toelichting'])}</p>")
    if people:
        out.append(
            "<h3>Personen</h3><ul>"
            + "".join(
                f"<li>{esc(p.get('naam'))}{', ' + esc(p['leeftijd']) + ' jaar' if p.get('leeftijd') else ''}"
                f"{' — ' + esc(p['rol']) if p.get('rol') else ''}</li>"
                for p in people
            )
            + "</ul>"
        )
    steps = card.fields.get("stappen") or []
    out.append("<h3>Stappen</h3><ol>" + "".join(f"<li>{esc(s.get('titel'))}</li>" for s in steps) + "</ol>")
    return "".join(out)


def compare_html(cards: list[Card], engine: SearchEngine, printable: bool = False) -> str:
    head = "".join(f'<th align="left"><a href="kaart:{esc(c.id)}">{esc(c.title)}</a></th>' for c in cards)
    rows = []
    for key in COMPARE_ROWS:
        label = field_label(key, engine.taxonomy)
        cells = "".join(f'<td valign="top">{_field_value(c, key, engine)}</td>' for c in cards)
        rows.append(f'<tr><th align="left" valign="top">{esc(label)}</th>{cells}</tr>')
    sources = "".join(f"<h4>{esc(c.title)}</h4>{sources_html(c, engine, heading=False)}" for c in cards)
    stamp = (
        f'<p class="footer">Afgedrukt op {_dt.date.today().isoformat()} uit de Kennisnavigator</p>' if printable else ""
    )
    # <thead>: Qt repeats the header row on every printed page.
    return (
        f"<h1>Vergelijking</h1><table class='compare' width='100%' cellpadding='6'>"
        f"<thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h3>Bronnen</h3>{sources}{stamp}"
    )


def results_html(response: SearchResponse, engine: SearchEngine, filters: dict[str, list[str]]) -> str:
    """A result list for print: the query, the filters, and a row per card with title, type and summary."""
    active = "; ".join(
        f"{engine.taxonomy.facet(k).label if engine.taxonomy.facet(k) else k}: "
        + ", ".join(engine.taxonomy.label(k, v) for v in vs)
        for k, vs in filters.items()
        if vs
    )
    rows = "".join(
        f"<tr><td valign='top'>{n}</td><td valign='top'><b>{esc(h.title)}</b></td>"
        f"<td valign='top'>{esc(type_label(engine.taxonomy, h.type))}</td>"
        f"<td valign='top'>{esc(h.summary)}</td></tr>"
        for n, h in enumerate(response.hits, 1)
    )
    shown = len(response.hits)
    count = tr_n("%n kaart(en)", response.total) + (
        tr(", de eerste {n} staan hieronder").replace("{n}", str(shown)) if shown < response.total else ""
    )
    return (
        f"<h1>Zoekresultaten</h1><p>Zoekopdracht: <b>{esc(response.query) or '(alles)'}</b>"
        f"{'<br/>Filters: ' + esc(active) if active else ''}<br/>{count}</p>"
        f"<table class='results' width='100%' cellpadding='4'><thead><tr><th align='left'>#</th>"
        f"<th align='left'>Titel</th><th align='left'>Type</th><th align='left'>Samenvatting</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<p class='footer'>Afgedrukt op {_dt.date.today().isoformat()} uit de Kennisnavigator. "
        f"De bronnen staan op elke kaart.</p>"
    )


def stylesheet(text_color: str, muted: str, accent: str, caution_bg: str, caution_fg: str, base_pt: float) -> str:
    return (
        f"body {{ font-size: {base_pt}pt; color: {text_color}; }}"
        f"h1 {{ font-size: {base_pt * 1.7:.1f}pt; margin-bottom: 2px; }}"
        f"h2 {{ font-size: {base_pt * 1.3:.1f}pt; margin-top: 14px; }}"
        f"h3 {{ font-size: {base_pt * 1.1:.1f}pt; margin-top: 12px; }}"
        f".type {{ color: {muted}; font-size: {base_pt * 0.85:.1f}pt; text-transform: uppercase; }}"
        f".summary {{ font-size: {base_pt * 1.1:.1f}pt; }}"
        f"a {{ color: {accent}; }} a.chip {{ text-decoration: none; }}"
        f".letop td {{ background-color: {caution_bg}; color: {caution_fg}; }}"
        f"table.fields th {{ padding-right: 12px; }}"
        f"table.compare th, table.compare td {{ border: 1px solid {muted}; }}"
        f"th, td {{ padding: 4px; }} table {{ border-collapse: collapse; }}"
        f".footer {{ color: {muted}; font-size: {base_pt * 0.8:.1f}pt; }}"
    )
