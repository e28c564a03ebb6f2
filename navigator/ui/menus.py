"""The main window's menus: bookmarks (with 'beheren'), recent cards, the comparison, settings, and the dialogs
they open. They are disabled until what they list is there (the user's lists, the index)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from .i18n import tr

if TYPE_CHECKING:  # typed as the window it is mixed into
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class MenusMixin(_Window):
    """Menus and small dialogs of `MainWindow`."""

    @staticmethod
    def _menu_button(bar: QToolBar, menu: QMenu) -> QToolButton:
        button = QToolButton()
        button.setText(menu.title())
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setAccessibleName(menu.title())
        bar.addWidget(button)
        return button

    def _card_opener(self, card_id: str) -> Callable[[], object]:
        return lambda: self.open_card(card_id)

    def _fill_menu(self, menu: QMenu, ids: list[str]) -> None:
        menu.clear()
        if self.engine is None:  # the menus are disabled until the index is open; this is a safety net
            menu.addAction(tr("(de kennis wordt nog geladen)")).setEnabled(False)
            return
        for card_id in ids:
            record = self.engine.card_by_id(card_id)
            if record is not None:
                menu.addAction(record.title, self._card_opener(record.id))
        if menu.isEmpty():
            menu.addAction(tr("(nog leeg)")).setEnabled(False)

    def _fill_bookmarks_menu(self) -> None:
        self._fill_menu(self.bookmarks_menu, self.user.bookmarks if self.user else [])
        self.bookmarks_menu.addSeparator()
        manage = self.bookmarks_menu.addAction(tr("Bladwijzers beheren…"), self.show_bookmarks_dialog)
        manage.setEnabled(self.engine is not None)

    def show_bookmarks_dialog(self):
        from .bookmarks import BookmarksDialog

        if self.engine is None:
            return None
        self.bookmarks_dialog = BookmarksDialog(self.user, self.engine, self)
        self.bookmarks_dialog.cardRequested.connect(self.open_card)
        self.bookmarks_dialog.changed.connect(self._update_buttons)
        self.bookmarks_dialog.open()
        return self.bookmarks_dialog

    def show_about(self):
        from .about import AboutDialog

        self.about_dialog = AboutDialog(self.engine, self)
        self.about_dialog.open()
        return self.about_dialog

    def clear_compare(self) -> None:
        self.compare_ids.clear()
        self._update_buttons()
        self.statusBar().showMessage(tr("De vergelijking is leeg."), 4000)

    def _fill_compare_menu(self) -> None:
        menu = self.compare_menu
        menu.clear()
        menu.addAction(self.compare_action)
        menu.addSeparator()
        for card_id in self.compare_ids:
            record = self.engine.card_by_id(card_id) if self.engine else None
            menu.addAction(record.title if record else card_id, self._card_opener(card_id))
        menu.addSeparator()
        menu.addAction(self.clear_compare_action)

    def _fill_settings_menu(self) -> None:
        menu = self.settings_menu
        menu.clear()
        items = (
            (tr("Externe links mogen de browser openen"), "externe_links", True, False),
            (
                tr("Beginnen met het startscherm (anders met de lijst van alle kaarten)"),
                "startscherm",
                "start",
                "zoeken",
            ),
        )
        for label, key, on, off in items:
            locked = self.settings.is_locked(key)
            action = menu.addAction(label + (tr(" (ingesteld door je organisatie)") if locked else ""))
            action.setCheckable(True)
            action.setChecked(self.settings.get(key) == on)
            action.setEnabled(not locked)
            action.toggled.connect(lambda checked, k=key, a=on, b=off: self.settings.set(k, a if checked else b))
