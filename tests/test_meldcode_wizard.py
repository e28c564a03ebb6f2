"""The Meldcode-wijzer in the app: every branch walked to its end, nothing written, the verslag and checklist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl

from navigator.content.wijzer import Walk
from navigator.ui.meldcode_wizard import MeldcodeWizard

TIMEOUT = 5000
WIJZER = CONTENT / "kennis" / "basis" / "meldcode-wijzer.yaml"
# Generated from the YAML: a new branch in the wijzer is a new test here, without touching this file.
WALK = Walk(yaml.safe_load(WIJZER.read_text(encoding="utf-8")))
PATHS = WALK.paths()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def window(qtbot, real_engine, user_folder):
    from navigator.ui.mainwindow import MainWindow

    win = MainWindow(real_engine, None, user_folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    wizard = getattr(win, "wizard_window", None)
    if wizard is not None:
        wizard._discarding = True
        wizard.close()
    win.close()


def open_wizard(qtbot, window) -> MeldcodeWizard:
    window.wizard_action.trigger()  # Ctrl+M
    wizard = window.wizard_window
    qtbot.waitExposed(wizard)
    return wizard


def walk(qtbot, wizard: MeldcodeWizard, path: list[tuple[str, int]], keyboard: str = "digits") -> None:
    for node_id, answer in path:
        assert wizard.current == node_id
        # The question is on screen with its step in the step bar.
        assert WALK.nodes[node_id]["vraag"] in wizard.question_view.toPlainText()
        step = WALK.step_index(node_id)
        assert wizard.step_bar.labels[step][0].text().startswith("▶")
        if keyboard == "digits":
            qtbot.keyClick(wizard, Qt.Key.Key_1 + answer)
        else:  # arrows to the answer, then Enter
            for _ in range(answer):
                qtbot.keyClick(wizard, Qt.Key.Key_Down)
            focused = [b for b in wizard.answer_buttons if b.hasFocus()]
            assert focused == [wizard.answer_buttons[answer]]
            qtbot.keyClick(focused[0], Qt.Key.Key_Return)


@pytest.mark.parametrize("path", PATHS, ids=[f"{n:02d}-{WALK.target(*p[-1])}" for n, p in enumerate(PATHS)])
def test_every_branch_walks_to_its_end(qtbot, real_engine, path):

    card = real_engine.load_card("meldcode-wijzer")
    wizard = MeldcodeWizard(card, real_engine)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=TIMEOUT)
    walk(qtbot, wizard, path, "arrows" if len(path) % 2 else "digits")
    end = WALK.ends[WALK.target(*path[-1])]
    assert wizard.at_end() and wizard.current == end["id"]
    assert end["titel"] in wizard.question_view.toPlainText()
    assert wizard.print_button.isEnabled() and wizard.pdf_button.isEnabled()
    assert wizard.vt_hint.isVisible() == bool(end.get("veilig_thuis"))
    # Back through the whole path and forward again: the same answers, the same end.
    for _ in path:
        qtbot.keyClick(wizard, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert wizard.current == WALK.start and not wizard.back_button.isEnabled()
    for _ in path:
        wizard.forward_button.click()
    assert wizard.current == end["id"]
    html = wizard.verslag()
    for node_id, answer in path:
        assert WALK.nodes[node_id]["antwoorden"][answer]["tekst"] in html


def test_the_veilig_thuis_hint_shows_where_the_code_says_to_consult(qtbot, window):
    wizard = open_wizard(qtbot, window)
    seen = {}
    for node_id, answer in PATHS[len(PATHS) // 2]:
        step = WALK.steps[WALK.step_index(node_id)]
        seen[step["id"]] = wizard.vt_hint.isVisible()
        assert wizard.vt_hint.isVisible() == bool(step.get("veilig_thuis"))
        wizard.choose(answer)
    assert "0800-2000" in wizard.vt_hint.text()
    assert seen["overleg"] and seen["wegen"]


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    listing = {}
    for folder in folders:
        for path in Path(folder).rglob("*") if Path(folder).exists() else ():
            stat = path.stat()
            listing[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return listing


def test_a_walk_writes_nothing_and_closing_discards_it(qtbot, window, user_folder):
    folders = [Path(os.environ[v]) for v in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")] + [user_folder]
    before = snapshot(*folders)
    recent_before = list(window.user.recent)
    wizard = open_wizard(qtbot, window)
    qtbot.keyClicks(wizard.reason_edit, "Signalen gezien bij overdracht, zonder namen")
    path = next(p for p in PATHS if WALK.target(*p[-1]) == "hulp")
    for node_id, answer in path:
        wizard.choose(answer)
        if node_id == "afweging-3":
            qtbot.keyClicks(wizard.reason_edit, "Hulp is passend volgens overleg")
    # A card beside the step opens in the main window; the walk stays where it was.
    position = wizard.current
    wizard.card_buttons[0].click()
    qtbot.waitUntil(lambda: window.current_card is not None, timeout=TIMEOUT)
    assert wizard.isVisible() and wizard.current == position
    assert window.user.recent == recent_before  # not even the card shows up in 'recent'
    assert snapshot(*folders) == before
    # Closing asks first (non-blocking), because something was typed and not printed or saved.
    wizard.close()
    qtbot.waitUntil(lambda: wizard.close_box.isVisible(), timeout=TIMEOUT)
    assert wizard.isVisible()
    next(b for b in wizard.close_box.buttons() if b is not wizard.discard_button).click()
    assert wizard.isVisible() and wizard.reasoning  # "Terug naar de wijzer" keeps the walk
    wizard.close()
    qtbot.waitUntil(lambda: wizard.close_box.isVisible(), timeout=TIMEOUT)
    wizard.discard_button.click()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=TIMEOUT)
    assert wizard.reasoning == {} and wizard.answers == {}
    assert snapshot(*folders) == before


def test_the_verslag_pdf_has_the_path_the_reasoning_the_date_and_the_version(qtbot, window, tmp_path):
    import datetime

    wizard = open_wizard(qtbot, window)
    path = next(p for p in PATHS if WALK.target(*p[-1]) == "melden-hulp" and len(p) >= 7)
    for node_id, answer in path:
        if node_id == "afweging-1":
            qtbot.keyClicks(wizard.reason_edit, "Vermoeden blijft na gesprek")
        wizard.choose(answer)
    text = " ".join(pdf_text(wizard.save_pdf(tmp_path / "verslag.pdf")).split())
    assert "Afwegingsverslag Meldcode" in text
    assert datetime.date.today().isoformat() in text and "versie 1.0" in text
    assert "Vermoeden blijft na gesprek" in text
    for node_id, answer in path:
        assert " ".join(WALK.nodes[node_id]["vraag"].split())[:40] in text
        assert WALK.nodes[node_id]["antwoorden"][answer]["tekst"][:30] in text
    assert WALK.ends["melden-hulp"]["titel"] in text and "Bronnen" in text and "Kenniskaart" in text
    assert not wizard.has_unsaved_text()


def test_entry_points_start_screen_card_link_and_card_button(qtbot, window):
    # From the start screen.
    buttons = [b for b in window.start_page.findChildren(type(window.problems_button)) if "Meldcode-wijzer" in b.text()]
    assert buttons
    buttons[0].click()
    qtbot.waitUntil(
        lambda: getattr(window, "wizard_window", None) is not None and window.wizard_window.isVisible(), timeout=TIMEOUT
    )
    window.wizard_window.close()
    # From the Meldcode cards: the card view has a start link that opens the wijzer.
    for card_id in ("meldcode", "meldcode-afwegingen", "kindcheck", "meldcode-wijzer"):
        assert window.open_card(card_id)
        assert "wijzer:meldcode-wijzer" in window.card_view.toHtml(), card_id
    window.card_view.anchorClicked.emit(QUrl("wijzer:meldcode-wijzer"))
    qtbot.waitUntil(lambda: window.wizard_window.isVisible(), timeout=TIMEOUT)


def test_blank_checklist_from_the_cli_and_the_print_of_the_card(qtbot, window, tmp_path):
    window.open_card("meldcode-wijzer")
    printed = window._card_job().html
    for node in WALK.nodes.values():
        assert node["vraag"].replace('"', "&quot;")[:30] in printed or node["vraag"][:30] in printed
    out = tmp_path / "checklist.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "navigator", "export", "meldcode-wijzer", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(out).split())
    assert "checklist" in text
    for index, step in enumerate(WALK.steps, 1):
        assert f"Stap {index}: {step['titel']}" in text
    for node in WALK.nodes.values():
        assert " ".join(node["vraag"].split())[:40] in text
        for answer in node["antwoorden"]:
            assert answer["tekst"][:25] in text
    assert "0800-2000" in text
