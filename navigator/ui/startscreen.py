"""The start screen: the phase model as arrows, the family profiles, the frustrations and the training cases.

Everything here reflows with the width it gets (a laptop at 1024 pixels, a zoomed-in font): button texts wrap,
button grids drop to one column and the phase arrows go from one row to two or four. Nothing is ever wider than
the scroll area, which never scrolls sideways."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr
from .render import esc


def two_lines(label: str) -> str:
    """A label of more than one word on two lines, broken at the space nearest its middle (arrows stay narrow)."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(len(label) - 2 * i))
    return label[:cut] + "\n" + label[cut + 1 :]


PHASE_COLORS = ("#3b7dd8", "#c8472d", "#b5731a", "#2e8b57")  # white text on each passes WCAG AA for bold text


class WrapButton(QPushButton):
    """A push button whose text wraps onto more lines instead of being cut off when the button is narrow."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks belong to the button
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.setAccessibleName(text)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:  # the label holds the text; QPushButton's own stays empty so it never draws twice
        return self.label.text()

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)


class ReflowGrid(QWidget):
    """Buttons in up to `max_columns` columns, as many as fit at a readable width (about 22 characters)."""

    def __init__(self, buttons: Sequence[QWidget], max_columns: int, parent=None):
        super().__init__(parent)
        self.buttons = buttons
        self.max_columns = max_columns
        self.columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._arrange(1)

    def column_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * 22

    def columns_for(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        return max(1, min(self.max_columns, (width + spacing) // (self.column_width() + spacing)))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        for n, button in enumerate(self.buttons):
            self._grid.addWidget(button, n // columns, n % columns)
        for column in range(self.max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def minimumSizeHint(self) -> QSize:
        # One column is always possible, so the grid is never what keeps the window wide.
        return QSize(min(self.column_width(), super().minimumSizeHint().width()), super().minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self._arrange(self.columns_for(width))
        return self._grid.totalHeightForWidth(width)

    def resizeEvent(self, event):
        self._arrange(self.columns_for(event.size().width()))
        super().resizeEvent(event)


class PhaseModel(QWidget):
    """The phase model drawn as four arrows; click (or Tab + Enter) an arrow to list that phase's cards.

    The arrows are as wide as their labels need: one row of four when that fits, else two rows of two, else
    one arrow per row."""

    phaseClicked = Signal(str)
    PADDING = 10

    def __init__(self, phases: Sequence[tuple[str, str]], parent=None):
        """`phases`: (key, label) of the `fase` facet in taxonomy.yaml, in order."""
        super().__init__(parent)
        self.phases = [(key, two_lines(label)) for key, label in phases]
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Fasemodel: ") + ", ".join(label.lower() for _, label in phases))
        self.setAccessibleDescription(tr("Pijltjes kiezen een fase, Enter toont de kaarten"))
        self.setMouseTracking(True)
        self._hover = -1
        self._focus_index = 0

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _label_size(self) -> QSize:
        metrics = QFontMetrics(self.label_font())
        width = (
            max(
                metrics.boundingRect(QRect(0, 0, 10_000, 10_000), Qt.AlignmentFlag.AlignCenter, tr(label)).width()
                for _, label in self.phases
            )
            if self.phases
            else 0
        )
        return QSize(width, metrics.lineSpacing() * 2)

    def _tip(self) -> int:
        return max(10, self._label_size().height() // 3)

    def _arrow_width_needed(self) -> int:
        return self._label_size().width() + 2 * self.PADDING + 2 * self._tip()

    def columns_for(self, width: int) -> int:
        return next((c for c in (4, 2) if width / c >= self._arrow_width_needed()), 1)

    def _row_height(self) -> int:
        return self._label_size().height() + 2 * self.PADDING

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = max(1, -(-len(self.phases) // self.columns_for(width)))
        return rows * self._row_height() + (rows - 1) * 6 + 10

    def sizeHint(self) -> QSize:
        return QSize(4 * self._arrow_width_needed(), self.heightForWidth(4 * self._arrow_width_needed()))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._arrow_width_needed(), self.heightForWidth(self._arrow_width_needed()))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.FontChange:  # zoom: the arrows grow with their labels
            self.updateGeometry()
        super().changeEvent(event)

    def _shapes(self) -> list[tuple[QPainterPath, QRectF]]:
        """Each arrow's outline and the rectangle its label must fit in (between the notch and the tip)."""
        columns = self.columns_for(self.width())
        step = self.width() / columns
        height = self._row_height()
        tip = self._tip()
        shapes = []
        for i in range(len(self.phases)):
            x = (i % columns) * step
            top = 5 + (i // columns) * (height + 6)
            path = QPainterPath()
            path.moveTo(x, top)
            path.lineTo(x + step - tip, top)
            path.lineTo(x + step, top + height / 2)
            path.lineTo(x + step - tip, top + height)
            path.lineTo(x, top + height)
            if i % columns:
                path.lineTo(x + tip, top + height / 2)
            path.closeSubpath()
            shapes.append((path, QRectF(x + tip + self.PADDING, top, step - 2 * tip - 2 * self.PADDING, height)))
        return shapes

    def label_rects(self) -> list[tuple[QRectF, QRectF]]:
        """For each arrow: where its label may go, and where the label is drawn. Tests check the one holds
        the other."""
        metrics = QFontMetrics(self.label_font())
        out = []
        for (_, room), (_, label) in zip(self._shapes(), self.phases, strict=True):
            needed = metrics.boundingRect(room.toRect(), Qt.AlignmentFlag.AlignCenter, tr(label))
            out.append((room, QRectF(needed)))
        return out

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.label_font())
        for i, (path, room) in enumerate(self._shapes()):
            color = QColor(PHASE_COLORS[i % len(PHASE_COLORS)])
            if i == self._hover:
                color = color.lighter(115)
            painter.fillPath(path, color)
            if self.hasFocus() and i == self._focus_index:
                painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
                painter.drawPath(path)
            painter.setPen(QColor("white"))
            painter.drawText(room, Qt.AlignmentFlag.AlignCenter, tr(self.phases[i][1]))

    def _index_at(self, pos) -> int:
        return next((i for i, (path, _) in enumerate(self._shapes()) if path.contains(QPointF(pos))), -1)

    def mouseMoveEvent(self, event):
        index = self._index_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()

    def mouseReleaseEvent(self, event):
        index = self._index_at(event.position().toPoint())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.phaseClicked.emit(self.phases[index][0])

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            delta = 1 if event.key() == Qt.Key.Key_Right else -1
            self._focus_index = (self._focus_index + delta) % len(self.phases)
            self.update()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.phaseClicked.emit(self.phases[self._focus_index][0])
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
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(tr("Startscherm"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 12, 16, 12)
        intro = QLabel(
            tr(
                "<h2>Wat wil je weten?</h2>Typ een paar woorden hierboven, of begin bij een fase, "
                "een gezinsprofiel, een frustratie of een casus."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        wijzers = sorted(engine.cards("wijzer"), key=lambda r: r.title)
        if wijzers:  # the guided Meldcode: a walk, not a card to read
            layout.addWidget(self._heading(tr("Vermoeden van huiselijk geweld of kindermishandeling?")))
            layout.addWidget(
                self._buttons(
                    [
                        (f"▶ {r.title.split(':')[0]} " + tr("starten (Ctrl+M)"), r.summary, ("wijzer", r.id))
                        for r in wijzers
                    ],
                    1,
                )
            )
        layout.addWidget(self._heading(tr("Fasen van de aanpak")))
        phases = engine.taxonomy.facet("fase")
        self.phases = PhaseModel([(v.key, v.label) for v in (phases.values if phases else ())])
        self.phases.phaseClicked.connect(lambda key: self.filterRequested.emit("fase", key))
        layout.addWidget(self.phases)

        profiles = engine.taxonomy.facet("profiel")
        layout.addWidget(self._heading(tr("Gezinsprofielen")))
        layout.addWidget(
            self._buttons(
                [(v.label, v.description, ("filter", "profiel", v.key)) for v in (profiles.values if profiles else ())],
                2,
            )
        )
        layout.addWidget(self._heading(tr("Frustraties in de samenwerking (Frustratiewijzer)")))
        frustrations = sorted(engine.cards("frustratie"), key=lambda r: r.title)
        layout.addWidget(self._buttons([(r.title, r.summary, ("card", r.id)) for r in frustrations], 1))
        layout.addWidget(self._heading(tr("Casussen voor training")))
        scenarios = sorted(engine.cards("scenario"), key=lambda r: r.title)
        layout.addWidget(self._buttons([(r.title, r.summary, ("card", r.id)) for r in scenarios], 2))
        layout.addStretch(1)
        self.setWidget(inner)

    def minimumSizeHint(self) -> QSize:
        # A scroll area may be smaller than its content; this one never scrolls sideways, so it may not be
        # narrower than the narrowest its content can be (one column, arrows stacked).
        inner = self.widget().minimumSizeHint() if self.widget() else QSize(0, 0)
        return QSize(
            inner.width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(),
            super().minimumSizeHint().height(),
        )

    def changeEvent(self, event):
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()  # zoom changes how narrow the content can be
        super().changeEvent(event)

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(f"<h3>{esc(text)}</h3>")
        label.setWordWrap(True)
        return label

    def buttons(self) -> list[WrapButton]:
        return self.widget().findChildren(WrapButton)

    def _buttons(self, items, columns: int) -> ReflowGrid:
        buttons = []
        for label, tip, action in items:
            button = WrapButton(label)
            button.setToolTip(tip)
            if action[0] == "filter":
                button.clicked.connect(lambda _=False, f=action[1], v=action[2]: self.filterRequested.emit(f, v))
            elif action[0] == "wijzer":
                button.clicked.connect(lambda _=False, c=action[1]: self.wizardRequested.emit(c))
            else:
                button.clicked.connect(lambda _=False, c=action[1]: self.cardRequested.emit(c))
            buttons.append(button)
        return ReflowGrid(buttons, columns)
