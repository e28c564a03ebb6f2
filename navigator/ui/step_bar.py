"""The step bar of a wijzer: where you are in the five steps of the meldcode, always visible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .i18n import tr
from .render import esc


class StepBar(QWidget):
    """The five steps in a row: done ✓, current highlighted, the rest plain. Always visible."""

    def __init__(self, steps: list[dict], parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.labels = []
        for n, step in enumerate(steps, 1):
            label = QLabel()
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumHeight(40)
            layout.addWidget(label, 1)
            self.labels.append((label, f"{n}. {step['titel']}"))
        self.setAccessibleName(tr("Stappen van de meldcode"))

    def set_state(self, current: int, done: set[int]) -> None:
        for i, (label, text) in enumerate(self.labels):
            if i == current:
                state, shown = "current", f"▶ {text}"
            elif i in done:
                state, shown = "done", f"✓ {text}"
            else:
                state, shown = "todo", text
            label.setText(esc(shown))
            label.setProperty("stepState", state)  # its colours: resources/styles/meldcode_wizard.qss
            label.style().unpolish(label)
            label.style().polish(label)
            label.setAccessibleName(shown + (tr(" (huidige stap)") if i == current else ""))
        self.setAccessibleDescription(
            tr("Stap {n} van {t}").replace("{n}", str(current + 1)).replace("{t}", str(len(self.labels)))
        )
