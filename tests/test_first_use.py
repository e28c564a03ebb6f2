"""First use on a laptop (issue 14): the window fits the screen and remembers itself, nothing is cut off at
1024 pixels or zoomed in, state is clean after Start and Esc, the keyboard reaches everything, and nothing
breaks before the index is there."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QToolBar, QWidget

from navigator.ui.mainwindow import MainWindow
from navigator.ui.window_state import first_geometry, restored_geometry

TIMEOUT = 5000


@pytest.fixture
def window(main_window):
    yield main_window
    main_window.reset_zoom()


def type_query(qtbot, win, text):
    win.search_field.clear()
    qtbot.keyClicks(win.search_field, text)
    qtbot.waitUntil(lambda: win.last_response is not None and win.last_response.query == text, timeout=TIMEOUT)


def whole_collection_counts(engine) -> dict:
    return engine.search("", {}).facets


def shown_count(win, facet, value) -> str:
    return win.facets.count_labels[(facet, value)].text()


def settle(qtbot, ms=50):
    qtbot.wait(ms)
    QApplication.processEvents()


# --- the window on the screen --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "available",
    [
        QRect(0, 0, 1024, 640),
        QRect(0, 0, 1366, 728),
        QRect(0, 0, 1280, 680),
        QRect(0, 0, 1920, 1040),
        QRect(65, 0, 1215, 720),
    ],
)
def test_first_window_takes_most_of_the_available_area_and_never_more(available):
    rect = first_geometry(available)
    assert available.contains(rect)
    assert rect.width() >= 0.85 * available.width() and rect.height() >= 0.85 * available.height()


def test_a_window_remembered_on_a_monitor_that_is_gone_comes_back_on_the_screen():
    laptop = QRect(0, 0, 1366, 728)
    assert laptop.contains(restored_geometry(QRect(2200, 100, 1600, 1000), [laptop]))
    # remembered on a big screen, now on a small one: shrunk to fit, not cut off
    assert laptop.contains(restored_geometry(QRect(10, 10, 1900, 1050), [laptop]))
    # still on an existing second screen: stays there
    second = QRect(1366, 0, 1920, 1040)
    assert restored_geometry(QRect(1500, 50, 1200, 800), [laptop, second]) == QRect(1500, 50, 1200, 800)


def test_window_fits_the_screen_it_opens_on(qtbot, mini_engine, tmp_path):
    win = MainWindow(mini_engine, None, tmp_path / "gebruiker")
    qtbot.addWidget(win)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(win.geometry())
    assert win.width() >= 0.85 * available.width()
    win.close()


def test_size_place_splitter_and_zoom_are_remembered_and_restored_on_screen(qtbot, mini_engine, tmp_path):
    folder = tmp_path / "gebruiker"
    win = MainWindow(mini_engine, None, folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.setGeometry(20, 30, 760, 520)
    win.zoom(1)
    settle(qtbot)
    win.splitter.setSizes([380, 260, 100])
    settle(qtbot)
    sizes = win.splitter.sizes()
    assert sizes[0] >= 370
    win.close()
    win.reset_zoom()  # a new start begins with the system's font
    again = MainWindow(mini_engine, None, folder)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    settle(qtbot)
    try:
        assert again.geometry().size() == win.geometry().size() and again.geometry().topLeft() == QPoint(20, 30)
        assert again.splitter.sizes() == sizes
        assert again.zoom_steps() == 1
    finally:
        again.reset_zoom()
        again.close()
    # the monitor it was on is gone
    state = json.loads((folder / "venster.json").read_text(encoding="utf-8"))
    state["geometrie"] = [4000, 2000, 700, 500]
    (folder / "venster.json").write_text(json.dumps(state), encoding="utf-8")
    third = MainWindow(mini_engine, None, folder)
    qtbot.addWidget(third)
    assert QGuiApplication.primaryScreen().availableGeometry().contains(third.geometry())
    third.reset_zoom()
    third.close()


# --- nothing cut off ------------------------------------------------------------------------------------


def clipped(win) -> list[str]:
    """Everything a user would see cut off: a widget sticking out of the window, a scroll area's content wider
    than the area (they never scroll sideways), a label, button or box narrower than its text, a phase arrow
    narrower than its label."""
    problems = []
    for widget in win.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not win:
            continue
        if any(isinstance(a, QToolBar) for a in _ancestors(widget)):
            continue  # the toolbar moves what does not fit into its » menu
        right = widget.mapTo(win, QPoint(widget.width(), 0)).x()
        if right > win.width() + 1:
            problems.append(f"{type(widget).__name__} '{_text(widget)}' sticks out: {right} > {win.width()}")
        if (
            isinstance(widget, QScrollArea)
            and widget.widget() is not None
            and widget.widgetResizable()
            and widget.widget().width() > widget.viewport().width()
        ):
            problems.append(
                f"{widget.accessibleName()}: content {widget.widget().width()} wider than {widget.viewport().width()}"
            )
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        if (
            isinstance(widget, (QLabel, QAbstractButton))
            and not wraps
            and widget.sizePolicy().horizontalPolicy() != widget.sizePolicy().Policy.Ignored
            and widget.minimumSizeHint().width() > widget.width() + 1
        ):
            problems.append(
                f"{type(widget).__name__} '{_text(widget)}' cut: needs {widget.minimumSizeHint().width()}"
                f", has {widget.width()}"
            )
    phases = win.start_page.phases
    if phases.isVisible():
        for room, label in phases.label_rects():
            if not room.adjusted(-1, -1, 1, 1).contains(label):
                problems.append(f"phase label {label} does not fit its arrow {room}")
    return problems


def _ancestors(widget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def _text(widget) -> str:
    return widget.text() if hasattr(widget, "text") else widget.accessibleName()


@pytest.mark.parametrize("zoom", [0, 3])
def test_nothing_is_cut_off_at_1024_by_640(qtbot, window, zoom):
    window.resize(1024, 640)
    window.zoom(zoom)
    settle(qtbot, 100)
    assert window.width() == 1024 and window.minimumSizeHint().width() <= 1024
    assert clipped(window) == []  # the start screen
    window.start_page.filterRequested.emit("geweldstype", "intieme-terreur")
    type_query(qtbot, window, "kinderen")
    window.facets.boxes[("profiel", "complexe-scheiding")].setChecked(True)
    qtbot.waitUntil(lambda: window.chips.isVisible() and len(window.chips.chips()) == 3, timeout=TIMEOUT)
    window.open_card("intieme-terreur")
    settle(qtbot, 100)
    assert window.width() == 1024
    assert clipped(window) == []  # results with two filter chips, and a card


def test_start_screen_becomes_one_column_when_narrow_and_arrows_stack(qtbot, window):
    window.resize(1600, 800)
    window.splitter.setSizes([300, 900, 400])
    settle(qtbot, 100)
    grids = [g for g in window.start_page.widget().children() if hasattr(g, "columns")]
    assert any(g.columns == 2 for g in grids)
    assert window.start_page.phases.columns_for(window.start_page.phases.width()) == 4
    window.resize(1024, 640)
    window.splitter.setSizes([300, 250, 474])
    window.zoom(3)
    settle(qtbot, 100)
    assert all(g.columns == 1 for g in grids)
    assert window.start_page.phases.columns_for(window.start_page.phases.width()) < 4
    assert clipped(window) == []


def test_start_buttons_follow_the_zoom(qtbot, window):
    button = window.start_page.buttons()[0]
    before = button.label.fontInfo().pointSizeF()
    window.zoom(3)
    settle(qtbot)
    assert button.label.fontInfo().pointSizeF() >= before + 2.5


def test_facet_counts_stay_readable_when_zoomed_in(qtbot, window):
    window.zoom(3)
    settle(qtbot)
    label = window.facets.count_labels[("fase", "veiligheid")]
    assert label.text() and label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    assert window.facets.widget().width() <= window.facets.viewport().width()


def test_the_link_banner_never_widens_the_window(qtbot, window):
    window.resize(1024, 640)
    settle(qtbot)
    window.open_card("oranje-huis-aanpak")
    long_url = "https://www.movisie.nl/" + "/".join(["een-heel-lang-pad-naar-een-pagina"] * 8) + "?x=1&y=2"
    window.card_view.anchorClicked.emit(QUrl(long_url))
    settle(qtbot, 100)
    assert window.link_bar.isVisible()
    assert window.width() == 1024 and window.minimumSizeHint().width() <= 1024
    assert clipped(window) == []


# --- state a person expects -----------------------------------------------------------------------------


def test_start_clears_query_and_filters_and_phase_button_starts_clean(qtbot, window):
    type_query(qtbot, window, "kinderen scheiding")
    window.facets.boxes[("type", "interventie")].setChecked(True)
    window.home_action.trigger()
    assert window.search_field.text() == "" and window.filters() == {}
    assert window.middle.currentWidget() is window.start_page
    window.start_page.filterRequested.emit("fase", "veiligheid")
    expected = {h.id for h in window.engine.search("", {"fase": ["veiligheid"]}, limit=100).hits}
    qtbot.waitUntil(lambda: {h.id for h in window.model.hits} == expected, timeout=TIMEOUT)
    assert window.filters() == {"fase": ["veiligheid"]} and window.search_field.text() == ""


def test_start_screen_button_after_a_query_and_filters_opens_from_a_clean_state(qtbot, window):
    type_query(qtbot, window, "stalking")
    window.facets.boxes[("type", "kennis")].setChecked(True)
    window.start_page.filterRequested.emit("profiel", "complexe-scheiding")
    qtbot.waitUntil(
        lambda: window.last_response.query == "" and window.filters() == {"profiel": ["complexe-scheiding"]},
        timeout=TIMEOUT,
    )
    assert window.search_field.text() == ""
    window.start_page.cardRequested.emit("leo-en-nora")
    assert window.current_card.id == "leo-en-nora" and window.filters() == {}


def test_esc_clears_the_query_and_the_counts_are_the_whole_collections_again(qtbot, window):
    whole = whole_collection_counts(window.engine)
    qtbot.waitUntil(lambda: shown_count(window, "type", "kennis") == f"({whole['type']['kennis']})", timeout=TIMEOUT)
    type_query(qtbot, window, "stalking")
    assert shown_count(window, "type", "kennis") != f"({whole['type']['kennis']})"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    qtbot.waitUntil(
        lambda: all(
            shown_count(window, f, v) == f"({n})"
            for f, values in whole.items()
            for v, n in values.items()
            if (f, v) in window.facets.count_labels
        ),
        timeout=TIMEOUT,
    )
    assert window.middle.currentWidget() is window.start_page
    # values greyed for the old query (no cards) are no longer greyed
    greyed = [
        key
        for key, label in window.facets.count_labels.items()
        if label.foregroundRole() == QPalette.ColorRole.PlaceholderText
    ]
    assert greyed == [(f, v) for (f, v) in window.facets.count_labels if not whole.get(f, {}).get(v)]


def test_second_esc_clears_the_filters_too(qtbot, window):
    window.facets.boxes[("type", "kennis")].setChecked(True)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.filters() == {}


def test_chips_and_badges_name_their_facet(qtbot, window):
    window.apply_filter("fase", "veiligheid")
    qtbot.waitUntil(lambda: window.chips.isVisible(), timeout=TIMEOUT)
    assert window.chips.chips()[0].text().startswith("Fase: Veiligheid")
    window.open_card("intieme-terreur")
    text = window.card_view.toPlainText()
    assert "Soort geweld: Intieme terreur" in text and "Gezinsprofiel: Intieme terreur" in text
    type_query(qtbot, window, "intieme terreur")
    from navigator.ui.widgets import HTML_ROLE

    assert "Gezinsprofiel: Intieme terreur" in window.model.index(0).data(HTML_ROLE)


# --- keyboard -------------------------------------------------------------------------------------------


def test_typing_and_enter_opens_the_first_card_on_the_very_first_search(qtbot, window):
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "huisverbod")
    with qtbot.waitSignal(window.cardShown, timeout=TIMEOUT) as shown:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # before the debounced search has even run
    assert shown.args == ["tijdelijk-huisverbod"]
    assert window.windowTitle() == "Tijdelijk huisverbod — Kennisnavigator"


def test_down_moves_into_the_list_and_enter_there_opens(qtbot, window):
    type_query(qtbot, window, "kinderen")
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.results.hasFocus() or QApplication.focusWidget() is window.results
    assert window.results.currentIndex().row() == 0
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    second = window.model.hits[1].id
    with qtbot.waitSignal(window.cardShown, timeout=TIMEOUT) as shown:
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert shown.args == [second]


@pytest.mark.parametrize("key", [Qt.Key.Key_K, Qt.Key.Key_L])
def test_ctrl_k_and_ctrl_l_focus_the_search(qtbot, window, key):
    window.card_view.setFocus()
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_field.hasFocus, timeout=TIMEOUT)


def test_ctrl_f_finds_in_the_card_with_next_previous_and_esc(qtbot, window):
    window.open_card("intieme-terreur")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "terreur")
    expected = window.card_view.toPlainText().lower().count("terreur")
    assert expected >= 2 and len(bar.matches) == expected
    assert len(window.card_view.extraSelections()) == expected  # every match highlighted
    assert bar.count_label.text() == f"1 van {expected}"
    first = window.card_view.textCursor().selectionStart()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 van {expected}"
    assert window.card_view.textCursor().selectionStart() > first
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"1 van {expected}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.card_view.extraSelections() == []


def test_ctrl_0_resets_the_zoom(qtbot, window):
    window.zoom(2)
    assert window.zoom_steps() == 2
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_steps() == 0


def _scroll_down(qtbot, win):
    bar = win.card_view.verticalScrollBar()
    assert bar.maximum() > 0, "the card must be longer than the view for this test"
    bar.setValue(bar.maximum() * 2 // 3)
    settle(qtbot)
    return win.card_view.reading_position()


def test_zoom_keeps_the_reading_position_and_back_returns_to_where_you_were(qtbot, window):
    window.resize(700, 420)
    settle(qtbot)
    window.open_card("intieme-terreur")
    settle(qtbot)
    position = _scroll_down(qtbot, window)
    assert position > 0
    window.zoom(2)
    settle(qtbot)
    assert window.card_view.verticalScrollBar().value() > 0
    assert abs(window.card_view.reading_position() - position) < 40  # the same lines, not the top
    window.reset_zoom()
    settle(qtbot)
    position = _scroll_down(qtbot, window)
    window.card_view.anchorClicked.emit(QUrl("kaart:stalking"))
    assert window.current_card.id == "stalking"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_card.id == "intieme-terreur"
    settle(qtbot)
    assert abs(window.card_view.reading_position() - position) < 40
    assert window.windowTitle() == "Intieme terreur — Kennisnavigator"


# --- before the index is there, and when it cannot be built ----------------------------------------------


def test_menus_before_the_index_is_loaded_are_disabled_and_never_raise(qtbot, tmp_path):
    win = MainWindow(None, None, tmp_path / "gebruiker", staged=True)
    qtbot.addWidget(win)
    assert not win.bookmarks_button.isEnabled() and not win.recent_button.isEnabled()
    assert not win.settings_button.isEnabled()
    with qtbot.waitSignal(win.bodyBuilt, timeout=TIMEOUT):
        win.show()
    assert win.settings_button.isEnabled() and not win.bookmarks_button.isEnabled()
    win.bookmarks_menu.aboutToShow.emit()  # as if opened anyway: no AttributeError
    win.recent_menu.aboutToShow.emit()
    assert "geladen" in win.bookmarks_menu.actions()[0].text()
    win.show_about().close()
    for key in (Qt.Key.Key_D, Qt.Key.Key_F, Qt.Key.Key_0):
        qtbot.keyClick(win, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.search_field, Qt.Key.Key_Return)
    qtbot.keyClick(win.search_field, Qt.Key.Key_Down)
    win.close()


def test_a_failed_index_build_says_what_went_wrong_and_retry_works(qtbot, mini_pack, tmp_path):
    from navigator.ui.loading import IndexLoader

    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar de cachemap had moeten komen", encoding="utf-8")
    win = MainWindow(None, None, tmp_path / "gebruiker")
    qtbot.addWidget(win)
    win.show()
    loader = IndexLoader(win, [mini_pack], [], blocker / "index")
    loader.start()
    page = win.loading_page
    qtbot.waitUntil(lambda: page.retry_button.isVisible(), timeout=30000)
    assert win.middle.currentWidget() is page
    text = page.message.text()
    assert "kon niet worden geladen" in text and "Wat er misging" in text and "Wat je kunt doen" in text
    assert "geen-map" in text  # names the folder it could not write
    assert "wordt geladen" not in text
    blocker.unlink()  # the problem is solved; the retry button now builds the index
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.engine is not None, timeout=30000)
    assert win.middle.currentWidget() is win.start_page
    win.close()


def test_progress_of_a_rebuild_is_shown_in_the_window(qtbot, tmp_path):
    win = MainWindow(None, None, tmp_path / "gebruiker")
    qtbot.addWidget(win)
    win.show()
    win.show_index_progress(0.4)
    assert win.loading_page.progress.isVisible() and win.loading_page.progress.value() == 40
    win.close()


# --- small things people look for ---------------------------------------------------------------------


def test_the_comparison_can_be_emptied(qtbot, window):
    for card_id in ("oranje-huis-aanpak", "kinderen-uit-de-knel"):
        window.open_card(card_id)
        window.compare_add_action.trigger()
    assert window.compare_button.text() == "Vergelijken (2)"
    window.compare_menu.aboutToShow.emit()
    titles = [a.text() for a in window.compare_menu.actions()]
    assert "Oranje Huis-aanpak" in titles and "Vergelijking leegmaken" in titles
    window.clear_compare_action.trigger()
    assert list(window.compare_ids) == [] and window.compare_button.text() == "Vergelijken (0)"
    assert not window.compare_action.isEnabled() and not window.compare_button.isEnabled()


def test_bookmarks_can_be_opened_and_removed(qtbot, window):
    for card_id in ("stalking", "veilig-thuis", "oranje-huis-aanpak"):
        window.open_card(card_id)
        window.toggle_bookmark()
    window.bookmarks_menu.aboutToShow.emit()
    manage = [a for a in window.bookmarks_menu.actions() if a.text().startswith("Bladwijzers beheren")]
    manage[0].trigger()
    dialog = window.bookmarks_dialog
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "Stalking",
        "Veilig Thuis",
        "Oranje Huis-aanpak",
    ]
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(window.cardShown, timeout=TIMEOUT) as shown:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert shown.args == ["stalking"]
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert window.user.bookmarks == ["stalking", "oranje-huis-aanpak"]
    assert dialog.list.count() == 2
    from navigator.navigation import UserLists

    assert UserLists(window.user_folder).bookmarks == ["stalking", "oranje-huis-aanpak"]  # saved
    dialog.close()


def test_about_dialog_names_version_content_date_sources_and_keys(qtbot, window):
    from navigator import __version__

    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.about_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Over de Kennisnavigator"
    text = dialog.view.toPlainText()
    assert __version__ in text and "2026-11-22" in text  # the newest 'gecontroleerd' of the test cards
    assert "Kenniskaart (ex-)partnergeweld" in text  # a source
    assert "Ctrl+F" in text and "Ctrl+0" in text and "Alt+" in text
    dialog.close()


def test_the_window_has_the_app_icon(qtbot, window):
    from navigator.ui.app import app_icon, icon_dir, make_application

    make_application()  # as the app starts: the icon is set for every window
    assert not window.windowIcon().isNull()
    icon = app_icon()
    ROOT_ICONS = icon_dir()
    assert not icon.isNull() and {16, 32, 48, 256} <= {s.width() for s in icon.availableSizes()}
    assert (ROOT_ICONS / "kennisnavigator.svg").is_file()
    ico = (ROOT_ICONS / "kennisnavigator.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") >= 4  # an icon with sizes
    spec = (ROOT_ICONS.parent.parent / "packaging" / "kennisnavigator.spec").read_text(encoding="utf-8")
    assert "kennisnavigator.ico" in spec and "resources" in spec


# --- Linux desktops -------------------------------------------------------------------------------------


def test_missing_x11_libraries_give_a_dutch_message_with_the_apt_line():
    from navigator.ui.platform_check import startup_problem

    env = {"DISPLAY": ":0"}
    message = startup_problem(env, "linux", loads=lambda name: "cursor" not in name)
    assert message is not None
    assert "sudo apt install libxcb-cursor0" in message and "kan geen venster openen" in message
    assert startup_problem(env, "linux", loads=lambda name: True) is None
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", loads=lambda name: False) is None
    assert startup_problem({"DISPLAY": ":0"}, "win32", loads=lambda name: False) is None
    assert "DISPLAY" in (startup_problem({}, "linux", loads=lambda name: True) or "")


def test_the_app_stops_with_the_message_before_qt_starts(monkeypatch, capsys):
    from navigator.ui import app, platform_check

    monkeypatch.setattr(platform_check, "startup_problem", lambda: "Installeer ze met: sudo apt install x")
    monkeypatch.setattr(app, "make_application", lambda: pytest.fail("Qt must not start"))
    assert app.run() == 1
    assert "sudo apt install" in capsys.readouterr().err


def test_readme_names_the_libraries_in_one_apt_line():
    from pathlib import Path

    from navigator.ui.platform_check import ALL_PACKAGES

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"sudo apt install {ALL_PACKAGES}" in readme
