"""Before Qt starts on a Linux desktop: are the system libraries there that Qt's X11 (xcb) plugin needs?

Without them Qt aborts the process with an English plugin error that tells a user nothing about what to do
(and it cannot be caught: Qt ends the process). So the app tries to load the same libraries first, the way the
plugin would (by their exact names, not via ldconfig), and when one is missing it says in Dutch which
packages to install. No Qt is imported here."""

from __future__ import annotations

import ctypes
import os
import sys

# The libraries Qt's xcb plugin loads that a desktop often lacks, with the Debian/Ubuntu package of each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
ALL_PACKAGES = " ".join(XCB_LIBRARIES.values())


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Will Qt use its X11 plugin? On Linux unless another platform is asked for, or a Wayland session
    lets Qt use its Wayland plugin first."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(loads=_loads) -> list[str]:
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def startup_problem(environ=os.environ, platform: str = sys.platform, loads=_loads) -> str | None:
    """A Dutch explanation when Qt would fail to open a window here; None when all is well."""
    if not uses_xcb(environ, platform):
        return None
    if not environ.get("DISPLAY"):
        return (
            "De Kennisnavigator kan geen venster openen: er is geen beeldscherm gevonden (DISPLAY is niet "
            "gezet). Start de app vanuit een grafische sessie op het bureaublad."
        )
    missing = missing_packages(loads)
    if not missing:
        return None
    return (
        "De Kennisnavigator kan geen venster openen: Qt mist systeembibliotheken voor het bureaublad (X11).\n"
        f"Installeer ze met:\n\n    sudo apt install {' '.join(missing)}\n\n"
        f"(Op andere distributies heten de pakketten net anders; het gaat om: {', '.join(missing)}.)\n"
        "Start de app daarna opnieuw."
    )
