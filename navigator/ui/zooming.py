"""Window size, place and zoom of the main window: placed before the first frame, saved when it closes.
Zoom changes the whole app's font in steps of one point and keeps the card at the place being read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ZOOM_RANGE = (-4, 12)  # steps of one point from the font the system gave the app
_base_point_size: list[float] = []  # the system's font size, captured once per process before any zoom


def base_point_size() -> float:
    if not _base_point_size:
        _base_point_size.append(QApplication.instance().font().pointSizeF())
    return _base_point_size[0]


if TYPE_CHECKING:  # typed as the window it is mixed into
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class PlacementAndZoomMixin(_Window):
    """Remembered geometry, splitter and zoom of `MainWindow` (see window_state.py for the rules)."""

    _user_folder: Path | None

    def _place_on_screen(self) -> None:
        """The remembered size and place (or most of the screen the first time), and the remembered zoom,
        before the first frame so the window never jumps."""
        from .window_state import WindowState, place_window

        if self._user_folder is None:
            from .. import paths

            self._user_folder = paths.user_data_dir()
        self.user_folder = self._user_folder
        self.window_state = WindowState(self.user_folder)
        place_window(self, self.window_state)
        self.set_zoom(self.window_state.zoom_steps())

    def showEvent(self, event):
        super().showEvent(event)
        from .window_state import keep_frame_on_screen

        if not getattr(self, "_frame_checked", False):  # the first time only: later sizes are the user's
            self._frame_checked = True
            QTimer.singleShot(0, lambda: keep_frame_on_screen(self))  # once the window manager has framed it

    def save_window_state(self) -> None:
        from PySide6.QtCore import Qt

        geometry = (
            self.normalGeometry()
            if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen)
            else self.geometry()
        )
        splitter = self.splitter.sizes() if self.body_built else None
        self.window_state.save(geometry, self.isMaximized(), splitter, self.zoom_steps())

    def zoom_steps(self) -> int:
        return round(QApplication.instance().font().pointSizeF() - base_point_size())

    def zoom(self, step: int) -> None:
        self.set_zoom(self.zoom_steps() + step)

    def reset_zoom(self) -> None:
        self.set_zoom(0)

    def set_zoom(self, steps: int) -> None:
        """All text `steps` points larger than the system's font; the card stays at the place being read."""
        steps = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        font = QApplication.instance().font()
        size = base_point_size() + steps
        if font.pointSizeF() == size:
            return
        position = self.card_view.reading_position() if hasattr(self, "card_view") else 0
        font.setPointSizeF(size)
        QApplication.instance().setFont(font)
        self._apply_card_style()
        if hasattr(self, "card_view"):
            self._show_html(self._shown_html, position)  # the style sheet applies when the HTML is set

    def _apply_card_style(self) -> None:
        if not hasattr(self, "card_view"):  # palette changes can arrive before the body is built
            return
        from PySide6.QtGui import QPalette

        from . import render

        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        self.card_view.document().setDefaultStyleSheet(
            render.stylesheet(
                text_color=palette.color(QPalette.ColorRole.Text).name(),
                muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
                accent=palette.color(QPalette.ColorRole.Link).name(),
                caution_bg="#5a4300" if dark else "#fff3cd",
                caution_fg="#ffe8a3" if dark else "#5c4400",
                base_pt=QApplication.instance().font().pointSizeF(),
            )
        )
