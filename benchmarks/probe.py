"""Child processes for the benchmark: cold start to first paint, and peak memory of a search session.

python benchmarks/probe.py bare                      # Python + PySide6 showing an empty window
python benchmarks/probe.py app INDEX CONTENT         # the real main window on a prebuilt index
python benchmarks/probe.py rss INDEX Q1 Q2           # open, search as typed, report peak RSS in MB
python benchmarks/probe.py paint INDEX Q1 Q2         # ms to paint results and facets after an answer
python benchmarks/probe.py responsive INDEX Q1 Q2    # UI-thread lag while typing in the real window
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _paint_then_exit(app, widget) -> None:
    """Print 'painted' once the first frame is drawn and exit without tear-down."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if obj is widget and event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
                self.seen = True
                QTimer.singleShot(0, frame_done)  # runs once the whole frame (children too) is drawn
            return False

    def frame_done():
        print("painted", flush=True)
        os._exit(0)

    app._first_paint = FirstPaint()
    widget.installEventFilter(app._first_paint)


def _main_window(index: Path, user_folder: str):
    """The real main window on a prebuilt index, shown at the app's default size."""
    from navigator.search import SearchEngine
    from navigator.search.index import open_index
    from navigator.ui.app import make_application
    from navigator.ui.mainwindow import MainWindow

    app = make_application()
    engine = SearchEngine(*open_index(index))
    window = MainWindow(engine, None, index.parent / user_folder)
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    return app, engine, window


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
        # The app's own start-up (navigator.ui.app.run, as `python -m navigator` calls it) on a prebuilt index;
        # prints 'painted' at the main window's first paint, 'ready' once the index is attached and drawn.
        import navigator.cli  # noqa: F401  (the entry point's imports are part of the start-up)
        from navigator.ui import app as app_module
        from navigator.ui.mainwindow import MainWindow

        index, content = Path(sys.argv[2]), Path(sys.argv[3])
        os.environ["NAVIGATOR_CONTENT"] = str(content)
        after_first_frame, attach = MainWindow._after_first_frame, MainWindow.attach_engine

        def after_first_frame_marked(window):
            # The window schedules this right after its first frame, so this is when that frame is drawn.
            if not window._first_frame_done:
                print("painted", flush=True)
            after_first_frame(window)

        def attach_engine(window, engine, info=None):
            attach(window, engine, info)
            if window.engine is not None:
                app_module.QApplication.instance().processEvents()
                print("ready", flush=True)
                os._exit(0)

        MainWindow._after_first_frame, MainWindow.attach_engine = after_first_frame_marked, attach_engine  # type: ignore[method-assign]
        app_module.run([], read_only_index_dirs=[index])
    elif mode == "paint":
        # Time from a search answer arriving on the UI thread to the result list and facets painted.
        import statistics
        import time

        app, engine, window = _main_window(Path(sys.argv[2]), "user-paint")
        window.middle.setCurrentWidget(window.results_page)  # the list must be on screen to cost anything
        app.processEvents()
        from PySide6.QtCore import QEvent, QObject

        class PaintSeen(QObject):
            seen = False

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    PaintSeen.seen = True
                return False

        watcher = PaintSeen()
        window.results.viewport().installEventFilter(watcher)
        times = []
        for query in sys.argv[3:]:
            for end in range(1, len(query) + 1):
                response = engine.search(query[:end], window.filters(), limit=100)
                PaintSeen.seen = False
                start = time.perf_counter()
                window._show_results(response)  # as the app does when an answer arrives; then the event loop
                for _ in range(100):  # until the pass in which the new rows are painted
                    app.processEvents()
                    if PaintSeen.seen:
                        break
                times.append((time.perf_counter() - start) * 1000)
                for _ in range(20):  # the rest of the list is laid out in later passes: not part of the frame
                    app.processEvents()
        times.sort()
        print(f"{statistics.median(times):.2f} {times[int(0.95 * (len(times) - 1))]:.2f}", flush=True)
        os._exit(0)
    elif mode == "responsive":
        # Typing in the real window while searches run on the worker thread: how late does the UI thread
        # get to a 10 ms timer (its event loop's lag), and how long from the last key to the final results?
        import statistics
        import time

        from PySide6.QtCore import Qt, QTimer

        app, engine, window = _main_window(Path(sys.argv[2]), "user-responsive")
        keys = [q[:end] for q in sys.argv[3:] for end in range(1, len(q) + 1)] + [None]  # None: clear
        state: dict[str, Any] = {"last": time.perf_counter(), "lags": [], "waits": [], "typed_at": 0.0}
        tick = QTimer()
        tick.setTimerType(Qt.TimerType.PreciseTimer)
        tick.setInterval(10)

        def on_tick():
            now = time.perf_counter()
            state["lags"].append(max(0.0, (now - state["last"]) * 1000 - 10))
            state["last"] = now

        def type_next():
            text = keys.pop(0)
            if text is None or not keys:
                finish()
                return
            window.search_field.setText(text)
            state["typed_at"] = time.perf_counter()
            next_is_new_query = keys[0] is not None and not keys[0].startswith(text)
            if next_is_new_query or keys[0] is None:  # the end of a query: wait for its results
                state["waiting"] = text
                return
            QTimer.singleShot(150, type_next)  # a brisk typist: about seven keys a second

        def on_results():
            if state.get("waiting") and window.last_response and window.last_response.query == state["waiting"]:
                state["waits"].append((time.perf_counter() - state["typed_at"]) * 1000)
                state["waiting"] = None
                QTimer.singleShot(300, type_next)

        def finish():
            lags = sorted(state["lags"])
            waits = sorted(state["waits"])
            print(
                f"{statistics.median(lags):.2f} {lags[int(0.95 * (len(lags) - 1))]:.2f} {lags[-1]:.2f} "
                f"{statistics.median(waits):.1f} {waits[-1]:.1f}",
                flush=True,
            )
            os._exit(0)

        window.resultsShown.connect(on_results)
        tick.timeout.connect(on_tick)
        tick.start()
        QTimer.singleShot(200, type_next)
        app.exec()
    elif mode == "rss":
        import resource

        from navigator.search import SearchEngine
        from navigator.search.index import open_index

        engine = SearchEngine(*open_index(Path(sys.argv[2])))
        for query in sys.argv[3:]:
            for end in range(1, len(query) + 1):
                engine.search(query[:end], limit=50)
        # VmHWM is this program's own peak. ru_maxrss would also count the benchmark process this one was
        # started from (Linux carries the parent's peak across fork and exec): 490 MB instead of 160 at 10k.
        try:
            status = Path("/proc/self/status").read_text()
            peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        except (OSError, StopIteration):
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(peak_kb / 1024, flush=True)


if __name__ == "__main__":
    main()
