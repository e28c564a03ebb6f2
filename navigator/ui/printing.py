"""Paged output for print and PDF: the same painter code for a printer chosen in the print dialog and a PDF file.

The document is laid out on the output device itself (so point sizes mean printed points and CSS pixels are
scaled from screen pixels by Qt), on a page the size of the printable area minus a header and a footer band.
Each page is then painted separately, with the header (title, app and version) and footer (dates,
"pagina N van M") drawn around it. Qt's own `QTextDocument.print_()` cannot add those, and mixing a page in
device pixels with a layout at screen resolution is what shrank every PDF to a third (issue 13).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from .. import __version__

APP_LABEL = f"Kennisnavigator {__version__}"
MARGIN_MM = 18.0
BODY_PT = 10.5
BAND_PT = 8.5  # header and footer text
HEADER_MM = 9.0  # from the top of the printable area to the body text
FOOTER_MM = 9.0
# Our HTML is generated and sanitised (render.py), so a plain pattern finds every link.
_INTERNAL_LINK = re.compile(r'<a\b[^>]*?\bhref="(?!https?:|mailto:)[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


@dataclass
class PrintJob:
    """One document to print or save: what goes on the pages and what the header and footer say."""

    title: str
    html: str
    landscape: bool = False
    checked: str = ""  # when the content was last checked against its sources ("gecontroleerd")

    def footer_text(self) -> str:
        printed = f"afgedrukt op {_dt.date.today().isoformat()}"
        return f"Gecontroleerd op {self.checked} · {printed}" if self.checked else printed[0].upper() + printed[1:]


def stylesheet(base_pt: float = BODY_PT) -> str:
    """Print styles in points: black on white, bordered tables and boxes, headings in proportion to the body."""
    return (
        f"body {{ font-size: {base_pt}pt; color: #000000; background-color: #ffffff; }}"
        f"h1 {{ font-size: {base_pt * 1.7:.1f}pt; margin-top: 0px; margin-bottom: 4px; }}"
        f"h2 {{ font-size: {base_pt * 1.35:.1f}pt; margin-top: 14px; margin-bottom: 4px; }}"
        f"h3 {{ font-size: {base_pt * 1.15:.1f}pt; margin-top: 12px; margin-bottom: 3px; }}"
        f"h4 {{ font-size: {base_pt * 1.05:.1f}pt; margin-top: 10px; margin-bottom: 2px; }}"
        f".type {{ font-size: {max(10.0, base_pt * 0.9):.1f}pt; color: #333333; text-transform: uppercase; }}"
        f".summary {{ font-size: {base_pt * 1.1:.1f}pt; }}"
        "a { color: #0b3d91; } a.chip { color: #000000; text-decoration: none; }"
        "table { border-collapse: collapse; }"
        "th, td { padding: 4px; border-width: 1px; border-style: solid; border-color: #000000; }"
        "th { background-color: #eeeeee; }"
        "table.letop td, table.verbinden td { background-color: #ffffff; color: #000000; border-width: 2px; }"
        f".footer {{ font-size: {max(10.0, base_pt * 0.9):.1f}pt; color: #333333; }}"
    )


def prepare_printer(printer, job: PrintJob) -> None:
    """Orientation and margins for the job; paper size and everything else stay the printer's defaults."""
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if job.landscape else QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def _mm(device, mm: float) -> float:
    return mm * device.logicalDpiY() / 25.4


def body_rect(device) -> QRectF:
    """Where the document goes on every page, in the painter's coordinates (origin: printable area)."""
    top, bottom = _mm(device, HEADER_MM), _mm(device, FOOTER_MM)
    return QRectF(0, top, device.width(), device.height() - top - bottom)


def build_document(job: PrintJob, device) -> QTextDocument:
    """The job's HTML laid out on `device`, paginated to the body area, ready to paint page by page."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)  # before the HTML: point sizes resolve against the device
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, job.title)
    doc.setUseDesignMetrics(True)  # line breaks as the font designs them, not as hinted at one resolution
    doc.setIndentWidth(24)  # screen pixels, scaled to the device: lists inside narrow table columns keep room
    font = QFont(doc.defaultFont())
    font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(stylesheet())
    doc.setHtml(unlink_internal_anchors(job.html))
    frame = doc.rootFrame().frameFormat()
    frame.setMargin(0)  # the page margins and bands are the only margins
    doc.rootFrame().setFrameFormat(frame)
    page = body_rect(device)
    doc.setPageSize(QSizeF(page.width(), page.height()))
    keep_headings_with_next(doc)
    return doc


def unlink_internal_anchors(html: str) -> str:
    """Links to other cards or filters mean nothing on paper; only web and mail links stay clickable."""
    return _INTERNAL_LINK.sub(r"\1", html)


def keep_headings_with_next(doc: QTextDocument) -> int:
    """Qt has no 'page-break-after: avoid'; a heading whose next line lands on a later page gets a page break
    before it instead. One pass suffices: a break only moves what follows it. Returns how many moved."""
    page_height = doc.pageSize().height()
    doc.pageCount()  # the whole document laid out once, before asking where its blocks are
    layout = doc.documentLayout()
    moved = 0
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        following = block.next()
        while following.isValid() and not following.text().strip():
            following = following.next()
        # Asking for the following block's rectangle lays it out, so its lines exist after that.
        following_top = layout.blockBoundingRect(following).top() if following.isValid() else 0
        # Keep the QTextLayout referenced while its QTextLine is used: a line outliving the Python wrapper of
        # its layout crashes PySide6.
        text_layout = following.layout() if following.isValid() else None
        if fmt.headingLevel() > 0 and text_layout is not None and text_layout.lineCount():
            top = layout.blockBoundingRect(block).top()
            page = int(top // page_height)
            first_line = text_layout.lineAt(0)
            next_bottom = following_top + first_line.y() + first_line.height()
            at_page_top = top - page * page_height < 1
            if not at_page_top and next_bottom > (page + 1) * page_height:
                fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                doc.pageCount()  # lays out the rest again now; positions asked for next would be stale
                moved += 1
        block = block.next()
    return moved


def paint(job: PrintJob, device) -> int:
    """Paint the job on a printer or PDF writer that is set up already. Returns the number of pages."""
    doc = build_document(job, device)
    page = body_rect(device)
    pages = max(1, doc.pageCount())
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))  # never the screen's (perhaps dark) palette
    context.palette = palette
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"kan niet afdrukken naar {getattr(device, 'outputFileName', lambda: '')() or 'de printer'}")
    try:
        for number in range(1, pages + 1):
            if number > 1:
                device.newPage()
            _paint_bands(painter, device, job, number, pages)
            painter.save()
            offset = (number - 1) * page.height()
            painter.translate(page.left(), page.top() - offset)
            context.clip = QRectF(0, offset, page.width(), page.height())
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return pages


def _paint_bands(painter: QPainter, device, job: PrintJob, number: int, pages: int) -> None:
    width = device.width()
    footer_h = _mm(device, FOOTER_MM)
    bottom = device.height()
    font = QFont()
    font.setPointSizeF(BAND_PT)
    painter.setFont(font)
    metrics = QFontMetricsF(font, device)
    painter.setPen(QColor("#000000"))
    baseline = metrics.ascent()
    app_width = metrics.horizontalAdvance(APP_LABEL)
    title = metrics.elidedText(
        job.title, Qt.TextElideMode.ElideRight, width - app_width - metrics.horizontalAdvance("    ")
    )
    painter.drawText(QPointF(0, baseline), title)
    painter.drawText(QPointF(width - app_width, baseline), APP_LABEL)
    page_label = f"pagina {number} van {pages}"
    footer_baseline = bottom - footer_h + _mm(device, 3.5) + metrics.ascent()
    painter.drawText(QPointF(0, footer_baseline), job.footer_text())
    painter.drawText(QPointF(width - metrics.horizontalAdvance(page_label), footer_baseline), page_label)
    pen = QPen(QColor("#000000"))
    pen.setWidthF(_mm(device, 0.2))
    painter.setPen(pen)
    rule_top = metrics.height() + _mm(device, 1.0)
    painter.drawLine(QPointF(0, rule_top), QPointF(width, rule_top))
    rule_bottom = bottom - footer_h + _mm(device, 2.0)
    painter.drawLine(QPointF(0, rule_bottom), QPointF(width, rule_bottom))


def write_pdf(path: Path, job: PrintJob) -> Path:
    """An A4 PDF (landscape if the job asks), 18 mm margins. Needs a QGuiApplication (offscreen is fine)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(job.title)
    writer.setCreator(APP_LABEL)
    orientation = QPageLayout.Orientation.Landscape if job.landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    paint(job, writer)
    return path
