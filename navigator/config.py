"""Settings: built-in defaults < the organisation's file beside the program < the user's own choices,
except that settings the organisation locks cannot be changed by the user. Pure Python, no Qt.

The organisation file is `organisatie.yaml` beside the program (see docs/deploy.md):

    pakketten: [regio-zaanstreek]      # extra content packs; relative paths start at this file's folder
    externe_links: false               # may a link open the browser? (default: true)
    startscherm: zoeken                # start | zoeken: what the app opens with (default: start)
    vergrendeld: [externe_links]       # settings the user cannot change
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .content.model import Problem
from .userdata import JsonStore

ORG_FILE = "organisatie.yaml"
DEFAULTS = {"externe_links": True, "startscherm": "start"}
CHOICES = {"externe_links": (True, False), "startscherm": ("start", "zoeken")}
ORG_KEYS = set(DEFAULTS) | {"pakketten", "vergrendeld"}


@dataclass
class Settings:
    values: dict
    locked: set[str]
    packs: list[Path]
    problems: list[Problem] = field(default_factory=list)
    user_store: JsonStore | None = None

    def get(self, key: str):
        return self.values[key]

    def is_locked(self, key: str) -> bool:
        return key in self.locked

    def set(self, key: str, value) -> bool:
        """The user's choice; refused (False) for a locked or unknown setting or an invalid value."""
        if key not in DEFAULTS or key in self.locked or value not in CHOICES[key]:
            return False
        self.values[key] = value
        if self.user_store is not None:
            current = self.user_store.load()
            current[key] = value
            self.user_store.save(current)
        return True


def load_org_file(path: Path) -> tuple[dict, list[Problem]]:
    """The organisation's settings, checked. An invalid file gives messages and is ignored as a whole
    (safe defaults), except for the parts that are valid on their own."""
    problems: list[Problem] = []
    if not path.is_file():
        return {}, problems
    from .content.yamlfile import parse_yaml, read_text  # only when there is a file to read
    shown = str(path)
    text, problem = read_text(path, shown)
    if problem:
        return {}, [problem]
    parsed = parse_yaml(text, shown)
    if parsed.problems:
        return {}, parsed.problems
    data = parsed.data
    if not isinstance(data, dict):
        return {}, [Problem(shown, parsed.first_line, "verwacht sleutels als 'pakketten:' en 'externe_links:'")]
    out: dict = {}
    for key, value in data.items():
        line = parsed.line(key)
        if key not in ORG_KEYS:
            problems.append(Problem(shown, line, f"onbekende instelling '{key}' (genegeerd); bekend: "
                                                 f"{', '.join(sorted(ORG_KEYS))}"))
        elif key == "pakketten":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                problems.append(Problem(shown, line, "'pakketten' moet een lijst met mappen zijn (genegeerd)"))
            else:
                out[key] = [(path.parent / v).resolve() if not Path(v).is_absolute() else Path(v) for v in value]
        elif key == "vergrendeld":
            if not isinstance(value, list) or not all(v in DEFAULTS or v == "pakketten" for v in value):
                problems.append(Problem(shown, line, f"'vergrendeld' moet een lijst zijn met instellingen uit: "
                                                     f"{', '.join(sorted(DEFAULTS))} (genegeerd)"))
            else:
                out[key] = set(value)
        elif value not in CHOICES[key]:
            shown_choices = ", ".join(str(c).lower() for c in CHOICES[key])
            problems.append(Problem(shown, line, f"'{key}' moet een van deze zijn: {shown_choices} (genegeerd)"))
        else:
            out[key] = value
    return out, problems


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
