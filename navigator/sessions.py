"""Training sessions of a scenario: the trainer's notes, the step the group is at and the voices shown.

Pure Python, no Qt. One JSON file per scenario in the user's own folder, written atomically (see userdata).
A session has a date and an optional group name; nothing about clients is stored, only the trainer's words.
Notes written before sessions existed (`notities/<scenario>.json`) become the first session.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .userdata import JsonStore

FORMAT_VERSION = 1


@dataclass
class Session:
    id: str
    day: str  # ISO date, e.g. 2026-03-12
    group: str = ""
    notes: dict[str, str] = field(default_factory=dict)  # step number (from 1) -> note
    position: int = 0  # index of the step the group is at
    revealed: dict[str, int] = field(default_factory=dict)  # step number (from 1) -> voices shown
    migrated: bool = False  # holds the notes from before sessions existed

    def get(self, step: int) -> str:
        """The note at step `step` (counted from 1); the exporters read notes this way."""
        return self.notes.get(str(step), "")

    def set_note(self, step: int, text: str) -> None:
        if text.strip():
            self.notes[str(step)] = text
        else:
            self.notes.pop(str(step), None)

    def revealed_at(self, step: int) -> int:
        return self.revealed.get(str(step), 0)

    def label(self) -> str:
        """How the session is named in lists and exports: date and group, e.g. '12-03-2026 · Groep A'."""
        try:
            shown = dt.date.fromisoformat(self.day).strftime("%d-%m-%Y")
        except ValueError:
            shown = self.day
        name = self.group.strip() or ("notities van vóór de sessies" if self.migrated else "")
        return f"{shown} · {name}" if name else shown

    def is_empty(self) -> bool:
        return not self.notes and not self.revealed and self.position == 0

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "datum": self.day,
            "groep": self.group,
            "notities": self.notes,
            "stap": self.position,
            "getoond": self.revealed,
            "gemigreerd": self.migrated,
        }

    @classmethod
    def from_json(cls, data: dict) -> Session | None:
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            return None
        raw_notes, raw_revealed = data.get("notities"), data.get("getoond")
        notes: dict = raw_notes if isinstance(raw_notes, dict) else {}
        revealed: dict = raw_revealed if isinstance(raw_revealed, dict) else {}
        position = data.get("stap")
        return cls(
            id=data["id"],
            day=str(data.get("datum") or ""),
            group=str(data.get("groep") or ""),
            notes={str(k): v for k, v in notes.items() if isinstance(v, str)},
            position=position if isinstance(position, int) and position >= 0 else 0,
            revealed={str(k): v for k, v in revealed.items() if isinstance(v, int) and v >= 0},
            migrated=bool(data.get("gemigreerd")),
        )


class SessionStore:
    """The sessions of one scenario, newest first. Every change re-reads the file before writing, so two
    windows on the same scenario do not undo each other's sessions."""

    def __init__(self, folder: Path, scenario_id: str, today=dt.date.today):
        self.folder = Path(folder)
        self.scenario_id = scenario_id
        self.today = today
        self.store = JsonStore(self.folder / "sessies" / f"{scenario_id}.json", {})
        self.legacy_notes = JsonStore(self.folder / "notities" / f"{scenario_id}.json", {})
        if not self.store.path.exists():
            self._migrate_legacy_notes()

    @property
    def message(self) -> str | None:
        """Set when a damaged file was set aside."""
        return self.store.message or self.legacy_notes.message

    def sessions(self) -> list[Session]:
        raw = self.store.load().get("sessies")
        found = [s for s in (Session.from_json(item) for item in raw or []) if s is not None]
        return sorted(found, key=lambda s: (s.day, s.id), reverse=True)

    def get(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions() if s.id == session_id), None)

    def latest(self) -> Session | None:
        sessions = self.sessions()
        return sessions[0] if sessions else None

    def session_for_today(self) -> Session:
        """The latest session if it is from today, else a fresh one (saved only once something is kept), so
        the next group never sees the last group's notes."""
        latest = self.latest()
        if latest is not None and latest.day == self.today().isoformat():
            return latest
        return self.new(save=False)

    def new(self, group: str = "", day: dt.date | None = None, save: bool = True) -> Session:
        day = day or self.today()
        taken = {s.id for s in self.sessions()}
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # never reused, even after a removal
        session_id, n = stamp, 1
        while session_id in taken:
            n += 1
            session_id = f"{stamp}-{n}"
        session = Session(id=session_id, day=day.isoformat(), group=group.strip())
        if save:
            self.save(session)
        return session

    def save(self, session: Session) -> None:
        data = self.store.load()
        others = [
            item for item in data.get("sessies") or [] if not (isinstance(item, dict) and item.get("id") == session.id)
        ]
        self.store.save({"versie": FORMAT_VERSION, "sessies": others + [session.to_json()]})

    def remove(self, session_id: str) -> bool:
        data = self.store.load()
        items = data.get("sessies") or []
        kept = [item for item in items if not (isinstance(item, dict) and item.get("id") == session_id)]
        if len(kept) == len(items):
            return False
        self.store.save({"versie": FORMAT_VERSION, "sessies": kept})
        return True

    def _migrate_legacy_notes(self) -> None:
        notes = {str(k): v for k, v in self.legacy_notes.load().items() if isinstance(v, str) and v.strip()}
        if not notes:
            return
        try:
            day = dt.date.fromtimestamp(os.path.getmtime(self.legacy_notes.path))
        except OSError:
            day = self.today()
        # The old file stays where it is (nothing is lost); it is no longer read once the sessions file exists.
        self.save(Session(id="eerdere-notities", day=day.isoformat(), notes=notes, migrated=True))


class RoomSettings:
    """How the trainer wants the room's screen: text size in points (None: the default) and high contrast."""

    def __init__(self, folder: Path):
        self.store = JsonStore(Path(folder) / "trainer.json", {})

    def text_size(self) -> float | None:
        value = self.store.load().get("tekstgrootte")
        return float(value) if isinstance(value, (int, float)) and 8 <= value <= 96 else None

    def high_contrast(self) -> bool:
        return self.store.load().get("hoog_contrast") is True

    def set_text_size(self, points: float | None) -> None:
        self._set("tekstgrootte", None if points is None else round(float(points), 1))

    def set_high_contrast(self, on: bool) -> None:
        self._set("hoog_contrast", bool(on))

    def _set(self, key: str, value) -> None:
        data = self.store.load()
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
        self.store.save(data)
