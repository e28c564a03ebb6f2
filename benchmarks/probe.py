"""Child processes for the benchmark: cold start to first paint, and peak memory of a search session.

    python benchmarks/probe.py bare                      # Python + PySide6 showing an empty window
    python benchmarks/probe.py app INDEX CONTENT         # the real main window on a prebuilt index
    python benchmarks/probe.py rss INDEX Q1 Q2           # open, search as typed, report peak RSS in MB
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _paint_then_exit(app, widget, then=None) -> None:
    """Print 'painted' at the first paint; then run `then` (if any) and print 'ready'; exit without tear-down."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if obj is widget and event.type() == QEvent.Paint and not getattr(self, "seen", False):
                self.seen = True
                print("painted", flush=True)
                if then is None:
                    os._exit(0)
                QTimer.singleShot(0, lambda: (then(), print("ready", flush=True), os._exit(0)))
            return False

    app._first_paint = FirstPaint()
    widget.installEventFilter(app._first_paint)


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QWidget

        app = QApplication(sys.argv[:1])
        window = QWidget()
        window.resize(1280, 820)
        _paint_then_exit(app, window)
        window.show()
        app.exec()
    elif mode == "app":
        from navigator.ui.app import make_application
        from navigator.ui.mainwindow import MainWindow

        index, content = Path(sys.argv[2]), Path(sys.argv[3])
        app = make_application()
        # As navigator.ui.app.run does it: paint the window, then open the index and fill the window.
        window = MainWindow(None, None, index.parent / "user")

        def load():
            from navigator.search import open_engine

            engine, info = open_engine([content], [index], index.parent / "rebuilt-index")
            window.attach_engine(engine, info)
            app.processEvents()

        _paint_then_exit(app, window, then=load)
        window.show()
        app.exec()
    elif mode == "paint":
        # Time from a search answer arriving on the UI thread to the result list and facets painted.
        import statistics
        import time

        from navigator.search import SearchEngine
        from navigator.search.index import open_index
        from navigator.ui.app import make_application
        from navigator.ui.mainwindow import MainWindow

        app = make_application()
        engine = SearchEngine(*open_index(Path(sys.argv[2])))
        window = MainWindow(engine, None, Path(sys.argv[2]).parent / "user-paint")
        window.resize(1280, 820)
        window.show()
        app.processEvents()
        times = []
        for query in sys.argv[3:]:
            for end in range(1, len(query) + 1):
                response = engine.search(query[:end], window.filters(), limit=100)
                start = time.perf_counter()
                window._show_results(response)
                window.results.viewport().repaint()
                window.facets.widget().repaint()
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(f"{statistics.median(times):.2f} {times[int(0.95 * (len(times) - 1))]:.2f}", flush=True)
        os._exit(0)
    elif mode == "rss":
        import resource

        from navigator.search import SearchEngine
        from navigator.search.index import open_index

        engine = SearchEngine(*open_index(Path(sys.argv[2])))
        for query in sys.argv[3:]:
            for end in range(1, len(query) + 1):
                engine.search(query[:end], limit=50)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)


if __name__ == "__main__":
    main()
