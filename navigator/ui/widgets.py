"""The building blocks of the main window: result list, facet panel, phase model, start page, card view."""
from __future__ import annotations

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QPointF, QRectF, QSize, Qt, QUrl, Signal)
from PySide6.QtGui import (QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPainterPath, QPalette,
                           QTextDocument)
from PySide6.QtWidgets import (QCheckBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListView,
                               QPushButton, QScrollArea, QSizePolicy, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTextBrowser, QVBoxLayout, QWidget)

from .i18n import tr
from .render import TYPE_LABELS, esc, snippet_html

ID_ROLE = Qt.UserRole + 1
HTML_ROLE = Qt.UserRole + 2


class ResultsModel(QAbstractListModel):
    """The hits of the latest search, one row per card."""

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.hits = []

    def set_hits(self, hits) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.DisplayRole:
            return hit.title
        if role == Qt.ToolTipRole:
            return hit.summary
        if role == Qt.AccessibleTextRole:
            return f"{hit.title}, {TYPE_LABELS.get(hit.type, hit.type)}. {hit.summary}"
        if role == ID_ROLE:
            return hit.id
        if role == HTML_ROLE:
            badges = ", ".join(self.engine.taxonomy.label(k, v) for k in ("profiel", "fase")
                               for v in hit.facets.get(k, [])[:3]) if self.engine else ""
            return (f"<b>{esc(hit.title)}</b> &nbsp;<i>{esc(TYPE_LABELS.get(hit.type, hit.type))}</i>"
                    f"<br/>{snippet_html(hit.snippet)}"
                    + (f"<br/><small>{esc(badges)}</small>" if badges else ""))
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Draws a result row as rich text: title, type badge, snippet with the matched words in bold."""

    def _document(self, option, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(html)
        doc.setTextWidth(max(200, option.rect.width() - 12))
        return doc

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = index.data(HTML_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, html)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        group = QPalette.Active if opt.state & QStyle.State_Active else QPalette.Inactive
        role = QPalette.HighlightedText if opt.state & QStyle.State_Selected else QPalette.Text
        ctx.palette.setColor(QPalette.Text, opt.palette.color(group, role))
        painter.save()
        painter.translate(opt.rect.topLeft() + QPointF(6, 4).toPoint())
        painter.setClipRect(QRectF(0, 0, opt.rect.width() - 12, opt.rect.height() - 8))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index.data(HTML_ROLE) or "")
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 10)


class ResultList(QListView):
    """Result list: ↑/↓ move, Enter opens."""

    activatedCard = Signal(str)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(HtmlDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QListView.ScrollPerPixel)
        self.setAccessibleName(tr("Zoekresultaten"))
        self.activated.connect(lambda index: self.activatedCard.emit(index.data(ID_ROLE)))

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentIndex().isValid():
            self.activatedCard.emit(self.currentIndex().data(ID_ROLE))
            return
        super().keyPressEvent(event)


class FacetPanel(QScrollArea):
    """Every facet with its values, labels and live counts; zero counts are greyed, not hidden."""

    changed = Signal()

    def __init__(self, taxonomy, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setAccessibleName(tr("Filters"))
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        self.labels: dict[tuple[str, str], str] = {}
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        for facet in taxonomy.facets:
            group = QGroupBox(facet.label)
            group.setToolTip(facet.description)
            group_layout = QVBoxLayout(group)
            group_layout.setSpacing(2)
            for value in facet.values:
                box = QCheckBox(value.label)
                box.setToolTip(value.description)
                box.setAccessibleName(f"{facet.label}: {value.label}")
                box.toggled.connect(self.changed)
                self.boxes[(facet.key, value.key)] = box
                self.labels[(facet.key, value.key)] = value.label
                group_layout.addWidget(box)
            layout.addWidget(group)
        layout.addStretch(1)
        self.setWidget(inner)

    def filters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for (facet, value), box in self.boxes.items():
            if box.isChecked():
                out.setdefault(facet, []).append(value)
        return out

    def set_filters(self, filters: dict[str, list[str]]) -> None:
        for (facet, value), box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(value in filters.get(facet, []))
            box.blockSignals(False)
        self.changed.emit()

    def set_counts(self, counts: dict[str, dict[str, int]]) -> None:
        for (facet, value), box in self.boxes.items():
            count = counts.get(facet, {}).get(value, 0)
            box.setText(f"{self.labels[(facet, value)]}  ({count})")
            # Greyed, not disabled: a ticked value must stay untickable, and greyed values stay reachable.
            box.setStyleSheet("" if count or box.isChecked() else "color: palette(mid);")
            box.setAccessibleDescription(tr("{n} kaarten").replace("{n}", str(count)))


class ChipBar(QWidget):
    """Active filters as removable chips, with 'wis alle filters'."""

    removed = Signal(str, str)
    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_filters(self, filters: dict[str, list[str]], taxonomy) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for facet, values in filters.items():
            for value in values:
                label = taxonomy.label(facet, value)
                chip = QPushButton(f"{label}  ✕")
                chip.setAccessibleName(tr("Filter verwijderen: {label}").replace("{label}", label))
                chip.setToolTip(tr("Filter verwijderen"))
                chip.setFlat(True)
                chip.setStyleSheet("QPushButton { border: 1px solid palette(mid); border-radius: 10px; "
                                   "padding: 2px 8px; }")
                chip.clicked.connect(lambda _=False, f=facet, v=value: self.removed.emit(f, v))
                self._layout.addWidget(chip)
        if filters:
            clear = QPushButton(tr("Wis alle filters"))
            clear.setAccessibleName(tr("Wis alle filters"))
            clear.clicked.connect(self.cleared)
            self._layout.addWidget(clear)
        self._layout.addStretch(1)
        self.setVisible(bool(filters))


PHASES = (("signaleren", "Signaleren\nen melden"), ("veiligheid", "Veiligheid"),
          ("risicogestuurde-zorg", "Risicogestuurde\nzorg"), ("herstel", "Herstel"))


class PhaseModel(QWidget):
    """The phase model drawn as four arrows; click (or Tab + Enter) an arrow to list that phase's cards."""

    phaseClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(QSize(340, 80))
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName(tr("Fasemodel: signaleren, veiligheid, risicogestuurde zorg, herstel"))
        self.setAccessibleDescription(tr("Pijltjes kiezen een fase, Enter toont de kaarten"))
        self.setMouseTracking(True)
        self._hover = -1
        self._focus_index = 0

    def _shapes(self) -> list[QPainterPath]:
        w, h = self.width(), self.height() - 10
        step = w / len(PHASES)
        tip = min(24, step / 5)
        shapes = []
        for i in range(len(PHASES)):
            x = i * step
            path = QPainterPath()
            path.moveTo(x, 5)
            path.lineTo(x + step - tip, 5)
            path.lineTo(x + step, 5 + h / 2)
            path.lineTo(x + step - tip, 5 + h)
            path.lineTo(x, 5 + h)
            if i:
                path.lineTo(x + tip, 5 + h / 2)
            path.closeSubpath()
            shapes.append(path)
        return shapes

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        palette = self.palette()
        colors = ["#3b7dd8", "#d8563b", "#d89a3b", "#3ba86b"]
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for i, path in enumerate(self._shapes()):
            color = QColor(colors[i])
            if i == self._hover:
                color = color.lighter(115)
            painter.fillPath(path, color)
            if self.hasFocus() and i == self._focus_index:
                painter.setPen(palette.color(QPalette.WindowText))
                painter.drawPath(path)
            painter.setPen(QColor("white"))
            painter.drawText(path.boundingRect().adjusted(12, 0, -12, 0), Qt.AlignCenter, tr(PHASES[i][1]))

    def _index_at(self, pos) -> int:
        return next((i for i, path in enumerate(self._shapes()) if path.contains(QPointF(pos))), -1)

    def mouseMoveEvent(self, event):
        index = self._index_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.PointingHandCursor if index >= 0 else Qt.ArrowCursor)
            self.update()

    def mouseReleaseEvent(self, event):
        index = self._index_at(event.position().toPoint())
        if index >= 0 and event.button() == Qt.LeftButton:
            self.phaseClicked.emit(PHASES[index][0])

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Left, Qt.Key_Right):
            delta = 1 if event.key() == Qt.Key_Right else -1
            self._focus_index = (self._focus_index + delta) % len(PHASES)
            self.update()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.phaseClicked.emit(PHASES[self._focus_index][0])
        else:
            super().keyPressEvent(event)


class StartPage(QScrollArea):
    """Phase model, the five profiles, the five frustrations and the scenarios: one click from a list or card."""

    filterRequested = Signal(str, str)
    cardRequested = Signal(str)

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setAccessibleName(tr("Startscherm"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 12, 16, 12)
        intro = QLabel(tr("<h2>Wat wil je weten?</h2>Typ een paar woorden hierboven, of begin bij een fase, "
                          "een gezinsprofiel, een frustratie of een casus."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._heading(tr("Fasen van de aanpak")))
        phases = PhaseModel()
        phases.phaseClicked.connect(lambda key: self.filterRequested.emit("fase", key))
        layout.addWidget(phases)

        profiles = engine.taxonomy.facet("profiel")
        layout.addWidget(self._heading(tr("Gezinsprofielen")))
        layout.addLayout(self._buttons([(v.label, v.description, ("filter", "profiel", v.key))
                                        for v in (profiles.values if profiles else ())], 2))
        layout.addWidget(self._heading(tr("Frustraties in de samenwerking (Frustratiewijzer)")))
        frustrations = sorted((r for r in engine.records if r["type"] == "frustratie"), key=lambda r: r["title"])
        layout.addLayout(self._buttons([(r["title"], r["summary"], ("card", r["id"])) for r in frustrations], 1))
        layout.addWidget(self._heading(tr("Casussen voor training")))
        scenarios = sorted((r for r in engine.records if r["type"] == "scenario"), key=lambda r: r["title"])
        layout.addLayout(self._buttons([(r["title"], r["summary"], ("card", r["id"])) for r in scenarios], 2))
        layout.addStretch(1)
        self.setWidget(inner)

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(f"<h3>{esc(text)}</h3>")
        return label

    def _buttons(self, items, columns: int = 3) -> QGridLayout:
        grid = QGridLayout()
        for n, (label, tip, action) in enumerate(items):
            button = QPushButton(label)
            button.setToolTip(tip)
            button.setAccessibleName(label)
            button.setStyleSheet("QPushButton { text-align: left; padding: 6px 10px; }")
            if action[0] == "filter":
                button.clicked.connect(lambda _=False, f=action[1], v=action[2]: self.filterRequested.emit(f, v))
            else:
                button.clicked.connect(lambda _=False, c=action[1]: self.cardRequested.emit(c))
            grid.addWidget(button, n // columns, n % columns)
        return grid


class CardView(QTextBrowser):
    """A card as sanitised HTML. Card links open in the app; other links need an explicit action."""

    cardRequested = Signal(str)
    filterRequested = Signal(str, str)
    externalLinkRequested = Signal(QUrl)
    scenarioRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(tr("Kaart"))
        self.anchorClicked.connect(self._route)

    def _route(self, url: QUrl) -> None:
        scheme = url.scheme()
        text = url.toString()
        if scheme == "kaart":
            self.cardRequested.emit(text.split(":", 1)[1].strip("/"))
        elif scheme == "filter":
            facet, _, value = text.split(":", 1)[1].partition("=")
            self.filterRequested.emit(facet, value)
        elif scheme == "scenario":
            self.scenarioRequested.emit(text.split(":", 1)[1])
        elif scheme in ("http", "https", "mailto"):
            self.externalLinkRequested.emit(url)
        elif url.hasFragment():
            self.scrollToAnchor(url.fragment())

    def loadResource(self, kind, url):
        # Never fetch anything: no remote images, no local files named by content.
        return None
