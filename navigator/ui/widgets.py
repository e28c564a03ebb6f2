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
    """The hits of the latest search, one row per card. Each row's texts are made once, when the hits arrive:
    the view asks for a dozen roles per row per paint, so data() must be a lookup."""

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.hits = []
        self._rows: list[dict[int, object] | None] = []
        self._labels: dict[tuple[str, str], str] | None = None

    def set_hits(self, hits) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self._rows = [None] * len(self.hits)  # made when first asked for: the visible rows come first
        self.endResetModel()

    def _row(self, hit) -> dict[int, object]:
        if self._labels is None:
            self._labels = {(f.key, v.key): v.label for f in self.engine.taxonomy.facets for v in f.values} \
                if self.engine else {}
        badges = ", ".join(self._labels.get((k, v), v) for k in ("profiel", "fase") for v in hit.facets.get(k, [])[:3])
        html = (f"<b>{esc(hit.title)}</b> &nbsp;<i>{esc(TYPE_LABELS.get(hit.type, hit.type))}</i>"
                f"<br/><small>{esc(badges)}</small><br/>{snippet_html(hit.snippet)}")
        return {_DISPLAY: hit.title, _TOOLTIP: hit.summary, ID_ROLE: hit.id, HTML_ROLE: html,
                _ACCESSIBLE: f"{hit.title}, {TYPE_LABELS.get(hit.type, hit.type)}. {hit.summary}"}

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index, role=Qt.DisplayRole):
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        texts = self._rows[row]
        if texts is None:
            texts = self._rows[row] = self._row(self.hits[row])
        return texts.get(role)


_DISPLAY, _TOOLTIP, _ACCESSIBLE = Qt.DisplayRole.value, Qt.ToolTipRole.value, Qt.AccessibleTextRole.value


SNIPPET_LINES = 3


class HtmlDelegate(QStyledItemDelegate):
    """Draws a result row as rich text: title and type, the card's profiles and phases, then the snippet with
    the matched words in bold.

    Every row has the same height (title, badges and three lines of snippet; a longer snippet is cut at a
    line), so the list lays out only the rows on screen: laying out rich text costs about 0.4 ms a row, and
    with rows of their own height a list of 100 took 15-30 ms after every keystroke, over one frame."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._documents: dict[tuple[str, int, str], QTextDocument] = {}
        self._heights: dict[str, int] = {}

    def _document(self, option, html: str) -> QTextDocument:
        width = max(200, option.rect.width() - 12)
        key = (html, width, option.font.key())
        doc = self._documents.get(key)
        if doc is None:
            if len(self._documents) > 300:  # a few screens' worth
                self._documents.clear()
            doc = self._documents[key] = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setHtml(html)
            doc.setTextWidth(width)
        return doc

    def row_height(self, font) -> int:
        key = font.key()
        if key not in self._heights:
            sample = QTextDocument()
            sample.setDefaultFont(font)
            sample.setHtml("<b>Xg</b><br/><small>Xg</small>" + "<br/>Xg" * SNIPPET_LINES)
            self._heights[key] = int(sample.size().height()) + 8
        return self._heights[key]

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)  # state and palette come from the view; the text is drawn below
        html = index.data(HTML_ROLE) or ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, html)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        group = QPalette.Active if opt.state & QStyle.State_Active else QPalette.Inactive
        role = QPalette.HighlightedText if opt.state & QStyle.State_Selected else QPalette.Text
        ctx.palette.setColor(QPalette.Text, opt.palette.color(group, role))
        painter.save()
        painter.translate(opt.rect.topLeft() + QPointF(6, 4).toPoint())
        painter.setClipRect(QRectF(0, 0, opt.rect.width() - 12, self._whole_lines(doc, opt.rect.height() - 8)))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def _whole_lines(self, doc: QTextDocument, available: float) -> float:
        """The height of the lines that fit entirely: a snippet too long for its row ends at a line, not
        halfway through one."""
        layout = doc.documentLayout()
        bottom = 0.0
        block = doc.begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            lines = block.layout()
            for i in range(lines.lineCount()):
                line_bottom = top + lines.lineAt(i).rect().bottom()
                if line_bottom > available:
                    return bottom
                bottom = line_bottom
            block = block.next()
        return available

    def sizeHint(self, option, index):
        return QSize(max(200, option.rect.width()), self.row_height(option.font))


class ResultList(QListView):
    """Result list: ↑/↓ move, Enter opens."""

    activatedCard = Signal(str)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(HtmlDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(True)  # see HtmlDelegate: only the rows on screen are laid out
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
        self.count_labels: dict[tuple[str, str], QLabel] = {}
        self._shown: dict[tuple[str, str], tuple[int, bool]] = {}
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
                # The count sits in a label of fixed size beside the box: new counts after every keystroke
                # then repaint two dozen labels instead of re-laying out the whole panel (10-15 ms).
                count = QLabel()
                count.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
                count.setFixedSize(count.fontMetrics().horizontalAdvance("(99999)") + 4,
                                   box.sizeHint().height())
                count.setAccessibleName(tr("Aantal: {v}").replace("{v}", value.label))
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(box, 1)
                row.addWidget(count)
                self.boxes[(facet.key, value.key)] = box
                self.count_labels[(facet.key, value.key)] = count
                self.labels[(facet.key, value.key)] = value.label
                group_layout.addLayout(row)
            layout.addWidget(group)
        layout.addStretch(1)
        self.setWidget(inner)
        # Wide enough for the longest value with its count: the panel never scrolls sideways.
        self.setMinimumWidth(inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 4)

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

    def _greyed_palette(self) -> QPalette:
        palette = QPalette()
        for group in (QPalette.Active, QPalette.Inactive):
            palette.setColor(group, QPalette.WindowText, palette.color(QPalette.Disabled, QPalette.WindowText))
        return palette

    def set_counts(self, counts: dict[str, dict[str, int]]) -> None:
        # Only what changed is touched: a new style sheet re-polishes the box, and this runs per keystroke.
        for key, box in self.boxes.items():
            count = counts.get(key[0], {}).get(key[1], 0)
            greyed = not count and not box.isChecked()
            if self._shown.get(key) == (count, greyed):
                continue
            was_greyed = self._shown.get(key, (None, False))[1]
            self._shown[key] = (count, greyed)
            label = self.count_labels[key]
            label.setText(f"({count})")
            if greyed != was_greyed:
                # Greyed, not disabled: a ticked value must stay untickable, and greyed values stay reachable.
                # A palette, not a style sheet: a style sheet re-polishes the box (10-15 ms per keystroke).
                box.setPalette(self._greyed_palette() if greyed else QPalette())
                label.setForegroundRole(QPalette.PlaceholderText if greyed else QPalette.WindowText)  # cheaper
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
    wizardRequested = Signal(str)

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
        wijzers = sorted((r for r in engine.records if r["type"] == "wijzer"), key=lambda r: r["title"])
        if wijzers:  # the guided Meldcode: a walk, not a card to read
            layout.addWidget(self._heading(tr("Vermoeden van huiselijk geweld of kindermishandeling?")))
            grid = self._buttons([(f"▶ {r['title'].split(':')[0]} " + tr("starten (Ctrl+M)"), r["summary"],
                                  ("wijzer", r["id"])) for r in wijzers], 1)
            layout.addLayout(grid)
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
            elif action[0] == "wijzer":
                button.clicked.connect(lambda _=False, c=action[1]: self.wizardRequested.emit(c))
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
    wizardRequested = Signal(str)  # wijzer:<id>, the start link of a wijzer (the Meldcode-wijzer)

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
        elif scheme == "wijzer":
            self.wizardRequested.emit(text.split(":", 1)[1].strip("/"))
        elif scheme in ("http", "https", "mailto"):
            self.externalLinkRequested.emit(url)
        elif url.hasFragment():
            self.scrollToAnchor(url.fragment())

    def loadResource(self, kind, url):
        # Never fetch anything: no remote images, no local files named by content.
        return None
