"""Starting the desktop app: Qt application, Dutch translations, the index, the main window."""
from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import __version__, paths


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


def run(packs: list[str] | None = None) -> int:
    from ..cli import open_default_engine
    from .mainwindow import MainWindow

    app = make_application()
    engine, info = open_default_engine(packs)
    window = MainWindow(engine, info, paths.user_data_dir())
    window.show()
    code = app.exec()
    engine.close()
    return code
