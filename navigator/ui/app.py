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


def qt_translation_dirs() -> list[str]:
    """Where Qt's .qm files are: Qt's own idea first, then beside the PySide6 package (a frozen build may
    carry them there without a qt.conf that says so)."""
    from pathlib import Path

    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    dirs = [QLibraryInfo.path(QLibraryInfo.TranslationsPath), str(package / "Qt" / "translations"),
            str(package / "translations")]
    return list(dict.fromkeys(d for d in dirs if d))


def install_translations(app) -> None:
    """Qt's own Dutch strings (dialogs, context menus); our strings are written in Dutch already."""
    if getattr(app, "_navigator_translators", None):
        return
    from .i18n import QtDutchGaps

    translators = []
    for name in ("qtbase_nl", "qt_nl"):  # qt_nl is a meta catalogue that some builds lack; qtbase_nl suffices
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in qt_translation_dirs()):
            app.installTranslator(translator)
            translators.append(translator)
    gaps = QtDutchGaps(translators, app)
    app.installTranslator(gaps)
    app._navigator_translators = translators + [gaps]


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


def run(packs: list[str] | None = None, read_only_index_dirs=None) -> int:
    """Open the app. Staged so the window is on screen first: the toolbar and search field are painted, then
    the body is built while a background thread opens the index, which is attached as soon as both are done.
    Keys typed meanwhile are kept. Without a matching index, it is rebuilt with a progress dialog."""
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

    poll.timeout.connect(attach_when_open)
    window.bodyBuilt.connect(poll.start)
    code = app.exec()
    if "engine" in opened:
        opened["engine"].close()
    return code
