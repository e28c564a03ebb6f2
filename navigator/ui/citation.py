"""'Kopieer bronvermelding': a card and its sources in APA style (7th edition, Dutch conventions), to paste
into a report or a case file. Pure Python; the window puts the result on the clipboard as text and HTML."""

from __future__ import annotations

import datetime as _dt
import html

from .. import __version__
from .render import type_label

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
NO_DATE = "z.d."  # APA's "n.d." in Dutch: zonder datum


def _dutch_date(value) -> str:
    """'2026, 22 november' as APA puts a full date in the parentheses; the bare value if it is no date."""
    try:
        day = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.year}, {day.day} {MONTHS[day.month - 1]}"


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if text.endswith((".", "?", "!")) else text + "."


def _entry(author: str, date: str, title: str, rest: list[str], italic) -> str:
    parts = [_sentence(author), f"({date}).", italic(_sentence(title))] + [r for r in rest if r]
    return " ".join(parts)


def _entries(card, engine, italic, escape) -> tuple[str, list[str]]:
    checked = card.fields.get("gecontroleerd")
    kind = type_label(engine.taxonomy, card.type).lower()
    # APA: *Title* [Description]. The card's date is the day it was last checked against its sources.
    own = (
        f"Kennisnavigator. ({_dutch_date(checked) if checked else NO_DATE}). {italic(escape(card.title))} "
        f"[Kaart ({escape(kind)}), Kennisnavigator versie {__version__}]."
    )
    sources = []
    seen = set()
    for ref in card.sources:
        source_id = ref.get("bron")
        if source_id in seen:
            continue
        seen.add(source_id)
        source = engine.sources.get(source_id) or {}
        author = source.get("publisher") or source.get("title") or source_id
        year = str(source["year"]) if source.get("year") else NO_DATE
        entry = _entry(
            escape(author), year, escape(source.get("title") or source_id), [escape(source.get("url") or "")], italic
        )
        # A reference list is alphabetical by author; for one author, undated works come before dated ones.
        sources.append(((str(author).casefold(), year != NO_DATE, year, entry.casefold()), entry))
    return own, [entry for _, entry in sorted(sources)]


def card_citation(card, engine) -> tuple[str, str]:
    """(plain text, HTML) of the card's reference followed by the references of its sources."""
    own, sources = _entries(card, engine, italic=lambda t: t, escape=lambda t: t)
    text = own + ("\n\nGebaseerd op:\n" + "\n".join(sources) if sources else "") + "\n"
    own_html, sources_html = _entries(card, engine, italic=lambda t: f"<i>{t}</i>", escape=html.escape)
    markup = f"<p>{own_html}</p>" + (
        "<p></p><p>Gebaseerd op:</p>" + "".join(f"<p>{s}</p>" for s in sources_html) if sources_html else ""
    )
    return text, markup
