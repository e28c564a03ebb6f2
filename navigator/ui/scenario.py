"""Scenario explorer and trainer mode: steps with progress, voices revealed one by one, notes per step."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMenu, QPlainTextEdit, QProgressBar, QPushButton, QScrollArea,
                               QSplitter, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

from ..content import read_card
from ..userdata import JsonStore
from . import export, render
from .render import esc
from .i18n import tr
from .widgets import CardView

DOMAIN_LABELS = {"sociaal": "Sociaal domein", "zorg": "Zorg", "veiligheid": "Veiligheid", "jeugd": "Jeugd"}
DOMAIN_COLORS = {"sociaal": "#3b7dd8", "zorg": "#3ba86b", "veiligheid": "#d8563b", "jeugd": "#b05bd8"}


class WrapButton(QPushButton):
    """A push button whose label wraps, for long decision texts in a narrow column."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(text)
        self.setToolTip(text)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)

    def resizeEvent(self, event):
        self.setMinimumHeight(self.label.heightForWidth(max(50, self.width() - 16)) + 10)
        super().resizeEvent(event)


class ScenarioNotes:
    """Notes per step of one scenario, in the user's own folder. Only the trainer's words are stored."""

    def __init__(self, folder: Path, scenario_id: str):
        self.store = JsonStore(Path(folder) / "notities" / f"{scenario_id}.json", {})
        self.notes: dict[str, str] = {k: v for k, v in self.store.load().items() if isinstance(v, str)}

    def get(self, step: int) -> str:
        return self.notes.get(str(step), "")

    def set(self, step: int, text: str) -> None:
        # Re-read first, so a second window on the same scenario keeps its own steps' notes.
        current = {k: v for k, v in self.store.load().items() if isinstance(v, str)}
        if text.strip():
            current[str(step)] = text
        else:
            current.pop(str(step), None)
        self.store.save(current)
        self.notes = current


def scenario_markdown(card, notes: ScenarioNotes | None) -> str:
    """The scenario with the trainer's notes, as Markdown (for sharing after a session)."""
    lines = [f"# {card.title}", "", card.summary, ""]
    for n, step in enumerate(card.fields.get("stappen") or [], 1):
        lines += [f"## Stap {n}: {step.get('titel', '')}", ""]
        if step.get("situatie"):
            lines += [" ".join(str(step["situatie"]).split()), ""]
        for voice in step.get("stemmen") or []:
            lines.append(f"- *{voice.get('rol')}* ({DOMAIN_LABELS.get(voice.get('domein'), '—')}): "
                         f"\u201c{voice.get('tekst')}\u201d")
        if step.get("vragen"):
            lines += ["", "**Vragen**", ""] + [f"- {q}" for q in step["vragen"]]
        if step.get("verbinden"):
            lines += ["", "**Van botsen naar verbinden**", "", " ".join(str(step["verbinden"]).split())]
        note = notes.get(n) if notes else ""
        lines += ["", "### Notities", "", note.strip() or "_(geen)_", ""]
    if card.fields.get("reflectie"):
        lines += ["## Reflectie", ""] + [f"- {q}" for q in card.fields["reflectie"]] + [""]
    lines += ["## Bronnen", ""] + [f"- {ref.get('bron')}: {ref.get('plek')}" for ref in card.sources]
    return "\n".join(lines) + "\n"


def scenario_html(card, engine, notes: ScenarioNotes | None, with_notes: bool = True) -> str:
    """The whole scenario for print and PDF: with the trainer's notes, or without them as a handout."""
    parts = [f"<h1>{esc(card.title)}</h1><p>{esc(card.summary)}</p>", render.scenario_outline_html(card)]
    for n, step in enumerate(card.fields.get("stappen") or [], 1):
        parts.append(f"<h2>Stap {n}: {esc(step.get('titel', ''))}</h2>")
        parts.append(step_body_html(step, engine, len(step.get("stemmen") or [])))
        if not with_notes:
            continue
        note = notes.get(n) if notes else ""
        parts.append("<h3>Notities</h3>" + (f"<p>{esc(note).replace(chr(10), '<br/>')}</p>" if note.strip()
                                               else "<p><i>(geen)</i></p>"))
    if card.fields.get("reflectie"):
        parts.append("<h2>Reflectie</h2><ul>" + "".join(f"<li>{esc(q)}</li>" for q in card.fields["reflectie"])
                     + "</ul>")
    parts.append(render.markdown_html(card.body))
    parts.append(render.sources_html(card, engine))
    return "\n".join(parts)


def step_body_html(step: dict, engine, revealed: int, large: bool = False) -> str:
    parts = []
    if step.get("situatie"):
        parts.append(f"<p>{render._inline(str(step['situatie']))}</p>")
    voices = step.get("stemmen") or []
    if voices:
        parts.append("<h3>Stemmen</h3>")
        rows = []
        for voice in voices[:revealed]:
            domain = voice.get("domein")
            color = DOMAIN_COLORS.get(domain, "#777777")
            rows.append(f"<tr><td width='8' style='background-color:{color}'></td><td>"
                        f"<b>\u201c{esc(voice.get('tekst'))}\u201d</b><br/>"
                        f"<span style='color:{color}'>{esc(voice.get('rol'))}"
                        f"{' · ' + esc(DOMAIN_LABELS[domain]) if domain in DOMAIN_LABELS else ''}</span></td></tr>")
        parts.append("<table cellpadding='6' cellspacing='4'>" + "".join(rows) + "</table>")
        hidden = len(voices) - revealed
        if hidden > 0:
            parts.append(f"<p><i>{tr('Nog {n} stem(men) — druk op spatie om de volgende te tonen.').replace('{n}', str(hidden))}</i></p>")
    if step.get("vragen"):
        parts.append("<h3>Vragen voor het gesprek</h3><ul>"
                     + "".join(f"<li>{render._inline(str(q))}</li>" for q in step["vragen"]) + "</ul>")
    if step.get("verbinden") and revealed >= len(voices):
        parts.append(render.caution_box([str(step["verbinden"])], tr("Van botsen naar verbinden"))
                     .replace('class="letop"', 'class="verbinden"'))
    return "".join(parts)


class ScenarioWindow(QWidget):
    """Explorer (normal window) or trainer mode (full screen, large type, voices hidden until revealed)."""

    stepChanged = Signal(int)

    def __init__(self, card, engine, user_folder: Path, trainer: bool = False, parent=None):
        super().__init__(parent, Qt.Window)
        self.card = card
        self.engine = engine
        self.trainer = trainer
        self.steps = card.fields.get("stappen") or []
        self.step = 0
        self.revealed = 0
        self.user_folder = user_folder  # save dialogs remember their folder here
        self.notes = ScenarioNotes(user_folder, card.id)
        self.setWindowTitle(f"{card.title} — " + (tr("trainermodus") if trainer else tr("scenario")))
        self.setAccessibleName(self.windowTitle())
        self.setFocusPolicy(Qt.StrongFocus)
        # Trainer mode: the text a room reads is large; the controls stay at a normal size.
        base = self.font().pointSizeF()
        self.text_size = max(20.0, base * 2.0) if trainer else base * 1.1

        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(tr("Voortgang"))
        label_font = QFont(self.font())
        label_font.setPointSizeF(self.text_size * 0.8)
        self.progress_label.setFont(label_font)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(self.steps)))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(tr("Voortgang"))
        self.step_view = QTextBrowser()
        self.step_view.setOpenLinks(False)
        self.step_view.setFocusPolicy(Qt.NoFocus)  # arrow keys and space belong to the trainer
        self.step_view.setAccessibleName(tr("Stap"))
        self.step_view.anchorClicked.connect(lambda url: self.show_card(url.toString().split(":", 1)[1]))

        self.actions_box = QWidget()
        self.actions_layout = QVBoxLayout(self.actions_box)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(tr("Notities bij deze stap (blijven op deze computer)"))
        self.notes_edit.setAccessibleName(tr("Notities bij deze stap"))
        self.notes_edit.setMinimumHeight(120)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_note)
        self.notes_edit.textChanged.connect(self._save_timer.start)
        self.notes_edit.installEventFilter(self)

        nav = QHBoxLayout()
        self.prev_button = QPushButton(tr("◀ Vorige stap"))
        self.prev_button.setAccessibleName(tr("Vorige stap"))
        self.prev_button.clicked.connect(self.previous_step)
        self.reveal_button = QPushButton(tr("Volgende stem (spatie)"))
        self.reveal_button.setAccessibleName(tr("Volgende stem tonen"))
        self.reveal_button.clicked.connect(self.reveal_next)
        self.next_button = QPushButton(tr("Volgende stap ▶"))
        self.next_button.setAccessibleName(tr("Volgende stap"))
        self.next_button.clicked.connect(self.next_step)
        self.export_md_button = QPushButton(tr("Notities (Markdown)"))
        self.export_md_button.setAccessibleName(tr("Notities exporteren als Markdown"))
        self.export_md_button.clicked.connect(self._ask_markdown)
        self.export_pdf_button = QPushButton(tr("PDF met notities"))
        self.export_pdf_button.setAccessibleName(tr("Scenario met notities exporteren als PDF"))
        self.export_pdf_button.clicked.connect(
            lambda: export.ask_pdf_path(self, export.safe_filename(card.title) + ".pdf", self.export_pdf))
        self.handout_button = QPushButton(tr("Hand-out (PDF)"))
        self.handout_button.setAccessibleName(tr("Hand-out zonder notities exporteren als PDF"))
        self.handout_button.clicked.connect(lambda: export.ask_pdf_path(
            self, export.safe_filename(card.title) + "-hand-out.pdf", self.export_handout_pdf))
        # One button, two documents: the trainer's copy with notes, or the handout for the group.
        self.print_button = QPushButton(tr("Afdrukken"))
        self.print_button.setAccessibleName(tr("Scenario afdrukken"))
        print_menu = QMenu(self.print_button)
        self.print_notes_action = print_menu.addAction(tr("Met notities"), lambda: self.print_scenario(False))
        self.print_handout_action = print_menu.addAction(tr("Hand-out, zonder notities"),
                                                         lambda: self.print_scenario(True))
        self.print_button.setMenu(print_menu)
        self.close_button = QPushButton(tr("Sluiten (Esc)"))
        self.close_button.setAccessibleName(tr("Sluiten"))
        self.close_button.clicked.connect(self.close)
        for button in (self.prev_button, self.reveal_button, self.next_button):
            nav.addWidget(button)
        nav.addStretch(1)
        for button in (self.print_button, self.export_md_button, self.export_pdf_button, self.handout_button,
                       self.close_button):
            nav.addWidget(button)

        # The step text gets the room; decision points, linked cards and notes sit in a column beside it.
        actions_scroll = QScrollArea()
        actions_scroll.setWidgetResizable(True)
        actions_scroll.setWidget(self.actions_box)
        actions_scroll.setAccessibleName(tr("Keuzes en kaarten"))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(actions_scroll, 1)
        side_layout.addWidget(QLabel(tr("Notities")))
        side_layout.addWidget(self.notes_edit)
        step_page = QSplitter(Qt.Horizontal)
        step_page.addWidget(self.step_view)
        step_page.addWidget(side)
        step_page.setStretchFactor(0, 3)
        step_page.setStretchFactor(1, 1)
        step_page.setSizes([1100, 420])

        self.card_view = CardView()
        self.card_view.setFocusPolicy(Qt.NoFocus)
        self.card_view.cardRequested.connect(self.show_card)
        self.card_back = QPushButton(tr("◀ Terug naar de stap (Backspace)"))
        self.card_back.setAccessibleName(tr("Terug naar de stap"))
        self.card_back.clicked.connect(self.back_to_step)
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.card_back)
        card_layout.addWidget(self.card_view, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(step_page)
        self.pages.addWidget(card_page)

        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)
        layout.addLayout(nav)

        shortcuts = ((Qt.Key_Right, self.next_step), (Qt.Key_PageDown, self.next_step),
                     (Qt.Key_Left, self.previous_step), (Qt.Key_PageUp, self.previous_step),
                     (Qt.Key_Space, self.reveal_next), (Qt.Key_Escape, self._escape),
                     (Qt.Key_Backspace, self.back_to_step))
        # Handled in keyPressEvent rather than as QShortcuts: keys then work whether or not the full-screen
        # window is the active one (a projector is often a second screen), and never while typing a note.
        self._keys = dict(shortcuts)
        self._apply_style()
        self.show_step(0)

    # --- steps and voices ----------------------------------------------------------------------------

    def show_step(self, index: int) -> None:
        if not self.steps:
            return
        self.save_note()
        self.step = max(0, min(index, len(self.steps) - 1))
        voices = self.steps[self.step].get("stemmen") or []
        self.revealed = 0 if self.trainer else len(voices)
        self.pages.setCurrentIndex(0)
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(self.notes.get(self.step + 1))
        self.notes_edit.blockSignals(False)
        self._render()
        self._fill_actions()
        self.stepChanged.emit(self.step)

    def _render(self) -> None:
        step = self.steps[self.step]
        n, total = self.step + 1, len(self.steps)
        composite = tr(" · samengestelde casus uit het onderzoek") if self.card.fields.get("samengestelde_casus") else ""
        self.progress_label.setText(f"<b>{esc(self.card.title)}</b> — "
                                    + tr("stap {n} van {t}").replace("{n}", str(n)).replace("{t}", str(total))
                                    + composite)
        self.progress.setValue(n)
        html = f"<h1>{esc(step.get('titel', ''))}</h1>" + step_body_html(step, self.engine, self.revealed)
        if self.step == total - 1 and self.card.fields.get("reflectie") and self.revealed >= len(step.get("stemmen") or []):
            html += ("<h3>" + esc(tr("Om op te reflecteren")) + "</h3><ul>"
                     + "".join(f"<li>{esc(q)}</li>" for q in self.card.fields["reflectie"]) + "</ul>")
        scroll = self.step_view.verticalScrollBar().value()
        self.step_view.setHtml(html)
        self.step_view.verticalScrollBar().setValue(scroll if self.revealed else 0)
        voices = step.get("stemmen") or []
        self.reveal_button.setEnabled(self.revealed < len(voices))
        self.prev_button.setEnabled(self.step > 0)
        self.next_button.setEnabled(self.step < total - 1)

    def _fill_actions(self) -> None:
        while self.actions_layout.count():
            item = self.actions_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        step = self.steps[self.step]
        buttons = [(None, tr("Keuzes"))] if step.get("keuzes") else []
        for choice in step.get("keuzes") or []:
            target = choice.get("naar_stap")
            label = choice.get("tekst", "")
            if target:
                buttons.append((f"➜ {label} (stap {target})", lambda _=False, t=target: self.show_step(t - 1)))
            elif choice.get("kaart"):
                buttons.append((f"➜ {label}", lambda _=False, c=choice["kaart"]: self.show_card(c)))
        if step.get("kaarten"):
            buttons.append((None, tr("Kaarten bij deze stap")))
        for card_id in step.get("kaarten") or []:
            record = self.engine.record(card_id)
            if record:
                buttons.append((record["title"], lambda _=False, c=card_id: self.show_card(c)))
        for label, slot in buttons:
            if slot is None or isinstance(slot, str):
                heading = QLabel(f"<b>{esc(slot if isinstance(slot, str) else label)}</b>")
                self.actions_layout.addWidget(heading)
                continue
            button = WrapButton(label)
            button.clicked.connect(slot)
            self.actions_layout.addWidget(button)
        self.actions_layout.addStretch(1)

    def reveal_next(self) -> None:
        if self.pages.currentIndex() != 0:
            return
        voices = self.steps[self.step].get("stemmen") or []
        if self.revealed < len(voices):
            self.revealed += 1
            self._render()

    def next_step(self) -> None:
        if self.pages.currentIndex() == 0 and self.step < len(self.steps) - 1:
            self.show_step(self.step + 1)

    def previous_step(self) -> None:
        if self.pages.currentIndex() == 0 and self.step > 0:
            self.show_step(self.step - 1)

    # --- linked cards --------------------------------------------------------------------------------

    def show_card(self, card_id: str) -> None:
        record = self.engine.record(card_id)
        card = read_card(record["path"], record.get("pack", "")) if record else None
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

    def eventFilter(self, obj, event):
        # Esc in the notes leaves the notes (so the arrow keys move steps again); it does not close.
        if obj is self.notes_edit and event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Escape:
            event.accept()
            return True
        if obj is self.notes_edit and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.setFocus()
            return True
        return super().eventFilter(obj, event)

    # --- notes and export ----------------------------------------------------------------------------

    def save_note(self) -> None:
        if self.steps and self.notes_edit.toPlainText() != self.notes.get(self.step + 1):
            self.notes.set(self.step + 1, self.notes_edit.toPlainText())

    def export_markdown(self, path: Path) -> Path:
        from ..userdata import atomic_write_text

        self.save_note()
        atomic_write_text(Path(path), scenario_markdown(self.card, self.notes))
        return Path(path)

    def export_pdf(self, path: Path, handout: bool = False) -> Path:
        self.save_note()
        return export.write_pdf(path, export.scenario_job(self.card, self.engine, self.notes, handout=handout))

    def export_handout_pdf(self, path: Path) -> Path:
        return self.export_pdf(path, handout=True)

    def print_scenario(self, handout: bool = False):
        self.save_note()
        return export.open_print_dialog(self, export.scenario_job(self.card, self.engine, self.notes, handout))

    def _ask_markdown(self) -> None:
        export.ask_save_path(self, tr("Notities opslaan als Markdown"),
                             export.safe_filename(self.card.title) + "-notities.md", "Markdown (*.md)", "md",
                             self.export_markdown)

    def _apply_style(self) -> None:
        size = self.text_size
        for view in (self.step_view, self.card_view):
            font = QFont(view.font())
            font.setPointSizeF(size)
            view.setFont(font)
            view.document().setDefaultStyleSheet(
                f"body {{ font-size: {size}pt; }} h1 {{ font-size: {size * 1.5:.1f}pt; }}"
                f"h3 {{ font-size: {size * 1.1:.1f}pt; }} .verbinden td {{ background-color: #e3f0ff; color: #0b2e59; }}"
                f".letop td {{ background-color: #fff3cd; color: #5c4400; }}")

    def keyPressEvent(self, event):
        slot = self._keys.get(event.key()) if not event.modifiers() & ~Qt.KeypadModifier else None
        if slot is not None:
            slot()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event):
        self._save_timer.stop()
        self.save_note()
        super().closeEvent(event)
