"""Measure Dutch stemmers on word pairs from the real cards (tests/data/dutch_pairs.tsv).

Prints, per candidate, how many `same` pairs it conflates and how many `apart` pairs it wrongly merges.
Run: .venv/bin/python benchmarks/stemmers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from navigator.search.analysis import stem, words


def load_pairs(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, a, b = line.split("\t")
            rows.append((kind, words(a)[0], words(b)[0]))  # as the analyser sees them
    return rows


def candidates() -> dict:
    from whoosh.lang.snowball.dutch import DutchStemmer

    out = {"whoosh classic snowball": DutchStemmer().stem, "navigator (classic + repairs)": stem}
    try:
        import snowballstemmer

        out["snowballstemmer 'dutch' (Snowball 3)"] = snowballstemmer.stemmer("dutch").stemWord
    except ImportError:
        pass
    return out


def main() -> None:
    pairs = load_pairs(Path(__file__).resolve().parent.parent / "tests" / "data" / "dutch_pairs.tsv")
    same = [(a, b) for kind, a, b in pairs if kind == "same"]
    apart = [(a, b) for kind, a, b in pairs if kind == "apart"]
    print(f"{'stemmer':40} {'same conflated':>16} {'apart merged':>14}")
    for name, fn in candidates().items():
        ok = sum(fn(a) == fn(b) for a, b in same)
        bad = sum(fn(a) == fn(b) for a, b in apart)
        print(f"{name:40} {ok:>9}/{len(same):<6} {bad:>8}/{len(apart):<5}")
        if "--verbose" in sys.argv:
            for a, b in same:
                if fn(a) != fn(b):
                    print(f"    missed: {a} -> {fn(a)}   {b} -> {fn(b)}")

    question_forms()


def question_forms() -> None:
    """Verb forms from questions against the cards' words: the stemmer alone, and with the lemma table."""
    from navigator.search.wordforms import lemma_stems, search_terms

    pairs = load_pairs(Path(__file__).resolve().parent.parent / "tests" / "data" / "question_forms.tsv")
    same = [(a, b) for kind, a, b in pairs if kind == "same"]
    apart = [(a, b) for kind, a, b in pairs if kind == "apart"]
    print(f"\nquestion forms (tests/data/question_forms.tsv)  {'same met':>9}        {'apart merged':>8}")

    def meet(a, b, with_lemmas):
        forms = lemma_stems({b, a} if (a, b) in apart else {b}) if with_lemmas else {}
        return bool(search_terms(a, forms) & search_terms(b, forms))

    for name, with_lemmas in (("stemmer only", False), ("stemmer + verb lemmas (simplemma)", True)):
        ok = sum(meet(a, b, with_lemmas) for a, b in same)
        bad = sum(meet(a, b, with_lemmas) for a, b in apart)
        print(f"{name:40} {ok:>9}/{len(same):<6} {bad:>8}/{len(apart):<5}")


if __name__ == "__main__":
    main()
