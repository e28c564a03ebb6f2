"""Style sheets from resources/styles: the looks that are styling only, kept out of the code. Each is set on
the widget it is for (not on the whole app: an app-wide sheet would restyle every widget and slow the start)."""

from __future__ import annotations

from functools import cache


@cache
def style_sheet(name: str) -> str:
    """resources/styles/<name>.qss, or "" when it is missing (the widgets then keep the system's look)."""
    from .. import paths

    try:
        return (paths.app_root() / "resources" / "styles" / f"{name}.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
