"""The building blocks of the main window: result list, facet panel, filter chips, card view."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr, tr_n
from .render import esc, snippet_html, type_label
from .styles import style_sheet

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


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
            self._labels = (
                {(f.key, v.key): v.label for f in self.engine.taxonomy.facets for v in f.values} if self.engine else {}
            )
            self._facet_labels = {f.key: f.label for f in self.engine.taxonomy.facets} if self.engine else {}
        badges = " · ".join(
            f"{self._facet_labels.get(k, k)}: " + ", ".join(self._labels.get((k, v), v) for v in hit.facets[k][:3])
            for k in ("profiel", "fase")
            if hit.facets.get(k)
        )
        kind = type_label(self.engine.taxonomy, hit.type) if self.engine else hit.type
        html = (
            f"<b>{esc(hit.title)}</b> &nbsp;<i>{esc(kind)}</i>"
            f"<br/><small>{esc(badges)}</small><br/>{snippet_html(hit.snippet)}"
        )
        return {
            _DISPLAY: hit.title,
            _TOOLTIP: hit.summary,
            ID_ROLE: hit.id,
            HTML_ROLE: html,
            _ACCESSIBLE: f"{hit.title}, {kind}. {hit.summary}",
        }

    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self.hits)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        texts = self._rows[row]
        if texts is None:
            texts = self._rows[row] = self._row(self.hits[row])
        return texts.get(role)


_DISPLAY, _TOOLTIP, _ACCESSIBLE = (
    Qt.ItemDataRole.DisplayRole.value,
    Qt.ItemDataRole.ToolTipRole.value,
    Qt.ItemDataRole.AccessibleTextRole.value,
)


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
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, html)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        group = (
            QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        role = (
            QPalette.ColorRole.HighlightedText
            if opt.state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))
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
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName(tr("Zoekresultaten"))
        self.activated.connect(lambda index: self.activatedCard.emit(index.data(ID_ROLE)))

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedCard.emit(self.currentIndex().data(ID_ROLE))
            return
        super().keyPressEvent(event)


class FacetPanel(QScrollArea):
    """Every facet with its values, labels and live counts; zero counts are greyed, not hidden."""

    changed = Signal()

    def __init__(self, taxonomy, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
                count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        self._fit_to_font()

    def _fit_to_font(self) -> None:
        """Size the count labels and the panel for the current font, so zooming in never cuts off a count."""
        any_box = next(iter(self.boxes.values()), None)
        height = any_box.sizeHint().height() if any_box else 20
        for label in self.count_labels.values():
            label.setFixedSize(label.fontMetrics().horizontalAdvance("(99999)") + 4, height)
        # Wide enough for the longest value with its count: the panel never scrolls sideways.
        self.widget().adjustSize()
        self.setMinimumWidth(
            self.widget().minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
            + 2
        )

    def changeEvent(self, event):
        if event.type() == QEvent.Type.FontChange and self.widget() is not None:
            self._fit_to_font()
        super().changeEvent(event)

    def showEvent(self, event):
        self._fit_to_font()  # the style's own sizes are known once the boxes are polished, just before showing
        super().showEvent(event)

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
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(
                group,
                QPalette.ColorRole.WindowText,
                palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
            )
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
                label.setForegroundRole(
                    QPalette.ColorRole.PlaceholderText if greyed else QPalette.ColorRole.WindowText
                )  # cheaper
            box.setAccessibleDescription(tr_n("%n kaart(en)", count))


class FlowLayout(QLayout):
    """Widgets side by side, continuing on the next line when the width runs out (like words in a text)."""

    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, index):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect):
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self):
        return self.minimumSize()

    def minimumSize(self):
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint().boundedTo(QSize(rect.width(), 10_000))
            if x + hint.width() > rect.right() + 1 and line_height:
                x, y, line_height = rect.x(), y + line_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ChipBar(QWidget):
    """Active filters as removable chips ("Fase: Veiligheid ✕"), with 'wis alle filters'; chips that do not
    fit on one line continue on the next."""

    removed = Signal(str, str)
    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet(style_sheet("chips"))
        self._layout = FlowLayout(self)

    def chips(self) -> list[QPushButton]:
        return [self._layout.itemAt(i).widget() for i in range(self._layout.count())]

    def set_filters(self, filters: dict[str, list[str]], taxonomy) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for facet, values in filters.items():
            for value in values:
                facet_info = taxonomy.facet(facet)
                label = f"{facet_info.label if facet_info else facet}: {taxonomy.label(facet, value)}"
                chip = QPushButton(f"{label}  ✕")
                chip.setAccessibleName(tr("Filter verwijderen: {label}").replace("{label}", label))
                chip.setToolTip(tr("Filter verwijderen"))
                chip.setFlat(True)
                chip.setObjectName("filterChip")  # its look: resources/styles/chips.qss
                chip.clicked.connect(lambda _=False, f=facet, v=value: self.removed.emit(f, v))
                self._layout.addWidget(chip)
        if filters:
            clear = QPushButton(tr("Wis alle filters"))
            clear.setAccessibleName(tr("Wis alle filters"))
            clear.clicked.connect(self.cleared)
            self._layout.addWidget(clear)
        self.setVisible(bool(filters))


class CardView(QTextBrowser):
    """A card as sanitised HTML. Card links open in the app; other links need an explicit action."""

    cardRequested = Signal(str)
    filterRequested = Signal(str, str)
    externalLinkRequested = Signal(QUrl)
    scenarioRequested = Signal(str)
    citationRequested = Signal()
    wizardRequested = Signal(str)  # wijzer:<id>, the start link of a wijzer (the Meldcode-wijzer)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(tr("Kaart"))
        self.anchorClicked.connect(self._route)
        self._held_position = None
        self._hold_timer = None

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
        elif scheme == "bronvermelding":
            self.citationRequested.emit()
        elif scheme == "wijzer":
            self.wizardRequested.emit(text.split(":", 1)[1].strip("/"))
        elif scheme in ("http", "https", "mailto"):
            self.externalLinkRequested.emit(url)
        elif url.hasFragment():
            self.scrollToAnchor(url.fragment())

    def reading_position(self) -> int:
        """The place in the text at the top of the view: kept when the card is laid out again (zoom) and when
        you come back to it (Back)."""
        return self.cursorForPosition(QPoint(4, 4)).position()

    def scroll_to_position(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, position), self.document().characterCount() - 1))
        self.document().documentLayout().documentSize()  # lay the text out before measuring where it is
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - 4)

    def hold_position(self, position: int, ms: int = 400) -> None:
        """Scroll to `position` and keep it there while the text is laid out again: after a zoom the new font
        and the new pane widths reach the view a moment later, and each re-wraps the text."""
        self._held_position = position
        self.scroll_to_position(position)
        if self._hold_timer is None:
            from PySide6.QtCore import QTimer

            self._hold_timer = QTimer(self)
            self._hold_timer.setSingleShot(True)
            self._hold_timer.timeout.connect(lambda: setattr(self, "_held_position", None))
            self.document().documentLayout().documentSizeChanged.connect(self._keep_held_position)
        self._hold_timer.start(ms)

    def _keep_held_position(self, *_args) -> None:
        if self._held_position is not None:
            self.scroll_to_position(self._held_position)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._keep_held_position()

    def loadResource(self, kind, url):
        # Never fetch anything: no remote images, no local files named by content.
        return None
