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
def real_engine(tmp_path_factory):
    from navigator.search import open_engine

    engine, _ = open_engine([CONTENT], [], tmp_path_factory.mktemp("real") / "index")
    yield engine
    engine.close()
