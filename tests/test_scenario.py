"""Trainer mode driven by the keyboard alone: steps, voices one by one, a linked card and back, notes, export."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt

from navigator.ui.mainwindow import MainWindow
from navigator.ui.scenario import ScenarioWindow

TIMEOUT = 5000


def open_trainer(qtbot, main_window) -> ScenarioWindow:
    main_window.open_card("leo-en-nora")
    assert main_window.trainer_action.isVisible()
    main_window.trainer_action.trigger()  # F5
    trainer = main_window.scenario_window
    qtbot.addWidget(trainer)
    qtbot.waitExposed(trainer)
    trainer.activateWindow()  # as the window manager does for a new full-screen window
    return trainer


def test_walk_the_scenario_in_trainer_mode_with_the_keyboard(qtbot, main_window):
    trainer = open_trainer(qtbot, main_window)
    assert trainer.isFullScreen()
    assert trainer.text_size >= 20 and trainer.step_view.widget().font().pointSizeF() >= 20
    text = trainer.step_text()
    assert "Is het veilig genoeg?" in text
    assert "We moeten nu ingrijpen" not in text  # voices stay hidden until revealed
    qtbot.keyClick(trainer, Qt.Key.Key_Space)
    text = trainer.step_text()
    assert "We moeten nu ingrijpen" in text and "eerst met het gezin praten" not in text
    qtbot.keyClick(trainer, Qt.Key.Key_Space)
    assert "eerst met het gezin praten" in trainer.step_text()
    assert "Van botsen naar verbinden" in trainer.step_text()  # advice after all voices
    qtbot.keyClick(trainer, Qt.Key.Key_Right)
    assert trainer.step == 1 and "Wat is er aan de hand?" in trainer.step_text()
    assert "stap 2 van 2" in trainer.progress_label.text()
    assert "Wat neem je mee?" in trainer.step_text()  # closing reflection on the last step
    qtbot.keyClick(trainer, Qt.Key.Key_Right)
    assert trainer.step == 1  # stays on the last step
    qtbot.keyClick(trainer, Qt.Key.Key_Left)
    assert trainer.step == 0
    qtbot.keyClick(trainer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not trainer.isVisible(), timeout=TIMEOUT)


def test_follow_a_linked_card_and_return_to_the_same_step(qtbot, main_window):
    trainer = open_trainer(qtbot, main_window)
    qtbot.keyClick(trainer, Qt.Key.Key_Right)
    buttons = [b for b in trainer.panel.buttons() if "Intieme terreur" in b.accessibleName()]
    assert buttons
    buttons[0].click()
    assert trainer.pages.currentIndex() == 1 and "Intieme terreur" in trainer.card_view.toPlainText()
    qtbot.keyClick(trainer, Qt.Key.Key_Right)  # arrows do nothing while a card is open
    qtbot.keyClick(trainer, Qt.Key.Key_Backspace)
    assert trainer.pages.currentIndex() == 0 and trainer.step == 1
    trainer.close()


def test_decision_point_leads_to_a_step(qtbot, main_window):
    trainer = open_trainer(qtbot, main_window)
    choice = [b for b in trainer.panel.buttons() if b.text().startswith("➜") and "stap 2" in b.text()]
    choice[0].click()
    assert trainer.step == 1
    trainer.close()


def test_note_survives_a_restart_and_is_exported(qtbot, main_window, mini_engine, user_folder, tmp_path):
    trainer = open_trainer(qtbot, main_window)
    qtbot.keyClick(trainer, Qt.Key.Key_Right)
    qtbot.keyClick(trainer, Qt.Key.Key_N)  # one screen: the notes are hidden from the room until asked for
    assert trainer.notes_edit.isVisible()
    trainer.notes_edit.setFocus()
    qtbot.keyClicks(trainer.notes_edit, "Politie en wijkteam willen een gezamenlijk plan")
    trainer.close()

    again = MainWindow(mini_engine, None, user_folder)
    qtbot.addWidget(again)
    again.open_card("leo-en-nora")
    explorer = again.open_scenario(trainer=False)
    qtbot.addWidget(explorer)
    explorer.show_step(1)
    assert explorer.notes_edit.toPlainText() == "Politie en wijkteam willen een gezamenlijk plan"
    markdown = explorer.export_markdown(tmp_path / "notities.md").read_text(encoding="utf-8")
    assert "## Stap 2: Wat is er aan de hand?" in markdown
    assert "Politie en wijkteam willen een gezamenlijk plan" in markdown

    from pypdf import PdfReader

    pdf = explorer.export_pdf(tmp_path / "scenario.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    assert "Leo en Nora" in text and "Politie en wijkteam willen een gezamenlijk plan" in text
    explorer.close()

    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NAVIGATOR_CONTENT=str(mini_engine.records[0]["path"]).rsplit("/", 1)[0],
        XDG_DATA_HOME=str(user_folder.parent / "xdg"),
    )
    cli_out = tmp_path / "cli.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "navigator", "export", "leo-en-nora", "--out", str(cli_out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    cli_text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(cli_out)).pages).split())
    assert "Is het veilig genoeg?" in cli_text


def test_explorer_shows_all_voices_at_once(qtbot, main_window):
    main_window.open_card("leo-en-nora")
    explorer = main_window.open_scenario(trainer=False)
    qtbot.addWidget(explorer)
    assert not explorer.isFullScreen()
    assert "eerst met het gezin praten" in explorer.step_text()
    explorer.close()


def test_escape_in_the_notes_leaves_the_notes_not_the_session(qtbot, main_window):
    trainer = open_trainer(qtbot, main_window)
    qtbot.keyClick(trainer, Qt.Key.Key_N)
    trainer.notes_edit.setFocus()
    qtbot.keyClicks(trainer.notes_edit, "eerste gedachte")
    qtbot.keyClick(trainer.notes_edit, Qt.Key.Key_Escape)
    assert trainer.isVisible()
    qtbot.keyClick(trainer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not trainer.isVisible(), timeout=TIMEOUT)
