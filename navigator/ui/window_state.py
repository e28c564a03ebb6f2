"""Where the main window goes: its first size follows the screen, and its size, position, splitter and zoom are
remembered per user (`venster.json` beside the bookmarks) and put back on a screen that still exists."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QRect

from ..userdata import JsonStore

FILE_NAME = "venster.json"
SCREEN_SHARE = 0.92  # of the available area: most of it, with the window frame and title bar still on screen
LARGEST_FIRST_SIZE = (1920, 1200)  # on a wall-sized screen a first window this big is plenty
MIN_VISIBLE = (200, 80)  # a restored window must show at least this much of itself on some screen


def first_geometry(available: QRect) -> QRect:
    """A first window for a screen whose free area (without task bars) is `available`: centred, most of it."""
    width = min(int(available.width() * SCREEN_SHARE), LARGEST_FIRST_SIZE[0])
    height = min(int(available.height() * SCREEN_SHARE), LARGEST_FIRST_SIZE[1])
    return QRect(
        available.x() + (available.width() - width) // 2,
        available.y() + (available.height() - height) // 2,
        width,
        height,
    )


def fit_into(rect: QRect, available: QRect) -> QRect:
    """`rect` made no larger than `available` and moved inside it."""
    width, height = min(rect.width(), available.width()), min(rect.height(), available.height())
    x = min(max(rect.x(), available.x()), available.x() + available.width() - width)
    y = min(max(rect.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def restored_geometry(saved: QRect | None, screens: list[QRect]) -> QRect:
    """Put a remembered window back: on the screen that shows most of it, shrunk to fit that screen. If it was
    on a screen that is gone (a docking station's monitor), it starts afresh on the first (primary) screen."""
    if saved is not None and saved.isValid():
        overlaps = [(saved.intersected(s).width() * saved.intersected(s).height(), s) for s in screens]
        best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
        if best[1] is not None:
            shown = saved.intersected(best[1])
            if shown.width() >= MIN_VISIBLE[0] and shown.height() >= MIN_VISIBLE[1]:
                return fit_into(saved, best[1])
    return first_geometry(screens[0]) if screens else QRect(0, 0, 1024, 640)


class WindowState:
    """The remembered layout: geometry, maximised or not, splitter sizes and zoom steps."""

    def __init__(self, folder):
        self.store = JsonStore(folder / FILE_NAME, {})
        self.data = self.store.load()

    def geometry(self) -> QRect | None:
        values = self.data.get("geometrie")
        if isinstance(values, list) and len(values) == 4 and all(isinstance(v, int) for v in values):
            return QRect(*values)
        return None

    def maximized(self) -> bool:
        return self.data.get("gemaximaliseerd") is True

    def splitter_sizes(self) -> list[int] | None:
        sizes = self.data.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 3 and all(isinstance(v, int) and v > 0 for v in sizes):
            return sizes
        return None

    def zoom_steps(self) -> int:
        steps = self.data.get("zoom", 0)
        return steps if isinstance(steps, int) and -4 <= steps <= 12 else 0

    def save(self, geometry: QRect, maximized: bool, splitter_sizes: list[int] | None, zoom_steps: int) -> None:
        self.data = {
            "geometrie": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
            "gemaximaliseerd": maximized,
            "zoom": zoom_steps,
        }
        if splitter_sizes:
            self.data["splitter"] = list(splitter_sizes)
        with contextlib.suppress(OSError):  # a read-only profile must not stop the window from closing
            self.store.save(self.data)


def available_screens() -> list[QRect]:
    """The free area of every screen, the primary screen first."""
    from PySide6.QtGui import QGuiApplication

    primary = QGuiApplication.primaryScreen()
    screens = [primary] + [s for s in QGuiApplication.screens() if s is not primary] if primary else []
    return [s.availableGeometry() for s in screens]


def place_window(window, state: WindowState, screens: list[QRect] | None = None) -> None:
    """Size and place the window before it is shown, from what was remembered or from the screen."""
    screens = available_screens() if screens is None else screens
    window.setGeometry(restored_geometry(state.geometry(), screens))  # the inside of the window, as saved
    if state.maximized():
        window.setWindowState(window.windowState() | _maximized_flag())


def _maximized_flag():
    from PySide6.QtCore import Qt

    return Qt.WindowState.WindowMaximized


def keep_frame_on_screen(window) -> None:
    """After the window manager has added its frame: if the title bar or the status bar ended up off screen,
    shrink and move the window so its frame fits the screen's free area."""
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    if available.contains(frame):
        return
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    fitted = fit_into(frame, available)
    window.resize(fitted.width() - extra_w, fitted.height() - extra_h)
    window.move(fitted.topLeft())
