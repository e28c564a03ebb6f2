"""Where things are: the program's own (read-only) files and the user's own folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Kennisnavigator"


# An installed (not editable) package carries the core content inside itself; setup.py copies it there.
PACKAGED_CONTENT = Path(__file__).resolve().parent / "_content"


def app_root() -> Path:
    """The folder with content/ and index/: the checkout, or the unpacked program folder when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def core_content_dir() -> Path:
    """The core pack: NAVIGATOR_CONTENT; else the copy installed with the package; else content/ beside the
    program (the checkout, or the program folder when frozen)."""
    if os.environ.get("NAVIGATOR_CONTENT"):
        return Path(os.environ["NAVIGATOR_CONTENT"])
    if PACKAGED_CONTENT.is_dir() and not getattr(sys, "frozen", False):
        return PACKAGED_CONTENT
    return app_root() / "content"


def shipped_index_dir() -> Path:
    """The prebuilt index beside the program (read-only); NAVIGATOR_INDEX points elsewhere (tests, a share).
    An installed package ships none: its index is built once into the user's cache."""
    if os.environ.get("NAVIGATOR_INDEX"):
        return Path(os.environ["NAVIGATOR_INDEX"])
    return app_root() / "index"


def _platformdirs():
    import platformdirs  # imported when first needed: it costs start-up time before the window is drawn

    return platformdirs


def user_cache_dir() -> Path:
    return Path(_platformdirs().user_cache_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    return Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False))


def user_index_dir() -> Path:
    return user_cache_dir() / "index"


def program_dir() -> Path:
    """The folder IT installed the program in (read-only on a locked-down workstation)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).parent
    return app_root()


def org_config_file() -> Path:
    """The organisation's settings file beside the program (NAVIGATOR_ORG_CONFIG points elsewhere, for tests)."""
    from .config import ORG_FILE

    return Path(os.environ.get("NAVIGATOR_ORG_CONFIG") or program_dir() / ORG_FILE)


def user_settings_file() -> Path:
    return Path(_platformdirs().user_config_dir(APP_NAME, appauthor=False)) / "instellingen.json"


def settings(with_user: bool = True):
    from .config import load_settings

    return load_settings(org_config_file(), user_settings_file() if with_user else None)


def extra_packs(cli_packs: list[str] | None = None) -> list[Path]:
    """Extra content packs: the organisation's, NAVIGATOR_PACKS (separated like PATH), then --pack."""
    from .config import load_org_file

    org, _ = load_org_file(org_config_file())
    env = [p for p in os.environ.get("NAVIGATOR_PACKS", "").split(os.pathsep) if p.strip()]
    return list(org.get("pakketten", [])) + [Path(p) for p in env + list(cli_packs or [])]


def pack_dirs(cli_packs: list[str] | None = None) -> list[Path]:
    return [core_content_dir()] + extra_packs(cli_packs)
