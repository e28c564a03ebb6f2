"""Print and PDF: the same HTML as on screen, with sources and the date, through Qt's own printing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from .render import stylesheet


def html_document(title: str, body_html: str, base_pt: float = 10.5) -> QTextDocument:
    doc = QTextDocument()
    doc.setMetaInformation(QTextDocument.DocumentTitle, title)
    # Print in black on white whatever the screen palette is.
    doc.setDefaultStyleSheet(stylesheet("#000000", "#555555", "#1a4f9c", "#fff3cd", "#5c4400", base_pt))
    doc.setHtml(body_html)
    return doc


def write_pdf(path: Path, title: str, body_html: str) -> Path:
    """Write an A4 PDF of `body_html`. Needs a QGuiApplication (offscreen is fine)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Kennisnavigator")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(18, 18, 18, 18),
                                     QPageLayout.Millimeter))
    writer.setResolution(300)
    doc = html_document(title, body_html)
    layout = writer.pageLayout()
    rect = layout.paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    return path


def print_html(parent, title: str, body_html: str) -> None:
    """Open the system print dialog (which also offers 'save as PDF'); non-blocking for the event loop."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Afdrukken — {title}")
    dialog.accepted.connect(lambda: html_document(title, body_html).print_(printer))
    dialog.open()
    parent._print_dialog = dialog  # keep it alive while open


def ask_pdf_path(parent, suggested_name: str, on_chosen) -> None:
    """A non-blocking 'save as PDF' dialog; `on_chosen(path)` runs when the user picks a file."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, "Opslaan als PDF")
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    dialog.setNameFilter("PDF (*.pdf)")
    dialog.setDefaultSuffix("pdf")
    dialog.selectFile(suggested_name)
    dialog.fileSelected.connect(lambda chosen: on_chosen(Path(chosen)))
    dialog.open()
    parent._pdf_dialog = dialog


def safe_filename(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(keep.split())[:80] or "kaart"
