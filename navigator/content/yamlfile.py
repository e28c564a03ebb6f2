"""Reading YAML and Markdown-with-front-matter files while keeping line numbers for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Problem

MAX_FILE_BYTES = 1_000_000  # a card is a page or two; anything far bigger is a mistake, not content


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings, so a bad date is our message instead of a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


KeyPath = tuple[str | int, ...]  # keys and list indexes from the document's top, e.g. ("stappen", 2, "titel")


@dataclass
class Parsed:
    """A parsed YAML document with the line of every key and list item."""

    data: Any  # whatever the YAML holds: each reader checks its shape before use
    lines: dict[KeyPath, int]
    first_line: int
    body: str = ""
    body_line: int = 0
    problems: list[Problem] = field(default_factory=list)

    def line(self, *keys: str | int) -> int:
        """The line of the deepest known element of `keys` (falls back to the document start)."""
        path: KeyPath = tuple(keys)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


def read_text(path: Path, shown: str) -> str | Problem:
    """The file as text, or the Problem that stops it being read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(shown, 1, f"bestand kan niet gelezen worden: {exc.strerror or exc}")
    if len(raw) > MAX_FILE_BYTES:
        return Problem(
            shown,
            1,
            f"bestand is te groot ({len(raw) // 1024} KB; een kaart mag hoogstens {MAX_FILE_BYTES // 1000} KB zijn)",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(shown, line, "bestand is geen geldige UTF-8-tekst (sla het op als UTF-8)")
    if not text.strip():
        return Problem(shown, 1, "bestand is leeg")
    return text


def parse_yaml(text: str, shown: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document; syntax errors become a Problem with the line where YAML stopped."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Parsed(None, {}, line_offset + 1, problems=[Problem(shown, line_offset + 1, "geen YAML-inhoud")])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "stream end" in str(exc.problem or ""):
            mark = exc.context_mark  # something was never closed: point at where it was opened
        line = (mark.line + 1 if mark else 1) + line_offset
        what = exc.problem or exc.context or "onleesbare YAML"
        if (
            exc.context_mark is not None
            and exc.problem_mark is not None
            and exc.context_mark.line != exc.problem_mark.line
        ):
            what += f" ({exc.context or 'begonnen'} op regel {exc.context_mark.line + 1 + line_offset})"
        return Parsed(None, {}, line_offset + 1, problems=[Problem(shown, line, f"ongeldige YAML: {what}")])
    except yaml.YAMLError as exc:
        return Parsed(None, {}, line_offset + 1, problems=[Problem(shown, line_offset + 1, f"ongeldige YAML: {exc}")])
    finally:
        loader.dispose()
    parsed = Parsed(data, {}, node.start_mark.line + 1 + line_offset)
    _walk(node, (), parsed, shown, line_offset)
    return parsed


def _walk(node: yaml.Node, path: KeyPath, parsed: Parsed, shown: str, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                parsed.problems.append(Problem(shown, line, f"sleutel '{key}' staat er twee keer"))
            seen.add(key)
            parsed.lines[path + (key,)] = line
            _walk(value_node, path + (key,), parsed, shown, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            parsed.lines[path + (index,)] = item.start_mark.line + 1 + offset
            _walk(item, path + (index,), parsed, shown, offset)


def parse_card_file(path: Path, shown: str) -> Parsed | Problem:
    """Read a card: Markdown with a YAML front matter block, or a plain YAML file."""
    text = read_text(path, shown)
    if isinstance(text, Problem):
        return text
    if path.suffix.lower() == ".md":
        lines = text.splitlines(keepends=True)
        if not lines or lines[0].strip() != "---":
            return Problem(shown, 1, "Markdown-kaart begint niet met een YAML-blok tussen '---'-regels")
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if end is None:
            return Problem(shown, 1, "het YAML-blok bovenaan wordt niet afgesloten met een '---'-regel")
        parsed = parse_yaml("".join(lines[1:end]), shown, line_offset=1)
        parsed.body = "".join(lines[end + 1 :]).strip("\n")
        parsed.body_line = end + 2
        return parsed
    return parse_yaml(text, shown)
