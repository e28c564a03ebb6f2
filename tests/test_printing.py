"""Print and PDF as a reader gets them: page size, type size, page numbers, links, every kind of document, and
every print button opening the print dialog (issue 13). PDFs are read back with pypdf."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QToolBar

from navigator.sessions import SessionStore
from navigator.ui import export, printing

TIMEOUT = 5000
A4 = (595.3, 841.9)  # points
BAND_PT = (printing.MARGIN_MM + printing.HEADER_MM) * 72 / 25.4  # header/footer area from the paper's edge


def card(engine, card_id):
    return engine.load_card(card_id)


def glyph_runs(path) -> list[tuple[int, float, float, str]]:
    """(page index, font size in points, baseline y from the top in points, text) for each text run."""
    runs = []
    for index, page in enumerate(PdfReader(str(path)).pages):
        height = float(page.mediabox.height)

        def visit(text, cm, tm, font_dict, font_size, index=index, height=height):
            if not text.strip():
                return
            # The text's scale and position are the text matrix times the current transformation matrix.
            b, d = tm[0] * cm[1] + tm[1] * cm[3], tm[2] * cm[1] + tm[3] * cm[3]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((index, abs(font_size) * (b * b + d * d) ** 0.5, height - y, text))

        page.extract_text(visitor_text=visit)
    return runs


def body_runs(path):
    runs = glyph_runs(path)
    height = max(float(p.mediabox.height) for p in PdfReader(str(path)).pages)
    return [r for r in runs if BAND_PT < r[2] < height - BAND_PT]


def page_texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def link_targets(path) -> set[str]:
    targets = set()
    for page in PdfReader(str(path)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            targets.add(str(action.get("/URI", "")))
    return targets


def assert_reading_size(path, landscape=False):
    reader = PdfReader(str(path))
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        expected = A4[::-1] if landscape else A4
        assert size == pytest.approx(expected, abs=1.5)
    runs = body_runs(path)
    sizes: Counter[float] = Counter()
    for _, size, _, text in runs:
        sizes[round(size, 1)] += len(text)
    assert min(sizes) >= 9.5, sizes
    body_size = sizes.most_common(1)[0][0]
    assert 10 <= body_size <= 11, sizes
    texts = page_texts(path)
    for number, text in enumerate(texts, 1):
        assert f"pagina {number} van {len(texts)}" in text
        assert "Kennisnavigator" in text
    return texts


# --- documents ---------------------------------------------------------------------------------------


def test_long_card_flows_over_pages_at_reading_size(qtbot, real_engine, tmp_path):
    terror = card(real_engine, "intieme-terreur")
    pdf = export.write_pdf(tmp_path / "kaart.pdf", export.card_job(terror, real_engine))
    texts = assert_reading_size(pdf)
    assert len(texts) >= 2
    assert "pagina 1 van" in texts[0]
    whole = " ".join(texts)
    assert f"Gecontroleerd op {terror.fields['gecontroleerd']}" in texts[-1]
    # The sources in full: title, publisher and the web address, which stays clickable.
    assert "Kenniskaart (ex-)partnergeweld voor sociaal professionals" in whole and "Movisie" in whole
    assert "https://www.movisie.nl/publicatie/kenniskaart-ex-partnergeweld-sociaal-professionals" in link_targets(pdf)
    # Links to other cards and filters mean nothing on paper.
    assert all(t.startswith(("http", "mailto")) for t in link_targets(pdf))


def headings_alone_at_a_page_foot(doc) -> list[str]:
    """Headings whose next line is on a later page."""
    page_height = doc.pageSize().height()
    layout = doc.documentLayout()
    alone = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            page = layout.blockBoundingRect(block).top() // page_height
            following = block.next()
            following_top = layout.blockBoundingRect(following).top()  # lays it out: its lines exist
            text_layout = following.layout()  # referenced while its line is used, or PySide6 crashes
            first_line = text_layout.lineAt(0)
            if following_top + first_line.y() + first_line.height() > (page + 1) * page_height:
                alone.append(block.text())
        block = block.next()
    return alone


def test_headings_are_never_left_alone_at_a_page_foot(qapp):
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(os.devnull)
    moved = 0
    for filler in range(30, 52):  # moves the headings down the page a line at a time
        html = "".join(f"<p>Regel {n} met wat tekst.</p>" for n in range(filler)) + "".join(
            f"<h2>Kop {n}</h2><p>{'Tekst onder de kop. ' * 30}</p>" for n in range(6)
        )
        doc = printing.build_document(printing.PrintJob("Proef", html), writer)
        assert headings_alone_at_a_page_foot(doc) == [], filler
        moved += sum(1 for block in _blocks(doc) if block.blockFormat().pageBreakPolicy())
    assert moved  # some heading did need moving


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_comparison_is_landscape_with_the_header_row_on_every_page(qtbot, real_engine, tmp_path):
    ids = [r["id"] for r in real_engine.records if r["type"] == "interventie"][:4]
    cards = [card(real_engine, i) for i in ids]
    job = export.compare_job(cards, real_engine)
    assert job.landscape
    pdf = export.write_pdf(tmp_path / "vergelijking.pdf", job)
    texts = assert_reading_size(pdf, landscape=True)
    assert len(texts) >= 2
    # Every later page on which the table goes on starts (below the page header) with the row of card titles.
    runs = body_runs(pdf)
    table_pages = {page for page, _, _, text in runs if text.strip() in ("Doel", "Erkenning", "Contra-indicaties")}
    assert max(table_pages) >= 1
    for page in range(1, max(table_pages) + 1):
        first = min((r for r in runs if r[0] == page), key=lambda r: r[2])
        assert first[3].strip().startswith(cards[0].title.split()[0]), (page, first)


def test_result_list_has_query_filters_and_a_row_per_card(qtbot, real_engine, tmp_path):
    filters = {"type": ["interventie"]}
    response = real_engine.search("kinderen", filters, limit=100)
    pdf = export.write_pdf(tmp_path / "lijst.pdf", export.results_job(response, real_engine, filters))
    texts = assert_reading_size(pdf)
    whole = " ".join(" ".join(texts).split())  # a long title wraps within its cell
    assert "Zoekopdracht: kinderen" in whole and "Soort kaart: Interventie" in whole
    for hit in response.hits:
        assert " ".join(hit.title.split()[:4]) in whole  # a cell's lines come out interleaved with the next cell
        assert " ".join(hit.summary.split()[:4]) in whole
    assert "Titel Type Samenvatting" in texts[1]  # the header row again on the next page


def test_scenario_with_notes_and_handout_without(qtbot, mini_engine, tmp_path):
    leo = card(mini_engine, "leo-en-nora")
    notes = SessionStore(tmp_path / "gebruiker", "leo-en-nora").new()
    notes.set_note(2, "Politie en wijkteam willen een gezamenlijk plan")
    with_notes = " ".join(
        assert_reading_size(export.write_pdf(tmp_path / "s.pdf", export.scenario_job(leo, mini_engine, notes)))
    )
    assert "Politie en wijkteam willen een gezamenlijk plan" in with_notes and "Notities" in with_notes
    handout = " ".join(
        assert_reading_size(
            export.write_pdf(tmp_path / "h.pdf", export.scenario_job(leo, mini_engine, notes, handout=True))
        )
    )
    assert "Is het veilig genoeg?" in handout
    assert "Politie en wijkteam" not in handout and "Notities" not in handout


def test_cli_export_is_the_app_pdf(mini_pack, tmp_path):
    env = dict(os.environ, NAVIGATOR_CONTENT=str(mini_pack), QT_QPA_PLATFORM="offscreen")
    for card_id, extra in (("intieme-terreur", []), ("leo-en-nora", ["--hand-out"])):
        out = tmp_path / f"{card_id}.pdf"
        result = subprocess.run(
            [sys.executable, "-m", "navigator", "export", card_id, "--out", str(out)] + extra,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert_reading_size(out)
    assert "hand-out" in page_texts(tmp_path / "leo-en-nora.pdf")[0]


# --- the print dialog from every place that offers it -------------------------------------------------


def open_print_dialog(qtbot, trigger) -> QPrintDialog:
    before = set(QApplication.topLevelWidgets())
    trigger()
    found: list = []

    def dialog_open():
        found[:] = [w for w in QApplication.allWidgets() if isinstance(w, QPrintDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(dialog_open, timeout=TIMEOUT)
    assert found[0] not in before
    return found[0]


def print_to_pdf(qtbot, dialog: QPrintDialog, path: Path) -> Path:
    """Confirm the dialog as a user would, with its printer printing to a PDF file."""
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    dialog.done(QDialog.DialogCode.Accepted)  # accept() would first read the printer back from the dialog's widgets
    qtbot.waitUntil(lambda: path.exists() and path.stat().st_size > 1000, timeout=TIMEOUT)
    return path


def button(widget, text) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def test_card_prints_from_the_toolbar_and_ctrl_p(qtbot, main_window, tmp_path):
    main_window.open_card("intieme-terreur")
    bar = main_window.findChild(QToolBar)
    dialog = open_print_dialog(qtbot, bar.widgetForAction(main_window.print_action).click)
    assert dialog.printer().pageLayout().orientation() == dialog.printer().pageLayout().Orientation.Portrait
    pdf = print_to_pdf(qtbot, dialog, tmp_path / "afgedrukt.pdf")
    assert "Intieme terreur" in page_texts(pdf)[0]
    assert_reading_size(pdf)

    main_window.activateWindow()
    dialog = open_print_dialog(
        qtbot, lambda: qtbot.keyClick(main_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    )
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)


def test_result_list_and_comparison_print(qtbot, main_window, tmp_path):
    main_window.search_field.setText("kinderen")
    qtbot.waitUntil(lambda: main_window.last_response is not None, timeout=TIMEOUT)
    dialog = open_print_dialog(qtbot, button(main_window, "Lijst afdrukken").click)
    pdf = print_to_pdf(qtbot, dialog, tmp_path / "lijst.pdf")
    assert "Zoekresultaten" in page_texts(pdf)[0]

    for card_id in ("oranje-huis-aanpak", "kinderen-uit-de-knel"):
        main_window.open_card(card_id)
        main_window.compare_add_action.trigger()
    main_window.compare_action.trigger()
    compare = main_window.compare_window
    qtbot.addWidget(compare)
    dialog = open_print_dialog(qtbot, compare.print_button.click)
    assert dialog.printer().pageLayout().orientation() == dialog.printer().pageLayout().Orientation.Landscape
    pdf = print_to_pdf(qtbot, dialog, tmp_path / "vergelijking.pdf")
    assert_reading_size(pdf, landscape=True)
    compare.close()


def test_scenario_prints_with_notes_or_as_handout(qtbot, main_window, tmp_path):
    main_window.open_card("leo-en-nora")
    explorer = main_window.open_scenario(trainer=False)
    qtbot.addWidget(explorer)
    dialog = open_print_dialog(qtbot, explorer.print_notes_action.trigger)
    assert "met notities" in page_texts(print_to_pdf(qtbot, dialog, tmp_path / "notities.pdf"))[0]
    dialog = open_print_dialog(qtbot, explorer.print_handout_action.trigger)
    dialog.reject()
    explorer.close()


# --- save dialogs, translations, citation -------------------------------------------------------------


def test_save_dialog_starts_in_documents_and_remembers_the_folder(qtbot, main_window, tmp_path, user_folder):
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if Path(documents).is_dir() else Path.home()
    main_window.open_card("stalking")
    dialog = export.ask_pdf_path(main_window, "stalking.pdf", main_window.export_card_pdf)
    assert Path(dialog.directory().absolutePath()) == expected.resolve()
    chosen = tmp_path / "dossier"
    chosen.mkdir()
    dialog.fileSelected.emit(str(chosen / "stalking.pdf"))
    dialog.close()
    assert (chosen / "stalking.pdf").stat().st_size > 1000
    assert (user_folder / export.LAST_FOLDER_FILE).is_file()  # per user, not beside the program
    again = export.ask_pdf_path(main_window, "x.pdf", lambda path: None)
    assert Path(again.directory().absolutePath()) == chosen.resolve()
    again.close()


def test_qt_dialogs_speak_dutch(qtbot, main_window):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(main_window, "Opslaan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Zoeken in:" in labels and "&Bestanden van type:" in labels
    assert QCoreApplication.translate("QPrintSettingsOutput", "Double Sided Printing") == "Dubbelzijdig afdrukken"
    assert QCoreApplication.translate("Navigator", "Kaart") == "Kaart"  # our own strings pass through


def test_copy_citation_in_apa_style(qtbot, main_window):
    main_window.open_card("oranje-huis-aanpak")
    main_window.card_view.anchorClicked.emit(QUrl("bronvermelding:kopieer"))
    text = QApplication.clipboard().text()
    from navigator.ui.citation import _dutch_date

    assert text.startswith(f"Kennisnavigator. ({_dutch_date(main_window.current_card.fields['gecontroleerd'])}). ")
    assert "Oranje Huis-aanpak [Kaart (interventie), Kennisnavigator versie" in text
    assert "Gebaseerd op:\n" in text and "Movisie. (z.d.). Kenniskaart (ex-)partnergeweld" in text
    assert 'italic;">Oranje Huis-aanpak</span>' in QApplication.clipboard().mimeData().html()
