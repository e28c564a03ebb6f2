"""Relevance benchmark: run the shared relevance cases through the search interface and print hits@k.

    .venv/bin/python benchmarks/relevance.py [--cases FILE ...] [--strict]

Each case gives a query, optional facet filters, title fragments of which one must appear among the first k
results. Nothing in the code or content may special-case these strings: they measure, they are not targets.
By default two sets run: the shared development set and our own realistic questions (benchmarks/questions.yaml).
Per set it prints hits@k (each case's own k), hits@1, hits@3 and MRR (mean reciprocal rank over the first 10).
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

DEFAULT_CASES = [ROOT.parent / "shared" / "eval" / "dev-queries.yaml", ROOT / "benchmarks" / "questions.yaml"]


def evaluate(engine, cases: list[dict]) -> list[dict]:
    rows = []
    for case in cases:
        k = int(case.get("k", 3))
        filters = {
            key: [value] if isinstance(value, str) else list(value)
            for key, value in (case.get("filters") or {}).items()
        }
        response = engine.search(case.get("query", ""), filters, limit=max(k, 10))
        titles = [hit.title for hit in response.hits]
        wanted = [w.lower() for w in case["expect_any"]]
        rank = next((i + 1 for i, title in enumerate(titles) if any(w in title.lower() for w in wanted)), None)
        rows.append(
            {
                "query": case.get("query", ""),
                "filters": filters,
                "k": k,
                "rank": rank,
                "hit": rank is not None and rank <= k,
                "top": titles[:k],
                "kind": case.get("kind", ""),
                "weak": response.weak,
            }
        )
    return rows


def summary(rows: list[dict]) -> dict:
    """hits@k (each case's own k), hits@1, hits@3 and MRR over the first 10 results."""
    n = len(rows) or 1
    return {
        "cases": len(rows),
        "hits@k": sum(r["hit"] for r in rows) / n,
        "hits@1": sum(r["rank"] == 1 for r in rows) / n,
        "hits@3": sum(r["rank"] is not None and r["rank"] <= 3 for r in rows) / n,
        "mrr": sum(1 / r["rank"] for r in rows if r["rank"]) / n,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, nargs="+", default=DEFAULT_CASES)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every case of every set hits")
    args = parser.parse_args(argv)
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        engine, _ = open_engine([args.content], [], Path(tmp) / "index")
        for cases_file in args.cases:
            cases = yaml.safe_load(cases_file.read_text(encoding="utf-8"))["cases"]
            rows = evaluate(engine, cases)
            print(f"== {cases_file.name}")
            for row in rows:
                mark = "ok  " if row["hit"] else "MISS"
                where = f"rank {row['rank']}" if row["rank"] else "not in top 10"
                filters = " ".join(f"{k}={','.join(v)}" for k, v in row["filters"].items())
                weak = " (zwak)" if row["weak"] else ""
                print(f"{mark} hits@{row['k']:<2} {where:<14} {row['query']!r}{weak} {filters}")
                if not row["hit"]:
                    print(f"       top: {row['top']}")
            s = summary(rows)
            kinds = sorted({r["kind"] for r in rows if r["kind"]})
            for kind in kinds:
                part = summary([r for r in rows if r["kind"] == kind])
                print(
                    f"   {kind:<10} {part['cases']:>3} cases  hits@1 {part['hits@1']:.0%}  hits@3 {part['hits@3']:.0%}"
                    f"  MRR {part['mrr']:.2f}"
                )
            print(
                f"{cases_file.name}: {s['cases']} cases  hits@k {s['hits@k']:.0%}  hits@1 {s['hits@1']:.0%}  "
                f"hits@3 {s['hits@3']:.0%}  MRR {s['mrr']:.2f}\n"
            )
            missed += sum(not r["hit"] for r in rows)
        engine.close()
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
