"""Two to four interventions side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from . import export, render
from .i18n import tr
from .widgets import CardView


class CompareWindow(QWidget):
    cardRequested = Signal(str)

    def __init__(self, cards, engine, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.cards = cards
        self.engine = engine
        self.setWindowTitle(tr("Vergelijken: ") + ", ".join(c.title for c in cards))
        self.resize(1100, 700)
        self.view = CardView()
        self.view.setAccessibleName(tr("Vergelijking"))
        self.view.cardRequested.connect(self.cardRequested)
        if parent is not None:
            self.view.document().setDefaultStyleSheet(parent.card_view.document().defaultStyleSheet())
        self.html = render.compare_html(cards, engine)
        self.view.setHtml(self.html)
        buttons = QHBoxLayout()
        self.print_button = print_button = QPushButton(tr("Afdrukken"))
        print_button.setAccessibleName(tr("Vergelijking afdrukken"))
        print_button.clicked.connect(lambda: export.open_print_dialog(self, self.print_job()))
        self.pdf_button = pdf_button = QPushButton(tr("Opslaan als PDF"))
        pdf_button.setAccessibleName(tr("Vergelijking opslaan als PDF"))
        pdf_button.clicked.connect(lambda: export.ask_pdf_path(self, "vergelijking.pdf", self.save_pdf))
        close_button = QPushButton(tr("Sluiten"))
        close_button.setAccessibleName(tr("Sluiten"))
        close_button.clicked.connect(self.close)
        for button in (print_button, pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def print_job(self):
        return export.compare_job(self.cards, self.engine)

    def save_pdf(self, path):
        return export.write_pdf(path, self.print_job())
