"""Searching off the UI thread: the latest request wins, stale answers are dropped."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Worker(QObject):
    finished = Signal(int, object)  # generation, SearchResponse

    def __init__(self, engine):
        super().__init__()
        self.engine = engine
        self._lock = threading.Lock()
        self._pending = None

    def submit(self, generation: int, text: str, filters: dict) -> None:
        with self._lock:
            self._pending = (generation, text, filters)

    @Slot()
    def warm_up(self) -> None:
        self.engine.warm_up()

    @Slot()
    def run_pending(self) -> None:
        with self._lock:
            request, self._pending = self._pending, None
        if request is None:  # a newer request was already handled by an earlier wake-up
            return
        generation, text, filters = request
        self.finished.emit(generation, self.engine.search(text, filters, limit=100))


class SearchRunner(QObject):
    """Owns the worker thread. `request()` returns at once; `results` fires with the newest answer only."""

    results = Signal(object)
    _wake = Signal()

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self._generation = 0
        self._thread = QThread(self)
        self._thread.setObjectName("search")
        self._worker = _Worker(engine)
        self._worker.moveToThread(self._thread)
        self._wake.connect(self._worker.run_pending)
        self._worker.finished.connect(self._deliver)
        self._thread.started.connect(self._worker.warm_up)  # runs in the search thread, before any search
        self._thread.start()

    def request(self, text: str, filters: dict) -> int:
        self._generation += 1
        self._worker.submit(self._generation, text, {k: list(v) for k, v in filters.items()})
        self._wake.emit()
        return self._generation

    @Slot(int, object)
    def _deliver(self, generation: int, response) -> None:
        if generation == self._generation:
            self.results.emit(response)

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)
