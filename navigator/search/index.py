"""The search index as a rebuildable cache: built into a temporary folder, swapped in, opened read-only.

An index folder holds the Whoosh files, `records.json` (what result lists show and what facets count) and
`manifest.json`, written last: a folder without a readable manifest is incomplete and is never opened.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, TEXT, Schema

from .. import __version__
from ..content import Corpus
from .analysis import ANALYSIS_VERSION, CompoundSplitter, index_terms, joined_words, stem, words
from .documents import card_record
from .snippets import taxonomy_to_json
from .wordforms import lemma_stems

# 2: field lengths in records.json; 3: the vocabulary's stems, so opening need not stem it;
# 4: the `questions` field and the lemma stems of word forms (`forms`); 5: `replaced` (ids a pack replaced)
FORMAT_VERSION = 5
MANIFEST = "manifest.json"
RECORDS = "records.json"
SEARCH_FIELDS = ("title", "questions", "keywords", "summary", "body")


Progress = Callable[[int, int], None]  # (cards done, cards in all)


class IndexError_(Exception):
    """The index is missing, stale or damaged (the caller rebuilds it)."""


def schema() -> Schema:
    # Text is analysed by our own Dutch analysis before it reaches Whoosh (analyse once, in one place),
    # so Whoosh only splits on spaces. Nothing but the id is stored: records.json holds the rest.
    pre_analysed = SpaceSeparatedTokenizer()
    return Schema(
        id=ID(stored=True, unique=True), **{name: TEXT(analyzer=pre_analysed, phrase=False) for name in SEARCH_FIELDS}
    )


def expected_manifest(content_hash: str) -> dict[str, Any]:
    return {"format": FORMAT_VERSION, "analysis": ANALYSIS_VERSION, "content_hash": content_hash}


def build_index(corpus: Corpus, out_dir: Path, content_hash: str, progress: Progress | None = None) -> Path:
    """Build the index for `corpus` into a temporary sibling of `out_dir`, then swap it in atomically."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        records = [card_record(card, corpus) for card in corpus.cards.values()]
        texts_per_record = [{field: record[field] for field in SEARCH_FIELDS} for record in records]
        vocabulary: dict[str, int] = {}
        for texts in texts_per_record:
            for text in texts.values():
                for word in set(words(text)) | set(joined_words(text)):
                    vocabulary[word] = vocabulary.get(word, 0) + 1
        forms = lemma_stems(vocabulary)
        lengths: dict[str, list[int]] = {field: [] for field in SEARCH_FIELDS}
        ix = whoosh_index.create_in(str(tmp), schema())
        writer = ix.writer(limitmb=256)
        for n, (record, texts) in enumerate(zip(records, texts_per_record, strict=True)):
            analysed = {f: index_terms(t, forms) for f, t in texts.items()}
            for field, terms in analysed.items():
                lengths[field].append(len(terms))
            writer.add_document(id=record["id"], **{f: " ".join(terms) for f, terms in analysed.items()})
            if progress and n % 200 == 0:
                progress(n, len(records))
        writer.commit()
        ix.close()
        splitter = CompoundSplitter(set(vocabulary))
        payload = {
            "records": records,
            "vocabulary": vocabulary,
            "compounds": splitter.compounds_by_head(),
            "stems": {word: stem(word) for word in vocabulary},
            "forms": forms,
            "lengths": lengths,
            "taxonomy": taxonomy_to_json(corpus.taxonomy),
            "synonyms": [{"term": s.term, "meaning": s.meaning, "variants": list(s.variants)} for s in corpus.synonyms],
            "sources": {
                sid: {"title": src.title, "publisher": src.publisher, "year": src.year, "url": src.url}
                for sid, src in corpus.sources.items()
            },
            "replaced": dict(corpus.replaced),
            "problems": [str(p) for p in corpus.problems],
        }
        (tmp / RECORDS).write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        manifest = expected_manifest(content_hash) | {
            "app_version": __version__,
            "cards": len(records),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "packs": [pack.name for pack in corpus.packs],
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if progress:
        progress(len(records), len(records))
    return out_dir


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `tmp`. The old folder is renamed away first, so a reader never sees a mix."""
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}-{time.monotonic_ns()}")
        os.replace(out_dir, old)
    os.replace(tmp, out_dir)
    if old is not None:
        # On Windows another instance may still hold files open; leftovers are cleaned up next time.
        shutil.rmtree(old, ignore_errors=True)
    for stale in out_dir.parent.glob(f".{out_dir.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((Path(index_dir) / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def manifest_matches(index_dir: Path, content_hash: str) -> bool:
    manifest = read_manifest(index_dir)
    if manifest is None:
        return False
    return all(manifest.get(k) == v for k, v in expected_manifest(content_hash).items())


def open_index(index_dir: Path) -> tuple[Any, dict[str, Any]]:
    """Open a built index read-only: (whoosh index, records payload). Raises IndexError_ if damaged."""
    index_dir = Path(index_dir)
    if read_manifest(index_dir) is None:
        raise IndexError_(f"{index_dir}: geen (volledige) index")
    # Whoosh leaves the handle of a damaged segment open when it fails; silence that warning here and
    # collect the handle at once (on Windows an open file would block replacing the folder).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return _open_checked(index_dir)
        except IndexError_ as exc:
            failure = str(exc)
        except Exception as exc:  # Whoosh raises many kinds on damaged files; all mean "rebuild"
            failure = f"{index_dir}: beschadigd ({type(exc).__name__}: {exc})"
        gc.collect()
    raise IndexError_(failure)


PAYLOAD_KEYS = (
    "records",
    "vocabulary",
    "compounds",
    "stems",
    "forms",
    "lengths",
    "taxonomy",
    "synonyms",
    "sources",
    "replaced",
    "problems",
)


def _open_checked(index_dir: Path) -> tuple[Any, dict[str, Any]]:
    payload = json.loads((index_dir / RECORDS).read_text(encoding="utf-8"))
    missing = [key for key in PAYLOAD_KEYS if not isinstance(payload, dict) or key not in payload]
    if missing:  # e.g. written by a development build with the same format number
        raise IndexError_(f"{index_dir}: onvolledig ({RECORDS} mist {', '.join(missing)})")
    ix = whoosh_index.open_dir(str(index_dir), readonly=True)
    try:
        with ix.reader() as reader:
            count = reader.doc_count_all()
            records = payload["records"]
            if count != len(records):
                raise IndexError_(f"{index_dir}: index en records verschillen ({count} / {len(records)})")
            # Docnums follow insertion order in a freshly built index; check both ends to be sure.
            if records and (
                reader.stored_fields(0).get("id") != records[0]["id"]
                or reader.stored_fields(count - 1).get("id") != records[-1]["id"]
            ):
                raise IndexError_(f"{index_dir}: volgorde van de index klopt niet")
    except BaseException:
        ix.close()
        raise
    payload["manifest"] = read_manifest(index_dir)
    return ix, payload
