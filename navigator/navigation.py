"""Where the user is and what they set aside: the card history with reading positions, the comparison, and
the bookmarks and recent cards kept per user.

Plain Python (no Qt), so the rules are tested on their own; the main window shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .userdata import JsonStore

MAX_COMPARED = 4  # four columns of text is what a screen and a landscape page can hold


@dataclass
class History:
    """Back and forward through the cards opened, like a browser, with the place you were reading in each."""

    cards: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    index: int = -1

    @property
    def current(self) -> str | None:
        return self.cards[self.index] if 0 <= self.index < len(self.cards) else None

    def can_go_back(self) -> bool:
        return self.index > 0

    def can_go_forward(self) -> bool:
        return self.index < len(self.cards) - 1

    def visit(self, card_id: str) -> None:
        """A card opened by following something (not Back/Forward): what was ahead is dropped."""
        del self.cards[self.index + 1 :]
        del self.positions[self.index + 1 :]
        self.cards.append(card_id)
        self.positions.append(0)
        self.index = len(self.cards) - 1

    def remember(self, position: int) -> None:
        """Where the user is reading in the current card, to return there later."""
        if 0 <= self.index < len(self.positions):
            self.positions[self.index] = position

    def back(self) -> tuple[str, int] | None:
        if not self.can_go_back():
            return None
        self.index -= 1
        return self.cards[self.index], self.positions[self.index]

    def forward(self) -> tuple[str, int] | None:
        if not self.can_go_forward():
            return None
        self.index += 1
        return self.cards[self.index], self.positions[self.index]


@dataclass
class CompareSet:
    """The cards set aside to compare, in the order they were added; at most MAX_COMPARED."""

    ids: list[str] = field(default_factory=list)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self):
        return iter(self.ids)

    def toggle(self, card_id: str) -> bool | None:
        """Add or remove a card: True if added, False if removed, None if the set is full."""
        if card_id in self.ids:
            self.ids.remove(card_id)
            return False
        if len(self.ids) >= MAX_COMPARED:
            return None
        self.ids.append(card_id)
        return True

    def clear(self) -> None:
        self.ids.clear()

    def ready(self) -> bool:
        return len(self.ids) >= 2


MAX_RECENT = 15


class UserLists:
    """Bookmarks and recent cards, kept per user. Every change re-reads the file first, so two app
    instances running at once add to each other's lists instead of overwriting them."""

    def __init__(self, folder: Path):
        self.bookmark_store = JsonStore(folder / "bladwijzers.json", [])
        self.recent_store = JsonStore(folder / "recent.json", [])
        self.messages: list[str] = []
        self.bookmarks = self._load(self.bookmark_store)
        self.recent = self._load(self.recent_store)

    def _load(self, store: JsonStore) -> list[str]:
        data = [x for x in store.load() if isinstance(x, str)]
        if store.message:
            self.messages.append(store.message)
        return data

    def toggle_bookmark(self, card_id: str) -> bool:
        current = self._load(self.bookmark_store)
        added = card_id not in current
        current = current + [card_id] if added else [x for x in current if x != card_id]
        self.bookmark_store.save(current)
        self.bookmarks = current
        return added

    def remove_bookmarks(self, card_ids: list[str]) -> None:
        current = [x for x in self._load(self.bookmark_store) if x not in set(card_ids)]
        self.bookmark_store.save(current)
        self.bookmarks = current

    def add_recent(self, card_id: str) -> None:
        current = [card_id] + [x for x in self._load(self.recent_store) if x != card_id]
        self.recent = current[:MAX_RECENT]
        self.recent_store.save(self.recent)
