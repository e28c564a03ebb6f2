"""Entry point of the windowed program (Kennisnavigator.exe): the desktop app."""

import sys

from navigator.ui.app import run

sys.exit(run())
