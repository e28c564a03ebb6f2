"""Trainer mode in a room: nothing clipped, the revealed voice in view, zoom, side panel, black screen, clicker
keys, high contrast, the presenter view on two screens, sessions, and starting straight in from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from navigator.sessions import RoomSettings, SessionStore
from navigator.ui.presenter import ScreenPlace, clock_text
from navigator.ui.scenario import ScenarioWindow
from navigator.ui.wrapping import WrapButton, text_height

TIMEOUT = 5000
LAPTOP = QRect(0, 0, 1366, 768)
WALL = QRect(1366, 0, 1920, 1080)


def scenario_card(engine, card_id="leo-en-nora"):
    return engine.load_card(card_id)


def open_window(qtbot, engine, folder, trainer=True, size=(1366, 768), card_id="leo-en-nora") -> ScenarioWindow:
    window = ScenarioWindow(scenario_card(engine, card_id), engine, folder, trainer=trainer)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- clipping ------------------------------------------------------------------------------------------


def _label_text_height(label: QLabel, width: int) -> int:
    """Height the label's text needs at `width`, measured independently of the label (as QLabel lays it out)."""
    if label.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(label.text()):
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(label.font())
        doc.setHtml(label.text())
        doc.setTextWidth(width)
        return int(doc.size().height())
    return text_height(label.font(), label.text(), width)


def clipped_widgets(root: QWidget) -> list[str]:
    """Every visible button and label of `root` whose text does not fit the space it was given."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isVisible():
            continue
        if isinstance(widget, WrapButton):
            rect = widget.text_rect()
            need = text_height(widget.font(), widget.text(), rect.width())
            if need > rect.height() or widget.heightForWidth(widget.width()) < need:
                problems.append(f"button {widget.text()!r}: needs {need}px, has {rect.height()}px")
        elif isinstance(widget, QLabel) and widget.text():
            rect = widget.contentsRect()
            if widget.wordWrap():
                need = _label_text_height(widget, rect.width())
                if need > rect.height() + 1:
                    problems.append(f"label {widget.text()[:50]!r}: needs {need}px, has {rect.height()}px")
            elif widget.sizeHint().width() > widget.width() or widget.sizeHint().height() > widget.height():
                problems.append(f"label {widget.text()[:50]!r}: {widget.size()} < {widget.sizeHint()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() or hint.height() > widget.height():
                problems.append(f"button {widget.text()!r}: {widget.size()} < {hint}")
    return problems


def settle(qtbot):
    qtbot.wait(30)  # let layouts that were invalidated run
    QApplication.processEvents()


def test_the_clip_check_catches_a_clipped_button(qtbot):
    """The check below can fail: a one-line QPushButton squeezed into a narrow column is caught."""
    column = QWidget()
    layout = QVBoxLayout(column)
    squeezed = QPushButton("Verder naar de volgende vraag, en dan nog een hele tijd door")
    squeezed.setMinimumWidth(10)
    squeezed.setFixedHeight(12)
    layout.addWidget(squeezed)
    narrow_label = QLabel("<b>Een kop die niet past</b>")
    narrow_label.setWordWrap(True)
    narrow_label.setFixedSize(60, 10)
    layout.addWidget(narrow_label)
    qtbot.addWidget(column)
    column.resize(120, 200)
    column.show()
    qtbot.waitExposed(column)
    assert len(clipped_widgets(column)) == 2


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (900, 640)])
@pytest.mark.parametrize("trainer", [True, False])
def test_nothing_clips_at_any_size_or_zoom(qtbot, real_engine, user_folder, size, trainer):
    window = open_window(qtbot, real_engine, user_folder, trainer=trainer, size=size)
    if trainer:
        window.toggle_panel()  # the side panel shown, with its large type
    for zoom_steps in (0, 3, -2):
        window.reset_zoom()
        for _ in range(abs(zoom_steps)):
            window.zoom(1 if zoom_steps > 0 else -1)
        for step in range(len(window.steps)):
            window.show_step(step)
            while window.revealed < len(window.steps[step].get("stemmen") or []):
                window.reveal_next()
            settle(qtbot)
            assert clipped_widgets(window) == [], (size, zoom_steps, step)
    window.close()


def test_each_wrap_button_height_fits_its_text_at_its_width(qtbot):
    text = "➜ Bespreek met de jeugdbeschermer of een gezamenlijk veiligheidsplan mogelijk is (stap 3)"
    button = WrapButton(text)
    for width in (120, 200, 400, 900):
        need = text_height(button.font(), text, width - 2 * button.padding()[0])
        assert button.heightForWidth(width) >= need
    assert button.minimumSizeHint().width() < 300  # may wrap rather than forcing the column wide
    qtbot.addWidget(button)


# --- the room's screen ---------------------------------------------------------------------------------


def test_reveal_scrolls_the_new_voice_into_view(qtbot, real_engine, user_folder):
    window = open_window(qtbot, real_engine, user_folder, size=(1000, 520))
    window.set_text_size(30)
    view = window.step_view
    voices = window.steps[0]["stemmen"]
    assert len(voices) >= 3
    for n in range(len(voices)):
        qtbot.keyClick(window, Qt.Key.Key_Space)
        newest = view.voice_cards[-1]
        assert len(view.voice_cards) == n + 1

        def in_view(newest=newest):
            top_left = newest.mapTo(view.viewport(), QPoint(0, 0))
            shown = QRect(top_left, newest.size())
            return view.viewport().rect().contains(shown) or (
                newest.height() > view.viewport().height() and shown.top() <= 10
            )

        qtbot.waitUntil(in_view, timeout=TIMEOUT)
    assert view.verticalScrollBar().value() > 0  # it had to scroll: the test is not trivially true


def test_zoom_follows_ctrl_plus_minus_zero_and_is_remembered(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder)
    start = window.text_size
    title_size = lambda: window.step_view.widget().findChildren(QLabel)[0].font().pointSizeF()  # noqa: E731
    before = title_size()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == start + 4 and title_size() > before
    assert window.size_box.value() == round(start + 4)
    assert RoomSettings(user_folder).text_size() == start + 4
    window.close()
    again = open_window(qtbot, mini_engine, user_folder)
    assert again.text_size == start + 4  # the size setting is kept for the next session
    qtbot.keyClick(again, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert again.text_size == start + 2
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.text_size == start and RoomSettings(user_folder).text_size() is None
    again.size_box.setValue(40)  # the size setting in the window
    assert again.text_size == 40


def test_side_panel_hides_and_shows_with_one_key_and_is_large(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder, size=(1920, 1080))
    assert not window.panel.isVisible() and not window.notes_edit.isVisible()  # one screen: not for the room
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.panel.isVisible() and window.notes_edit.isVisible()
    assert window.panel.width() >= 0.35 * window.width()
    assert window.panel.font().pointSizeF() >= 14 and window.panel.buttons()[0].font().pointSizeF() >= 14
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert not window.panel.isVisible()


def test_b_blacks_the_screen_and_any_key_brings_it_back(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.blackout.isVisible() and window.blackout.geometry() == window.rect()
    qtbot.keyClick(window, Qt.Key.Key_Right)  # brings the picture back without moving on
    assert not window.blackout.isVisible() and window.step == 0
    qtbot.keyClick(window, Qt.Key.Key_Period)  # what some clickers send for "black"
    assert window.blackout.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # leaves the black screen, does not end the session
    assert not window.blackout.isVisible() and window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_B)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not window.blackout.isVisible()


def test_clicker_keys(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # a clicker's next: first the voices ...
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.step == 0 and window.revealed == 2
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # ... then the next step
    assert window.step == 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.step == 0 and window.revealed == 2
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert window.step == 1
    qtbot.keyClick(window, Qt.Key.Key_Up)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.step == 1
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.step == 0
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)


def test_clicker_space_works_after_a_button_was_clicked(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder)
    qtbot.mouseClick(window.panel_button, Qt.MouseButton.LeftButton)  # buttons never take the clicker's keys
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Space)
    assert window.revealed == 1


def test_high_contrast_look(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder)
    assert window.palette().color(QPalette.ColorRole.Window).lightness() > 100
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert window.palette().color(QPalette.ColorRole.Window).lightness() == 0
    assert window.step_view.widget().palette().color(QPalette.ColorRole.WindowText).lightness() == 255
    assert window.contrast_box.isChecked() and RoomSettings(user_folder).high_contrast()
    window.contrast_box.setChecked(False)
    assert window.palette().color(QPalette.ColorRole.Window).lightness() > 100


# --- presenter view ------------------------------------------------------------------------------------


def test_presenter_view_on_two_screens(qtbot, mini_engine, user_folder):
    window = ScenarioWindow(scenario_card(mini_engine), mini_engine, user_folder, trainer=True)
    qtbot.addWidget(window)
    window.show_for_room([ScreenPlace(LAPTOP, name="laptop"), ScreenPlace(WALL, name="beamer")])
    wall = window.projector
    assert wall is not None
    qtbot.addWidget(wall)
    qtbot.waitExposed(wall)
    assert wall.geometry() == WALL and window.geometry() == LAPTOP
    # The wall: the step and the voices shown, nothing of the trainer's.
    assert not wall.findChildren(QPlainTextEdit) and not wall.findChildren(QAbstractButton)
    assert "Is het veilig genoeg?" in wall.step_view.plain_text()
    assert "We moeten nu ingrijpen" not in wall.step_view.plain_text()
    assert "spatie" not in wall.step_view.plain_text()
    # The laptop: the same plus the next voice, the choices, the cards, the notes, a clock, the steps.
    assert window.panel.isVisible() and window.notes_edit.isVisible()
    panel_text = " ".join(label.text() for label in window.panel.findChildren(QLabel))
    assert "Volgende stem" in panel_text and "We moeten nu ingrijpen" in panel_text
    buttons = [b.text() for b in window.panel.buttons() if b.isVisible()]
    assert any("Verder naar de volgende vraag" in b for b in buttons)  # choice
    assert any("huisverbod" in b.lower() for b in buttons)  # card of this step
    assert "2. Wat is er aan de hand?" in buttons  # the steps to jump to
    assert window.panel.clock.isVisible() and "bezig 0:00:0" in window.panel.clock.text()
    # A clicker may talk to the projector's window: its keys drive the session.
    qtbot.keyClick(wall, Qt.Key.Key_Space)
    assert "We moeten nu ingrijpen" in wall.step_view.plain_text()
    assert "We moeten nu ingrijpen" in window.step_text()
    assert "eerst met het gezin praten" in " ".join(label.text() for label in window.panel.findChildren(QLabel))
    qtbot.keyClick(wall, Qt.Key.Key_B)  # only the wall goes black; the trainer still sees the step
    assert wall.blackout.isVisible() and not window.blackout.isVisible()
    assert "zwart" in window.progress_label.text()
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not wall.blackout.isVisible()
    next(b for b in window.panel.buttons() if b.text() == "2. Wat is er aan de hand?").click()
    assert window.step == 1 and "Wat is er aan de hand?" in wall.step_view.plain_text()
    window.close()
    assert not wall.isVisible()


def test_one_screen_hides_notes_and_choices_until_asked(qtbot, mini_engine, user_folder):
    window = ScenarioWindow(scenario_card(mini_engine), mini_engine, user_folder, trainer=True)
    qtbot.addWidget(window)
    window.show_for_room([ScreenPlace(LAPTOP)])
    qtbot.waitExposed(window)
    assert window.projector is None and not window.panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.notes_edit.isVisible() and any(b.text().startswith("➜") for b in window.panel.buttons())


def test_the_system_screens_are_used_when_none_are_given(qtbot, mini_engine, user_folder):
    window = ScenarioWindow(scenario_card(mini_engine), mini_engine, user_folder, trainer=True)
    qtbot.addWidget(window)
    window.show_for_room()  # offscreen has one screen
    qtbot.waitExposed(window)
    assert window.isFullScreen() and window.projector is None


def test_stand_in_screens_from_the_environment(qtbot, mini_engine, user_folder, monkeypatch):
    from navigator.ui.presenter import parse_screens

    assert [p.geometry for p in parse_screens("1366x768+0+0, 1920x1080+1366+0,onzin")] == [LAPTOP, WALL]
    monkeypatch.setenv("NAVIGATOR_SCREENS", "1366x768+0+0,1920x1080+1366+0")
    window = ScenarioWindow(scenario_card(mini_engine), mini_engine, user_folder, trainer=True)
    qtbot.addWidget(window)
    window.show_for_room()
    assert window.projector is not None and window.projector.geometry() == WALL
    window.close()


def test_clock_text():
    import datetime as dt

    assert clock_text(dt.datetime(2026, 3, 12, 9, 5), 3725) == "09:05 · bezig 1:02:05"


# --- sessions ------------------------------------------------------------------------------------------


def test_revealed_voices_and_position_survive_within_a_session(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.revealed == 1 and "We moeten nu ingrijpen" in window.step_text()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    window.close()
    again = open_window(qtbot, mini_engine, user_folder)
    assert again.step == 1  # the same session resumes where the group was
    qtbot.keyClick(again, Qt.Key.Key_Left)
    assert again.revealed == 1


def test_new_session_starts_empty_and_earlier_ones_are_listed_exported_and_removed(
    qtbot, mini_engine, user_folder, tmp_path
):
    from pypdf import PdfReader

    from navigator.ui.sessionsdialog import NewSessionDialog, SessionsDialog

    window = open_window(qtbot, mini_engine, user_folder)
    qtbot.keyClick(window, Qt.Key.Key_N)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    window.notes_edit.setPlainText("Groep A koos voor een huisverbod")
    first = window.session
    window.panel.new_session_button.click()
    dialog = window.findChild(NewSessionDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.group_edit.setText("Groep B")
    dialog.accept()
    assert window.session.id != first.id and window.session.group == "Groep B"
    assert window.notes_edit.toPlainText() == "" and window.revealed == 0 and window.step == 0

    window.panel.sessions_button.click()
    listing = window.findChild(SessionsDialog)
    assert listing.list.count() == 2 and "Groep B" in listing.list.item(0).text()
    listing.select(first.id)
    exported: dict = {}
    listing.exportMarkdownRequested.connect(
        lambda sid: exported.update(md=window.export_markdown(tmp_path / "a.md", window.sessions.get(sid)))
    )
    listing.markdown_button.click()
    markdown = exported["md"].read_text(encoding="utf-8")
    assert "Groep A koos voor een huisverbod" in markdown and "Sessie:" in markdown
    pdf = window.export_pdf(tmp_path / "a.pdf", window.sessions.get(first.id))
    assert "Groep A koos" in " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    listing.remove(first.id)
    assert listing.list.count() == 1 and SessionStore(user_folder, "leo-en-nora").get(first.id) is None
    listing.continue_button.click()
    assert not listing.isVisible()


def test_removing_the_open_session_continues_in_an_empty_one(qtbot, mini_engine, user_folder):
    window = open_window(qtbot, mini_engine, user_folder)
    window.notes_edit.setPlainText("weg ermee")
    window.save_note()
    old = window.session.id
    window.show_sessions()
    window.sessions_dialog.remove(old)
    assert window.session.id != old and window.notes_edit.toPlainText() == ""


# --- starting straight in ------------------------------------------------------------------------------


def test_command_line_parses_open_and_trainer(monkeypatch):
    from navigator import cli
    from navigator.ui import app

    seen: dict = {}
    monkeypatch.setattr(
        app,
        "run",
        lambda packs, open_id=None, trainer=False: seen.update(packs=packs, open_id=open_id, trainer=trainer) or 0,
    )
    assert cli.main(["app", "--open", "leo-en-nora", "--trainer"]) == 0
    assert seen == {"packs": [], "open_id": "leo-en-nora", "trainer": True}
    assert cli.main(["app", "--trainer"]) == 2  # a trainer needs a scenario


def test_open_at_start(qtbot, main_window):
    from navigator.ui.app import open_at_start

    trainer = open_at_start(main_window, "leo-en-nora", trainer=True)
    qtbot.addWidget(trainer)
    qtbot.waitExposed(trainer)
    assert trainer.isFullScreen() and trainer.trainer and "Leo en Nora" in trainer.windowTitle()
    assert not main_window.isVisible()  # only the room's screen; keys go to it
    trainer.close()
    assert main_window.isVisible()
    assert open_at_start(main_window, "stalking") is None and main_window.current_card.id == "stalking"
    assert open_at_start(main_window, "bestaat-niet") is None


STARTER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from navigator import cli

    def watch():
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and "trainermodus" in window.windowTitle():
                print("VENSTER", window.windowTitle(), window.isFullScreen(), flush=True)
                QApplication.quit()

    original_exec = QApplication.exec
    def exec_and_watch(app):
        timer = QTimer()
        timer.timeout.connect(watch)
        timer.start(50)
        QTimer.singleShot(60000, QApplication.quit)
        return original_exec()
    QApplication.exec = exec_and_watch
    sys.exit(cli.main(["app", "--open", "leo-en-nora", "--trainer"]))
""")


def test_command_line_start_opens_the_scenario_full_screen(mini_pack, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NAVIGATOR_CONTENT=str(mini_pack))
    result = subprocess.run(
        [sys.executable, "-c", STARTER],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert "VENSTER Leo en Nora — trainermodus True" in result.stdout, result.stderr
