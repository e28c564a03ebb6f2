"""Translatable UI text. Kept apart from the widgets so the first window can be drawn without loading them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator


def tr(text: str) -> str:
    return QCoreApplication.translate("Navigator", text)


def tr_n(text: str, n: int) -> str:
    """A count the user sees, with Qt's plural forms: `text` has `%n` for the number ("%n kaart(en)").
    resources/translations/kennisnavigator_nl.ts gives the Dutch forms ("1 kaart", "3 kaarten"); without
    the catalogue Qt still puts the number in ("3 kaart(en)")."""
    return QCoreApplication.translate("Navigator", text, None, n)


# Qt's own strings that qtbase_nl.qm (PySide6 6.12) lacks or gets wrong; seen in the file and print dialogs.
MISSING_QT_STRINGS = {
    ("QPrintSettingsOutput", "Double Sided Printing"): "Dubbelzijdig afdrukken",
    ("QPrintSettingsOutput", "Off"): "Uit",
    ("QPrintSettingsOutput", "Long side binding"): "Binden langs de lange zijde",
    ("QPrintSettingsOutput", "Short side binding"): "Binden langs de korte zijde",
    ("QPageSetupWidget", "Page size:"): "Paginagrootte:",  # the catalogue has the typo "Pagegrootte:"
}


class QtDutchGaps(QTranslator):
    """Fills the gaps in Qt's Dutch catalogue. Qt 6 added keyboard mnemonics to labels such as '&Look in:' and
    'Files of &type:', while the catalogue still has 'Look in:'; without this the file dialog is half English.
    A label found without its '&' gets one back on its first letter, so Alt+letter still reaches the field."""

    def __init__(self, catalogues, parent=None):
        super().__init__(parent)
        self.catalogues = list(catalogues)

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if not context or not context.startswith("Q") or not source_text:
            return None  # not Qt's own string: a null QString lets the other translators answer
        known = MISSING_QT_STRINGS.get((context, source_text))
        if known:
            return known
        if "&" not in source_text:
            return None
        plain = source_text.replace("&", "")
        for catalogue in self.catalogues:
            found = catalogue.translate(context, plain, disambiguation, n)
            if found and found != plain:
                first = next((i for i, ch in enumerate(found) if ch.isalpha()), None)
                return found if first is None else found[:first] + "&" + found[first:]
        return None
