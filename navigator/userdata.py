"""The user's own small files (bookmarks, recent cards, notes): atomic writes, damaged files set aside.

Pure Python, no Qt. Nothing about clients is stored: only card ids and the user's own notes.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over the target.

    A crash at any moment leaves either the old file or the new one, never a half-written file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class JsonStore:
    """A JSON file of the user's own data. A damaged file is renamed aside (kept) and reported once."""

    def __init__(self, path: Path, default):
        self.path = Path(path)
        self.default = default
        self.message: str | None = None  # set when a damaged file was set aside

    def load(self):
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self._fresh()
        except OSError as exc:
            self.message = f"{self.path} kan niet gelezen worden ({exc.strerror}); er wordt niets overschreven."
            return self._fresh()
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, type(self.default)):
                raise ValueError(f"verwacht {type(self.default).__name__}")
            return data
        except ValueError:
            aside = self.path.with_name(
                f"{self.path.stem}.beschadigd-{time.strftime('%Y%m%d-%H%M%S')}{self.path.suffix}"
            )
            os.replace(self.path, aside)
            self.message = (
                f"{self.path.name} was beschadigd en is opzijgezet als {aside.name}; er is een nieuw bestand begonnen."
            )
            return self._fresh()

    def save(self, data) -> None:
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2))

    def _fresh(self):
        return json.loads(json.dumps(self.default))
