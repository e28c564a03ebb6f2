"""'Over de Kennisnavigator': the version, how recent the content is, where it comes from, and the keys."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .. import __version__
from .i18n import tr, tr_n
from .render import esc

SHORTCUTS = (
    ("Ctrl+K, Ctrl+L", "naar het zoekveld"),
    ("Enter in het zoekveld", "de eerste kaart openen"),
    ("↓ in het zoekveld, dan ↑/↓ en Enter", "door de lijst en een kaart openen"),
    ("Esc in het zoekveld", "zoekvraag wissen (nog een keer: ook de filters)"),
    ("Ctrl+F", "zoeken in de open kaart; Enter of F3 volgende, Shift+Enter vorige, Esc sluit"),
    ("Alt+← / Alt+→", "terug en vooruit, naar de plek waar je was"),
    ("Alt+Home", "startscherm"),
    ("Ctrl+D", "bladwijzer aan of uit"),
    ("Ctrl+P, Ctrl+Shift+P", "afdrukken, opslaan als PDF"),
    ("Ctrl++ / Ctrl+− / Ctrl+0", "groter, kleiner, normale grootte"),
    ("F5", "trainermodus bij een scenario"),
    ("F1", "dit venster"),
)

_CHECKED = re.compile(r"^gecontroleerd:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


def content_date(records) -> str | None:
    """The newest 'gecontroleerd' date over all cards (read from the card files' front matter)."""
    newest = None
    for record in records:
        try:
            head = Path(record.path).read_text(encoding="utf-8")[:4000]
        except (OSError, UnicodeDecodeError):
            continue
        found = _CHECKED.search(head)
        if found and (newest is None or found.group(1) > newest):
            newest = found.group(1)
    return newest


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td><b>{esc(keys)}</b></td><td>{esc(tr(what))}</td></tr>" for keys, what in SHORTCUTS)
    return f"<table cellpadding='3'>{rows}</table>"


def about_html(engine) -> str:
    parts = [
        f"<h2>{tr('Kennisnavigator')}</h2>",
        f"<p>{tr('Versie')} {esc(__version__)}</p>",
        "<p>"
        + tr(
            "Offline kennis over (ex-)partnergeweld, huiselijk geweld en complexe scheiding voor "
            "sociaal professionals. De app maakt geen verbinding met internet en bewaart niets over "
            "cliënten."
        )
        + "</p>",
    ]
    if engine is not None:
        date = content_date(engine.cards())
        parts.append(
            f"<p><b>{tr('Inhoud')}</b>: {tr_n('%n kaart(en)', engine.card_count)}"
            + (f", {tr('laatst gecontroleerd op')} {esc(date)}" if date else "")
            + "</p>"
        )
        sources = sorted(engine.sources.values(), key=lambda s: str(s.get("title", "")))
        items = "".join(
            f"<li><i>{esc(s.get('title', ''))}</i>"
            + (
                f" ({esc(', '.join(str(x) for x in (s.get('publisher'), s.get('year')) if x))})"
                if s.get("publisher") or s.get("year")
                else ""
            )
            + "</li>"
            for s in sources
        )
    else:
        sources, items = [], ""
        parts.append(f"<p>{tr('De inhoud wordt nog geladen.')}</p>")
    parts.append(f"<h3>{tr('Sneltoetsen')}</h3>{shortcuts_html()}")
    if items:  # the long list last, so the keys are on the first screen
        parts.append(f"<h3>{tr('Bronnen')} ({len(sources)})</h3><ul>{items}</ul>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Over de Kennisnavigator"))
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(tr("Over de Kennisnavigator"))
        self.view.setHtml(about_html(engine))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(tr("Sluiten"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        if parent is not None:  # as large as reads well, never larger than the window it belongs to
            self.resize(min(640, parent.width() - 40), min(720, parent.height() - 40))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
