"""Project-level promises that no other test guards."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_python_older_than_3_12_is_refused_everywhere_it_could_be_chosen():
    """PySide6 6.12.0 drops a reference to None on every void call; on 3.11 that aborts the app after a few
    thousand calls (3.12 made None immortal, so no test on 3.12+ can see the crash itself). What can be checked
    is that 3.11 is never chosen: by pip, by `make` and by the build script."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.12"
    assert "sys.version_info < (3, 12)" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "sys.version_info < (3, 12)" in (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert sys.version_info >= (3, 12)


def test_the_checks_are_installed_with_the_tests():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert "kennisnavigator[lint]" in extras["test"]
    assert {p.split("==")[0] for p in extras["lint"]} >= {"ruff", "mypy", "import-linter"}
    assert all("==" in p for p in extras["lint"] + extras["test"] if not p.startswith("kennisnavigator"))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ntest: lint\n" in makefile
