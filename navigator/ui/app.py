"""Starting the desktop app: Qt application, Dutch translations, the index, the main window."""
from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import __version__


def make_application(argv=None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Kennisnavigator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Kennisnavigator")
    QLocale.setDefault(QLocale(QLocale.Dutch, QLocale.Netherlands))
    install_translations(app)
    return app


def install_translations(app) -> None:
    """Qt's own Dutch strings (dialogs, context menus); our strings are written in Dutch already."""
    if getattr(app, "_navigator_translators", None):
        return
    translators = []
    for name in ("qtbase_nl", "qt_nl"):
        translator = QTranslator(app)
        if translator.load(name, QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(translator)
            translators.append(translator)
    app._navigator_translators = translators


def open_with_progress(pack_dirs, read_only_dirs, rebuild_dir):
    """Open a matching index, or rebuild it in a worker thread while a progress dialog shows how far it is."""
    import threading

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QProgressDialog

    from ..search import open_engine, open_existing

    found = open_existing(pack_dirs, list(read_only_dirs) + [rebuild_dir])
    if found is not None:
        return found
    dialog = QProgressDialog("De zoekindex wordt opgebouwd voor de inhoud op deze computer…", "", 0, 100)
    dialog.setWindowTitle("Kennisnavigator")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setAccessibleName("Voortgang van het opbouwen van de zoekindex")
    state = {"done": 0, "total": 1, "result": None, "error": None}

    def work():
        try:
            state["result"] = open_engine(pack_dirs, [], rebuild_dir,
                                          progress=lambda n, total: state.update(done=n, total=max(1, total)))
        except Exception as exc:  # reported in the dialog's place by the caller
            state["error"] = exc

    thread = threading.Thread(target=work, name="index-build", daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: (dialog.setValue(int(100 * state["done"] / state["total"])),
                                   loop.quit() if not thread.is_alive() else None))
    timer.start(50)
    dialog.show()
    loop.exec()
    timer.stop()
    dialog.close()
    thread.join()
    if state["error"] is not None:
        raise state["error"]
    engine, info = state["result"]
    return engine, info


def open_at_start(window, card_id: str, trainer: bool = False):
    """`navigator app --open ID [--trainer]`: the card in the main window; a scenario also in its own window
    (trainer mode full screen with --trainer), whose title names the scenario. Returns that window, if any."""
    if not window.open_card(card_id):
        window.statusBar().showMessage(f"Geen kaart met id '{card_id}'.")
        print(f"Geen kaart met id '{card_id}'. Zoek de id op met: navigator search WOORDEN", file=sys.stderr)
        return None
    if window.current_card.type == "scenario":
        scenario = window.open_scenario(trainer)
        if trainer:  # a trainer's shortcut: only the room's screen; the app itself comes back when it closes
            window.hide()
            scenario.closed.connect(window.show)
        return scenario
    if trainer:
        print(f"'{card_id}' is geen scenario; trainermodus is er alleen voor scenario's.", file=sys.stderr)
    return None


def run(packs: list[str] | None = None, read_only_index_dirs=None, open_id: str | None = None,
        trainer: bool = False) -> int:
    """Open the app. Staged so the window is on screen first: the toolbar and search field are painted, then
    the body is built while a background thread opens the index, which is attached as soon as both are done.
    Keys typed meanwhile are kept. Without a matching index, it is rebuilt with a progress dialog.
    `open_id` opens a card or scenario once the index is open (see open_at_start)."""
    import threading

    from PySide6.QtCore import QTimer

    from .. import paths
    from .mainwindow import MainWindow

    app = make_application()
    # The settings (organisation file, user choices) are read when the body is built, after the first paint.
    window = MainWindow(None, None, settings=paths.settings, staged=True)
    window.show()
    read_only = [paths.shipped_index_dir()] if read_only_index_dirs is None else list(read_only_index_dirs)
    opening: dict = {}

    def open_in_background():
        # Importing the search layer and reading the index overlaps with building the window's body; Qt
        # releases the interpreter while it lays out and paints, and file reads release it too. A damaged
        # or stale index gives None here, and is rebuilt below with a progress dialog.
        from ..search import open_existing

        opening["packs"] = paths.pack_dirs(packs)
        opening["found"] = open_existing(opening["packs"], read_only + [paths.user_index_dir()])

    opener = threading.Thread(target=open_in_background, name="index-open", daemon=True)
    # Not before the first frame: until then the window needs the interpreter to itself.
    window.firstFrameShown.connect(opener.start)
    opened = {}
    poll = QTimer()
    poll.setInterval(10)

    def attach_when_open():
        if opener.is_alive() or opener.ident is None:
            return
        poll.stop()
        found = opening.get("found")
        if found is None:  # no matching index (or it would not open): rebuild it, showing progress
            found = open_with_progress(opening.get("packs") or paths.pack_dirs(packs), read_only,
                                       paths.user_index_dir())
        opened["engine"] = found[0]
        window.attach_engine(*found)
        if open_id:
            opened["window"] = open_at_start(window, open_id, trainer)

    poll.timeout.connect(attach_when_open)
    window.bodyBuilt.connect(poll.start)
    code = app.exec()
    if "engine" in opened:
        opened["engine"].close()
    return code
