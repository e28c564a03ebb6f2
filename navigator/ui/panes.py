"""The main window's body below the toolbar: filters, the middle pane (loading, start screen, results) and the
card with its link banner and find bar, in a splitter. Built after the first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

from .i18n import tr

if TYPE_CHECKING:  # typed as the window it is mixed into
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class PanesMixin(_Window):
    """Builds the panes of `MainWindow`."""

    def _build_body(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

        from .findbar import FindBar
        from .linkbar import LinkBar
        from .loading import LoadingPage
        from .widgets import CardView, ChipBar, ResultList, ResultsModel

        self.facets_placeholder = QLabel(tr("Filters laden…"))
        self.facets_placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.chips = ChipBar()
        self.chips.removed.connect(self.remove_filter)
        self.chips.cleared.connect(self.clear_filters)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
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

        self.loading_page = LoadingPage()
        self.loading_page.retryRequested.connect(self.loadRetryRequested)
        self.middle = QStackedWidget()
        self.middle.addWidget(self.loading_page)
        self.middle.addWidget(results_page)
        self.results_page = results_page

        self.card_view = CardView()
        self.card_view.cardRequested.connect(self.open_card)
        self.card_view.filterRequested.connect(self.apply_filter)
        self.card_view.externalLinkRequested.connect(self._external_link)
        self.card_view.scenarioRequested.connect(lambda mode: self.open_scenario(mode == "trainer"))
        self.card_view.citationRequested.connect(self.copy_citation)
        self.card_view.wizardRequested.connect(self.open_wizard)
        self.link_bar = LinkBar()
        self.link_bar.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.link_label, self.open_link_button = self.link_bar.label, self.link_bar.open_button
        self.find_bar = FindBar(self.card_view)
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.link_bar)
        card_layout.addWidget(self.find_bar)
        card_layout.addWidget(self.card_view, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.facets_placeholder)
        splitter.addWidget(self.middle)
        splitter.addWidget(card_page)
        # At the window's width already, so the sizes below are not redistributed when the window is laid out.
        splitter.resize(self.width(), max(100, self.height() - 80))
        width = self.width()
        splitter.setSizes(
            self.window_state.splitter_sizes() or [width * 22 // 100, width * 38 // 100, width * 40 // 100]
        )
        splitter.setChildrenCollapsible(False)
        for pane, stretch in enumerate((0, 1, 1)):  # a wider window widens the list and the card, not the filters
            splitter.setStretchFactor(pane, stretch)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self._apply_card_style()
