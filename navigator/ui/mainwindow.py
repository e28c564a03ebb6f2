"""The main window: search always in reach, facets, results, card view, start page, history, bookmarks.

Start-up is staged so the window is on screen as soon as possible (issue 7, docs/performance.md): the first
frame has the title, the toolbar and a live search field, and needs only the Qt classes imported here; the
body (facets, result list, card view) is built right after that first paint, and the index is attached after
that. PySide6 creates each Qt class's binding on first use (the `Qt` namespace alone costs ~30 ms), so the
body's modules and classes are imported where they are first needed, not at the top of this file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMenu, QPushButton, QToolBar, QToolButton

from .i18n import tr

DEBOUNCE_MS = 120
COMPARABLE = ("interventie", "instrument", "maatregel")
MAX_RECENT = 15


class UserLists:
    """Bookmarks and recent cards, kept per user. Every change re-reads the file first, so two app
    instances running at once add to each other's lists instead of overwriting them."""

    def __init__(self, folder):
        from ..userdata import JsonStore

        self.bookmark_store = JsonStore(folder / "bladwijzers.json", [])
        self.recent_store = JsonStore(folder / "recent.json", [])
        self.messages = []
        self.bookmarks = self._load(self.bookmark_store)
        self.recent = self._load(self.recent_store)

    def _load(self, store):
        data = [x for x in store.load() if isinstance(x, str)]
        if store.message:
            self.messages.append(store.message)
        return data

    def toggle_bookmark(self, card_id: str) -> bool:
        current = self._load(self.bookmark_store)
        added = card_id not in current
        current = current + [card_id] if added else [x for x in current if x != card_id]
        self.bookmark_store.save(current)
        self.bookmarks = current
        return added

    def add_recent(self, card_id: str) -> None:
        current = [card_id] + [x for x in self._load(self.recent_store) if x != card_id]
        self.recent = current[:MAX_RECENT]
        self.recent_store.save(self.recent)


class _MouseNavigation(QObject):
    """Mouse back/forward buttons anywhere in the window move through the history."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event):
        if event.type() == QEvent.MouseButtonRelease:
            from PySide6.QtCore import Qt

            if event.button() == Qt.BackButton:
                self.window.go_back()
                return True
            if event.button() == Qt.ForwardButton:
                self.window.go_forward()
                return True
        return False


class MainWindow(QMainWindow):
    cardShown = Signal(str)
    resultsShown = Signal()
    firstFrameShown = Signal()
    bodyBuilt = Signal()

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
        self.resize(1280, 820)
        self._user_folder = user_folder
        self.user = None
        self.history: list[str] = []
        self.history_pos = -1
        self.current_card = None
        self.compare_ids: list[str] = []
        self.last_response = None
        self.pending_link = None
        self._pending_engine = None

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

        from .. import paths
        from ..config import load_settings

        if callable(self._settings):  # the app passes a loader, so reading the files waits for this moment
            self._settings = self._settings()
        self.settings = self._settings or load_settings(Path("<geen organisatiebestand>"), None)
        self.user_folder = self._user_folder or paths.user_data_dir()
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
        self.card_view.setHtml(tr("<h2>Kennisnavigator</h2><p>Kies links een filter, typ een zoekvraag of klik op "
                                  "het startscherm. De kaart verschijnt hier, met bronnen.</p>"
                                  "<p><b>Sneltoetsen</b>: Ctrl+K zoeken · ↑/↓ en Enter in de lijst · Alt+←/→ terug en "
                                  "vooruit · Ctrl+D bladwijzer · Ctrl+P afdrukken · Ctrl +/− groter en kleiner</p>"
                                  "<p>De app werkt zonder internet en bewaart niets over cliënten.</p>"))
        self.bodyBuilt.emit()
        if self._pending_engine is not None:
            self.attach_engine(*self._pending_engine)

    def attach_engine(self, engine, open_info=None) -> None:
        """Fill the window once the index is open: facets, start page, results, searching."""
        if not self.body_built:  # staged start-up: the index opened before the body was built
            self._pending_engine = (engine, open_info)
            return
        self._pending_engine = None
        from .widgets import FacetPanel, ResultsModel, StartPage
        from .worker import SearchRunner

        self.engine = engine
        self.runner = SearchRunner(engine, self)
        self.runner.results.connect(self._show_results)
        self.facets = FacetPanel(engine.taxonomy)
        self.facets.changed.connect(self._filters_changed)
        self.facets.setMinimumWidth(max(270, self.facets.minimumWidth()))
        self.splitter.replaceWidget(0, self.facets)
        self.facets_placeholder.deleteLater()
        self.model = ResultsModel(engine, self)
        self.results.setModel(self.model)
        self.start_page = StartPage(engine)
        self.start_page.filterRequested.connect(self.apply_filter)
        self.start_page.cardRequested.connect(self.open_card)
        self.start_page.wizardRequested.connect(self.open_wizard)
        self.middle.addWidget(self.start_page)
        notes = list(self.user.messages) + [str(p) for p in self.settings.problems]
        if open_info is not None and open_info.rebuilt:
            notes.append(tr("De zoekindex is opnieuw opgebouwd."))
        if engine.problems:
            notes.append(tr("{n} probleem/problemen in de inhoud; kaarten met fouten zijn weggelaten.")
                         .replace("{n}", str(len(engine.problems))))
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
        self._update_buttons()

    # --- construction --------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            # Read back from the action: building a QKeySequence from one would load the whole Qt namespace.
            text += f" ({action.shortcut().toString(QKeySequence.NativeText)})"
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
        self.search_field.setMinimumWidth(420)
        self.search_field.textChanged.connect(lambda _: self.debounce.start())
        self.search_field.returnPressed.connect(self._search_now_and_focus_results)
        bar.addWidget(self.search_field)

        self.bookmark_action = self._action(tr("☆ Bladwijzer"), self.toggle_bookmark, QKeySequence("Ctrl+D"))
        self.compare_add_action = self._action(tr("+ Vergelijk"), self.toggle_compare)
        self.compare_action = self._action(tr("Vergelijken"), self.show_compare)
        self.explore_action = self._action(tr("Scenario starten"), lambda: self.open_scenario(False))
        self.trainer_action = self._action(tr("Trainermodus"), lambda: self.open_scenario(True), QKeySequence("F5"))
        self.print_action = self._action(tr("Afdrukken"), self.print_current, QKeySequence.Print)
        self.pdf_action = self._action(tr("PDF"), self.ask_card_pdf, QKeySequence("Ctrl+Shift+P"))
        self.wizard_action = self._action(tr("Meldcode-wijzer"), lambda: self.open_wizard(), QKeySequence("Ctrl+M"))
        for action in (self.bookmark_action, self.compare_add_action, self.compare_action, self.explore_action,
                       self.trainer_action, self.print_action, self.pdf_action, self.wizard_action):
            bar.addAction(action)
            bar.widgetForAction(action).setAccessibleName(action.text().strip("☆+ "))

        self.bookmarks_menu = QMenu(tr("Bladwijzers"), self)
        self.recent_menu = QMenu(tr("Recent"), self)
        self.bookmarks_menu.aboutToShow.connect(lambda: self._fill_menu(self.bookmarks_menu, self.user.bookmarks))
        self.recent_menu.aboutToShow.connect(lambda: self._fill_menu(self.recent_menu, self.user.recent))
        for menu in (self.bookmarks_menu, self.recent_menu):
            button = QToolButton()
            button.setText(menu.title())
            button.setMenu(menu)
            button.setPopupMode(QToolButton.InstantPopup)
            button.setAccessibleName(menu.title())
            bar.addWidget(button)
        self.settings_menu = QMenu(tr("Instellingen"), self)
        self.settings_menu.aboutToShow.connect(self._fill_settings_menu)
        settings_button = QToolButton()
        settings_button.setText(tr("Instellingen"))
        settings_button.setMenu(self.settings_menu)
        settings_button.setPopupMode(QToolButton.InstantPopup)
        settings_button.setAccessibleName(tr("Instellingen"))
        bar.addWidget(settings_button)
        self.problems_button = QPushButton(tr("Weggelaten kaarten"))
        self.problems_button.setAccessibleName(tr("Weggelaten kaarten"))
        self.problems_button.setVisible(False)
        self.problems_button.clicked.connect(self.show_problems)
        bar.addWidget(self.problems_button)
        self.zoom_in_action = self._action(tr("Groter"), lambda: self.zoom(1), [QKeySequence.ZoomIn, QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(tr("Kleiner"), lambda: self.zoom(-1), QKeySequence.ZoomOut)

    def _build_body(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

        from .widgets import CardView, ChipBar, ResultList, ResultsModel

        self.facets_placeholder = QLabel(tr("Filters laden…"))
        self.facets_placeholder.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.facets_placeholder.setMinimumWidth(270)

        self.chips = ChipBar()
        self.chips.removed.connect(self.remove_filter)
        self.chips.cleared.connect(self.clear_filters)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.RichText)
        self.summary_label.linkActivated.connect(self._summary_link)
        self.summary_label.setAccessibleName(tr("Aantal resultaten"))
        self.model = ResultsModel(None, self)
        self.results = ResultList(self.model)
        self.results.activatedCard.connect(self.open_card)
        self.results.clicked.connect(lambda index: self.open_card(self.model.hits[index.row()].id))
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(4, 4, 4, 4)
        results_layout.addWidget(self.chips)
        results_layout.addWidget(self.summary_label)
        results_layout.addWidget(self.results, 1)
        list_buttons = QHBoxLayout()
        for text, slot in ((tr("Lijst afdrukken"), self.print_results), (tr("Lijst als PDF"), self.ask_results_pdf)):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        results_layout.addLayout(list_buttons)

        self.loading_page = QLabel(tr("De kennis wordt geladen…"))
        self.loading_page.setAlignment(Qt.AlignCenter)
        self.middle = QStackedWidget()
        self.middle.addWidget(self.loading_page)
        self.middle.addWidget(results_page)
        self.results_page = results_page

        self.card_view = CardView()
        self.card_view.cardRequested.connect(self.open_card)
        self.card_view.filterRequested.connect(self.apply_filter)
        self.card_view.externalLinkRequested.connect(self._external_link)
        self.card_view.scenarioRequested.connect(lambda mode: self.open_scenario(mode == "trainer"))
        self.card_view.wizardRequested.connect(self.open_wizard)
        self.link_bar = QWidget()
        link_layout = QHBoxLayout(self.link_bar)
        link_layout.setContentsMargins(4, 2, 4, 2)
        self.link_label = QLabel()
        self.link_label.setAccessibleName(tr("Externe link"))
        self.open_link_button = QPushButton(tr("Openen in browser"))
        self.open_link_button.setAccessibleName(tr("Openen in browser"))
        self.open_link_button.clicked.connect(self._open_pending_link)
        self.copy_link_button = QPushButton(tr("Link kopiëren"))
        self.copy_link_button.setAccessibleName(tr("Link kopiëren"))
        self.copy_link_button.clicked.connect(self._copy_pending_link)
        for widget in (self.link_label, self.open_link_button, self.copy_link_button):
            link_layout.addWidget(widget)
        self.link_bar.setVisible(False)
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.link_bar)
        card_layout.addWidget(self.card_view, 1)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.facets_placeholder)
        splitter.addWidget(self.middle)
        splitter.addWidget(card_page)
        splitter.setSizes([270, 520, 510])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self._apply_card_style()

    def _build_shortcuts(self) -> None:
        from PySide6.QtGui import QShortcut

        for sequence in (QKeySequence("Ctrl+K"), QKeySequence.Find):
            QShortcut(sequence, self, activated=self.focus_search)
        self.search_field.installEventFilter(self)  # Esc clears it (a key event, not a window-wide shortcut)

    # --- search --------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search_field.setFocus(Qt.ShortcutFocusReason)
        self.search_field.selectAll()

    def filters(self) -> dict[str, list[str]]:
        return self.facets.filters() if self.engine is not None else {}

    def run_search(self) -> None:
        if self.engine is None:  # still opening the index; attach_engine() runs the search
            return
        text = self.search_field.text()
        filters = self.filters()
        self.chips.set_filters(filters, self.engine.taxonomy)
        if not text.strip() and not filters:
            self.show_start()
            return
        self.middle.setCurrentWidget(self.results_page)
        self.runner.request(text, filters)

    def _search_now_and_focus_results(self) -> None:
        self.debounce.stop()
        self.run_search()
        if self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0))

    def _filters_changed(self) -> None:
        self.debounce.stop()
        self.run_search()

    def _show_results(self, response) -> None:
        self.last_response = response
        self.model.set_hits(response.hits)
        self.facets.set_counts(response.facets)
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))
        parts = [tr("<b>{n}</b> kaart(en)").replace("{n}", str(response.total))]
        if response.suggestion:
            from .render import esc

            parts.append(tr("Bedoelde je: <a href='suggest'>{s}</a>?").replace("{s}", esc(response.suggestion)))
        if response.relaxed:
            parts.append(tr("Geen kaart bevat alle woorden; dit zijn kaarten met een deel ervan."))
        if response.total == 0:
            hints = []
            if self.filters():
                hints.append(tr("<a href='clear'>wis de filters</a>"))
            if response.query.strip():
                hints.append(tr("gebruik minder of andere woorden"))
            if hints:
                parts.append(tr("Niets gevonden. Probeer: ") + " of ".join(hints) + ".")
        self.summary_label.setText(" · ".join(parts))
        self.resultsShown.emit()

    def _summary_link(self, link: str) -> None:
        if link == "suggest" and self.last_response and self.last_response.suggestion:
            self.search_field.setText(self.last_response.suggestion)
        elif link == "clear":
            self.clear_filters()

    def apply_filter(self, facet: str, value: str) -> None:
        """Show the list for one facet value (from the start page or a chip on a card)."""
        filters = self.filters()
        if value not in filters.get(facet, []):
            filters.setdefault(facet, []).append(value)
        self.facets.set_filters(filters)

    def remove_filter(self, facet: str, value: str) -> None:
        filters = self.filters()
        filters[facet] = [v for v in filters.get(facet, []) if v != value]
        self.facets.set_filters({k: v for k, v in filters.items() if v})

    def clear_filters(self) -> None:
        self.facets.set_filters({})

    def show_start(self) -> None:
        if self.engine is not None:
            self.middle.setCurrentWidget(self.start_page)

    # --- cards and history ---------------------------------------------------------------------------

    def open_card(self, card_id: str, record_history: bool = True) -> bool:
        if self.engine is None:
            return False
        from ..content import read_card

        record = self.engine.record(card_id)
        card = read_card(record["path"], record.get("pack", "")) if record else None
        if card is None:
            self.statusBar().showMessage(tr("Kaart '{id}' is niet beschikbaar.").replace("{id}", card_id), 8000)
            return False
        from . import render

        self.current_card = card
        self.card_view.setHtml(render.card_html(card, self.engine))
        self.link_bar.setVisible(False)
        if record_history:
            del self.history[self.history_pos + 1:]
            self.history.append(card_id)
            self.history_pos = len(self.history) - 1
        self.user.add_recent(card_id)
        self._update_buttons()
        self.cardShown.emit(card_id)
        return True

    def go_back(self) -> None:
        if self.history_pos > 0:
            self.history_pos -= 1
            self.open_card(self.history[self.history_pos], record_history=False)

    def go_forward(self) -> None:
        if self.history_pos < len(self.history) - 1:
            self.history_pos += 1
            self.open_card(self.history[self.history_pos], record_history=False)

    def _update_buttons(self) -> None:
        self.back_action.setEnabled(self.history_pos > 0)
        self.forward_action.setEnabled(self.history_pos < len(self.history) - 1)
        card = self.current_card
        self.bookmark_action.setEnabled(card is not None)
        self.bookmark_action.setText(tr("★ Bladwijzer") if card and card.id in self.user.bookmarks
                                     else tr("☆ Bladwijzer"))
        self.compare_add_action.setEnabled(card is not None and card.type in COMPARABLE)
        self.compare_add_action.setText(tr("− Vergelijk") if card and card.id in self.compare_ids
                                        else tr("+ Vergelijk"))
        self.compare_action.setText(tr("Vergelijken ({n})").replace("{n}", str(len(self.compare_ids))))
        self.compare_action.setEnabled(len(self.compare_ids) >= 2)
        self.print_action.setEnabled(card is not None)
        self.pdf_action.setEnabled(card is not None)
        is_scenario = card is not None and card.type == "scenario"
        self.explore_action.setVisible(is_scenario)
        self.trainer_action.setVisible(is_scenario)

    def _fill_menu(self, menu: QMenu, ids: list[str]) -> None:
        menu.clear()
        for card_id in ids:
            record = self.engine.record(card_id)
            if record:
                menu.addAction(record["title"], lambda c=card_id: self.open_card(c))
        if menu.isEmpty():
            menu.addAction(tr("(nog leeg)")).setEnabled(False)

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
        if card.id in self.compare_ids:
            self.compare_ids.remove(card.id)
        elif len(self.compare_ids) >= 4:
            self.statusBar().showMessage(tr("Je kunt hoogstens vier kaarten vergelijken."), 5000)
            return
        else:
            self.compare_ids.append(card.id)
        self._update_buttons()

    def compare_cards(self):
        from ..content import read_card

        cards = []
        for card_id in self.compare_ids:
            record = self.engine.record(card_id)
            card = read_card(record["path"]) if record else None
            if card:
                cards.append(card)
        return cards

    def show_compare(self) -> None:
        from .compare import CompareWindow

        cards = self.compare_cards()
        if len(cards) < 2:
            return
        self.compare_window = CompareWindow(cards, self.engine, self)
        self.compare_window.cardRequested.connect(self.open_card)
        self.compare_window.show()

    def open_scenario(self, trainer: bool = False):
        from .scenario import ScenarioWindow

        card = self.current_card
        if card is None or card.type != "scenario":
            return None
        self.scenario_window = ScenarioWindow(card, self.engine, self.user_folder, trainer=trainer)
        if trainer:
            self.scenario_window.showFullScreen()
        else:
            self.scenario_window.resize(1000, 760)
            self.scenario_window.show()
        self.scenario_window.activateWindow()
        self.scenario_window.setFocus()
        return self.scenario_window

    def open_wizard(self, card_id: str = "meldcode-wijzer"):
        """The Meldcode-wijzer in its own window (issue 18); it keeps nothing of a walk."""
        from .meldcode_wizard import open_wizard

        return open_wizard(self, card_id)

    def _printable_card(self) -> str:
        from . import render
        from .scenario import ScenarioNotes, scenario_html

        card = self.current_card
        if card.type == "scenario":
            return scenario_html(card, self.engine, ScenarioNotes(self.user_folder, card.id))
        return render.card_html(card, self.engine, printable=True)

    def print_current(self) -> None:
        from . import export

        if self.current_card is not None:
            export.print_html(self, self.current_card.title, self._printable_card())

    def ask_card_pdf(self) -> None:
        from . import export

        if self.current_card is not None:
            export.ask_pdf_path(self, export.safe_filename(self.current_card.title) + ".pdf", self.export_card_pdf)

    def export_card_pdf(self, path):
        from . import export

        path = export.write_pdf(path, self.current_card.title, self._printable_card())
        self.statusBar().showMessage(tr("PDF opgeslagen: {p}").replace("{p}", str(path)), 6000)
        return path

    def _results_html(self) -> str | None:
        if self.last_response is None:
            return None
        from . import render

        return render.results_html(self.last_response, self.engine, self.filters())

    def print_results(self) -> None:
        from . import export

        html = self._results_html()
        if html:
            export.print_html(self, tr("Zoekresultaten"), html)

    def ask_results_pdf(self) -> None:
        from . import export

        if self.last_response is not None:
            export.ask_pdf_path(self, "zoekresultaten.pdf", self.export_results_pdf)

    def export_results_pdf(self, path):
        from . import export

        return export.write_pdf(path, tr("Zoekresultaten"), self._results_html())

    def show_problems(self) -> None:
        from .render import esc

        text = "<h2>Weggelaten door fouten in de inhoud</h2><ul>" + "".join(
            f"<li><code>{esc(p)}</code></li>" for p in self.engine.problems) + "</ul>"
        self.card_view.setHtml(text)

    # --- links, zoom, palette ------------------------------------------------------------------------

    def _external_link(self, url: QUrl) -> None:
        self.pending_link = url
        allowed = self.settings.get("externe_links")
        text = (tr("Deze link gaat naar buiten de app: {url}") if allowed else
                tr("Je organisatie staat niet toe dat de app een browser opent. Kopieer de link als je hem elders "
                   "wilt openen: {url}"))
        self.link_label.setText(text.replace("{url}", url.toString()))
        self.open_link_button.setVisible(allowed)
        self.link_bar.setVisible(True)

    def _fill_settings_menu(self) -> None:
        menu = self.settings_menu
        menu.clear()
        items = ((tr("Externe links mogen de browser openen"), "externe_links", True, False),
                 (tr("Beginnen met het startscherm (anders met de lijst van alle kaarten)"), "startscherm", "start",
                  "zoeken"))
        for label, key, on, off in items:
            locked = self.settings.is_locked(key)
            action = menu.addAction(label + (tr(" (ingesteld door je organisatie)") if locked else ""))
            action.setCheckable(True)
            action.setChecked(self.settings.get(key) == on)
            action.setEnabled(not locked)
            action.toggled.connect(lambda checked, k=key, a=on, b=off: self.settings.set(k, a if checked else b))

    def _open_pending_link(self) -> None:
        from PySide6.QtGui import QDesktopServices

        if self.pending_link is not None and self.settings.get("externe_links"):
            QDesktopServices.openUrl(self.pending_link)
            self.link_bar.setVisible(False)

    def _copy_pending_link(self) -> None:
        from PySide6.QtGui import QGuiApplication

        if self.pending_link is not None:
            QGuiApplication.clipboard().setText(self.pending_link.toString())
            self.statusBar().showMessage(tr("Link gekopieerd"), 3000)

    def zoom(self, step: int) -> None:
        font = QApplication.instance().font()
        size = max(7.0, min(28.0, font.pointSizeF() + step))
        font.setPointSizeF(size)
        QApplication.instance().setFont(font)
        self._apply_card_style()
        if self.current_card is not None:
            self.open_card(self.current_card.id, record_history=False)

    def _apply_card_style(self) -> None:
        if not hasattr(self, "card_view"):  # palette changes can arrive before the body is built
            return
        from PySide6.QtGui import QPalette

        from . import render

        palette = self.palette()
        dark = palette.color(QPalette.Window).lightness() < 128
        self.card_view.document().setDefaultStyleSheet(render.stylesheet(
            text_color=palette.color(QPalette.Text).name(), muted=palette.color(QPalette.PlaceholderText).name(),
            accent=palette.color(QPalette.Link).name(), caution_bg="#5a4300" if dark else "#fff3cd",
            caution_fg="#ffe8a3" if dark else "#5c4400", base_pt=QApplication.instance().font().pointSizeF()))

    def eventFilter(self, obj, event):
        from PySide6.QtCore import Qt

        if obj is self.search_field and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.search_field.clear()
            return True
        return super().eventFilter(obj, event)

    def changeEvent(self, event):
        if event.type() in (QEvent.PaletteChange, QEvent.ApplicationPaletteChange):
            self._apply_card_style()
        super().changeEvent(event)

    def closeEvent(self, event):
        if self.runner is not None:
            self.runner.stop()
        super().closeEvent(event)


__all__ = ["MainWindow"]
