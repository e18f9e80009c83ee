"""Safe YAML reading that remembers where every value came from.

Anchors and aliases are refused outright (no alias bombs), a key given twice
in one mapping is an error rather than silently last-wins, and every value's
line can be looked up by its path so that messages can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from consortium_ready.errors import InputError, Problem

Path_ = tuple[str | int, ...]


class _StrictLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases, where only `true` and `false` are booleans.

    YAML 1.1 reads `yes`, `no`, `on` and `off` as booleans; in a bank whose
    answers are `yes` and `no` that would be a trap, so they stay text.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases (&name, *name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


@dataclass
class YamlDocument:
    """Parsed data with the line of each value, looked up by path."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """The line of the deepest known value along `loc` (a pydantic-style location)."""
        best = self.lines.get((), None)
        prefix: Path_ = ()
        for part in loc:
            if not isinstance(part, (str, int)):
                continue
            candidate = (*prefix, part)
            if candidate in self.lines:
                prefix = candidate
                best = self.lines[candidate]
        return best

    def problem(self, loc: tuple[Any, ...], message: str) -> Problem:
        """A problem at `loc`, with its line and a dotted field name."""
        return Problem(self.path, self.line_of(loc), dotted(loc), message)


def dotted(loc: tuple[Any, ...]) -> str:
    """`("questions", 3, "options")` as `questions[3].options`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif isinstance(part, str):
            text += f".{part}" if text else part
    return text


def _index_lines(
    file: Path, node: Node, path: Path_, lines: dict[Path_, int], problems: list[Problem]
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else repr(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                message = f"key given twice (first on line {seen[key]})"
                problems.append(Problem(file, line, dotted((*path, key)), message))
            seen[key] = line
            _index_lines(file, value_node, (*path, key), lines, problems)
            lines[(*path, key)] = line  # a field is named where its key stands
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(file, item, (*path, index), lines, problems)


_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """Parse `text` (read from `path`), raising InputError with file and line on any problem."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(path, None, {(): 1})
        lines: dict[Path_, int] = {}
        duplicates: list[Problem] = []
        _index_lines(path, node, (), lines, duplicates)
        if duplicates:
            raise InputError(duplicates)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise InputError([Problem(path, line, "", f"not valid YAML: {message}")]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(path, None, "", f"not valid YAML: {error}")]) from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, lines)


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse a YAML file, with clear messages for unreadable files."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem(path, None, "", "not a UTF-8 text file")]) from None
    except OSError as error:
        raise InputError([Problem(path, None, "", f"cannot be read: {error.strerror}")]) from None
    return parse_yaml(text, path)
