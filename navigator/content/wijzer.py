"""A `wijzer` card: a guided walk (the Meldcode-wijzer) as data. Pure Python, no Qt.

The card holds `stappen` (the steps shown in the step bar), `route` (the questions, each with answers that lead
`naar` another question, a step or an end), `einden` (where a walk can end) and `start`. Validation makes sure
every walk ends somewhere: every `naar` exists, every question is reachable, every question can reach an end (so
no cycle without an exit) and every end is reachable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .model import Problem

KeyPath = tuple[Any, ...]
Data = dict[str, Any]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# What an end means for the professional; the four outcomes of the afwegingskader's route.
END_KINDS = {
    "melden": "Melden bij Veilig Thuis",
    "hulp": "Hulp bieden of organiseren",
    "afsluiten": "Afsluiten en vastleggen",
    "opnieuw-wegen": "Opnieuw wegen",
}
STEP_KEYS = {"id", "titel", "doen", "vastleggen", "kaarten", "veilig_thuis"}
NODE_KEYS = {"id", "stap", "vraag", "uitleg", "antwoorden", "kindcheck", "afweging", "kaarten"}
ANSWER_KEYS = {"tekst", "naar", "uitleg"}
END_KEYS = {"id", "soort", "titel", "doen", "vastleggen", "kaarten", "veilig_thuis"}


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _items(data: Data, key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def check_wijzer(data: Data, line: Callable[..., int], shown: str) -> list[Problem]:
    """Every problem of a wijzer's walk; `line(*path)` gives the line of a key path."""
    out: list[Problem] = []

    def problem(path: KeyPath, message: str) -> None:
        out.append(Problem(shown, line(*path), message))

    for key in ("stappen", "route", "einden"):
        if not isinstance(data.get(key), list) or not data.get(key):
            problem((key,), f"'{key}' moet een lijst zijn met minstens één item")
    if out:
        return out
    kinds: dict[str, str] = {}  # id -> "stap" | "vraag" | "einde"
    where: dict[str, KeyPath] = {}

    def register(kind: str, key: str, i: int, item: object) -> bool:
        if not isinstance(item, dict):
            problem((key, i), f"item {i + 1} van '{key}' moet een mapping zijn")
            return False
        ident = item.get("id")
        if not (isinstance(ident, str) and SLUG.match(ident)):
            problem((key, i), f"item {i + 1} van '{key}' heeft geen geldige 'id'")
            return False
        if ident in kinds:
            problem((key, i, "id"), f"id '{ident}' komt al voor in de wijzer (regel {line(*where[ident])})")
            return False
        kinds[ident], where[ident] = kind, (key, i, "id")
        return True

    def unknown_keys(key: str, i: int, item: Data, allowed: set[str]) -> None:
        for k in item:
            if k not in allowed:
                problem((key, i, k), f"onbekende sleutel '{k}' in '{key}' (kies uit: {', '.join(sorted(allowed))})")

    def str_list(path: KeyPath, value: object) -> None:
        if value is not None and not (isinstance(value, list) and all(_text(v) for v in value)):
            problem(path, f"'{path[-1]}' moet een lijst met teksten zijn")

    steps = [s for i, s in enumerate(data["stappen"]) if register("stap", "stappen", i, s)]
    for i, step in enumerate(data["stappen"]):
        if isinstance(step, dict):
            unknown_keys("stappen", i, step, STEP_KEYS)
            for key in ("titel", "doen"):
                if not _text(step.get(key)):
                    problem(("stappen", i), f"stap {i + 1} heeft '{key}' nodig")
            for key in ("vastleggen", "kaarten"):
                str_list(("stappen", i, key), step.get(key))
    nodes = [n for i, n in enumerate(data["route"]) if register("vraag", "route", i, n)]
    ends = [e for i, e in enumerate(data["einden"]) if register("einde", "einden", i, e)]
    step_ids = [s["id"] for s in steps]
    for i, node in enumerate(data["route"]):
        if not isinstance(node, dict):
            continue
        unknown_keys("route", i, node, NODE_KEYS)
        if not _text(node.get("vraag")):
            problem(("route", i), f"vraag '{node.get('id')}' heeft 'vraag' nodig")
        if node.get("stap") not in step_ids:
            problem(
                ("route", i, "stap"),
                f"vraag '{node.get('id')}' hoort bij een onbekende stap "
                f"{node.get('stap')!r}; kies uit: {', '.join(step_ids)}",
            )
        str_list(("route", i, "kaarten"), node.get("kaarten"))
        answers = node.get("antwoorden")
        if not isinstance(answers, list) or not answers:
            problem(("route", i, "antwoorden"), f"vraag '{node.get('id')}' heeft 'antwoorden' nodig (een lijst)")
            continue
        for j, answer in enumerate(answers):
            if not isinstance(answer, dict) or not _text(answer.get("tekst")):
                problem(("route", i, "antwoorden", j), "een antwoord heeft 'tekst' en 'naar' nodig")
                continue
            unknown_keys_answer = [k for k in answer if k not in ANSWER_KEYS]
            for k in unknown_keys_answer:
                problem(("route", i, "antwoorden", j, k), f"onbekende sleutel '{k}' in een antwoord")
            target = answer.get("naar")
            if target not in kinds:
                problem(
                    ("route", i, "antwoorden", j, "naar") if "naar" in answer else ("route", i, "antwoorden", j),
                    f"antwoord '{answer['tekst']}' leidt naar {target!r}, dat geen vraag, stap of einde is",
                )
    for i, end in enumerate(data["einden"]):
        if not isinstance(end, dict):
            continue
        unknown_keys("einden", i, end, END_KEYS)
        if end.get("soort") not in END_KINDS:
            problem(
                ("einden", i, "soort"),
                f"einde '{end.get('id')}' heeft een onbekende 'soort' "
                f"{end.get('soort')!r}; kies uit: {', '.join(END_KINDS)}",
            )
        for key in ("titel", "doen"):
            if not _text(end.get(key)):
                problem(("einden", i), f"einde '{end.get('id')}' heeft '{key}' nodig")
        for key in ("vastleggen", "kaarten"):
            str_list(("einden", i, key), end.get(key))
    if not any(isinstance(n, dict) and n.get("kindcheck") is True for n in data["route"]):
        problem(("route",), "de route heeft geen vraag met 'kindcheck: true' (de kindcheck hoort bij stap 1)")
    start = data.get("start")
    if not isinstance(start, str) or start not in kinds or kinds[start] == "einde":
        problem(("start",), f"'start' {data.get('start')!r} is geen vraag of stap van de wijzer")
    if out:
        return out

    # The walk as a graph: every question reachable, every question able to reach an end, every end reachable.
    graph = edges(data)
    reachable = _reach(graph, [resolve(data, data["start"])])
    for i, node in enumerate(data["route"]):
        if node["id"] not in reachable:
            problem(("route", i, "id"), f"vraag '{node['id']}' is vanaf 'start' niet te bereiken")
    for i, end in enumerate(data["einden"]):
        if end["id"] not in reachable:
            problem(("einden", i, "id"), f"einde '{end['id']}' is vanaf 'start' niet te bereiken")
    reverse: dict[str, list[str]] = {}
    for source, targets in graph.items():
        for target in targets:
            reverse.setdefault(target, []).append(source)
    can_end = _reach(reverse, [e["id"] for e in ends])
    for i, node in enumerate(data["route"]):
        if node["id"] in reachable and node["id"] not in can_end:
            problem(
                ("route", i, "id"), f"vanaf vraag '{node['id']}' is geen einde te bereiken (een kring zonder uitweg)"
            )
    for i, step in enumerate(data["stappen"]):
        if not any(n["stap"] == step["id"] for n in nodes):
            problem(("stappen", i, "id"), f"stap '{step['id']}' heeft geen vraag in de route")
    return out


def _reach(graph: dict[str, list[str]], roots: list[str]) -> set[str]:
    seen, todo = set(), list(roots)
    while todo:
        item = todo.pop()
        if item not in seen:
            seen.add(item)
            todo.extend(graph.get(item, ()))
    return seen


def resolve(data: Data, target: str) -> str:
    """A `naar` that names a step means that step's first question."""
    for step in data.get("stappen") or []:
        if isinstance(step, dict) and step.get("id") == target:
            return next(
                (n["id"] for n in data.get("route") or [] if isinstance(n, dict) and n.get("stap") == target), target
            )
    return target


def edges(data: Data) -> dict[str, list[str]]:
    return {node["id"]: [resolve(data, a["naar"]) for a in node["antwoorden"]] for node in data["route"]}


def card_links(data: Data) -> list[tuple[KeyPath, str]]:
    """Every card id a wijzer names, with its key path (for the line of a missing card)."""
    links: list[tuple[KeyPath, str]] = []  # the steps' `kaarten` are collected with every card's `stappen`
    for key in ("route", "einden"):
        for i, item in enumerate(_items(data, key)):
            if isinstance(item, dict):
                links += [
                    ((key, i, "kaarten", j), target)
                    for j, target in enumerate(_items(item, "kaarten"))
                    if isinstance(target, str)
                ]
    return links


class Walk:
    """The walk through a (valid) wijzer: questions by id, ends by id, steps in order."""

    def __init__(self, fields: Data):
        self.fields = fields
        self.steps: list[Data] = list(fields["stappen"])
        self.nodes: dict[str, Data] = {n["id"]: n for n in fields["route"]}
        self.ends: dict[str, Data] = {e["id"]: e for e in fields["einden"]}
        self.start = resolve(fields, fields["start"])

    def target(self, node_id: str, answer: int) -> str:
        return resolve(self.fields, self.nodes[node_id]["antwoorden"][answer]["naar"])

    def step_index(self, item_id: str) -> int:
        """The step (0-based) a question belongs to; an end belongs to the last step."""
        node = self.nodes.get(item_id)
        if node is None:
            return len(self.steps) - 1
        return next(i for i, s in enumerate(self.steps) if s["id"] == node["stap"])

    def paths(self) -> list[list[tuple[str, int]]]:
        """Every way from the start to an end as [(question id, answer index), ...], each question at most once
        per path (a loop back is a choice the walker makes, not a new branch)."""
        found: list[list[tuple[str, int]]] = []

        def walk(node_id: str, path: list[tuple[str, int]], seen: frozenset[str]) -> None:
            for i, _ in enumerate(self.nodes[node_id]["antwoorden"]):
                target = self.target(node_id, i)
                step = path + [(node_id, i)]
                if target in self.ends:
                    found.append(step)
                elif target not in seen:
                    walk(target, step, seen | {target})

        walk(self.start, [], frozenset({self.start}))
        return found


__all__ = ["END_KINDS", "Walk", "card_links", "check_wijzer", "edges", "resolve"]
