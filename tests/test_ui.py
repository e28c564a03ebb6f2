"""The desktop app, driven as a user would: type, filter, open, follow, go back, bookmark, compare, export."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from navigator.ui.mainwindow import MainWindow

TIMEOUT = 5000


@pytest.fixture
def window(main_window):
    return main_window


def type_query(qtbot, win, text):
    win.search_field.clear()
    qtbot.keyClicks(win.search_field, text)
    qtbot.waitUntil(lambda: win.last_response is not None and win.last_response.query == text, timeout=TIMEOUT)


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def test_typing_shows_results_as_you_type(qtbot, window):
    type_query(qtbot, window, "stalking")
    assert window.model.hits[0].id == "stalking"
    assert window.middle.currentWidget() is window.results_page
    total = window.last_response.total
    assert f"<b>{total}</b> kaart" in window.summary_label.text() and "kaart(en)" not in window.summary_label.text()


def test_ctrl_k_focuses_the_search_field(qtbot, window):
    window.card_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_field.hasFocus, timeout=TIMEOUT)


def test_ticking_a_facet_changes_list_and_counts(qtbot, window):
    type_query(qtbot, window, "kinderen")
    before = {h.id for h in window.model.hits}
    box = window.facets.boxes[("type", "interventie")]
    assert window.facets.count_labels[("type", "interventie")].text() == "(2)"
    box.setChecked(True)
    qtbot.waitUntil(lambda: {h.id for h in window.model.hits} != before, timeout=TIMEOUT)
    assert {h.type for h in window.model.hits} == {"interventie"}
    assert window.facets.count_labels[("profiel", "complexe-scheiding")].text() == "(1)"
    assert window.chips.isVisible()


def test_empty_result_says_what_to_relax(qtbot, window):
    window.facets.boxes[("type", "organisatie")].setChecked(True)
    type_query(qtbot, window, "kinderen")
    assert window.model.rowCount() == 0
    assert "wis de filters" in window.summary_label.text()


def test_suggestion_is_offered_and_applied(qtbot, window):
    type_query(qtbot, window, "stalkign")
    assert "Bedoelde je" in window.summary_label.text()
    window.summary_label.linkActivated.emit("suggest")
    qtbot.waitUntil(lambda: window.search_field.text() == "stalking", timeout=TIMEOUT)


def test_enter_opens_the_selected_result_and_links_navigate(qtbot, window):
    type_query(qtbot, window, "kinderen uit de knel")
    window.results.setFocus()
    with qtbot.waitSignal(window.cardShown, timeout=TIMEOUT) as shown:
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert shown.args == ["kinderen-uit-de-knel"]
    assert "Kinderen uit de Knel" in window.card_view.toPlainText()
    with qtbot.waitSignal(window.cardShown, timeout=TIMEOUT):
        window.card_view.anchorClicked.emit(QUrl("kaart:parallel-ouderschap"))  # the zie_ook link
    assert window.current_card.id == "parallel-ouderschap"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_card.id == "kinderen-uit-de-knel", timeout=TIMEOUT)
    window.go_forward()
    assert window.current_card.id == "parallel-ouderschap"


def test_card_shows_cautions_chips_and_sources(qtbot, window):
    window.open_card("intieme-terreur")
    html = window.card_view.toHtml()
    text = window.card_view.toPlainText()
    assert "Let op" in text and "gezamenlijke gesprekken" in text
    assert "Kenniskaart (ex-)partnergeweld" in text and "Intiem terrorisme" in text
    assert "filter:geweldstype=intieme-terreur" in html


def test_clicking_a_chip_filters(qtbot, window):
    window.open_card("kinderen-uit-de-knel")
    window.card_view.anchorClicked.emit(QUrl("filter:profiel=complexe-scheiding"))
    qtbot.waitUntil(lambda: window.last_response is not None and window.model.rowCount() == 4, timeout=TIMEOUT)
    assert window.filters() == {"profiel": ["complexe-scheiding"]}


def test_external_links_need_an_explicit_action(qtbot, window):
    window.open_card("oranje-huis-aanpak")
    window.card_view.anchorClicked.emit(QUrl("https://www.movisie.nl/interventie/oranje-huis-aanpak"))
    assert window.link_bar.isVisibleTo(window)
    assert "movisie.nl" in window.link_label.text()


def test_start_page_phase_and_profile_lead_to_filtered_lists(qtbot, window):
    window.start_page.filterRequested.emit("fase", "herstel")
    qtbot.waitUntil(
        lambda: window.model.rowCount() > 0 and window.model.rowCount() < len(window.engine.records), timeout=TIMEOUT
    )
    assert window.filters() == {"fase": ["herstel"]}
    assert all("herstel" in h.facets.get("fase", []) for h in window.model.hits)


def test_bookmark_survives_a_restart(qtbot, window, mini_engine, user_folder):
    window.open_card("stalking")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "stalking" in window.user.bookmarks
    window.close()
    again = MainWindow(mini_engine, None, user_folder)
    qtbot.addWidget(again)
    assert again.user.bookmarks == ["stalking"]
    again._fill_menu(again.bookmarks_menu, again.user.bookmarks)
    assert [a.text() for a in again.bookmarks_menu.actions()] == ["Stalking"]
    again.close()


def test_damaged_bookmarks_file_is_set_aside(qtbot, mini_engine, user_folder):
    user_folder.mkdir(parents=True)
    (user_folder / "bladwijzers.json").write_text("{kapot", encoding="utf-8")
    win = MainWindow(mini_engine, None, user_folder)
    qtbot.addWidget(win)
    assert win.user.bookmarks == []
    assert "opzijgezet" in win.statusBar().currentMessage()
    assert list(user_folder.glob("bladwijzers.beschadigd-*.json"))
    win.close()


def test_compare_two_interventions(qtbot, window, tmp_path):
    for card_id in ("oranje-huis-aanpak", "kinderen-uit-de-knel"):
        window.open_card(card_id)
        window.compare_add_action.trigger()
    assert window.compare_action.isEnabled()
    window.compare_action.trigger()
    compare = window.compare_window
    qtbot.addWidget(compare)
    text = compare.view.toPlainText()
    assert "Oranje Huis-aanpak" in text and "Kinderen uit de Knel" in text
    assert "Doel" in text and "Voor wie" in text and "Erkenning" in text
    out = compare.save_pdf(tmp_path / "vergelijking.pdf")
    assert "Oranje Huis-aanpak" in pdf_text(out)
    compare.close()


def test_export_card_pdf_has_title_and_sources(qtbot, window, tmp_path):
    window.open_card("oranje-huis-aanpak")
    text = pdf_text(window.export_card_pdf(tmp_path / "kaart.pdf"))
    assert "Oranje Huis-aanpak" in text
    assert "Bronnen" in text and "Kenniskaart" in text and "Methodieken en interventies" in text
    assert "afgedrukt op" in text


def test_result_list_pdf(qtbot, window, tmp_path):
    type_query(qtbot, window, "kinderen")
    text = pdf_text(window.export_results_pdf(tmp_path / "lijst.pdf"))
    assert "Zoekresultaten" in text and "Kinderen uit de Knel" in text


def test_every_focusable_widget_has_an_accessible_name(qtbot, window):
    type_query(qtbot, window, "kinderen")
    window.open_card("intieme-terreur")
    missing = []
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            iface = QAccessible.queryAccessibleInterface(widget)
            name = iface.text(QAccessible.Text.Name) if iface else ""
            if not name.strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert missing == []


def test_results_model_passes_the_model_tester(qtbot, qtmodeltester, window):
    type_query(qtbot, window, "kinderen")
    qtmodeltester.check(window.model)


def test_zoom_changes_text_size(qtbot, window):
    before = QApplication.instance().font().pointSizeF()
    window.zoom(1)
    assert QApplication.instance().font().pointSizeF() == before + 1
    window.zoom(-1)


def test_cli_export_writes_the_same_pdf(mini_pack, tmp_path):
    import os

    out = tmp_path / "stalking.pdf"
    env = dict(os.environ, NAVIGATOR_CONTENT=str(mini_pack), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "navigator", "export", "stalking", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Stalking" in text and "Bronnen" in text
    missing = subprocess.run(
        [sys.executable, "-m", "navigator", "export", "bestaat-niet", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 2 and "Geen kaart" in missing.stderr


def test_qt_own_strings_are_dutch(qtbot, window):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


def test_mouse_back_and_forward_buttons_navigate(qtbot, window):
    window.open_card("stalking")
    window.open_card("intieme-terreur")
    qtbot.mouseClick(window.card_view.viewport(), Qt.MouseButton.BackButton)
    assert window.current_card.id == "stalking"
    qtbot.mouseClick(window.card_view.viewport(), Qt.MouseButton.ForwardButton)
    assert window.current_card.id == "intieme-terreur"


def test_recent_cards_are_listed(qtbot, window):
    window.open_card("stalking")
    window.open_card("veilig-thuis")
    window._fill_menu(window.recent_menu, window.user.recent)
    assert [a.text() for a in window.recent_menu.actions()][:2] == ["Veilig Thuis", "Stalking"]


def test_window_paints_before_the_index_is_open_and_keeps_what_was_typed(qtbot, mini_engine, tmp_path):
    win = MainWindow(None, None, tmp_path / "gebruiker")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.middle.currentWidget() is win.loading_page
    qtbot.keyClicks(win.search_field, "stalking")  # typing while the index opens is fine
    win.attach_engine(mini_engine)
    qtbot.waitUntil(lambda: win.model.rowCount() > 0, timeout=TIMEOUT)
    assert win.model.hits[0].id == "stalking"
    win.close()


def test_staged_window_paints_the_toolbar_first_then_builds_the_rest(qtbot, mini_engine, tmp_path):
    """As the app starts: the first frame has only the toolbar with a live search field; the body follows
    straight after it, and an index that opens before the body is there is attached once it is."""
    win = MainWindow(None, None, tmp_path / "gebruiker", staged=True)
    qtbot.addWidget(win)
    assert not win.body_built and not hasattr(win, "results")
    assert not win.bookmark_action.isEnabled() and not win.back_action.isEnabled()
    win.search_field.setText("stalking")  # typed before anything else is there
    win.attach_engine(mini_engine)  # the index opened first: kept until the body exists
    assert win.engine is None
    with qtbot.waitSignal(win.bodyBuilt, timeout=TIMEOUT):
        win.show()
    assert win.engine is mini_engine
    qtbot.waitUntil(lambda: win.model.rowCount() > 0, timeout=TIMEOUT)
    assert win.model.hits[0].id == "stalking" and win.search_field.text() == "stalking"
    win.close()


def test_staged_window_that_is_never_painted_is_completed_anyway(qtbot, tmp_path):
    win = MainWindow(None, None, tmp_path / "gebruiker", staged=True)  # never shown, so never painted
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.firstFrameShown, timeout=TIMEOUT):
        pass
    assert win.body_built


def test_a_long_session_of_qt_calls_does_not_exhaust_none(qtbot, window):
    """PySide6 6.12.0 drops a reference to None on every void call; on Python 3.11 that aborted the app after
    a few thousand calls. Python 3.12+ (required in pyproject.toml) keeps None alive."""
    for n in range(30_000):  # far more than None's reference count on 3.11: this aborted the process there
        window.summary_label.setText(str(n))
    type_query(qtbot, window, "stalking")
    assert window.model.hits[0].id == "stalking"


def test_a_question_no_card_is_about_says_so_and_lists_related_cards(qtbot, window):
    # "gebruikte" only stands in the running text of one card: no card is about it.
    type_query(qtbot, window, "gebruikte")
    assert window.last_response.weak and window.model.rowCount() > 0
    text = window.summary_label.text()
    assert "Geen kaart gaat over “gebruikte”." in text and "Verwante kaarten" in text
    type_query(qtbot, window, "stalking")
    assert "Geen kaart gaat over" not in window.summary_label.text()


def test_a_link_to_a_card_a_pack_replaced_opens_the_replacement(qtbot, mini_pack, tmp_path, user_folder):
    """A regional pack replaces Veilig Thuis under a new id: links, bookmarks and "zie ook" to the old id
    open the regional card (the UI asks the engine for cards by id, and the engine follows `vervangt`)."""
    from conftest import make_extra_pack, organisation_card

    from navigator.search import open_engine

    replacement = organisation_card("veilig-thuis-regio", "Veilig Thuis Regio", "Bel het regionale nummer.")
    extra = make_extra_pack(
        tmp_path / "regio",
        {
            "vt.md": replacement.replace("type: organisatie", "type: organisatie\nvervangt: veilig-thuis"),
            "wijkpunt.md": organisation_card(
                "wijkpunt", "Wijkpunt", "Zie ook [Veilig Thuis](kaart:veilig-thuis)."
            ).replace("gecontroleerd:", "zie_ook: [veilig-thuis]\ngecontroleerd:"),
        },
    )
    engine, _ = open_engine([mini_pack, extra], [], tmp_path / "ix")
    win = MainWindow(engine, None, user_folder)
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.open_card("wijkpunt")
        html = win.card_view.toHtml()
        assert "kaart:veilig-thuis" in html and "Veilig Thuis Regio" in html  # "zie ook" shows the new title
        win.card_view.anchorClicked.emit(QUrl("kaart:veilig-thuis"))
        qtbot.waitUntil(lambda: win.current_card.id == "veilig-thuis-regio", timeout=TIMEOUT)
        assert "regionale nummer" in win.card_view.toPlainText()
        win.user.toggle_bookmark("veilig-thuis")  # a bookmark made before the pack came
        win._fill_menu(win.bookmarks_menu, win.user.bookmarks)
        assert "Veilig Thuis Regio" in [a.text() for a in win.bookmarks_menu.actions()]
    finally:
        win.close()
        engine.close()


def test_counts_are_said_with_dutch_plurals(window):
    """tr_n goes through Qt's plural forms; resources/translations/kennisnavigator_nl.qm gives the Dutch ones."""
    from navigator.ui.i18n import tr_n

    assert tr_n("%n kaart(en)", 1) == "1 kaart" and tr_n("%n kaart(en)", 3) == "3 kaarten"
    assert tr_n("%n probleem/problemen in de inhoud; kaarten met fouten zijn weggelaten.", 2).startswith("2 problemen")
    assert tr_n("%n notitie(s)", 1) == "1 notitie"


def test_no_content_is_said_in_the_window_with_what_to_do(qtbot, tmp_path):
    """Not only on the command line: a windowed program has no console to read."""
    from navigator.ui.loading import IndexLoader

    win = MainWindow(None, None, tmp_path / "gebruiker")
    qtbot.addWidget(win)
    win.show()
    loader = IndexLoader(win, [tmp_path / "geen-inhoud"], [], tmp_path / "cache")
    loader.start()
    qtbot.waitUntil(lambda: win.loading_page.retry_button.isVisible(), timeout=30000)
    text = win.loading_page.message.text()
    assert "geen inhoud gevonden" in text and "geen-inhoud" in text and "NAVIGATOR_CONTENT" in text
    assert win.engine is None
    win.close()
