"""Searching from the main window, and the state a person expects: Enter opens the first result, Down moves
into the list, Esc clears the query (twice: the filters too), and Start or a start-screen button begins from
an empty query without filters. The facet counts always belong to what is on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import tr, tr_n

if TYPE_CHECKING:  # typed as the window it is mixed into
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class SearchingMixin(_Window):
    """The search field, the filters and the result list of `MainWindow`."""

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def filters(self) -> dict[str, list[str]]:
        return self.facets.filters() if self.engine is not None else {}

    def _query_edited(self, _text: str) -> None:
        self._open_first_when_ready = False  # Enter was for the query as it was then
        self.debounce.start()

    def run_search(self) -> None:
        if self.engine is None:  # still opening the index; attach_engine() runs the search
            return
        text = self.search_field.text()
        filters = self.filters()
        self.chips.set_filters(filters, self.engine.taxonomy)
        if not text.strip() and not filters:
            # The start screen, with the counts of the whole collection beside the filters.
            self.middle.setCurrentWidget(self.start_page)
        else:
            self.middle.setCurrentWidget(self.results_page)
        self.runner.request(text, filters)

    def _results_are_current(self) -> bool:
        response = self.last_response
        return (
            response is not None
            and not self.debounce.isActive()
            and response.query == self.search_field.text()
            and self._response_filters == self.filters()
        )

    def open_first_result(self) -> None:
        """Enter in the search field: open the first card of this query, now or as soon as it is found."""
        if self.engine is None:
            return
        if self._results_are_current():
            self._open_first()
            return
        self._open_first_when_ready = True
        self.debounce.stop()
        self.run_search()

    def _open_first(self) -> None:
        from PySide6.QtCore import Qt

        self._open_first_when_ready = False
        if self.model.rowCount() and (self.search_field.text().strip() or self.filters()):
            self.results.setCurrentIndex(self.model.index(0))
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)  # ↓ goes on to the next result, Enter opens it
            self.open_card(self.model.hits[0].id)

    def focus_results(self) -> None:
        """Down in the search field: into the list, on the first result (the list follows when it arrives)."""
        from PySide6.QtCore import Qt

        if self.engine is None:
            return
        if self.debounce.isActive():
            self.debounce.stop()
            self.run_search()
        if self.middle.currentWidget() is not self.results_page:
            return
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0))

    def _filters_changed(self) -> None:
        self.debounce.stop()
        self.run_search()

    def _show_results(self, response) -> None:
        self.last_response = response
        self._response_filters = self.filters()
        self.model.set_hits(response.hits)
        self.facets.set_counts(response.facets)
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))
        from .render import esc

        if response.weak:
            # Honest about no match: the list below is related, not an answer, and says so as its heading.
            parts = [
                tr("<b>Geen kaart gaat over “{q}”.</b>").replace("{q}", esc(response.query.strip())),
                tr("Verwante kaarten ({n}):").replace("{n}", str(response.total)),
            ]
        else:
            parts = [tr_n("<b>%n</b> kaart(en)", response.total)]
        if response.suggestion:
            parts.append(tr("Bedoelde je: <a href='suggest'>{s}</a>?").replace("{s}", esc(response.suggestion)))
        if response.relaxed and not response.weak:
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
        if self._open_first_when_ready:
            self._open_first()

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

    def _clear_query_and_filters(self) -> None:
        """Back to a clean state: no query, no filters (one search for the whole collection's counts)."""
        self._open_first_when_ready = False
        self.search_field.blockSignals(True)  # one search below, not one per signal
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.debounce.stop()
        if self.engine is not None:
            self.facets.set_filters({})  # runs the search for the empty query

    def show_start(self) -> None:
        """'Start': the start screen with an empty query and no filters."""
        if self.engine is not None:
            self._clear_query_and_filters()
            self.middle.setCurrentWidget(self.start_page)

    def start_with_filter(self, facet: str, value: str) -> None:
        """A phase or profile on the start screen: its cards, not those of an earlier query."""
        self._clear_query_and_filters()
        self.apply_filter(facet, value)

    def start_with_card(self, card_id: str) -> None:
        self._clear_query_and_filters()
        self.open_card(card_id)

    def clear_search(self) -> None:
        """Esc in the search field: the query goes (and the counts are the whole collection's again); a second
        Esc, with the field already empty, also clears the filters."""
        if self.search_field.text() or self.engine is None:
            self.search_field.clear()
            self.debounce.stop()
            self.run_search()
        else:
            self.clear_filters()
