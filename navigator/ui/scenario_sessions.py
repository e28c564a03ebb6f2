"""The scenario window's training sessions: notes per step kept in the session, starting a new session,
continuing or removing an earlier one, exporting one as Markdown or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..sessions import Session
from . import export
from .i18n import tr
from .render import esc, value_labels
from .scenario_export import scenario_markdown

if TYPE_CHECKING:  # typed as the window it is mixed into
    from PySide6.QtWidgets import QWidget as _Window
else:
    _Window = object


class SessionActions(_Window):
    """Mixed into ScenarioWindow: uses its card, engine, sessions, session, notes_edit, panel and show_step."""

    def _keep_session(self) -> None:
        # A session is written once it holds something worth keeping, so browsing leaves no empty sessions.
        if self.session.notes or self.session.revealed or self.sessions.get(self.session.id) is not None:
            self.sessions.save(self.session)

    def save_note(self) -> None:
        if self.steps and self.notes_edit.toPlainText() != self.session.get(self.step + 1):
            self.session.set_note(self.step + 1, self.notes_edit.toPlainText())
            self._keep_session()

    def _show_session_label(self) -> None:
        self.panel.session_label.setText("<b>" + esc(tr("Sessie")) + ":</b> " + esc(self.session.label()))

    def start_session(self, day=None, group: str = "") -> Session:
        """'Nieuwe sessie': no notes, all voices hidden, back to the first step."""
        self._switch_session(self.sessions.new(group, day))
        self.panel.clock.restart()
        return self.session

    def continue_session(self, session_id: str) -> None:
        session = self.sessions.get(session_id)
        if session is not None:
            self._switch_session(session)

    def _switch_session(self, session: Session) -> None:
        self._save_timer.stop()
        self.save_note()  # into the session being left, before the notes field shows the other one
        self.notes_edit.blockSignals(True)
        self.notes_edit.clear()
        self.notes_edit.blockSignals(False)
        self.session = session
        self._show_session_label()
        self.show_step(session.position)

    def ask_new_session(self) -> None:
        from .sessionsdialog import NewSessionDialog

        dialog = NewSessionDialog(self)
        dialog.chosen.connect(lambda day, group: self.start_session(day, group))
        dialog.open()
        self._new_session_dialog = dialog

    def show_sessions(self) -> None:
        from .sessionsdialog import SessionsDialog

        self.save_note()
        dialog = SessionsDialog(self.sessions, self.session.id, self)
        dialog.continueRequested.connect(self.continue_session)
        dialog.exportMarkdownRequested.connect(lambda sid: self._ask_markdown(self.sessions.get(sid)))
        dialog.exportPdfRequested.connect(
            lambda sid: export.ask_pdf_path(
                self,
                export.safe_filename(self.card.title) + ".pdf",
                lambda path: self.export_pdf(path, self.sessions.get(sid)),
            )
        )
        dialog.removed.connect(self._session_removed)
        dialog.show()
        self.sessions_dialog = dialog

    def _session_removed(self, session_id: str) -> None:
        if session_id == self.session.id:  # the open session was removed: carry on in a fresh, empty one
            self.notes_edit.blockSignals(True)
            self.notes_edit.clear()  # its notes are gone: not to be saved into the next session
            self.notes_edit.blockSignals(False)
            self._switch_session(self.sessions.new(save=False))

    def export_markdown(self, path: Path, session: Session | None = None) -> Path:
        from ..userdata import atomic_write_text

        self.save_note()
        atomic_write_text(
            Path(path),
            scenario_markdown(self.card, session or self.session, value_labels(self.engine.taxonomy, "domein")),
        )
        return Path(path)

    def export_pdf(self, path: Path, session: Session | None = None, handout: bool = False) -> Path:
        self.save_note()
        return export.write_pdf(path, export.scenario_job(self.card, self.engine, session or self.session, handout))

    def export_handout_pdf(self, path: Path) -> Path:
        return self.export_pdf(path, handout=True)

    def print_scenario(self, handout: bool = False):
        self.save_note()
        return export.open_print_dialog(self, export.scenario_job(self.card, self.engine, self.session, handout))

    def _ask_markdown(self, session: Session | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, tr("Notities opslaan als Markdown"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("Markdown (*.md)")
        dialog.setDefaultSuffix("md")
        dialog.selectFile(export.safe_filename(self.card.title) + "-notities.md")
        dialog.fileSelected.connect(lambda chosen: self.export_markdown(Path(chosen), session))
        dialog.open()
        self._md_dialog = dialog
