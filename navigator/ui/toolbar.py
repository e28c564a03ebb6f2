"""The main window's toolbar: back, forward, start, the search field, card actions and the menus. It is all
the first frame needs, so it imports only what that frame draws."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QPushButton, QToolBar, QToolButton

from .i18n import tr

if TYPE_CHECKING:  # typed as the window it is mixed into
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class ToolbarMixin(_Window):
    """Builds the toolbar of `MainWindow` and its actions (with their shortcuts)."""

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            # Read back from the action: building a QKeySequence from one would load the whole Qt namespace.
            text += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(text)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("Werkbalk"))
        bar.setObjectName("werkbalk")
        bar.setMovable(False)
        bar.setAccessibleName(tr("Werkbalk"))
        self.addToolBar(bar)
        self.back_action = self._action(tr("◀ Terug"), self.go_back, QKeySequence("Alt+Left"))
        self.forward_action = self._action(tr("Vooruit ▶"), self.go_forward, QKeySequence("Alt+Right"))
        self.home_action = self._action(tr("Start"), self.show_start, QKeySequence("Alt+Home"))
        for action in (self.back_action, self.forward_action, self.home_action):
            bar.addAction(action)
            bar.widgetForAction(action).setAccessibleName(action.text().strip("◀▶ "))
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(tr("Zoek in de kennis, bijv. 'stalking ex-partner' (Ctrl+K)"))
        self.search_field.setAccessibleName(tr("Zoeken"))
        self.search_field.setClearButtonEnabled(True)
        # Room for the placeholder on a wide screen; on a laptop it gives way to the buttons.
        self.search_field.setMinimumWidth(240)
        self.search_field.setMaximumWidth(520)
        self.search_field.textChanged.connect(self._query_edited)
        self.search_field.returnPressed.connect(self.open_first_result)
        self.search_field.installEventFilter(self)  # Esc clears, Down moves into the list
        bar.addWidget(self.search_field)

        self.bookmark_action = self._action(tr("☆ Bladwijzer"), self.toggle_bookmark, QKeySequence("Ctrl+D"))
        self.compare_add_action = self._action(tr("+ Vergelijk"), self.toggle_compare)
        self.compare_action = self._action(tr("Vergelijken"), self.show_compare)
        self.clear_compare_action = self._action(tr("Vergelijking leegmaken"), self.clear_compare)
        self.explore_action = self._action(tr("Scenario starten"), lambda: self.open_scenario(False))
        self.trainer_action = self._action(tr("Trainermodus"), lambda: self.open_scenario(True), QKeySequence("F5"))
        self.print_action = self._action(tr("Afdrukken"), self.print_current, QKeySequence.StandardKey.Print)
        self.pdf_action = self._action(tr("PDF"), self.ask_card_pdf, QKeySequence("Ctrl+Shift+P"))
        # A shortcut only: the card itself has the link, beside its sources.
        self.cite_action = self._action(tr("Kopieer bronvermelding"), self.copy_citation, QKeySequence("Ctrl+Shift+C"))
        self.wizard_action = self._action(tr("Meldcode-wijzer"), lambda: self.open_wizard(), QKeySequence("Ctrl+M"))
        for action in (self.bookmark_action, self.compare_add_action):
            bar.addAction(action)
            bar.widgetForAction(action).setAccessibleName(action.text().strip("☆+ "))
        # The comparison: click to compare; the arrow lists the cards in it and empties it.
        self.compare_menu = QMenu(tr("Vergelijken"), self)
        self.compare_menu.aboutToShow.connect(self._fill_compare_menu)
        self.compare_button = QToolButton()
        self.compare_button.setMenu(self.compare_menu)
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.compare_button.setAccessibleName(tr("Vergelijken"))
        self.compare_button.clicked.connect(self.show_compare)
        bar.addWidget(self.compare_button)
        for action in (
            self.explore_action,
            self.trainer_action,
            self.print_action,
            self.pdf_action,
            self.wizard_action,
        ):
            bar.addAction(action)
            bar.widgetForAction(action).setAccessibleName(action.text().strip("☆+ "))

        # Menus that need the user's lists or the index stay disabled until those are there.
        self.bookmarks_menu = QMenu(tr("Bladwijzers"), self)
        self.recent_menu = QMenu(tr("Recent"), self)
        self.bookmarks_menu.aboutToShow.connect(self._fill_bookmarks_menu)
        self.recent_menu.aboutToShow.connect(lambda: self._fill_menu(self.recent_menu, self.user.recent))
        self.settings_menu = QMenu(tr("Instellingen"), self)
        self.settings_menu.aboutToShow.connect(self._fill_settings_menu)
        self.bookmarks_button, self.recent_button, self.settings_button = (
            self._menu_button(bar, menu) for menu in (self.bookmarks_menu, self.recent_menu, self.settings_menu)
        )
        for button in (self.bookmarks_button, self.recent_button, self.settings_button):
            button.setEnabled(False)
        self.about_action = self._action(tr("Over"), self.show_about, QKeySequence("F1"))
        bar.addAction(self.about_action)
        bar.widgetForAction(self.about_action).setAccessibleName(tr("Over de Kennisnavigator"))
        self.problems_button = QPushButton(tr("Weggelaten kaarten"))
        self.problems_button.setAccessibleName(tr("Weggelaten kaarten"))
        self.problems_button.setVisible(False)
        self.problems_button.clicked.connect(self.show_problems)
        bar.addWidget(self.problems_button)
        self.zoom_in_action = self._action(
            tr("Groter"), lambda: self.zoom(1), [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")]
        )
        self.zoom_out_action = self._action(tr("Kleiner"), lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset_action = self._action(tr("Normale grootte"), self.reset_zoom, QKeySequence("Ctrl+0"))

    def _build_shortcuts(self) -> None:
        from PySide6.QtGui import QShortcut

        for sequence in (QKeySequence("Ctrl+K"), QKeySequence("Ctrl+L")):
            QShortcut(sequence, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_bar.open_bar)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_bar.next)
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, self.find_bar.previous)
