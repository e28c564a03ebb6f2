"""Where things are: the program's own (read-only) files and the user's own folders."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Kennisnavigator"


def app_root() -> Path:
    """The folder with content/ and index/: the checkout, or the unpacked program folder when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def core_content_dir() -> Path:
    return Path(os.environ.get("NAVIGATOR_CONTENT") or app_root() / "content")


def shipped_index_dir() -> Path:
    return app_root() / "index"


def user_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_index_dir() -> Path:
    return user_cache_dir() / "index"


def extra_packs(cli_packs: list[str] | None = None) -> list[Path]:
    """Extra content packs: NAVIGATOR_PACKS (separated like PATH) and --pack, in that order."""
    env = [p for p in os.environ.get("NAVIGATOR_PACKS", "").split(os.pathsep) if p.strip()]
    return [Path(p) for p in env + list(cli_packs or [])]


def pack_dirs(cli_packs: list[str] | None = None) -> list[Path]:
    return [core_content_dir()] + extra_packs(cli_packs)
