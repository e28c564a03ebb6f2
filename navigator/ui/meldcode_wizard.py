"""The Meldcode-wijzer: one question at a time through the five steps, with the cards beside it.

A walk lives in memory only: answers and the professional's short reasoning are never written to disk, history,
bookmarks, settings or logs. Only printing or saving the afwegingsverslag as PDF (the user's own act) writes
anything, and closing the window discards the walk (after asking, if something was typed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..content.wijzer import Walk
from . import export
from .i18n import tr
from .meldcode_report import PRIVACY_NOTE, VEILIG_THUIS_HINT, verslag_html
from .render import esc
from .step_bar import StepBar
from .styles import style_sheet
from .wrapping import WrapButton

BANNER = (
    "Typ geen namen of herkenbare details. De app bewaart niets van deze route: sluit je de wijzer, dan is "
    "alles weg. Alleen wat je zelf afdrukt of als PDF opslaat, blijft bestaan."
)


def find_wijzer(engine, card_id: str):
    """The wijzer card by id; if a pack replaced it under another id, the one wijzer there is."""
    record = engine.card_by_id(card_id)
    if record is None or record.type != "wijzer":
        record = next(iter(engine.cards("wijzer")), None)
    return engine.load_card(record.id) if record else None


class _QuietUser:
    """The main window's user lists while a card is opened from the wijzer: it is not added to 'recent'."""

    def __init__(self, user):
        self._user = user

    def add_recent(self, card_id: str) -> None:
        pass

    def __getattr__(self, name):
        return getattr(self._user, name)


def show_in_main(main, card_id: str) -> None:
    user = main.user
    main.user = _QuietUser(user)
    try:
        main.open_card(card_id)
    finally:
        main.user = user


def open_wizard(main, card_id: str = "meldcode-wijzer"):
    """Open (or raise) the wijzer window next to the main window."""
    if main.engine is None:
        main.statusBar().showMessage(tr("De kennis wordt nog geladen; probeer het zo opnieuw."), 5000)
        return None
    current = getattr(main, "wizard_window", None)
    if current is not None and current.isVisible():
        current.raise_()
        current.activateWindow()
        return current
    if current is not None:  # a closed walk: its window goes for good
        current.deleteLater()
    card = find_wijzer(main.engine, card_id)
    if card is None:
        main.statusBar().showMessage(tr("De Meldcode-wijzer is niet beschikbaar."), 8000)
        return None
    wizard = MeldcodeWizard(card, main.engine, main)
    wizard.cardRequested.connect(lambda c: show_in_main(main, c))
    main.wizard_window = wizard
    screen = (main.screen() or wizard.screen()).availableGeometry()
    wizard.resize(min(1400, screen.width() - 40), min(900, screen.height() - 40))
    wizard.show()
    wizard.activateWindow()
    return wizard


class MeldcodeWizard(QWidget):
    """One question (or end) at a time; answers as buttons (digits, arrows + Enter); back and forward."""

    cardRequested = Signal(str)
    positionChanged = Signal(str)

    def __init__(self, card, engine, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.card, self.engine = card, engine
        self.walk = Walk(card.fields)
        self.trail: list[str] = [self.walk.start]  # questions (and at most one end) in walk order
        self.trail_pos = 0
        self.answers: dict[str, int] = {}  # question id -> chosen answer index (memory only)
        self.reasoning: dict[str, str] = {}  # step id -> the professional's short reasoning (memory only)
        self.exported = True  # nothing typed yet, so nothing to lose
        self._discarding = False
        self.setWindowTitle(f"{card.title} — Kennisnavigator")
        self.setAccessibleName(tr("Meldcode-wijzer"))
        self.setStyleSheet(style_sheet("meldcode_wizard"))

        banner = QLabel(f"<b>{esc(tr('Privacy:'))}</b> {esc(tr(BANNER))}")
        banner.setWordWrap(True)
        banner.setObjectName("privacyBanner")  # its look: resources/styles/meldcode_wizard.qss
        banner.setAccessibleName(tr("Privacy"))
        self.step_bar = StepBar(self.walk.steps)
        self.question_view = QTextBrowser()
        self.question_view.setOpenLinks(False)
        self.question_view.setAccessibleName(tr("Vraag"))
        self.question_view.anchorClicked.connect(lambda url: self.cardRequested.emit(url.toString().split(":", 1)[1]))
        self.answers_box = QWidget()
        self.answers_layout = QVBoxLayout(self.answers_box)
        self.answers_layout.setContentsMargins(0, 0, 0, 0)
        self.vt_hint = QLabel(
            "☎ "
            + esc(tr(VEILIG_THUIS_HINT)).replace(
                "Raadpleeg Veilig Thuis (0800-2000)", "<b>Raadpleeg Veilig Thuis (0800-2000)</b>"
            )
        )
        self.vt_hint.setWordWrap(True)
        self.vt_hint.setObjectName("veiligThuisHint")
        self.vt_hint.setAccessibleName(tr("Raadpleeg Veilig Thuis, 0800-2000"))
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(tr("Kort, in je eigen woorden, zonder namen of herkenbare details"))
        self.reason_edit.setAccessibleName(tr("Jouw afweging bij deze stap"))
        self.reason_edit.setFixedHeight(78)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.textChanged.connect(self._reason_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.question_view, 1)
        left_layout.addWidget(self.answers_box)
        left_layout.addWidget(self.vt_hint)
        left_layout.addWidget(self.reason_label)
        left_layout.addWidget(self.reason_edit)
        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(self.side)
        side_scroll.setAccessibleName(tr("Kaarten en vastleggen bij deze stap"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 420])
        split.setChildrenCollapsible(False)

        nav = QHBoxLayout()
        self.back_button = QPushButton(tr("◀ Vorige (Alt+←)"))
        self.forward_button = QPushButton(tr("Volgende ▶ (Alt+→)"))
        self.restart_button = QPushButton(tr("Opnieuw beginnen"))
        self.print_button = QPushButton(tr("Verslag afdrukken"))
        self.pdf_button = QPushButton(tr("Verslag als PDF"))
        self.close_button = QPushButton(tr("Sluiten (Esc)"))
        for button, slot in (
            (self.back_button, self.go_back),
            (self.forward_button, self.go_forward),
            (self.restart_button, self.restart),
            (self.print_button, self.print_verslag),
            (self.pdf_button, self.ask_pdf),
            (self.close_button, self.close),
        ):
            button.setAccessibleName(button.text().split(" (")[0].strip("◀▶ "))
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            nav.addWidget(button)
            if button is self.restart_button:
                nav.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.step_bar)
        layout.addWidget(split, 1)
        layout.addLayout(nav)
        for keys, slot in (
            ("Alt+Left", self.go_back),
            ("Alt+Right", self.go_forward),
            ("Esc", self.close),
            ("Ctrl+P", self.print_verslag),
            ("Ctrl+Shift+P", self.ask_pdf),
        ):
            QShortcut(QKeySequence(keys), self, slot, Qt.ShortcutContext.WindowShortcut)
        self.show_position()

    # --- where we are --------------------------------------------------------------------------------

    @property
    def current(self) -> str:
        return self.trail[self.trail_pos]

    def at_end(self) -> bool:
        return self.current in self.walk.ends

    def step_index(self) -> int:
        """The step of the current question; an end counts as the step of the question that led there."""
        item = self.current if not self.at_end() or self.trail_pos == 0 else self.trail[self.trail_pos - 1]
        return self.walk.step_index(item)

    def show_position(self) -> None:
        index = self.step_index()
        step = self.walk.steps[index]
        done = {self.walk.step_index(i) for i in self.trail[: self.trail_pos] if i in self.walk.nodes} - {index}
        self.step_bar.set_state(index, done)
        if self.at_end():
            end = self.walk.ends[self.current]
            html = (
                f"<p><b>{esc(tr('Uitkomst'))}</b></p><h1>{esc(end['titel'])}</h1><p>{esc(end['doen'])}</p>"
                f"<p>{esc(tr('Druk het afwegingsverslag af of sla het op als PDF voor het dossier. '))}"
                f"{esc(tr(PRIVACY_NOTE))}</p>"
            )
            self._fill_answers(
                [(tr("Verslag afdrukken"), self.print_verslag), (tr("Verslag als PDF"), self.ask_pdf)]
                + ([(tr("Opnieuw wegen vanaf stap 4"), self.weigh_again)] if end["soort"] == "opnieuw-wegen" else [])
            )
            record, cards, hint = end.get("vastleggen") or [], end.get("kaarten") or [], end.get("veilig_thuis")
        else:
            node = self.walk.nodes[self.current]
            html = (
                f"<p><b>{esc(tr('Stap {n}: ').replace('{n}', str(index + 1)))}{esc(step['titel'])}</b></p>"
                f"<p>{esc(step['doen'])}</p><h2>{esc(node['vraag'])}</h2>"
            )
            if node.get("uitleg"):
                html += f"<p>{esc(node['uitleg'])}</p>"
            chosen = self.answers.get(self.current)
            self._fill_answers(
                [
                    (f"{n}  {a['tekst']}" + ("  ✓" if chosen == n - 1 else ""), lambda _=False, i=n - 1: self.choose(i))
                    for n, a in enumerate(node["antwoorden"], 1)
                ]
            )
            record = step.get("vastleggen") or []
            cards = list(step.get("kaarten") or []) + list(node.get("kaarten") or [])
            hint = step.get("veilig_thuis")
        self.question_view.setHtml(html)
        self.vt_hint.setVisible(bool(hint))
        self._fill_side(cards, record)
        self.reason_label.setText(
            tr("<b>Jouw afweging bij stap {n}</b> (kort, zonder namen of herkenbare details)").replace(
                "{n}", str(index + 1)
            )
        )
        self.reason_edit.blockSignals(True)
        self.reason_edit.setPlainText(self.reasoning.get(step["id"], ""))
        self.reason_edit.blockSignals(False)
        self.back_button.setEnabled(self.trail_pos > 0)
        self.forward_button.setEnabled(self.trail_pos < len(self.trail) - 1)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(self.at_end())
        self.positionChanged.emit(self.current)

    def _fill_answers(self, items) -> None:
        while self.answers_layout.count():
            widget = self.answers_layout.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        self.answer_buttons = []
        for text, slot in items:
            button = WrapButton(text)
            button.clicked.connect(slot)
            self.answers_layout.addWidget(button)
            if self.isVisible():
                button.show()  # now, not queued: keys may follow at once
            self.answer_buttons.append(button)
        if self.answer_buttons:
            self.answer_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_side(self, cards: list[str], record: list[str]) -> None:
        while self.side_layout.count():
            widget = self.side_layout.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        self.card_buttons = []
        if cards:
            self.side_layout.addWidget(QLabel(f"<b>{esc(tr('Kaarten bij deze stap'))}</b>"))
        for card_id in dict.fromkeys(cards):
            found = self.engine.card_by_id(card_id)
            if found is None:
                continue
            button = WrapButton(found.title)
            button.setToolTip(tr("Opent de kaart in het hoofdvenster; de wijzer blijft open"))
            button.clicked.connect(lambda _=False, c=card_id: self.cardRequested.emit(c))
            self.side_layout.addWidget(button)
            self.card_buttons.append(button)
        if record:
            label = QLabel(
                f"<b>{esc(tr('Vastleggen in het dossier'))}</b><ul>"
                + "".join(f"<li>{esc(r)}</li>" for r in record)
                + "</ul>"
            )
            label.setWordWrap(True)
            self.side_layout.addWidget(label)
        self.side_layout.addStretch(1)

    # --- moving --------------------------------------------------------------------------------------

    def choose(self, answer: int) -> None:
        if self.at_end():
            return
        node_id = self.current
        target = self.walk.target(node_id, answer)
        same = (
            self.answers.get(node_id) == answer
            and self.trail_pos + 1 < len(self.trail)
            and self.trail[self.trail_pos + 1] == target
        )
        self.answers[node_id] = answer
        if not same:  # a new choice: what came after the old one is no longer the path
            del self.trail[self.trail_pos + 1 :]
            self.trail.append(target)
        self.trail_pos += 1
        self.show_position()

    def go_back(self) -> None:
        if self.trail_pos > 0:
            self.trail_pos -= 1
            self.show_position()

    def go_forward(self) -> None:
        if self.trail_pos < len(self.trail) - 1:
            self.trail_pos += 1
            self.show_position()

    def weigh_again(self) -> None:
        """From the end 'opnieuw wegen': back to the first question of step 4 (wegen), keeping the path."""
        step = self.walk.steps[min(3, len(self.walk.steps) - 1)]["id"]
        first = next(n for n in self.walk.nodes.values() if n["stap"] == step)
        self.trail.append(first["id"])
        self.trail_pos = len(self.trail) - 1
        self.show_position()

    def restart(self) -> None:
        self.trail, self.trail_pos = [self.walk.start], 0
        self.answers.clear()
        self.show_position()

    def _reason_changed(self) -> None:
        self.reasoning[self.walk.steps[self.step_index()]["id"]] = self.reason_edit.toPlainText()
        self.exported = False

    # --- the verslag ---------------------------------------------------------------------------------

    def path(self) -> list[str]:
        return self.trail[: self.trail_pos + 1]

    def verslag(self) -> str:
        return verslag_html(self.card, self.engine, self.path(), self.answers, self.reasoning)

    def verslag_job(self):
        return export.PrintJob(
            tr("Afwegingsverslag Meldcode"), self.verslag(), checked=str(self.card.fields.get("gecontroleerd") or "")
        )

    def print_verslag(self) -> None:
        if self.at_end():
            self._print_dialog = export.open_print_dialog(self, self.verslag_job())
            self._print_dialog.accepted.connect(self._mark_exported)

    def ask_pdf(self) -> None:
        if self.at_end():
            export.ask_pdf_path(self, "afwegingsverslag-meldcode.pdf", self.save_pdf)

    def save_pdf(self, path):
        path = export.write_pdf(path, self.verslag_job())
        self._mark_exported()
        return path

    def _mark_exported(self) -> None:
        self.exported = True

    # --- keys and closing ----------------------------------------------------------------------------

    def keyPressEvent(self, event):
        key = event.key()
        buttons = getattr(self, "answer_buttons", [])
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            index = key - Qt.Key.Key_1
            if index < len(buttons):
                buttons[index].click()
                return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and buttons:
            focused = next((i for i, b in enumerate(buttons) if b.hasFocus()), -1)
            step = 1 if key == Qt.Key.Key_Down else -1
            buttons[(focused + step) % len(buttons) if focused >= 0 else 0].setFocus(Qt.FocusReason.TabFocusReason)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            chosen = next((b for b in buttons if b.hasFocus()), None)
            if chosen is not None:
                chosen.click()
                return
        super().keyPressEvent(event)

    def showEvent(self, event):
        super().showEvent(event)
        if getattr(self, "answer_buttons", None):
            self.answer_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def has_unsaved_text(self) -> bool:
        return not self.exported and any(text.strip() for text in self.reasoning.values())

    def closeEvent(self, event):
        if self._discarding or not self.has_unsaved_text():
            self._forget()
            super().closeEvent(event)
            return
        event.ignore()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Wijzer sluiten?"),
            tr(
                "Je hebt afwegingen getypt die nog niet zijn afgedrukt of als PDF opgeslagen. "
                "Sluiten gooit ze weg; de app bewaart ze nergens."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        self.discard_button = box.addButton(tr("Weggooien en sluiten"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(tr("Terug naar de wijzer"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.buttonClicked.connect(self._close_answer)
        self.close_box = box
        box.open()

    def _close_answer(self, button) -> None:
        if button is self.discard_button:
            self._discarding = True
            self.close()

    def _forget(self) -> None:
        """Closing discards the walk: nothing of it stays in memory either."""
        self.answers.clear()
        self.reasoning.clear()
        self.reason_edit.blockSignals(True)
        self.reason_edit.clear()
        self.reason_edit.blockSignals(False)
