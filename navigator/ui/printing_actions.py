"""The main window's print, PDF and citation actions: the card, the result list, the APA citation.

Each builds a print job (export.py) and hands it to the system print dialog or the PDF writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import tr

if TYPE_CHECKING:  # typed as the window it is mixed into
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class PrintingMixin(_Window):
    """Printing and saving of `MainWindow` (its current card, last response, engine and status bar)."""

    def _card_job(self):
        from . import export
        from .scenario import latest_session

        card = self.current_card
        if card.type == "scenario":  # with the notes of the latest session, as the scenario window prints it
            return export.scenario_job(card, self.engine, latest_session(self.user_folder, card.id))
        return export.card_job(card, self.engine)

    def print_current(self):
        from . import export

        if self.current_card is not None:
            return export.open_print_dialog(self, self._card_job())
        return None

    def ask_card_pdf(self) -> None:
        from . import export

        if self.current_card is not None:
            export.ask_pdf_path(self, export.safe_filename(self.current_card.title) + ".pdf", self.export_card_pdf)

    def export_card_pdf(self, path):
        from . import export

        path = export.write_pdf(path, self._card_job())
        self.statusBar().showMessage(tr("PDF opgeslagen: {p}").replace("{p}", str(path)), 6000)
        return path

    def copy_citation(self) -> None:
        from PySide6.QtWidgets import QTextEdit

        from .citation import card_citation

        if self.current_card is None:
            return
        _, html = card_citation(self.current_card, self.engine)
        # Copied through a text edit: it puts plain text, HTML (a word processor keeps the italics) and ODF on
        # the clipboard in a QMimeData made by Qt. One made in Python is a Python subclass the clipboard may
        # call into while the app quits (it crashes on exit offscreen).
        carrier = QTextEdit()
        carrier.setHtml(html)
        carrier.selectAll()
        carrier.copy()
        self.statusBar().showMessage(tr("Bronvermelding gekopieerd (APA)"), 4000)

    def _results_job(self):
        if self.last_response is None:
            return None
        from . import export

        return export.results_job(self.last_response, self.engine, self.filters())

    def print_results(self):
        from . import export

        job = self._results_job()
        return export.open_print_dialog(self, job) if job else None

    def ask_results_pdf(self) -> None:
        from . import export

        if self.last_response is not None:
            export.ask_pdf_path(self, "zoekresultaten.pdf", self.export_results_pdf)

    def export_results_pdf(self, path):
        from . import export

        return export.write_pdf(path, self._results_job())
