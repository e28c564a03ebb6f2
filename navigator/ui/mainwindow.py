"""The main window: search always in reach, facets, results, card view, start page, history, bookmarks.

Start-up is staged so the window is on screen as soon as possible (issue 7, docs/performance.md): the first
frame has the title, the toolbar and a live search field, and needs only the Qt classes imported here; the
body (facets, result list, card view) is built right after that first paint, and the index is attached after
that. PySide6 creates each Qt class's binding on first use (the `Qt` namespace alone costs ~30 ms), so the
body's modules and classes are imported where they are first needed, not at the top of this file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from ..navigation import CompareSet, History, UserLists
from .i18n import tr, tr_n
from .menus import MenusMixin
from .panes import PanesMixin
from .printing_actions import PrintingMixin
from .searching import SearchingMixin
from .toolbar import ToolbarMixin
from .zooming import PlacementAndZoomMixin

DEBOUNCE_MS = 120
COMPARABLE = ("interventie", "instrument", "maatregel")
TITLE = "Kennisnavigator"


class _MouseNavigation(QObject):
    """Mouse back/forward buttons anywhere in the window move through the history."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.MouseButtonRelease:
            from PySide6.QtCore import Qt

            if event.button() == Qt.MouseButton.BackButton:
                self.window.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.window.go_forward()
                return True
        return False


class MainWindow(
    ToolbarMixin, PanesMixin, SearchingMixin, MenusMixin, PlacementAndZoomMixin, PrintingMixin, QMainWindow
):
    cardShown = Signal(str)
    resultsShown = Signal()
    firstFrameShown = Signal()
    bodyBuilt = Signal()
    loadRetryRequested = Signal()
    engineAttached = Signal()

    def __init__(self, engine=None, open_info=None, user_folder=None, parent=None, settings=None, staged=False):
        """The window can be shown before the index is open (`engine=None`); `attach_engine()` fills it in.
        `settings` is a Settings object or a function that loads one (called when the body is built).
        With `staged=True` only the toolbar and search field exist until the first paint, and the rest is
        built straight after it (`bodyBuilt` then fires). Tests and tools build it whole, engine and all."""
        super().__init__(parent)
        self.engine = None
        self.runner = None
        self.body_built = False
        self._settings = settings
        self.setWindowTitle(tr("Kennisnavigator — (ex-)partnergeweld, huiselijk geweld en complexe scheiding"))
        self._user_folder = user_folder
        self.user = None
        self.history = History()
        self._open_first_when_ready = False
        self._response_filters: dict = {}
        self._shown_html = ""
        self.current_card = None
        self.compare_ids = CompareSet()
        self.last_response = None
        self._pending_engine = None
        self._place_on_screen()

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)

        self._build_toolbar()
        self._update_buttons()
        self._first_frame_done = not staged
        if staged:  # a window that is never painted (started minimised, say) is completed all the same
            QTimer.singleShot(1000, self._after_first_frame)
        else:
            self.build_body()
        if engine is not None:
            self.attach_engine(engine, open_info)

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self._first_frame_done:
            QTimer.singleShot(0, self._after_first_frame)  # once this frame is on screen

    def _after_first_frame(self) -> None:
        if self._first_frame_done:
            return
        self._first_frame_done = True
        self.firstFrameShown.emit()
        self.build_body()

    def build_body(self) -> None:
        """Everything below the toolbar; in a staged start-up this runs right after the first paint."""
        if self.body_built:
            return
        from PySide6.QtWidgets import QStatusBar

        from ..config import load_settings

        if callable(self._settings):  # the app passes a loader, so reading the files waits for this moment
            self._settings = self._settings()
        self.settings = self._settings or load_settings(Path("<geen organisatiebestand>"), None)
        self.user = UserLists(self.user_folder)
        self._build_body()
        self._build_shortcuts()
        self.setStatusBar(QStatusBar())
        # On the window (mouse events that children ignore bubble up to it) and on the views that accept
        # every button; not on the whole application, which would run Python for every event of every object.
        self.mouse_navigation = _MouseNavigation(self)
        for target in (self, self.results.viewport(), self.card_view.viewport()):
            target.installEventFilter(self.mouse_navigation)
        self.body_built = True
        self._update_buttons()
        self.settings_button.setEnabled(True)
        self._show_html(
            tr(
                "<h2>Kennisnavigator</h2><p>Kies links een filter, typ een zoekvraag of klik op "
                "het startscherm. De kaart verschijnt hier, met bronnen.</p>"
                "<p><b>Sneltoetsen</b>: Ctrl+K zoeken · Enter opent de eerste kaart · ↓ naar de lijst · "
                "Alt+←/→ terug en vooruit · Ctrl+F zoeken in de kaart · Ctrl+D bladwijzer · "
                "Ctrl+P afdrukken · Ctrl +/−/0 grootte · F1 alle sneltoetsen</p>"
                "<p>De app werkt zonder internet en bewaart niets over cliënten.</p>"
            )
        )
        self.bodyBuilt.emit()
        if self._pending_engine is not None:
            self.attach_engine(*self._pending_engine)

    def attach_engine(self, engine, open_info=None) -> None:
        """Fill the window once the index is open: facets, start page, results, searching."""
        if not self.body_built:  # staged start-up: the index opened before the body was built
            self._pending_engine = (engine, open_info)
            return
        self._pending_engine = None
        from .startscreen import StartPage
        from .widgets import FacetPanel, ResultsModel
        from .worker import SearchRunner

        self.engine = engine
        self.runner = SearchRunner(engine, self)
        self.runner.results.connect(self._show_results)
        self.facets = FacetPanel(engine.taxonomy)
        self.facets.changed.connect(self._filters_changed)
        sizes = self.splitter.sizes()
        self.splitter.replaceWidget(0, self.facets)
        self.splitter.setSizes(sizes)
        self.facets_placeholder.deleteLater()
        self.model = ResultsModel(engine, self)
        self.results.setModel(self.model)
        self.start_page = StartPage(engine)
        self.start_page.filterRequested.connect(self.start_with_filter)
        self.start_page.cardRequested.connect(self.start_with_card)
        self.start_page.wizardRequested.connect(self.open_wizard)
        self.middle.addWidget(self.start_page)
        notes = list(self.user.messages) + [str(p) for p in self.settings.problems]
        if open_info is not None and open_info.rebuilt:
            notes.append(tr("De zoekindex is opnieuw opgebouwd."))
        if engine.problems:
            notes.append(
                tr_n("%n probleem/problemen in de inhoud; kaarten met fouten zijn weggelaten.", len(engine.problems))
            )
            self.problems_button.setVisible(True)
        if notes:
            self.statusBar().showMessage("  ".join(notes))
        if self.search_field.text().strip():  # the user started typing while the index was opening
            self.run_search()
        elif self.settings.get("startscherm") == "zoeken":
            self.middle.setCurrentWidget(self.results_page)
            self.runner.request("", {})
        else:
            self.show_start()
        for button in (self.bookmarks_button, self.recent_button):
            button.setEnabled(True)
        self._update_buttons()
        self.engineAttached.emit()

    def show_loading(self) -> None:
        self.loading_page.show_loading()
        self.middle.setCurrentWidget(self.loading_page)

    def show_index_progress(self, fraction: float) -> None:
        self.loading_page.show_progress(fraction)
        self.middle.setCurrentWidget(self.loading_page)

    def show_load_error(self, what: str, todo: str) -> None:
        """The index could not be opened or built: say so where the start screen would be, with a retry."""
        self.loading_page.show_error(what, todo)
        self.middle.setCurrentWidget(self.loading_page)
        self.statusBar().showMessage(tr("De kennis kon niet worden geladen: {what}").replace("{what}", what))

    # --- window size and place -----------------------------------------------------------------------

    # --- construction --------------------------------------------------------------------------------

    # --- search --------------------------------------------------------------------------------------

    # --- cards and history ---------------------------------------------------------------------------

    def open_card(self, card_id: str, record_history: bool = True, position: int = 0) -> bool:
        """Show a card; `position` is the place in its text to scroll to (Back returns where you were)."""
        if self.engine is None:
            return False
        card = self.engine.load_card(card_id)  # follows `vervangt`: a link to a replaced card opens its successor
        if card is None:
            self.statusBar().showMessage(tr("Kaart '{id}' is niet beschikbaar.").replace("{id}", card_id), 8000)
            return False
        from . import render

        if record_history:
            self._remember_position()
        self.current_card = card
        self._show_html(render.card_html(card, self.engine), position)
        self.setWindowTitle(f"{card.title} — {TITLE}")
        self.link_bar.setVisible(False)
        if self.find_bar.isVisible():
            self.find_bar.search()
        if record_history:
            self.history.visit(card_id)
        self.user.add_recent(card_id)
        self._update_buttons()
        self.cardShown.emit(card_id)
        return True

    def _show_html(self, html: str, position: int = 0) -> None:
        self._shown_html = html
        self.card_view.setHtml(html)
        if position:
            self.card_view.hold_position(position)

    def _remember_position(self) -> None:
        if self.current_card is not None:
            self.history.remember(self.card_view.reading_position())

    def go_back(self) -> None:
        self._go(self.history.back)

    def go_forward(self) -> None:
        self._go(self.history.forward)

    def _go(self, step) -> None:
        self._remember_position()
        target = step()
        if target is not None:
            self.open_card(target[0], record_history=False, position=target[1])

    def _update_buttons(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        card = self.current_card
        self.bookmark_action.setEnabled(card is not None)
        self.bookmark_action.setText(
            tr("★ Bladwijzer") if card and card.id in self.user.bookmarks else tr("☆ Bladwijzer")
        )
        self.compare_add_action.setEnabled(card is not None and card.type in COMPARABLE)
        self.compare_add_action.setText(
            tr("− Vergelijk") if card and card.id in self.compare_ids else tr("+ Vergelijk")
        )
        self.compare_action.setText(tr("Vergelijken ({n})").replace("{n}", str(len(self.compare_ids))))
        self.compare_action.setEnabled(self.compare_ids.ready())
        self.compare_button.setText(self.compare_action.text())
        self.compare_button.setEnabled(bool(self.compare_ids))  # the menu can empty a comparison of one
        self.clear_compare_action.setEnabled(bool(self.compare_ids))
        self.print_action.setEnabled(card is not None)
        self.pdf_action.setEnabled(card is not None)
        self.cite_action.setEnabled(card is not None)
        is_scenario = card is not None and card.type == "scenario"
        self.explore_action.setVisible(is_scenario)
        self.trainer_action.setVisible(is_scenario)

    def toggle_bookmark(self) -> None:
        if self.current_card is None:
            return
        added = self.user.toggle_bookmark(self.current_card.id)
        self.statusBar().showMessage(tr("Bladwijzer toegevoegd") if added else tr("Bladwijzer verwijderd"), 4000)
        self._update_buttons()

    # --- compare, print ------------------------------------------------------------------------------

    def toggle_compare(self) -> None:
        card = self.current_card
        if card is None or card.type not in COMPARABLE:
            return
        if self.compare_ids.toggle(card.id) is None:
            self.statusBar().showMessage(tr("Je kunt hoogstens vier kaarten vergelijken."), 5000)
            return
        self._update_buttons()

    def compare_cards(self):
        cards = [self.engine.load_card(card_id) for card_id in self.compare_ids]
        return [card for card in cards if card is not None]

    def show_compare(self) -> None:
        from .compare import CompareWindow

        cards = self.compare_cards()
        if len(cards) < 2:
            return
        self.compare_window = CompareWindow(cards, self.engine, self)
        self.compare_window.cardRequested.connect(self.open_card)
        self.compare_window.show()

    def open_scenario(self, trainer: bool = False):
        from .scenario import open_scenario_window

        card = self.current_card
        if card is None or card.type != "scenario":
            return None
        self.scenario_window = open_scenario_window(card, self.engine, self.user_folder, trainer)
        return self.scenario_window

    def open_wizard(self, card_id: str = "meldcode-wijzer"):
        """The Meldcode-wijzer in its own window; it keeps nothing of a walk."""
        from .meldcode_wizard import open_wizard

        return open_wizard(self, card_id)

    def show_problems(self) -> None:
        from .render import esc

        text = (
            "<h2>Weggelaten door fouten in de inhoud</h2><ul>"
            + "".join(f"<li><code>{esc(p)}</code></li>" for p in self.engine.problems)
            + "</ul>"
        )
        self.card_view.setHtml(text)

    # --- links, zoom, palette ------------------------------------------------------------------------

    def _external_link(self, url) -> None:
        self.link_bar.show_link(url, bool(self.settings.get("externe_links")))

    def eventFilter(self, obj, event):
        if obj is self.search_field and event.type() == QEvent.Type.KeyPress:
            from PySide6.QtCore import Qt

            if event.key() == Qt.Key.Key_Escape:
                self.clear_search()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.focus_results()
                return True
        return super().eventFilter(obj, event)

    def changeEvent(self, event):
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_card_style()
        super().changeEvent(event)

    def closeEvent(self, event):
        self.save_window_state()
        if self.runner is not None:
            self.runner.stop()
        super().closeEvent(event)


__all__ = ["MainWindow"]
