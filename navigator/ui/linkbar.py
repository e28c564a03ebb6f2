"""The banner above the card when a link leads outside the app: open it in the browser (if the organisation
allows that) or copy it. The banner wraps a long address instead of widening the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from .i18n import tr

ZERO_WIDTH_SPACE = "\u200b"


def breakable(url: str) -> str:
    """An address with invisible break opportunities after / ? & = so a long one can wrap."""
    for mark in "/?&=":
        url = url.replace(mark, mark + ZERO_WIDTH_SPACE)
    return url


class LinkBar(QWidget):
    message = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.url: QUrl | None = None
        self.allowed = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Ignored: the banner takes the width the card has; it never asks for more (that widened the window).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(80)
        self.label.setAccessibleName(tr("Externe link"))
        self.open_button = QPushButton(tr("Openen in browser"))
        self.open_button.setAccessibleName(tr("Openen in browser"))
        self.open_button.clicked.connect(self.open_link)
        self.copy_button = QPushButton(tr("Link kopiëren"))
        self.copy_button.setAccessibleName(tr("Link kopiëren"))
        self.copy_button.clicked.connect(self.copy_link)
        close_button = QPushButton("✕")
        close_button.setAccessibleName(tr("Melding over de link sluiten"))
        close_button.setToolTip(tr("Sluiten"))
        close_button.clicked.connect(lambda: self.setVisible(False))
        layout.addWidget(self.label, 1)
        for widget in (self.open_button, self.copy_button, close_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)

    def show_link(self, url: QUrl, allowed: bool) -> None:
        self.url, self.allowed = url, allowed
        text = (
            tr("Deze link gaat naar buiten de app: {url}")
            if allowed
            else tr(
                "Je organisatie staat niet toe dat de app een browser opent. Kopieer de link als je hem elders "
                "wilt openen: {url}"
            )
        )
        self.label.setText(text.replace("{url}", breakable(url.toString())))
        self.label.setToolTip(url.toString())
        self.open_button.setVisible(allowed)
        self.setVisible(True)

    def open_link(self) -> None:
        from PySide6.QtGui import QDesktopServices

        if self.url is not None and self.allowed:
            QDesktopServices.openUrl(self.url)
            self.setVisible(False)

    def copy_link(self) -> None:
        from PySide6.QtGui import QGuiApplication

        if self.url is not None:
            QGuiApplication.clipboard().setText(self.url.toString())
            self.message.emit(tr("Link gekopieerd"), 3000)
