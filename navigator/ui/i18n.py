"""Translatable UI text. Kept apart from the widgets so the first window can be drawn without loading them."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Navigator", text)
