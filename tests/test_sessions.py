"""Training sessions stored per scenario: plain Python, no Qt."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

from navigator.sessions import RoomSettings, Session, SessionStore

DAY = dt.date(2026, 3, 12)


def store_on(folder, day=DAY) -> SessionStore:
    return SessionStore(folder, "leo-en-nora", today=lambda: day)


def test_a_new_session_starts_empty_and_earlier_ones_stay(tmp_path):
    store = store_on(tmp_path)
    first = store.new("Wijkteam Noord", dt.date(2026, 3, 5))
    first.set_note(1, "Veel discussie over veiligheid")
    first.revealed["1"] = 2
    first.position = 1
    store.save(first)
    second = store.new("Ochtendgroep")
    assert second.notes == {} and second.revealed == {} and second.position == 0
    listed = store_on(tmp_path).sessions()
    assert [s.group for s in listed] == ["Ochtendgroep", "Wijkteam Noord"]  # newest first
    again = store_on(tmp_path).get(first.id)
    assert again is not None
    assert again.get(1) == "Veel discussie over veiligheid" and again.revealed_at(1) == 2 and again.position == 1
    assert again.label() == "05-03-2026 · Wijkteam Noord"


def test_remove_a_session(tmp_path):
    store = store_on(tmp_path)
    keep, drop = store.new("A"), store.new("B")
    assert store.remove(drop.id)
    assert [s.id for s in store.sessions()] == [keep.id]
    assert not store.remove("bestaat-niet")


def test_session_for_today_is_fresh_on_a_new_day_and_not_saved_until_used(tmp_path):
    yesterday = store_on(tmp_path, DAY - dt.timedelta(days=1))
    old = yesterday.new("gisteren")
    old.set_note(1, "notitie van de vorige groep")
    yesterday.save(old)
    today = store_on(tmp_path)
    fresh = today.session_for_today()
    assert fresh.id != old.id and fresh.get(1) == "" and fresh.day == DAY.isoformat()
    assert [s.id for s in today.sessions()] == [old.id]  # nothing written for an unused session
    fresh.set_note(1, "vandaag")
    today.save(fresh)
    assert today.session_for_today().id == fresh.id  # the same day continues the same session


def test_notes_from_before_sessions_become_the_first_session(tmp_path):
    legacy = tmp_path / "notities" / "leo-en-nora.json"
    legacy.parent.mkdir()
    legacy.write_text(json.dumps({"1": "oude notitie", "2": "  ", "x": 3}), encoding="utf-8")
    stamp = dt.datetime(2025, 11, 20, 10, 0).timestamp()
    os.utime(legacy, (stamp, stamp))
    sessions = store_on(tmp_path).sessions()
    assert len(sessions) == 1
    migrated = sessions[0]
    assert migrated.migrated and migrated.get(1) == "oude notitie" and migrated.get(2) == ""
    assert migrated.day == "2025-11-20" and "vóór de sessies" in migrated.label()
    assert legacy.exists()  # kept, not lost
    store_on(tmp_path).remove(migrated.id)
    assert store_on(tmp_path).sessions() == []  # not migrated again once the sessions file exists


def test_sessions_file_is_written_atomically_and_holds_no_client_fields(tmp_path):
    store = store_on(tmp_path)
    session = store.new("Groep 1")
    session.set_note(1, "tekst")
    store.save(session)
    path = tmp_path / "sessies" / "leo-en-nora.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["sessies"][0]) == {"id", "datum", "groep", "notities", "stap", "getoond", "gemigreerd"}
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_malformed_entries_are_skipped(tmp_path):
    path = tmp_path / "sessies" / "leo-en-nora.json"
    path.parent.mkdir()
    path.write_text(
        json.dumps(
            {
                "sessies": [
                    {"geen": "id"},
                    5,
                    {"id": "a", "datum": "2026-01-01", "stap": -3, "getoond": {"1": "x"}, "notities": {"1": 7}},
                ]
            }
        )
    )
    (only,) = store_on(tmp_path).sessions()
    assert only.position == 0 and only.revealed == {} and only.notes == {}
    assert Session.from_json("onzin") is None  # type: ignore[arg-type]  # what a damaged file may hold


def test_room_settings_keep_size_and_contrast(tmp_path):
    settings = RoomSettings(tmp_path)
    assert settings.text_size() is None and settings.high_contrast() is False
    settings.set_text_size(30)
    settings.set_high_contrast(True)
    again = RoomSettings(tmp_path)
    assert again.text_size() == 30 and again.high_contrast() is True
    again.set_text_size(None)
    assert RoomSettings(tmp_path).text_size() is None


def test_sessions_module_needs_no_qt():
    import subprocess

    code = "import sys, navigator.sessions; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
