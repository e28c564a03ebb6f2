"""Relevance benchmark: run the shared relevance cases through the search interface and print hits@k.

    .venv/bin/python benchmarks/relevance.py [--cases FILE] [--strict]

Each case gives a query, optional facet filters, title fragments of which one must appear among the first k
results. Nothing in the code or content may special-case these strings: they measure, they are not targets.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.search import open_engine  # noqa: E402

DEFAULT_CASES = ROOT.parent / "shared" / "eval" / "dev-queries.yaml"


def evaluate(engine, cases: list[dict]) -> list[dict]:
    rows = []
    for case in cases:
        k = int(case.get("k", 3))
        filters = {key: [value] if isinstance(value, str) else list(value)
                   for key, value in (case.get("filters") or {}).items()}
        response = engine.search(case.get("query", ""), filters, limit=max(k, 10))
        titles = [hit.title for hit in response.hits]
        wanted = [w.lower() for w in case["expect_any"]]
        rank = next((i + 1 for i, title in enumerate(titles) if any(w in title.lower() for w in wanted)), None)
        rows.append({"query": case.get("query", ""), "filters": filters, "k": k, "rank": rank,
                     "hit": rank is not None and rank <= k, "top": titles[:k]})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every case hits")
    args = parser.parse_args(argv)
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]
    with tempfile.TemporaryDirectory() as tmp:
        engine, _ = open_engine([args.content], [], Path(tmp) / "index")
        rows = evaluate(engine, cases)
        engine.close()
    for row in rows:
        mark = "ok  " if row["hit"] else "MISS"
        where = f"rank {row['rank']}" if row["rank"] else "not in top 10"
        filters = " ".join(f"{k}={','.join(v)}" for k, v in row["filters"].items())
        print(f"{mark} hits@{row['k']:<2} {where:<14} {row['query']!r} {filters}")
        if not row["hit"]:
            print(f"       top: {row['top']}")
    hits = sum(row["hit"] for row in rows)
    print(f"\nhits@k: {hits}/{len(rows)} ({hits / len(rows):.0%})")
    return 1 if args.strict and hits < len(rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
