"""The trainer's side panel: clock, the next voice, choices, cards of this step, the steps to jump to, notes and
the session. On one screen it is hidden in trainer mode until asked for (N); in the presenter view it is always
on the laptop and never on the wall."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from .i18n import tr
from .presenter import ClockLabel
from .render import esc
from .stepview import quoted
from .wrapping import ScrolledColumn, WrapButton, wrap_label


class TrainerPanel(QWidget):
    stepRequested = Signal(int)  # index of a step
    cardRequested = Signal(str)

    def __init__(self, engine, steps: list[dict], trainer: bool, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.steps = steps
        self.trainer = trainer
        self.setAccessibleName(tr("Zijpaneel: keuzes, kaarten en notities"))
        self.clock = ClockLabel()
        self.clock.setVisible(trainer)

        self.actions_box = ScrolledColumn()
        self.actions_layout = QVBoxLayout(self.actions_box)
        self.actions_layout.setContentsMargins(0, 0, 4, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.actions_box)
        scroll.setAccessibleName(tr("Keuzes en kaarten"))
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # everything wraps instead
        self.actions_scroll = scroll

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(
            tr("Notities bij deze stap, voor deze sessie (blijven op deze computer; geen namen van cliënten)")
        )
        self.notes_edit.setAccessibleName(tr("Notities bij deze stap"))
        self.notes_edit.setMinimumHeight(90)
        self.notes_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus if trainer else Qt.FocusPolicy.StrongFocus)

        self.session_label = wrap_label(accessible_name=tr("Sessie"))
        self.new_session_button = self._button(tr("Nieuwe sessie"))
        self.sessions_button = self._button(tr("Eerdere sessies…"))
        self.export_md_button = self._button(tr("Notities (Markdown)"), tr("Notities exporteren als Markdown"))
        self.export_pdf_button = self._button(tr("PDF met notities"), tr("Scenario met notities exporteren als PDF"))
        self.handout_button = self._button(tr("Hand-out (PDF)"), tr("Hand-out zonder notities exporteren als PDF"))
        self.print_button = self._button(tr("Afdrukken…"), tr("Scenario afdrukken"))
        session_buttons = QGridLayout()
        session_buttons.setContentsMargins(0, 0, 0, 0)
        for n, button in enumerate(
            (
                self.new_session_button,
                self.sessions_button,
                self.export_md_button,
                self.export_pdf_button,
                self.handout_button,
                self.print_button,
            )
        ):
            session_buttons.addWidget(button, n // 2, n % 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.clock)
        layout.addWidget(scroll, 3)  # the choices and cards get the room; notes need a few lines
        layout.addWidget(wrap_label("<b>" + esc(tr("Notities")) + "</b>"))
        layout.addWidget(self.notes_edit, 1)
        layout.addWidget(self.session_label)
        layout.addLayout(session_buttons)

    def _button(self, text: str, accessible_name: str | None = None) -> WrapButton:
        button = WrapButton(text, accessible_name=accessible_name)
        # In trainer mode keys belong to the clicker: a focused button would swallow the space bar.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus if self.trainer else Qt.FocusPolicy.StrongFocus)
        return button

    def set_text_size(self, points: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(points)
        self.setFont(font)

    def fill(self, index: int, revealed: int, show_next_voice: bool) -> None:
        """The panel for step `index` with `revealed` voices shown."""
        while self.actions_layout.count():
            item = self.actions_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        step = self.steps[index]
        add = self.actions_layout.addWidget
        voices = step.get("stemmen") or []
        if show_next_voice and voices:
            add(wrap_label("<b>" + esc(tr("Volgende stem")) + "</b>"))
            if revealed < len(voices):
                voice = voices[revealed]
                add(
                    wrap_label(
                        f"{esc(quoted(voice.get('tekst')))}<br/><i>{esc(voice.get('rol'))}</i>",
                        accessible_name=tr("Volgende stem"),
                    )
                )
            else:
                add(wrap_label("<i>" + esc(tr("Alle stemmen van deze stap zijn getoond.")) + "</i>"))
        if step.get("keuzes"):
            add(wrap_label("<b>" + esc(tr("Keuzes")) + "</b>"))
        for choice in step.get("keuzes") or []:
            target, label = choice.get("naar_stap"), choice.get("tekst", "")
            if target:
                button = self._button(f"➜ {label} (stap {target})")
                button.clicked.connect(lambda _=False, t=target: self.stepRequested.emit(t - 1))
            elif choice.get("kaart"):
                button = self._button(f"➜ {label}")
                button.clicked.connect(lambda _=False, c=choice["kaart"]: self.cardRequested.emit(c))
            else:
                continue
            add(button)
        records = [(c, self.engine.card_by_id(c)) for c in step.get("kaarten") or []]
        found = [(c, r) for c, r in records if r is not None]
        if found:
            add(wrap_label("<b>" + esc(tr("Kaarten bij deze stap")) + "</b>"))
        for card_id, record in found:
            button = self._button(record.title)
            button.clicked.connect(lambda _=False, c=card_id: self.cardRequested.emit(c))
            add(button)
        if len(self.steps) > 1:
            add(wrap_label("<b>" + esc(tr("Stappen")) + "</b>"))
            for n, other in enumerate(self.steps):
                button = self._button(
                    f"{n + 1}. {other.get('titel', '')}", tr("Naar stap {n}").replace("{n}", str(n + 1))
                )
                button.setCheckable(True)
                button.setChecked(n == index)
                button.clicked.connect(lambda _=False, i=n: self.stepRequested.emit(i))
                add(button)
        self.actions_layout.addStretch(1)

    def buttons(self) -> list[WrapButton]:
        return self.findChildren(WrapButton)
