"""Opening the index while the window is already on screen, and what the window shows meanwhile.

A background thread opens a matching index, or rebuilds it in the user's cache when there is none; the window
shows how far the rebuild is. If it fails, the window says what went wrong and what to do, with a button to
try again: never an endless "wordt geladen"."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from .i18n import tr


class NoContent(Exception):
    """The core content folder is missing, or it has no cards: nothing to search."""

    def __init__(self, folder):
        super().__init__(str(folder))
        self.folder = folder


class LoadingPage(QWidget):
    """'De kennis wordt geladen…', a progress bar while the index is rebuilt, or the error with a retry."""

    retryRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.message = QLabel(tr("De kennis wordt geladen…"))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # so the error can be copied
        self.message.setAccessibleName(tr("Laden"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(tr("Voortgang van het opbouwen van de zoekindex"))
        self.progress.setVisible(False)
        self.retry_button = QPushButton(tr("Opnieuw proberen"))
        self.retry_button.setAccessibleName(tr("Opnieuw proberen"))
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.retryRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_loading(self) -> None:
        self.message.setText(tr("De kennis wordt geladen…"))
        self.progress.setVisible(False)
        self.retry_button.setVisible(False)

    def show_progress(self, fraction: float) -> None:
        self.message.setText(tr("De zoekindex wordt opgebouwd voor de inhoud op deze computer…"))
        self.progress.setVisible(True)
        self.progress.setValue(int(100 * fraction))
        self.retry_button.setVisible(False)

    def show_error(self, what: str, todo: str) -> None:
        from .render import esc

        self.message.setText(
            f"<h3>{tr('De kennis kon niet worden geladen')}</h3>"
            f"<p><b>{tr('Wat er misging')}:</b> {esc(what)}</p>"
            f"<p><b>{tr('Wat je kunt doen')}:</b> {esc(todo)}</p>"
        )
        self.progress.setVisible(False)
        self.retry_button.setVisible(True)


def explain_failure(exc: BaseException, rebuild_dir) -> tuple[str, str]:
    """What went wrong, in words, and what the user can do about it."""
    what = str(exc) or type(exc).__name__
    if isinstance(exc, NoContent):
        what = tr("Er is geen inhoud gevonden: de map {dir} bestaat niet of bevat geen kaarten.").replace(
            "{dir}", str(exc.folder)
        )
        todo = tr(
            "Installeer het programma opnieuw, of laat je ICT-beheerder de map met kaarten aanwijzen met de "
            "omgevingsvariabele NAVIGATOR_CONTENT. Klik daarna op Opnieuw proberen."
        )
        return what, todo
    if isinstance(exc, OSError):
        todo = tr(
            "Controleer of er ruimte is op de schijf en of je mag schrijven in {dir}. Probeer het daarna "
            "opnieuw. Lukt het niet, geef deze melding door aan je ICT-beheerder."
        )
    else:
        todo = tr(
            "Probeer het opnieuw. Lukt het dan nog niet, vraag je ICT-beheerder het programma opnieuw te "
            "installeren en geef deze melding door. De map {dir} mag weg: de app maakt hem opnieuw."
        )
    return what, todo.replace("{dir}", str(rebuild_dir))


class IndexLoader(QObject):
    """Opens the index for `window` in a background thread; `start()` again after a failure retries."""

    def __init__(self, window, pack_dirs, read_only_dirs, rebuild_dir, parent=None):
        """`pack_dirs` may be a function, so finding the packs (reading the organisation file) happens in the
        background too."""
        super().__init__(parent or window)
        self.window = window
        self.pack_dirs = pack_dirs
        self.read_only_dirs = list(read_only_dirs)
        self.rebuild_dir = rebuild_dir
        self.engine = None
        self._state: dict = {}
        self._thread = None
        self._poll = QTimer(self)
        self._poll.setInterval(10)
        self._poll.timeout.connect(self._check)
        window.loadRetryRequested.connect(self.start)

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._state = {"done": 0, "total": 1, "building": False, "result": None, "error": None}
        self._thread = threading.Thread(target=self._work, name="index-open", daemon=True)
        self._thread.start()
        if self.window.body_built:
            self.window.show_loading()
        self._poll.start()

    def _work(self) -> None:
        # Importing the search layer and reading the index overlaps with building the window's body; Qt
        # releases the interpreter while it lays out and paints, and file reads release it too.
        state = self._state
        try:
            from ..search import open_engine, open_existing

            packs = self.pack_dirs() if callable(self.pack_dirs) else list(self.pack_dirs)
            if not packs or not Path(packs[0]).is_dir():
                raise NoContent(packs[0] if packs else "content")
            found = open_existing(packs, self.read_only_dirs + [self.rebuild_dir])
            if found is None:  # no matching index (or it would not open): rebuild it, showing progress
                state["building"] = True
                found = open_engine(
                    packs, [], self.rebuild_dir, progress=lambda n, total: state.update(done=n, total=max(1, total))
                )
            if not found[0].card_count:
                found[0].close()
                raise NoContent(packs[0])
            state["result"] = found
        except Exception as exc:  # shown in the window, with what to do and a retry
            state["error"] = exc

    def _check(self) -> None:
        if not self.window.body_built:  # the window attaches nothing before its body exists
            return
        state = self._state
        if self._thread.is_alive():
            if state["building"]:
                self.window.show_index_progress(state["done"] / state["total"])
            return
        self._poll.stop()
        if state["error"] is not None:
            self.window.show_load_error(*explain_failure(state["error"], self.rebuild_dir))
            return
        self.engine = state["result"][0]
        self.window.attach_engine(*state["result"])
