"""A synthetic corpus for scale tests: Dutch-like cards drawn from the real cards' vocabulary and facet mixes.

Words are drawn with the real corpus' word frequencies (so common words stay common and rare ones rare), titles
from title vocabulary, and each card copies the facet values of a random real card, sometimes with one value
changed, so facet counts behave as they would with a regional pack of the same kind of content.
"""

from __future__ import annotations

import random
from collections import Counter

from navigator.content import LIST_FACETS, Card, Corpus
from navigator.search.analysis import words


def _weighted(counter: Counter):
    items = list(counter.items())
    return [w for w, _ in items], [c for _, c in items]


def generate(real: Corpus, size: int, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    cards = list(real.cards.values())
    body_words = Counter(w for c in cards for w in words(c.body) if w.isalpha())
    title_words = Counter(w for c in cards for w in words(c.title) if w.isalpha() and len(w) > 2)
    body_pool, body_weights = _weighted(body_words)
    title_pool, title_weights = _weighted(title_words)
    facet_values = {f.key: [v.key for v in f.values] for f in real.taxonomy.facets}
    out = Corpus(taxonomy=real.taxonomy, sources=real.sources, synonyms=real.synonyms, packs=real.packs)
    for n in range(size):
        template = rng.choice(cards)
        facets = {k: list(v) for k, v in template.facets.items()}
        if rng.random() < 0.3:
            key = rng.choice(LIST_FACETS)
            facets[key] = sorted(set(facets.get(key, [])) | {rng.choice(facet_values[key])})
        title = " ".join(rng.choices(title_pool, title_weights, k=rng.randint(2, 5))).capitalize()
        summary = " ".join(rng.choices(body_pool, body_weights, k=rng.randint(15, 30))).capitalize() + "."
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            sentences = [
                " ".join(rng.choices(body_pool, body_weights, k=rng.randint(8, 20))).capitalize() + "."
                for _ in range(rng.randint(2, 5))
            ]
            paragraphs.append(" ".join(sentences))
        card_id = f"synthetisch-{n}"
        out.cards[card_id] = Card(
            id=card_id,
            type=facets["type"][0],
            title=title,
            summary=summary,
            facets=facets,
            fields={},
            body="\n\n".join(paragraphs),
            path=f"<synthetisch {n}>",
            pack="synthetisch",
        )
    return out
