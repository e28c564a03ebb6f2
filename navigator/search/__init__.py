"""Search layer: Dutch analysis, index and facets, behind a small interface. Pure Python; never imports Qt.

engine, info = open_engine(pack_dirs, read_only_dirs, rebuild_dir)
response = engine.search("coercive control", {"type": ["kennis"]}, limit=20)   # SearchResponse, Hit
record = engine.card_by_id("veilig-thuis")     # CardRecord, following `vervangt`
card = engine.load_card("veilig-thuis")        # the full Card, read from its file
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content import Corpus, content_hash
from .analysis import ANALYSIS_VERSION
from .engine import SearchEngine
from .index import IndexError_, Progress, build_index, manifest_matches, open_index
from .records import CardRecord, Hit, SearchResponse
from .snippets import make_snippet


@dataclass
class OpenInfo:
    """How the index was obtained, so the app and CLI can tell the user."""

    index_dir: Path
    rebuilt: bool = False
    reason: str = ""
    problems: list[str] = field(default_factory=list)


def current_hash(pack_dirs: list[Path]) -> str:
    return content_hash(pack_dirs, extra=ANALYSIS_VERSION)


def build(pack_dirs: list[Path], out_dir: Path, progress: Progress | None = None) -> Corpus:
    """Load and validate the packs and build a fresh index into `out_dir`. Returns the corpus."""
    from ..content import load_corpus

    corpus = load_corpus(pack_dirs)
    build_index(corpus, out_dir, current_hash(pack_dirs), progress=progress)
    return corpus


def open_existing(
    pack_dirs: list[Path], candidates: list[Path], reasons: list[str] | None = None
) -> tuple[SearchEngine, OpenInfo] | None:
    """The first index among `candidates` that matches the content and opens; None if there is none."""
    wanted = current_hash(pack_dirs)
    for candidate in candidates:
        if not manifest_matches(candidate, wanted):
            if reasons is not None:
                reasons.append(f"{candidate}: ontbreekt of hoort bij andere inhoud")
            continue
        try:
            ix, payload = open_index(candidate)
        except IndexError_ as exc:
            if reasons is not None:
                reasons.append(str(exc))
            continue
        engine = SearchEngine(ix, payload)
        return engine, OpenInfo(candidate, problems=engine.problems)
    return None


def open_engine(
    pack_dirs: list[Path], read_only_dirs: list[Path], rebuild_dir: Path, progress: Progress | None = None
) -> tuple[SearchEngine, OpenInfo]:
    """Open the first index that matches the content; otherwise rebuild into `rebuild_dir` and open that.

    `read_only_dirs` are tried in order (the shipped index, then the user's cache) and never written.
    """
    reasons: list[str] = []
    found = open_existing(pack_dirs, list(read_only_dirs) + [rebuild_dir], reasons)
    if found is not None:
        return found
    build(pack_dirs, rebuild_dir, progress)
    ix, payload = open_index(rebuild_dir)
    engine = SearchEngine(ix, payload)
    return engine, OpenInfo(rebuild_dir, rebuilt=True, reason="; ".join(reasons), problems=engine.problems)


__all__ = [
    "CardRecord",
    "Hit",
    "IndexError_",
    "OpenInfo",
    "SearchEngine",
    "SearchResponse",
    "build",
    "current_hash",
    "make_snippet",
    "open_engine",
    "open_existing",
]
