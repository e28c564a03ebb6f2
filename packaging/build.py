"""Build the one-folder program and its zip, then smoke-test the built program. Pure Python: no make, no shell.

    py -3.12 packaging\build.py             (Windows)
    python3.12 packaging/build.py           (Linux, macOS; `make dist` runs the same)

Steps: make .venv if it is missing and install the project with the `dist` extra into it (then go on inside it),
build index/ from content/, run PyInstaller with packaging/kennisnavigator.spec, run the built
`navigator search --json` and `navigator validate`, zip dist/Kennisnavigator and print the sizes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
VENV = ROOT / ".venv"


def venv_python(venv: Path = VENV) -> Path:
    """The venv's interpreter: Scripts\\python.exe on Windows, bin/python elsewhere."""
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    """The project's venv with the `dist` extra installed (made with this interpreter if it is missing)."""
    if sys.version_info < (3, 12):  # noqa: UP036  (this script may be started with any python on PATH)
        raise SystemExit("Python 3.12 of nieuwer is nodig (PySide6 6.12 werkt niet betrouwbaar met 3.11).")
    python = venv_python()
    if not python.exists():
        import venv

        print(f"venv maken in {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test,dist]"], check=True)
    return python


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def smoke_test(folder: Path) -> None:
    exe = folder / ("navigator.exe" if os.name == "nt" else "navigator")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    search = subprocess.run(
        [str(exe), "search", "coercive control", "--json"], capture_output=True, text=True, env=env, timeout=300
    )
    if search.returncode != 0:
        raise SystemExit(f"smoke test: search failed\n{search.stderr}")
    first = json.loads(search.stdout)["results"][0]
    if first["id"] != "intieme-terreur":
        raise SystemExit(f"smoke test: unexpected first result {first}")
    if "opnieuw gebouwd" in search.stderr:
        raise SystemExit("smoke test: the shipped index was not used")
    validate = subprocess.run([str(exe), "validate"], capture_output=True, text=True, env=env, timeout=300)
    if validate.returncode != 0:
        raise SystemExit(f"smoke test: validate failed\n{validate.stdout}{validate.stderr}")
    print(f"smoke test ok: search → {first['title']}; {validate.stderr.strip()}")


def main() -> int:
    if Path(sys.prefix).resolve() != VENV.resolve():  # not yet inside the project's venv: set it up, go on there
        python = ensure_venv()
        return subprocess.run([str(python), str(Path(__file__).resolve()), *sys.argv[1:]], check=False).returncode
    from navigator import __version__

    subprocess.run([sys.executable, "-m", "navigator", "build-index", "--out", str(ROOT / "index")], check=True)
    shutil.rmtree(DIST / "Kennisnavigator", ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build"),
            str(ROOT / "packaging" / "kennisnavigator.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    folder = DIST / "Kennisnavigator"
    smoke_test(folder)
    archive = DIST / f"Kennisnavigator-{__version__}.zip"
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, Path("Kennisnavigator") / path.relative_to(folder))
    print(f"folder: {folder_size(folder) / 2**20:.1f} MB; zip: {archive.stat().st_size / 2**20:.1f} MB → {archive}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
