"""One step of a scenario as widgets: title, situation, the voices shown so far, questions, advice.

Widgets rather than one rich-text view, so a newly shown voice is a widget the scroll area can bring into view
(ensureWidgetVisible) and every text wraps to the width it gets. Used by the scenario window and the projector.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from .i18n import tr, tr_n
from .render import _inline, esc
from .wrapping import ScrolledColumn, wrap_label

DOMAIN_COLORS = {"sociaal": "#3b7dd8", "zorg": "#3ba86b", "veiligheid": "#d8563b", "jeugd": "#b05bd8"}
# Lighter shades of the same hues: on black, for weak projectors.
DOMAIN_COLORS_ON_DARK = {"sociaal": "#8fc1ff", "zorg": "#7fe0a6", "veiligheid": "#ff9c85", "jeugd": "#e3a6ff"}


def _plain(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


def quoted(text) -> str:
    """A voice in quotation marks, once: voices that are the sources' own words carry their marks already."""
    text = " ".join(str(text or "").split())
    return text if text.startswith(("\u201c", "\u201e", '"')) else f"\u201c{text}\u201d"


class VoiceCard(QFrame):
    """A voice: the words large, the role and domain under it, a bar in the domain's colour beside it."""

    def __init__(self, voice: dict, high_contrast: bool, domain_labels: dict[str, str]):
        super().__init__()
        domain = voice.get("domein") or ""
        colors = DOMAIN_COLORS_ON_DARK if high_contrast else DOMAIN_COLORS
        color = colors.get(domain, "#bbbbbb" if high_contrast else "#777777")
        bar = QFrame()
        bar.setFixedWidth(10)
        bar.setAutoFillBackground(True)
        palette = bar.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(color))
        bar.setPalette(palette)
        self.words = wrap_label(f"<b>{esc(quoted(voice.get('tekst')))}</b>")
        role = esc(voice.get("rol")) + (" · " + esc(domain_labels[domain]) if domain in domain_labels else "")
        self.role = wrap_label(f"<span style='color:{color}'>{role}</span>")
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.words)
        text.addWidget(self.role)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(bar)
        layout.addLayout(text, 1)
        self.setAccessibleName(f"{voice.get('rol')}: {voice.get('tekst')}")


class StepView(QScrollArea):
    """A step, with `revealed` of its voices shown. `show_hint` adds the 'press space' line (not on the wall)."""

    cardRequested = Signal(str)

    def __init__(self, show_hint: bool = True, parent=None):
        super().__init__(parent)
        self.show_hint = show_hint
        self.domain_labels: dict[str, str] = {}  # the taxonomy's `domein` labels; set by the window
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrow keys and space belong to the trainer
        self.setAccessibleName(tr("Stap"))
        self.step: dict = {}
        self.revealed = 0
        self.reflection: list[str] = []
        self.text_size = 12.0
        self.high_contrast = False
        self.voice_cards: list[VoiceCard] = []
        self.setWidget(QWidget())

    # --- what is shown -------------------------------------------------------------------------------

    def show_step(self, step: dict, revealed: int, reflection: list[str] | None = None) -> None:
        self.step, self.revealed, self.reflection = step, revealed, list(reflection or [])
        self._build()
        self.verticalScrollBar().setValue(0)

    def set_revealed(self, revealed: int) -> None:
        """Show `revealed` voices; a newly shown voice is scrolled into view."""
        grew = revealed > self.revealed
        scroll = self.verticalScrollBar().value()
        self.revealed = revealed
        self._build()
        self.verticalScrollBar().setValue(scroll)
        if grew and self.voice_cards:
            newest = self.voice_cards[-1]
            # After the layout has given the new widget its place; ensureWidgetVisible needs its geometry.
            QTimer.singleShot(0, lambda: self._bring_into_view(newest))

    def keep_newest_in_view(self) -> None:
        """After the width changed (side panel, zoom) the newest voice may have moved out of sight."""
        if self.voice_cards:
            newest = self.voice_cards[-1]
            QTimer.singleShot(0, lambda: self._bring_into_view(newest))

    def set_look(self, text_size: float, high_contrast: bool) -> None:
        self.text_size, self.high_contrast = text_size, high_contrast
        if self.step:
            scroll = self.verticalScrollBar().value()
            self._build()
            self.verticalScrollBar().setValue(scroll)

    def voices(self) -> list[dict]:
        return self.step.get("stemmen") or []

    def plain_text(self) -> str:
        return "\n".join(_plain(label.text()) for label in self.widget().findChildren(QLabel) if not label.isHidden())

    # --- building ------------------------------------------------------------------------------------

    def _bring_into_view(self, card: VoiceCard) -> None:
        if card in self.voice_cards:  # not rebuilt away meanwhile
            self.widget().layout().activate()
            self.ensureWidgetVisible(card, 10, 10)

    def _label(self, html: str, scale: float = 1.0, bold: bool = False) -> QLabel:
        label = wrap_label(html)
        font = QFont(self.font())
        font.setPointSizeF(self.text_size * scale)
        font.setBold(bold)
        label.setFont(font)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        label.linkActivated.connect(self._link)
        return label

    def _link(self, href: str) -> None:
        if href.startswith("kaart:"):
            self.cardRequested.emit(href.split(":", 1)[1].strip("/"))

    def _build(self) -> None:
        content = ScrolledColumn()
        font = QFont(self.font())
        font.setPointSizeF(self.text_size)
        content.setFont(font)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(max(6, int(self.text_size * 0.5)))
        step = self.step
        layout.addWidget(self._label(esc(step.get("titel", "")), 1.5, bold=True))
        if step.get("situatie"):
            layout.addWidget(self._label(_inline(str(step["situatie"]))))
        voices = self.voices()
        self.voice_cards = []
        if voices:
            layout.addWidget(self._label(esc(tr("Stemmen")), 1.1, bold=True))
            for voice in voices[: self.revealed]:
                card = VoiceCard(voice, self.high_contrast, self.domain_labels)
                card.setFont(font)
                self.voice_cards.append(card)
                layout.addWidget(card)
            hidden = len(voices) - self.revealed
            if hidden > 0 and self.show_hint:
                layout.addWidget(
                    self._label(
                        "<i>"
                        + esc(tr_n("Nog %n stem(men) — druk op spatie om de volgende te tonen.", hidden))
                        + "</i>",
                        0.8,
                    )
                )
        if step.get("vragen"):
            layout.addWidget(self._label(esc(tr("Vragen voor het gesprek")), 1.1, bold=True))
            layout.addWidget(
                self._label(
                    "<ul style='margin-left:0'>"
                    + "".join(f"<li>{_inline(str(q))}</li>" for q in step["vragen"])
                    + "</ul>"
                )
            )
        if step.get("verbinden") and self.revealed >= len(voices):
            layout.addWidget(self._advice(str(step["verbinden"])))
        if self.reflection and self.revealed >= len(voices):
            layout.addWidget(self._label(esc(tr("Om op te reflecteren")), 1.1, bold=True))
            layout.addWidget(self._label("<ul>" + "".join(f"<li>{esc(q)}</li>" for q in self.reflection) + "</ul>"))
        layout.addStretch(1)
        self.setWidget(content)  # the old content is deleted by the scroll area

    def _advice(self, text: str) -> QFrame:
        box = QFrame()
        box.setObjectName("verbinden")
        box.setAutoFillBackground(True)
        palette = box.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#10253f" if self.high_contrast else "#e3f0ff"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff" if self.high_contrast else "#0b2e59"))
        box.setPalette(palette)
        layout = QVBoxLayout(box)
        pad = max(8, int(self.text_size * 0.6))
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.addWidget(self._label("<b>" + esc(tr("Van botsen naar verbinden")) + "</b>"))
        layout.addWidget(self._label(_inline(text)))
        return box
