"""The dialog to manage bookmarks (open one, remove some); the lists themselves are navigation.UserLists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from ..navigation import UserLists
from .i18n import tr


class BookmarksDialog(QDialog):
    """Every bookmark by title: double-click or Enter (or 'Openen') opens it, 'Verwijderen' removes the
    selected ones (Delete does the same)."""

    cardRequested = Signal(str)
    changed = Signal()

    def __init__(self, user: UserLists, engine, parent=None):
        super().__init__(parent)
        self.user = user
        self.engine = engine
        self.setWindowTitle(tr("Bladwijzers beheren"))
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Bladwijzers"))
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(lambda item: self._open(item))
        self.empty_label = QLabel(tr("Nog geen bladwijzers. Open een kaart en kies '☆ Bladwijzer' (Ctrl+D)."))
        self.empty_label.setWordWrap(True)
        self.open_button = QPushButton(tr("Openen"))
        self.open_button.setAccessibleName(tr("Bladwijzer openen"))
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        self.remove_button = QPushButton(tr("Verwijderen"))
        self.remove_button.setAccessibleName(tr("Geselecteerde bladwijzers verwijderen"))
        self.remove_button.clicked.connect(self.remove_selected)
        close_button = QPushButton(tr("Sluiten"))
        close_button.setAccessibleName(tr("Sluiten"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.resize(480, 380)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for card_id in self.user.bookmarks:
            record = self.engine.card_by_id(card_id) if self.engine is not None else None
            item = QListWidgetItem(
                record.title if record else tr("{id} (niet meer beschikbaar)").replace("{id}", card_id)
            )
            item.setData(Qt.ItemDataRole.UserRole, card_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty_label.setVisible(not self.list.count())
        self.open_button.setEnabled(bool(self.list.count()))
        self.remove_button.setEnabled(bool(self.list.count()))

    def _open(self, item) -> None:
        if item is not None:
            self.cardRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def remove_selected(self) -> None:
        chosen = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        if chosen:
            self.user.remove_bookmarks(chosen)
            self.fill()
            self.changed.emit()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)
