"""Compile the app's Qt translation catalogues: resources/translations/*.ts -> *.qm (with pyside6-lrelease).

The app's strings are Dutch in the source; kennisnavigator_nl.ts adds the plural forms of counts (`tr_n`).
Run after editing a .ts file; the compiled .qm files are committed so the app needs no build step."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "translations"


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit("pyside6-lrelease niet gevonden (het hoort bij PySide6)")
    return found


def main() -> int:
    for ts in sorted(FOLDER.glob("*.ts")):
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(ts.with_suffix(".qm").relative_to(FOLDER.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
