"""Find within the open card (Ctrl+F): every match highlighted, the current one selected, Enter / F3 for the
next, Shift+Enter / Shift+F3 for the previous, Esc closes and gives the focus back to the card."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

from .i18n import tr


class FindBar(QWidget):
    def __init__(self, view, parent=None):
        super().__init__(parent)
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.field = QLineEdit()
        self.field.setPlaceholderText(tr("Zoek in deze kaart"))
        self.field.setAccessibleName(tr("Zoek in deze kaart"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(tr("Aantal gevonden in de kaart"))
        self.previous_button = QPushButton(tr("Vorige"))
        self.previous_button.setAccessibleName(tr("Vorige treffer"))
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton(tr("Volgende"))
        self.next_button.setAccessibleName(tr("Volgende treffer"))
        self.next_button.clicked.connect(self.next)
        close_button = QPushButton(tr("Sluiten"))
        close_button.setAccessibleName(tr("Zoeken in de kaart sluiten"))
        close_button.clicked.connect(self.close_bar)
        layout.addWidget(self.field, 1)
        for widget in (self.count_label, self.previous_button, self.next_button, close_button):
            layout.addWidget(widget)
        self.setVisible(False)

    def open_bar(self) -> None:
        self.setVisible(True)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.setVisible(False)
        self.matches, self.current = [], -1
        self.view.setExtraSelections([])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def search(self) -> None:
        """Find every match of the text (case-insensitive) in the card shown now; select the first one."""
        text = self.field.text()
        self.matches = []
        if text and self.isVisible():
            document = self.view.document()
            cursor = document.find(text, 0)
            while not cursor.isNull():
                self.matches.append(cursor)
                cursor = document.find(text, cursor)
        self.current = 0 if self.matches else -1
        self._show()

    def next(self) -> None:
        self._move(1)

    def previous(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if self.matches:
            self.current = (self.current + step) % len(self.matches)
            self._show()

    def _show(self) -> None:
        highlight = QTextCharFormat()
        highlight.setBackground(QColor("#ffe066"))
        highlight.setForeground(QColor("#000000"))
        selections = []
        for cursor in self.matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = highlight
            selections.append(selection)
        self.view.setExtraSelections(selections)
        if self.current >= 0:
            self.view.setTextCursor(self.matches[self.current])  # selected, so it stands out among the others
            self.view.ensureCursorVisible()
            self.count_label.setText(
                tr("{i} van {n}").replace("{i}", str(self.current + 1)).replace("{n}", str(len(self.matches)))
            )
        else:
            self.count_label.setText(tr("niet gevonden") if self.field.text() else "")
        self.previous_button.setEnabled(len(self.matches) > 1)
        self.next_button.setEnabled(len(self.matches) > 1)

    def eventFilter(self, obj, event):
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self._move(-1 if shift else 1)
                return True
        return super().eventFilter(obj, event)
