"""The content's fingerprint, checked against the index at every start. Kept apart from the loader so that
check needs neither PyYAML nor the validation code."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def content_hash(pack_dirs: list[Path], extra: str = "") -> str:
    """A hash over every file of every pack: the index is stale as soon as any of them changes.

    Only the packs' contents count, not where they are: the shipped index must still match after the program
    folder is unpacked somewhere else. Runs at every start, so it walks with os.walk and plain strings."""
    digest = hashlib.sha256(extra.encode())
    for number, pack_dir in enumerate(pack_dirs):
        digest.update(f"\0pack {number}\0".encode())
        if not pack_dir.is_dir():
            continue
        root = str(pack_dir)
        relative: list[str] = []
        for folder, _dirs, files in os.walk(root, followlinks=True):
            prefix = os.path.relpath(folder, root)
            prefix = "" if prefix == os.curdir else prefix + os.sep
            relative.extend(prefix + name for name in files)
        for name in sorted(relative, key=lambda r: r.split(os.sep)):  # the order of sorted Paths
            digest.update(name.encode())
            try:
                with open(os.path.join(root, name), "rb") as handle:
                    digest.update(handle.read())
            except OSError:
                digest.update(b"<unreadable>")
    return digest.hexdigest()
