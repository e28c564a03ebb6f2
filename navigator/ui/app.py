"""Starting the desktop app: Qt application, Dutch translations, the index, the main window."""

from __future__ import annotations

import sys
from typing import cast

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import __version__


def make_application(argv=None) -> QApplication:
    app = cast(QApplication, QApplication.instance()) or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Kennisnavigator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Kennisnavigator")
    app.setWindowIcon(app_icon())
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    install_translations(app)
    return app


def qt_translation_dirs() -> list[str]:
    """Where Qt's .qm files are: Qt's own idea first, then beside the PySide6 package (a frozen build may
    carry them there without a qt.conf that says so)."""
    from pathlib import Path

    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    dirs = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(package / "Qt" / "translations"),
        str(package / "translations"),
    ]
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
    own = QTranslator(app)  # the app's own catalogue: plural forms of counts (tr_n)
    if own.load("kennisnavigator_nl", str(translations_dir())):
        app.installTranslator(own)
        translators.append(own)
    app._navigator_translators = translators + [gaps]


def translations_dir():
    from .. import paths

    return paths.app_root() / "resources" / "translations"


def icon_dir():
    from .. import paths

    return paths.app_root() / "resources" / "icons"


def app_icon():
    """The app's icon from resources/icons (PNG in every size there); an empty icon if the folder is absent."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted(icon_dir().glob("kennisnavigator-*.png")):
        icon.addFile(str(png))
    return icon


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


def run(
    packs: list[str] | None = None, read_only_index_dirs=None, open_id: str | None = None, trainer: bool = False
) -> int:
    """Open the app. Staged so the window is on screen first: the toolbar and search field are painted, then
    the body is built while a background thread opens the index, which is attached as soon as both are done.
    Keys typed meanwhile are kept. Without a matching index, it is rebuilt while the window shows progress;
    if that fails, the window says what went wrong and offers a retry. `open_id` opens a card or scenario
    once the index is attached (see open_at_start)."""
    from .platform_check import startup_problem

    problem = startup_problem()
    if problem:  # before Qt: its own error would end the process with a message about plugins
        print(problem, file=sys.stderr)
        return 1

    from .. import paths
    from .mainwindow import MainWindow

    app = make_application()
    # The settings (organisation file, user choices) are read when the body is built, after the first paint.
    window = MainWindow(None, None, settings=paths.settings, staged=True)
    window.show()
    read_only = [paths.shipped_index_dir()] if read_only_index_dirs is None else list(read_only_index_dirs)
    loaders = []

    def start_loading():
        # Not before the first frame: until then the window needs the interpreter to itself.
        from .loading import IndexLoader

        loader = IndexLoader(window, lambda: paths.pack_dirs(packs), read_only, paths.user_index_dir())
        loaders.append(loader)
        loader.start()

    window.firstFrameShown.connect(start_loading)
    opened = {}
    if open_id:

        def open_once():
            window.engineAttached.disconnect(open_once)
            opened["window"] = open_at_start(window, open_id, trainer)  # kept: a window needs an owner

        window.engineAttached.connect(open_once)
    code = app.exec()
    if loaders and loaders[0].engine is not None:
        loaders[0].engine.close()
    return code
