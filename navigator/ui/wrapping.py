"""Buttons and labels whose height follows their wrapped text, so nothing is cut off at any size or zoom.

A QPushButton sizes itself for one line; with a long decision text in a narrow column the layout squeezes it
and the text is clipped. `WrapButton` paints the button's bevel and its wrapped text itself and tells the
layout, through heightForWidth, how tall it has to be at a given width.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QWidget,
)

TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
UNBOUNDED = 1_000_000


def text_height(font, text: str, width: int) -> int:
    """Height of `text` wrapped at `width` pixels in `font`."""
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), UNBOUNDED), TEXT_FLAGS, text).height()


class WrapButton(QAbstractButton):
    """A push button with word-wrapped text; its height follows the text at the width it is given."""

    def __init__(self, text: str, parent=None, accessible_name: str | None = None):
        super().__init__(parent)
        self.setText(text)
        self.setAccessibleName(accessible_name or text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum, QSizePolicy.ControlType.PushButton
        )
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def padding(self) -> tuple[int, int]:
        """Horizontal and vertical room around the text; grows with the font so large type is not cramped."""
        em = QFontMetrics(self.font()).height()
        return max(8, em // 2), max(5, em // 4)

    def text_rect(self) -> QRect:
        pad_x, pad_y = self.padding()
        return self.rect().adjusted(pad_x, pad_y, -pad_x, -pad_y)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        pad_x, pad_y = self.padding()
        return text_height(self.font(), self.text(), width - 2 * pad_x) + 2 * pad_y

    def minimumSizeHint(self) -> QSize:
        # As narrow as the longest word, so the text wraps rather than being cut off at the side.
        metrics = QFontMetrics(self.font())
        pad_x, _ = self.padding()
        longest = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=0)
        width = longest + 2 * pad_x + 2
        return QSize(width, self.heightForWidth(width))

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        pad_x, _ = self.padding()
        one_line = metrics.horizontalAdvance(self.text()) + 2 * pad_x + 2
        width = max(self.minimumSizeHint().width(), min(one_line, 40 * metrics.averageCharWidth()))
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event):
        painter = QPainter(self)
        option = QStyleOptionButton()
        option.initFrom(self)
        option.state |= (
            QStyle.StateFlag.State_Sunken if self.isDown() or self.isChecked() else QStyle.StateFlag.State_Raised
        )
        self.style().drawControl(QStyle.ControlElement.CE_PushButtonBevel, option, painter, self)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.setFont(self.font())
        painter.drawText(self.text_rect(), TEXT_FLAGS, self.text())
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = self.rect().adjusted(3, 3, -3, -3)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, self)
        painter.end()


def wrap_label(text: str = "", accessible_name: str | None = None) -> QLabel:
    """A label that wraps (rich text allowed); QLabel reports heightForWidth itself once word wrap is on."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if accessible_name:
        label.setAccessibleName(accessible_name)
    return label


class ScrolledColumn(QWidget):
    """The content of a QScrollArea whose texts wrap. A wrapping text's minimum height is its height at its
    narrowest; QScrollArea takes that as the content's minimum, which leaves a long empty tail to scroll
    through. Reporting no minimum height makes the scroll area use heightForWidth at the real width."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)
