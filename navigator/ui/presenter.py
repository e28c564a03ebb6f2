"""The room's screens: the projector window (the step and the voices shown, nothing else), the choice of which
screen is the laptop and which the projector, the black screen and the presenter's clock."""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .i18n import tr
from .render import esc
from .stepview import StepView
from .wrapping import wrap_label


@dataclass
class ScreenPlace:
    """Where a window can go full screen. `screen` is None for a stand-in screen (tests, a plain geometry):
    the window is then given the geometry without a frame instead of being made full screen."""

    geometry: QRect
    screen: QScreen | None = None
    name: str = ""


def screen_places(screens=None) -> list[ScreenPlace]:
    """The screens to use, the laptop's (primary) first. `screens` may hold QScreens or ScreenPlaces.
    NAVIGATOR_SCREENS (e.g. "1366x768+0+0,1920x1080+1366+0") stands in for the system's screens: for trying the
    presenter view on one wide virtual display, as some X servers cannot report two screens."""
    if screens is None and os.environ.get("NAVIGATOR_SCREENS"):
        screens = parse_screens(os.environ["NAVIGATOR_SCREENS"])
    found = QGuiApplication.screens() if screens is None else list(screens)
    return [s if isinstance(s, ScreenPlace) else ScreenPlace(s.geometry(), s, s.name()) for s in found]


def parse_screens(text: str) -> list[ScreenPlace]:
    """ "WxH+X+Y,WxH+X+Y" as stand-in screens; malformed parts are left out."""
    places = []
    for part in text.split(","):
        match = re.fullmatch(r"\s*(\d+)x(\d+)\+(\d+)\+(\d+)\s*", part)
        if match:
            width, height, x, y = map(int, match.groups())
            places.append(ScreenPlace(QRect(x, y, width, height), name=part.strip()))
    return places


def laptop_and_projector(places: list[ScreenPlace]) -> tuple[ScreenPlace | None, ScreenPlace | None]:
    """The first screen is the trainer's (Qt lists the primary screen first; on a laptop that is its own
    panel); the largest other screen is the projector. One screen: no projector."""
    if not places:
        return None, None
    others = sorted(places[1:], key=lambda p: p.geometry.width() * p.geometry.height(), reverse=True)
    return places[0], (others[0] if others else None)


def put_full_screen(window: QWidget, place: ScreenPlace | None) -> None:
    if place is None:
        window.showFullScreen()
    elif place.screen is not None:
        window.setScreen(place.screen)
        window.setGeometry(place.geometry)
        window.showFullScreen()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setGeometry(place.geometry)
        window.show()


class Blackout(QWidget):
    """Black over the whole window, as presentation software does on B: the room looks at the trainer."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background-color: black;")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(tr("Zwart scherm"))
        self.hide()
        parent.installEventFilter(self)

    def set_on(self, on: bool) -> None:
        if on:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        self.setVisible(on)

    def eventFilter(self, obj, event):
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False


def clock_text(now: dt.datetime, elapsed_seconds: float) -> str:
    minutes, seconds = divmod(int(elapsed_seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return (
        tr("{klok} · bezig {duur}")
        .replace("{klok}", now.strftime("%H:%M"))
        .replace("{duur}", f"{hours}:{minutes:02d}:{seconds:02d}")
    )


class ClockLabel(QLabel):
    """The time of day and how long the session has been running, for the trainer's eyes only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(tr("Klok en verstreken tijd"))
        self.started = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.tick()

    def restart(self) -> None:
        self.started = time.monotonic()
        self.tick()

    def tick(self) -> None:
        self.setText(clock_text(dt.datetime.now(), time.monotonic() - self.started))

    def showEvent(self, event):
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event):
        self.timer.stop()
        super().hideEvent(event)


class ProjectorWindow(QWidget):
    """What the room sees on the second screen: the step and the voices shown so far, in large type.
    Keys pressed here (a clicker talks to whichever window has focus) go to the trainer's window."""

    def __init__(self, controller):
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.setWindowTitle(f"{controller.card.title} — " + tr("projectie"))
        self.setAccessibleName(self.windowTitle())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.heading = wrap_label(accessible_name=tr("Voortgang"))
        self.step_view = StepView(show_hint=False)
        self.step_view.domain_labels = controller.step_view.domain_labels
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.step_view, 1)
        self.blackout = Blackout(self)

    def show_state(self, title: str, step_number: int, total: int, step: dict, revealed: int, reflection) -> None:
        self.heading.setText(
            f"<b>{esc(title)}</b> — "
            + esc(tr("stap {n} van {t}").replace("{n}", str(step_number)).replace("{t}", str(total)))
        )
        if self.step_view.step is step:
            self.step_view.set_revealed(revealed)
        else:
            self.step_view.show_step(step, revealed, reflection)

    def set_look(self, text_size: float, high_contrast: bool, palette) -> None:
        self.setPalette(palette)
        font = QFont(self.font())
        font.setPointSizeF(text_size * 0.6)
        self.heading.setFont(font)
        self.step_view.set_look(text_size, high_contrast)

    def keyPressEvent(self, event):
        if not self.controller.handle_key(event):
            super().keyPressEvent(event)

    def closeEvent(self, event):
        # Closing the projector's window (Alt+F4 on the wall) ends presenting, not the session.
        self.controller.projector_closed(self)
        super().closeEvent(event)


def high_contrast_palette() -> QPalette:
    """White and yellow on black: readable on a weak projector in a light room."""
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffe600")
    for role, color in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, QColor("#1a1a1a")),
        (QPalette.ColorRole.ButtonText, yellow),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.Link, yellow),
        (QPalette.ColorRole.PlaceholderText, QColor("#bbbbbb")),
        (QPalette.ColorRole.Light, QColor("#777777")),
        (QPalette.ColorRole.Mid, QColor("#555555")),
        (QPalette.ColorRole.Dark, QColor("#333333")),
    ):
        palette.setColor(role, color)
    for role in (
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
    ):  # a greyed button must look greyed
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#808080"))
    return palette
