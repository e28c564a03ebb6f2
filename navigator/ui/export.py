"""Print and PDF from the app: which document goes on paper, the print dialog and the save dialog.

The pages themselves are made in `printing.py`. The dialogs are non-blocking (`open()`, never `exec()`), so the
app keeps drawing while one is up; a save dialog starts in the user's Documents folder, or in the folder they
last saved to (remembered per user, never in the program folder)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtPrintSupport import QPrinter

from . import render
from .i18n import tr
from .printing import PrintJob, paint, prepare_printer, write_pdf  # noqa: F401 (write_pdf is part of this API)

LAST_FOLDER_FILE = "laatste-map.json"


# --- what goes on paper -------------------------------------------------------------------------------


def card_job(card, engine) -> PrintJob:
    return PrintJob(
        card.title, render.card_html(card, engine, printable=True), checked=str(card.fields.get("gecontroleerd") or "")
    )


def scenario_job(card, engine, notes, handout: bool = False) -> PrintJob:
    """The scenario with the trainer's notes, or as a handout for participants (the notes left out)."""
    from .scenario import scenario_html

    title = card.title + (tr(" — hand-out") if handout else tr(" — met notities"))
    return PrintJob(
        title,
        scenario_html(card, engine, None if handout else notes, with_notes=not handout),
        checked=str(card.fields.get("gecontroleerd") or ""),
    )


def compare_job(cards, engine) -> PrintJob:
    """Landscape: four columns of text need the width; the header row repeats on every page."""
    dates = sorted({str(c.fields.get("gecontroleerd")) for c in cards if c.fields.get("gecontroleerd")})
    checked = dates[0] if len(dates) == 1 else (f"{dates[0]} tot {dates[-1]}" if dates else "")
    return PrintJob(
        tr("Vergelijking: ") + ", ".join(c.title for c in cards),
        render.compare_html(cards, engine, printable=True),
        landscape=True,
        checked=checked,
    )


def results_job(response, engine, filters) -> PrintJob:
    query = response.query.strip()
    return PrintJob(
        tr("Zoekresultaten") + (f": {query}" if query else ""), render.results_html(response, engine, filters)
    )


# --- printing -----------------------------------------------------------------------------------------


class PrintReceiver(QObject):
    """The slot QPrintDialog.open(receiver, member) calls with the printer the user confirmed. PySide6 6.12
    binds only that overload of QPrintDialog.open (`open()` without arguments raises TypeError)."""

    def __init__(self, job: PrintJob, dialog):
        super().__init__(dialog)
        self.job = job

    @Slot(QPrinter)
    def print_job(self, printer) -> None:
        try:
            paint(self.job, printer)
        except OSError as exc:
            report(self.parent().parentWidget(), str(exc))


def open_print_dialog(parent, job: PrintJob):
    """The system print dialog for `job`, non-blocking; the job prints when the user confirms.
    Paper size and printer are the user's defaults; orientation and margins come from the job."""
    from PySide6.QtCore import SLOT, Qt
    from PySide6.QtPrintSupport import QPrintDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job.title)
    prepare_printer(printer, job)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Afdrukken — ") + job.title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.printer_ref = printer  # type: ignore[attr-defined]  # the dialog holds a C++ pointer only; keep the Python object alive with it
    receiver = PrintReceiver(job, dialog)
    dialog.open(receiver, SLOT("print_job(QPrinter*)"))  # type: ignore[arg-type]  # (PySide wants the str)
    return dialog


def report(parent, text: str) -> None:
    bar = parent.statusBar() if parent is not None and hasattr(parent, "statusBar") else None
    if bar is not None:
        bar.showMessage(text, 8000)
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "Kennisnavigator", text, QMessageBox.StandardButton.Ok, parent)
    box.open()


# --- saving -------------------------------------------------------------------------------------------


def _user_folder(widget) -> Path:
    while widget is not None:
        folder = getattr(widget, "user_folder", None)
        if folder:
            return Path(folder)
        widget = widget.parentWidget()
    from .. import paths

    return paths.user_data_dir()


def start_folder(user_folder: Path) -> Path:
    """The folder a save dialog opens in: where the user last saved, else their Documents folder."""
    from PySide6.QtCore import QStandardPaths

    from ..userdata import JsonStore

    last = JsonStore(Path(user_folder) / LAST_FOLDER_FILE, {}).load().get("map")
    if isinstance(last, str) and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(user_folder: Path, chosen: Path) -> None:
    from ..userdata import JsonStore

    with contextlib.suppress(OSError):  # not remembering a folder is no reason to fail a save
        JsonStore(Path(user_folder) / LAST_FOLDER_FILE, {}).save({"map": str(Path(chosen).parent)})


def ask_save_path(parent, title: str, suggested_name: str, name_filter: str, suffix: str, on_chosen):
    """A non-blocking save dialog; `on_chosen(path)` runs when the user picks a file."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    user_folder = _user_folder(parent)
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix)
    dialog.setDirectory(str(start_folder(user_folder)))
    dialog.selectFile(suggested_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(name: str) -> None:
        remember_folder(user_folder, Path(name))
        on_chosen(Path(name))

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def ask_pdf_path(parent, suggested_name: str, on_chosen):
    return ask_save_path(parent, tr("Opslaan als PDF"), suggested_name, "PDF (*.pdf)", "pdf", on_chosen)


def safe_filename(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(keep.split())[:80] or "kaart"
