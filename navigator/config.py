"""Settings: built-in defaults < the organisation's file beside the program < the user's own choices,
except that settings the organisation locks cannot be changed by the user. Pure Python, no Qt.

The organisation file is `organisatie.yaml` beside the program (see docs/deploy.md):

    pakketten: [regio-zaanstreek]      # extra content packs; relative paths start at this file's folder
    externe_links: nee                 # may a link open the browser? ja/nee, aan/uit, true/false (default: ja)
    startscherm: zoeken                # start | zoeken: what the app opens with (default: start)
    vergrendeld: [externe_links]       # settings the user cannot change

An invalid value is reported and not used: the default applies, or, for a locked setting, the safe value
(`SAFE`: no external links), so a typo never turns on what the organisation meant to lock off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .content.model import Problem
from .userdata import JsonStore

ORG_FILE = "organisatie.yaml"
DEFAULTS: dict[str, Any] = {"externe_links": True, "startscherm": "start"}
CHOICES: dict[str, tuple[Any, ...]] = {"externe_links": (True, False), "startscherm": ("start", "zoeken")}
# What a locked setting falls back to when the organisation's value cannot be read: the cautious choice.
SAFE: dict[str, Any] = {"externe_links": False, "startscherm": "start"}
ORG_KEYS = set(DEFAULTS) | {"pakketten", "vergrendeld"}
# Yes/no as people write it in Dutch (YAML itself already reads true/false, yes/no, on/off).
BOOLEAN_WORDS = {
    "ja": True,
    "nee": False,
    "aan": True,
    "uit": False,
    "waar": True,
    "onwaar": False,
    "true": True,
    "false": False,
}
BOOLEAN_SETTINGS = {key for key, choices in CHOICES.items() if set(choices) == {True, False}}


def _as_choice(key: str, value: Any) -> Any:
    """The value as the setting's own type: 'nee' or 'Uit' is False for a yes/no setting."""
    if key in BOOLEAN_SETTINGS and isinstance(value, str):
        return BOOLEAN_WORDS.get(value.strip().lower(), value)
    return value


def _shown_choices(key: str) -> str:
    if key in BOOLEAN_SETTINGS:
        return "ja, nee (of aan, uit, true, false)"
    return ", ".join(str(c) for c in CHOICES[key])


@dataclass
class Settings:
    values: dict[str, Any]
    locked: set[str]
    packs: list[Path]
    problems: list[Problem] = field(default_factory=list)
    user_store: JsonStore | None = None

    def get(self, key: str) -> Any:
        return self.values[key]

    def is_locked(self, key: str) -> bool:
        return key in self.locked

    def set(self, key: str, value: Any) -> bool:
        """The user's choice; refused (False) for a locked or unknown setting or an invalid value."""
        if key not in DEFAULTS or key in self.locked or value not in CHOICES[key]:
            return False
        self.values[key] = value
        if self.user_store is not None:
            current = self.user_store.load()
            current[key] = value
            self.user_store.save(current)
        return True


def load_org_file(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The organisation's settings, checked. An invalid file gives messages and is ignored as a whole
    (safe defaults), except for the parts that are valid on their own."""
    problems: list[Problem] = []
    if not path.is_file():
        return {}, problems
    from .content.yamlfile import parse_yaml, read_text  # only when there is a file to read

    shown = str(path)
    text = read_text(path, shown)
    if isinstance(text, Problem):
        return {}, [text]
    parsed = parse_yaml(text, shown)
    if parsed.problems:
        return {}, parsed.problems
    data = parsed.data
    if not isinstance(data, dict):
        return {}, [Problem(shown, parsed.first_line, "verwacht sleutels als 'pakketten:' en 'externe_links:'")]
    out: dict[str, Any] = {}
    raw_locks = data.get("vergrendeld")
    lockable = set(DEFAULTS) | {"pakketten"}
    locks = {v for v in raw_locks if isinstance(v, str) and v in lockable} if isinstance(raw_locks, list) else set()
    for key, value in data.items():
        line = parsed.line(key)
        if key not in ORG_KEYS:
            problems.append(
                Problem(shown, line, f"onbekende instelling '{key}' (genegeerd); bekend: {', '.join(sorted(ORG_KEYS))}")
            )
        elif key == "pakketten":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                problems.append(Problem(shown, line, "'pakketten' moet een lijst met mappen zijn (genegeerd)"))
            else:
                out[key] = [(path.parent / v).resolve() if not Path(v).is_absolute() else Path(v) for v in value]
        elif key == "vergrendeld":
            # What can be read is locked, even beside a typo: a lock is never lost to a mistake next to it.
            unknown = [v for v in value if v not in locks] if isinstance(value, list) else [value]
            if unknown:
                problems.append(
                    Problem(
                        shown,
                        line,
                        f"'vergrendeld' moet een lijst zijn met instellingen uit: "
                        f"{', '.join(sorted(lockable))} (genegeerd: "
                        f"{', '.join(map(str, unknown))})",
                    )
                )
            out[key] = locks
        elif _as_choice(key, value) not in CHOICES[key]:
            if key in locks:  # locked, but unreadable: the safe value, never the permissive default
                out[key] = SAFE[key]
                fallback = f"vergrendeld, dus geldt de veilige waarde: {_shown_value(SAFE[key])}"
            else:
                fallback = f"genegeerd; de standaard geldt: {_shown_value(DEFAULTS[key])}"
            problems.append(
                Problem(
                    shown, line, f"'{key}' moet een van deze zijn: {_shown_choices(key)} (niet {value!r}; {fallback})"
                )
            )
        else:
            out[key] = _as_choice(key, value)
    return out, problems


def _shown_value(value: Any) -> str:
    return {True: "ja", False: "nee"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def load_settings(org_file: Path, user_file: Path | None) -> Settings:
    org, problems = load_org_file(org_file)
    locked = set(org.get("vergrendeld", set())) - {"pakketten"}
    values = dict(DEFAULTS)
    values.update({k: v for k, v in org.items() if k in DEFAULTS})
    store = None
    if user_file is not None:
        store = JsonStore(user_file, {})
        user = store.load()
        if store.message:
            problems.append(Problem(str(user_file), 1, store.message))
        for key, value in user.items():
            if key in DEFAULTS and key not in locked and value in CHOICES[key]:
                values[key] = value
    return Settings(values, locked, list(org.get("pakketten", [])), problems, store)
