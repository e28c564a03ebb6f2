"""Starting a training session and looking back at earlier ones (continue, export, remove). Both dialogs are
opened with open(), never exec(): the trainer's window keeps running behind them."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from .i18n import tr, tr_n
from .wrapping import WrapButton, wrap_label


class NewSessionDialog(QDialog):
    """Date and an optional group name; deliberately nothing else (nothing about clients)."""

    chosen = Signal(object, str)  # datetime.date, group name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Nieuwe sessie"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(tr("Datum van de sessie"))
        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText(tr("bijv. Wijkteam Noord, ochtendgroep"))
        self.group_edit.setAccessibleName(tr("Naam van de groep (mag leeg)"))
        form = QFormLayout()
        form.addRow(tr("Datum"), self.date_edit)
        form.addRow(tr("Groep (mag leeg)"), self.group_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrap_label(
                tr(
                    "Een nieuwe sessie begint zonder notities en met alle stemmen verborgen. "
                    "Schrijf geen namen of gegevens van cliënten op."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.accepted.connect(lambda: self.chosen.emit(self.date_edit.date().toPython(), self.group_edit.text()))


class SessionsDialog(QDialog):
    """Earlier sessions of one scenario, newest first."""

    continueRequested = Signal(str)
    exportMarkdownRequested = Signal(str)
    exportPdfRequested = Signal(str)
    removed = Signal(str)

    def __init__(self, store, current_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.current_id = current_id
        self.setWindowTitle(tr("Sessies"))
        self.resize(560, 420)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Eerdere sessies"))
        self.list.setWordWrap(True)
        row = QHBoxLayout()
        self.continue_button = WrapButton(tr("Verder met deze sessie"))
        self.markdown_button = WrapButton(tr("Exporteren (Markdown)"))
        self.pdf_button = WrapButton(tr("Exporteren (PDF)"))
        self.remove_button = WrapButton(tr("Verwijderen"))
        self.close_button = WrapButton(tr("Sluiten"))
        self.continue_button.clicked.connect(lambda: self._with_selected(self.continueRequested.emit, close=True))
        self.markdown_button.clicked.connect(lambda: self._with_selected(self.exportMarkdownRequested.emit))
        self.pdf_button.clicked.connect(lambda: self._with_selected(self.exportPdfRequested.emit))
        self.remove_button.clicked.connect(lambda: self._with_selected(self.ask_remove))
        self.close_button.clicked.connect(self.close)
        for button in (
            self.continue_button,
            self.markdown_button,
            self.pdf_button,
            self.remove_button,
            self.close_button,
        ):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for session in self.store.sessions():
            notes = len(session.notes)
            text = session.label() + " — " + (tr_n("%n notitie(s)", notes) if notes else tr("geen notities"))
            if session.id == self.current_id:
                text += " " + tr("(nu open)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        for button in (self.continue_button, self.markdown_button, self.pdf_button, self.remove_button):
            button.setEnabled(self.list.count() > 0)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, session_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == session_id:
                self.list.setCurrentRow(row)

    def ask_remove(self, session_id: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        session = self.store.get(session_id)
        if session is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Sessie verwijderen"),
            tr("De sessie {s} en haar notities verwijderen?").replace("{s}", session.label()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda result: self.remove(session_id) if result == QMessageBox.StandardButton.Yes else None
        )
        box.open()
        self._confirm = box

    def remove(self, session_id: str) -> None:
        if self.store.remove(session_id):
            self.removed.emit(session_id)
        self.refresh()

    def _with_selected(self, action, close: bool = False) -> None:
        session_id = self.selected_id()
        if session_id:
            action(session_id)
            if close:
                self.close()
