"""Shared fixtures: a small pack built from the real taxonomy and sources plus test cards, and its engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
MINI = Path(__file__).resolve().parent / "data" / "mini"


def make_pack(target: Path) -> Path:
    """A core pack: the real taxonomy, sources and synonyms with the small test cards."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("taxonomy.yaml", "bronnen.yaml", "synoniemen.yaml"):
        shutil.copy(CONTENT / name, target / name)
    for card in MINI.iterdir():
        shutil.copy(card, target / card.name)
    return target


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user's cache or data: every test gets its own home folders."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("NAVIGATOR_PACKS", raising=False)


@pytest.fixture
def mini_pack(tmp_path) -> Path:
    return make_pack(tmp_path / "mini")


@pytest.fixture(scope="session")
def mini_engine(tmp_path_factory):
    from navigator.search import open_engine

    base = tmp_path_factory.mktemp("mini-engine")
    pack = make_pack(base / "pack")
    engine, _ = open_engine([pack], [], base / "index")
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def _cli_content(tmp_path_factory) -> tuple[Path, Path]:
    """The test pack and its index, built once per session for every command-line test."""
    from navigator.search import build

    base = tmp_path_factory.mktemp("cli")
    pack = make_pack(base / "pack")
    build([pack], base / "index")
    return pack, base / "index"


@pytest.fixture
def cli_pack(_cli_content, monkeypatch) -> Path:
    """The command line (in this process and in child processes) on the test pack, with its index already
    built: NAVIGATOR_INDEX points at it, so no test rebuilds it. Do not change the pack: copy it first."""
    pack, index = _cli_content
    monkeypatch.setenv("NAVIGATOR_CONTENT", str(pack))
    monkeypatch.setenv("NAVIGATOR_INDEX", str(index))
    return pack


@pytest.fixture(scope="session")
def real_engine(tmp_path_factory):
    from navigator.search import open_engine

    engine, _ = open_engine([CONTENT], [], tmp_path_factory.mktemp("real") / "index")
    yield engine
    engine.close()


def make_extra_pack(folder: Path, cards: dict[str, str]) -> Path:
    """A regional pack: pack.yaml plus the given {file name: text} cards."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(
        "naam: Regio\nversie: '1'\nuitgever: Gemeente\ndatum: 2026-11-01\n", encoding="utf-8"
    )
    for name, text in cards.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def organisation_card(card_id: str, title: str, body: str) -> str:
    """A valid organisation card for pack tests."""
    return (
        f"---\nid: {card_id}\ntype: organisatie\ntitel: {title}\nsamenvatting: {title} in de regio.\n"
        "rol: Steun bieden.\nwanneer: Bij vragen over thuis.\nbronnen:\n  - {bron: kenniskaart, plek: Leeswijzer}\n"
        f"gecontroleerd: 2026-11-01\n---\n{body}\n"
    )


@pytest.fixture
def user_folder(tmp_path):
    return tmp_path / "gebruiker"


@pytest.fixture
def main_window(qtbot, mini_engine, user_folder):
    """The main window on the test pack, shown, with Qt's Dutch strings loaded."""
    from PySide6.QtWidgets import QApplication

    from navigator.ui.app import install_translations
    from navigator.ui.mainwindow import MainWindow

    install_translations(QApplication.instance())
    win = MainWindow(mini_engine, None, user_folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
