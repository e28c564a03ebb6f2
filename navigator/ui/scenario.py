"""Scenario explorer and trainer mode: steps with progress, voices revealed one by one, notes per session.

One window drives everything. In trainer mode on one screen it is the room's screen (the side panel with notes
and choices hidden until N); with a second screen it becomes the presenter view on the laptop and a
ProjectorWindow shows the step on the wall.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QProgressBar,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..sessions import RoomSettings, Session, SessionStore
from . import export, render
from .i18n import tr
from .presenter import (
    Blackout,
    ProjectorWindow,
    high_contrast_palette,
    laptop_and_projector,
    put_full_screen,
    screen_places,
)
from .render import esc
from .scenario_export import scenario_html  # noqa: F401 (printing and the command line import it from here)
from .scenario_sessions import SessionActions
from .stepview import StepView
from .trainerpanel import TrainerPanel
from .widgets import CardView
from .wrapping import WrapButton, wrap_label


def latest_session(folder: Path, scenario_id: str) -> Session | None:
    """The notes printed or exported outside a session window: those of the latest session."""
    return SessionStore(folder, scenario_id).latest()


class ScenarioWindow(SessionActions, QWidget):
    """Explorer (normal window) or trainer mode (full screen, large type, voices hidden until revealed)."""

    stepChanged = Signal(int)
    closed = Signal()

    def __init__(self, card, engine, user_folder: Path, trainer: bool = False, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.card = card
        self.engine = engine
        self.trainer = trainer
        self.steps = card.fields.get("stappen") or []
        self.step = 0
        self.revealed = 0
        self.projector: ProjectorWindow | None = None
        self.blacked = False
        self.sessions = SessionStore(user_folder, card.id)
        self.session = self.sessions.session_for_today()
        self.room = RoomSettings(user_folder)
        self.setWindowTitle(f"{card.title} — " + (tr("trainermodus") if trainer else tr("scenario")))
        self.setAccessibleName(self.windowTitle())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Trainer mode: the text a room reads is large; the controls stay at a normal size.
        self.base_size = QApplication.font().pointSizeF()
        self.default_text_size = max(20.0, self.base_size * 2.0) if trainer else self.base_size * 1.1
        self.text_size = (self.room.text_size() if trainer else None) or self.default_text_size
        self.high_contrast = trainer and self.room.high_contrast()

        self.progress_label = wrap_label(accessible_name=tr("Voortgang"))
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(self.steps)))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(tr("Voortgang"))
        self.step_view = StepView(show_hint=trainer)
        self.step_view.domain_labels = render.value_labels(engine.taxonomy, "domein")
        self.step_view.cardRequested.connect(self.show_card)

        self.panel = TrainerPanel(engine, self.steps, trainer)
        self.panel.stepRequested.connect(self.show_step)
        self.panel.cardRequested.connect(self.show_card)
        self.panel.new_session_button.clicked.connect(self.ask_new_session)
        self.panel.sessions_button.clicked.connect(self.show_sessions)
        self.panel.export_md_button.clicked.connect(self._ask_markdown)
        self.panel.export_pdf_button.clicked.connect(
            lambda: export.ask_pdf_path(self, export.safe_filename(card.title) + ".pdf", self.export_pdf)
        )
        self.panel.handout_button.clicked.connect(
            lambda: export.ask_pdf_path(
                self, export.safe_filename(card.title) + "-hand-out.pdf", self.export_handout_pdf
            )
        )
        # One button, two documents: the trainer's copy with notes, or the handout for the group.
        from PySide6.QtWidgets import QMenu

        print_menu = QMenu(self.panel.print_button)
        self.print_notes_action = print_menu.addAction(tr("Met notities"), lambda: self.print_scenario(False))
        self.print_handout_action = print_menu.addAction(
            tr("Hand-out, zonder notities"), lambda: self.print_scenario(True)
        )
        self.panel.print_button.clicked.connect(
            lambda: print_menu.popup(self.panel.print_button.mapToGlobal(self.panel.print_button.rect().bottomLeft()))
        )
        self.notes_edit = self.panel.notes_edit
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_note)
        self.notes_edit.textChanged.connect(self._save_timer.start)
        self.notes_edit.installEventFilter(self)

        self.prev_button = self._button(tr("◀ Vorige stap"), self.previous_step, tr("Vorige stap"))
        self.reveal_button = self._button(tr("Volgende stem (spatie)"), self.reveal_next, tr("Volgende stem tonen"))
        self.next_button = self._button(tr("Volgende stap ▶"), self.next_step, tr("Volgende stap"))
        self.panel_button = self._button(tr("Paneel (N)"), self.toggle_panel, tr("Zijpaneel tonen of verbergen"))
        self.black_button = self._button(tr("Zwart (B)"), self.toggle_black, tr("Scherm zwart maken"))
        self.close_button = self._button(tr("Sluiten (Esc)"), self.close, tr("Sluiten"))
        self.size_box = QSpinBox()
        self.size_box.setRange(8, 96)
        self.size_box.setSuffix(" pt")
        self.size_box.setPrefix(tr("Tekst "))
        self.size_box.setAccessibleName(tr("Tekstgrootte (Ctrl + en Ctrl −)"))
        self.size_box.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # changed with the mouse or Ctrl +/−; keys stay the trainer's
        self.size_box.valueChanged.connect(
            lambda value: self.set_text_size(value) if value != round(self.text_size) else None
        )
        self.contrast_box = QCheckBox(tr("Hoog contrast (H)"))
        self.contrast_box.setAccessibleName(tr("Hoog contrast voor een zwakke beamer"))
        self.contrast_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.contrast_box.toggled.connect(lambda on: self.set_high_contrast(on) if on != self.high_contrast else None)
        nav = QHBoxLayout()
        for widget in (self.prev_button, self.reveal_button, self.next_button, self.panel_button):
            nav.addWidget(widget)
        nav.addStretch(1)
        for extra in (self.size_box, self.contrast_box, self.black_button, self.close_button):
            nav.addWidget(extra)
        self.black_button.setVisible(trainer)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.step_view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.card_view = CardView()
        self.card_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_view.cardRequested.connect(self.show_card)
        self.card_back = self._button(
            tr("◀ Terug naar de stap (Backspace)"), self.back_to_step, tr("Terug naar de stap")
        )
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.card_back)
        card_layout.addWidget(self.card_view, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(card_page)

        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)
        layout.addLayout(nav)
        self.blackout = Blackout(self)

        # Handled in keyPressEvent rather than as QShortcuts: keys then work whether or not the full-screen
        # window is the active one, never while typing a note, and the projector's window can pass them on.
        # A clicker sends PgDn/PgUp (some send arrows, B or '.'): PgDn shows the next voice, then the next step.
        self._keys = {
            Qt.Key.Key_Right: self.next_step,
            Qt.Key.Key_Left: self.previous_step,
            Qt.Key.Key_PageDown: self.advance,
            Qt.Key.Key_Down: self.advance,
            Qt.Key.Key_PageUp: self.previous_step,
            Qt.Key.Key_Up: self.previous_step,
            Qt.Key.Key_Space: self.reveal_next,
            Qt.Key.Key_Escape: self._escape,
            Qt.Key.Key_Backspace: self.back_to_step,
            Qt.Key.Key_B: self.toggle_black,
            Qt.Key.Key_Period: self.toggle_black,
            Qt.Key.Key_N: self.toggle_panel,
            Qt.Key.Key_H: lambda: self.set_high_contrast(not self.high_contrast),
        }
        self.panel.setVisible(not trainer)  # one screen: the room must not read the trainer's notes
        self._apply_look()
        self._show_session_label()
        self.show_step(self.session.position)  # a session resumes where the group was

    def _button(self, text: str, slot, accessible_name: str) -> WrapButton:
        button = WrapButton(text, accessible_name=accessible_name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus if self.trainer else Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(slot)
        return button

    @property
    def presenting(self) -> bool:
        return self.projector is not None

    # --- the room's screens --------------------------------------------------------------------------

    def show_for_room(self, screens=None) -> None:
        """Full screen. With a second screen: the projector shows the step, this window is the presenter view.
        `screens` (QScreens or ScreenPlaces, the laptop's first) defaults to the system's screens."""
        laptop, wall = laptop_and_projector(screen_places(screens))
        if wall is not None:
            self.projector = ProjectorWindow(self)
            self.panel.setVisible(True)
            self._apply_look()
            self._sync_projector()
            put_full_screen(self.projector, wall)
        put_full_screen(self, laptop)
        self.activateWindow()
        self.setFocus()

    def projector_closed(self, window) -> None:
        if window is self.projector:
            self.projector = None
            self.blacked = False
            self._apply_look()
            self._render()

    def _sync_projector(self) -> None:
        if self.projector is not None:
            self.projector.show_state(
                self.card.title,
                self.step + 1,
                len(self.steps),
                self.steps[self.step],
                self.revealed,
                self._reflection(),
            )

    # --- steps and voices ----------------------------------------------------------------------------

    def show_step(self, index: int) -> None:
        if not self.steps:
            return
        self.save_note()
        self.step = max(0, min(index, len(self.steps) - 1))
        voices = self.steps[self.step].get("stemmen") or []
        # Voices already shown to this session's group stay shown when the trainer steps back and forth.
        self.revealed = min(len(voices), self.session.revealed_at(self.step + 1)) if self.trainer else len(voices)
        self.session.position = self.step
        self._keep_session()
        self.pages.setCurrentIndex(0)
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(self.session.get(self.step + 1))
        self.notes_edit.blockSignals(False)
        self.step_view.show_step(self.steps[self.step], self.revealed, self._reflection())
        self._render()
        self.stepChanged.emit(self.step)

    def _reflection(self) -> list[str]:
        return self.card.fields.get("reflectie") or [] if self.step == len(self.steps) - 1 else []

    def _render(self) -> None:
        n, total = self.step + 1, len(self.steps)
        composite = (
            tr(" · samengestelde casus uit het onderzoek") if self.card.fields.get("samengestelde_casus") else ""
        )
        status = ""
        if self.blacked and self.presenting:
            status = " — <b>" + esc(tr("het scherm in de zaal is zwart (B of Esc om terug te gaan)")) + "</b>"
        self.progress_label.setText(
            f"<b>{esc(self.card.title)}</b> — "
            + tr("stap {n} van {t}").replace("{n}", str(n)).replace("{t}", str(total))
            + composite
            + status
        )
        self.progress.setValue(n)
        voices = self.steps[self.step].get("stemmen") or []
        self.reveal_button.setEnabled(self.revealed < len(voices))
        self.prev_button.setEnabled(self.step > 0)
        self.next_button.setEnabled(self.step < total - 1)
        self.panel.fill(self.step, self.revealed, show_next_voice=self.trainer)
        self._sync_projector()

    def reveal_next(self) -> None:
        if self.pages.currentIndex() != 0 or not self.steps:
            return
        voices = self.steps[self.step].get("stemmen") or []
        if self.revealed < len(voices):
            self.revealed += 1
            if self.trainer:
                self.session.revealed[str(self.step + 1)] = self.revealed
                self._keep_session()
            self.step_view.set_revealed(self.revealed)
            self._render()

    def advance(self) -> None:
        """A clicker's 'next': the next voice while there are hidden ones, then the next step."""
        voices = self.steps[self.step].get("stemmen") or [] if self.steps else []
        if self.revealed < len(voices):
            self.reveal_next()
        else:
            self.next_step()

    def next_step(self) -> None:
        if self.pages.currentIndex() == 0 and self.step < len(self.steps) - 1:
            self.show_step(self.step + 1)

    def previous_step(self) -> None:
        if self.pages.currentIndex() == 0 and self.step > 0:
            self.show_step(self.step - 1)

    def step_text(self) -> str:
        """What the step shows now, as plain text (for tests and accessibility checks)."""
        return self.step_view.plain_text()

    # --- the look: size, contrast, panel, black ------------------------------------------------------

    def set_text_size(self, points: float) -> None:
        self.text_size = max(8.0, min(96.0, float(points)))
        if self.trainer:
            self.room.set_text_size(None if self.text_size == self.default_text_size else self.text_size)
        self._apply_look()

    def zoom(self, step: int) -> None:
        self.set_text_size(self.text_size + step * (2 if self.trainer else 1))

    def reset_zoom(self) -> None:
        self.set_text_size(self.default_text_size)

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = bool(on)
        if self.trainer:
            self.room.set_high_contrast(self.high_contrast)
        self._apply_look()

    def toggle_panel(self) -> None:
        self.panel.setVisible(self.panel.isHidden())
        if self.panel.isVisible():  # large when shown: two fifths of the width
            width = max(1, self.splitter.width())
            self.splitter.setSizes([width * 3 // 5, width * 2 // 5])
        self.step_view.keep_newest_in_view()

    def toggle_black(self) -> None:
        self.set_black(not self.blacked)

    def set_black(self, on: bool) -> None:
        self.blacked = on
        if self.projector is not None:  # the wall goes black; the trainer keeps seeing everything
            self.projector.blackout.set_on(on)
        else:
            self.blackout.set_on(on)
        self._render()

    def _apply_look(self) -> None:
        palette = high_contrast_palette() if self.high_contrast else QApplication.palette()
        self.setPalette(palette)
        # On the presenter's laptop the step is read from close by; the wall gets the large type.
        own_size = max(self.base_size * 1.1, self.text_size * 0.6) if self.presenting else self.text_size
        self.step_view.set_look(own_size, self.high_contrast)
        self.step_view.keep_newest_in_view()
        self.panel.set_text_size(max(self.base_size, self.text_size * (0.7 if self.trainer else 0.9)))
        font = QFont(self.font())
        font.setPointSizeF(max(self.base_size, own_size * 0.8))
        self.progress_label.setFont(font)
        for view in (self.card_view,):
            view_font = QFont(view.font())
            view_font.setPointSizeF(own_size)
            view.setFont(view_font)
            view.document().setDefaultStyleSheet(
                render.stylesheet(
                    palette.color(QPalette.ColorRole.Text).name(),
                    palette.color(QPalette.ColorRole.PlaceholderText).name(),
                    palette.color(QPalette.ColorRole.Link).name(),
                    "#5a4300" if self.high_contrast else "#fff3cd",
                    "#ffe8a3" if self.high_contrast else "#5c4400",
                    own_size,
                )
            )
        self.size_box.blockSignals(True)
        self.size_box.setValue(round(self.text_size))
        self.size_box.blockSignals(False)
        self.contrast_box.blockSignals(True)
        self.contrast_box.setChecked(self.high_contrast)
        self.contrast_box.blockSignals(False)
        if self.projector is not None:
            self.projector.set_look(self.text_size, self.high_contrast, palette)

    # --- linked cards --------------------------------------------------------------------------------

    def show_card(self, card_id: str) -> None:
        card = self.engine.load_card(card_id)
        if card is None:
            return
        self.card_view.setHtml(render.card_html(card, self.engine))
        self.pages.setCurrentIndex(1)

    def back_to_step(self) -> None:
        if self.pages.currentIndex() == 1:
            self.pages.setCurrentIndex(0)
            self.setFocus()

    def _escape(self) -> None:
        if self.pages.currentIndex() == 1:
            self.back_to_step()
        else:
            self.close()

    # --- keys ----------------------------------------------------------------------------------------

    def handle_key(self, event) -> bool:
        """The trainer's keys, from this window or the projector's. True when the key was used."""
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)
        ):
            self.zoom(1)
            return True
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (
            mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus
        ):
            self.zoom(-1)
            return True
        if mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_0:
            self.reset_zoom()
            return True
        if mods & ~Qt.KeyboardModifier.ShiftModifier or key in (
            Qt.Key.Key_Shift,
            Qt.Key.Key_Control,
            Qt.Key.Key_Alt,
            Qt.Key.Key_Meta,
        ):
            return False
        if self.blacked and key in self._keys:  # as in presentation software: any key brings the picture back
            self.set_black(False)
            return True
        slot = self._keys.get(key)
        if slot is None:
            return False
        slot()
        return True

    def keyPressEvent(self, event):
        if self.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj, event):
        # Esc in the notes leaves the notes (so the arrow keys move steps again); it does not close.
        if obj is self.notes_edit and event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        if obj is self.notes_edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.setFocus()
            return True
        return super().eventFilter(obj, event)

    def closeEvent(self, event):
        self._save_timer.stop()
        self.save_note()
        if self.projector is not None:
            projector, self.projector = self.projector, None
            projector.close()
        super().closeEvent(event)
        self.closed.emit()


def open_scenario_window(card, engine, user_folder: Path, trainer: bool, screens=None) -> ScenarioWindow:
    """The explorer as a normal window, or trainer mode full screen (presenter view with a second screen)."""
    window = ScenarioWindow(card, engine, user_folder, trainer=trainer)
    if trainer:
        window.show_for_room(screens)
    else:
        screen = window.screen().availableGeometry()
        window.resize(min(1100, screen.width()), min(780, screen.height()))
        window.show()
        window.activateWindow()
        window.setFocus()
    return window
