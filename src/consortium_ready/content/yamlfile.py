"""Safe YAML reading that remembers where every value came from.

Anchors and aliases are refused outright (no alias bombs), a key given twice
in one mapping is an error rather than silently last-wins, and every value's
line can be looked up by its path so that messages can name it. Both refusals
are made while the values are built; the lines are found only when a message
needs one, by reading the text again, so a file with no problems costs no more
than parsing it. Files are parsed by libyaml when PyYAML was built with it, else
by PyYAML's own parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from consortium_ready.content.userfiles import read_text, refused, too_deep
from consortium_ready.errors import InputError, Problem

Path_ = tuple[str | int, ...]
ALIASES_REFUSED = "not valid YAML: anchors and aliases (&name, *name) are not allowed"
_BOOL, _STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("bool", "str", "seq", "map"))


class _AliasFound(Exception):
    """A node met twice: the file refers to an anchor with an alias."""


class _KeyGivenTwice(Exception):
    """A mapping with a key given twice; _index_lines says which, and where."""


def _plain_keys(node: MappingNode) -> bool:
    """Whether every key of `node` is plain text; raises _KeyGivenTwice if one is given twice."""
    keys = [k.value if isinstance(k, ScalarNode) else repr(k) for k, _ in node.value]
    if len(set(keys)) < len(keys):
        raise _KeyGivenTwice
    return all(type(k) is ScalarNode and k.tag == _STR for k, _ in node.value)


def _strict(base: type[yaml.SafeLoader] | type[yaml.CSafeLoader]) -> type:
    """The safe loader `base`, where only `true` and `false` are booleans.

    YAML 1.1 reads `yes`, `no`, `on` and `off` as booleans; in a bank whose
    answers are `yes` and `no` that would be a trap, so they stay text.
    """

    class Strict(base):  # type: ignore[valid-type,misc]  # a class made from a runtime choice
        yaml_implicit_resolvers: ClassVar = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
            for first, resolvers in base.yaml_implicit_resolvers.items()
        }

        def construct_mapping(self, node: MappingNode, deep: bool = False) -> Any:
            _plain_keys(node)
            return super().construct_mapping(node, deep)

        def build(self, node: Node) -> Any:
            """What `node` holds. Text, lists and mappings with plain keys, most of any file,
            are built here, several times quicker than PyYAML's constructor, which builds
            everything else (numbers, dates, explicit tags, merge keys) as it always does."""
            if isinstance(node, ScalarNode) and node.tag == _STR:
                return node.value
            if isinstance(node, SequenceNode) and node.tag == _SEQ:
                return [self.build(item) for item in node.value]
            if isinstance(node, MappingNode) and node.tag == _MAP and _plain_keys(node):
                return {key.value: self.build(value) for key, value in node.value}
            return self.construct_object(node, deep=True)

    Strict.add_implicit_resolver(
        _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return Strict


_PurePythonLoader = _strict(yaml.SafeLoader)
_Loader = _strict(yaml.CSafeLoader) if yaml.__with_libyaml__ else _PurePythonLoader


class _RefusingAliases:
    """Mixed into a loader, refuses an alias: it is the anchored node itself, met again, so it
    is refused before anything is built twice, and an alias bomb cannot expand."""

    constructed_objects: dict[Node, Any]
    recursive_objects: dict[Node, None]

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasFound
        return super().construct_object(node, deep)  # type: ignore[misc]

    def build(self, node: Node) -> Any:
        """Everything built by PyYAML's constructor, which meets each node once, so that an
        alias is seen."""
        return self.construct_document(node)  # type: ignore[attr-defined]


@cache
def _refusing_aliases(loader: type) -> type:
    return type(loader.__name__, (_RefusingAliases, loader), {})


def _loader(text: str) -> Any:
    """A loader for `text`. Only text with an anchor (`&`) in it can hold an alias, so only
    then is the check made, which costs a call for every value."""
    return (_refusing_aliases(_Loader) if "&" in text else _Loader)(_parseable(text))


@dataclass
class YamlDocument:
    """Parsed data with the line of each value, looked up by path."""

    path: Path
    data: Any
    text: str = ""
    """The text parsed, exactly as read."""

    @cached_property
    def lines(self) -> dict[Path_, int]:
        """The line of every value by its path: found the first time a message needs one, from
        the text, which has already parsed without a problem."""
        loader = _loader(self.text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        lines: dict[Path_, int] = {(): 1}
        if node is not None:
            _index_lines(self.path, node, (), lines, [], set())
        return lines

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


def _first_visit(node: Node, seen: set[int]) -> None:
    if id(node) in seen:
        raise _AliasFound
    seen.add(id(node))


def _index_lines(
    file: Path,
    node: Node,
    path: Path_,
    lines: dict[Path_, int],
    problems: list[Problem],
    seen: set[int],
) -> None:
    """Record the line of every value and every key given twice; raise _AliasFound at an alias.

    An alias is the anchored node itself, met again, so each node is visited
    at most once and an alias bomb is refused before it can expand.
    """
    _first_visit(node, seen)
    lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        keys: dict[Any, int] = {}
        for key_node, value_node in node.value:
            _first_visit(key_node, seen)
            key = key_node.value if isinstance(key_node, ScalarNode) else repr(key_node)
            line = key_node.start_mark.line + 1
            if key in keys:
                message = f"key given twice (first on line {keys[key]})"
                problems.append(Problem(file, line, dotted((*path, key)), message))
            keys[key] = line
            _index_lines(file, value_node, (*path, key), lines, problems, seen)
            lines[(*path, key)] = line  # a field is named where its key stands
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(file, item, (*path, index), lines, problems, seen)


def _first_alias_line(text: str) -> int | None:
    """The line of the first alias in `text`, which parses."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1 if event.start_mark else None
    return None


MOST_VALUES = 20_000
"""The most values (mappings, lists and single values) one YAML file may hold: ten times the
largest theme file and far beyond any answers file, so that a file made to take minutes
to read (600,000 notes in 8 MB) is refused in a fraction of a second."""
_COUNT_ABOVE = 256_000
"""Files smaller than this, in characters, cannot hold enough values to matter, and are not
counted (counting costs a second pass)."""
_VALUES = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)


def _past_most_values(text: str) -> int | None:
    """The line of the value past MOST_VALUES in `text`, if there is one; the count stops there.
    Broken YAML is left for the parser proper to report."""
    count = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            count += isinstance(event, _VALUES)
            if count > MOST_VALUES:
                return event.start_mark.line + 1 if event.start_mark else 1
    except yaml.YAMLError:
        pass
    return None


_UNBUILDABLE = (ValueError, TypeError, KeyError, AttributeError, OverflowError)
"""What PyYAML raises, beyond its own errors, on a value it cannot build (`!!bool maybe`)."""

_SURROGATE_PAIR = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE
)
"""`\\ud83d\\ude00`: a character beyond the first 65,536 as JSON escapes it (an emoji), which
PyYAML refuses; it is read as YAML's own escape for it, `\\U0001f600`."""


def _one_escape(match: re.Match[str]) -> str:
    high, low = int(match[2], 16), int(match[3], 16)
    return f"{match[1]}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"


def _parseable(text: str) -> str:
    """`text` with JSON's escapes of the characters beyond the first 65,536 made YAML's."""
    return _SURROGATE_PAIR.sub(_one_escape, text) if "\\u" in text else text


def _built(loader: Any, node: Node, path: Path) -> Any:
    """The values `node` holds; InputError naming each key given twice, where, and where first.
    An alias met on the way raises _AliasFound."""
    try:
        return loader.build(node)
    except _KeyGivenTwice:
        duplicates: list[Problem] = []
        _index_lines(path, node, (), {}, duplicates, set())
        raise InputError(duplicates) from None


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """Parse `text` (read from `path`), raising InputError with file and line on any problem."""
    if len(text) > _COUNT_ABOVE and (line := _past_most_values(text)) is not None:
        raise refused(path, f"more than {MOST_VALUES:,} values: far too many for this file", line)
    loader = _loader(text)
    node: Node | None = None
    try:
        node = loader.get_single_node()
        data = None if node is None else _built(loader, node, path)
    except _AliasFound:
        raise refused(path, ALIASES_REFUSED, _first_alias_line(text)) from None
    except RecursionError:
        raise too_deep(path, "read as YAML") from None
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):  # libyaml's limit
            raise too_deep(path, "read as YAML") from None
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise refused(path, f"not valid YAML: {message}", line) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL)
        line = text.count("\n", 0, error.position) + 1
        character = f"#x{error.character:04x}" if isinstance(error.character, int) else "one"
        raise refused(
            path, f"not valid YAML: a control character ({character}) is not allowed", line
        ) from None
    except yaml.YAMLError as error:
        raise refused(path, f"not valid YAML: {error}") from None
    except _UNBUILDABLE as error:  # a value PyYAML cannot build
        loader.constructed_objects, loader.recursive_objects = {}, {}  # each built afresh
        found = _unbuildable(loader, node, ()) if node is not None else None
        if found is None:
            raise refused(path, f"not valid YAML: a value cannot be read ({error})") from None
        bad, loc = found
        raise refused(
            path,
            f"not valid YAML: the value {bad.value!r} cannot be read ({error})",
            bad.start_mark.line + 1,
            dotted(loc),
        ) from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, text)


def _unbuildable(loader: Any, node: Node, loc: Path_) -> tuple[ScalarNode, Path_] | None:
    """The first scalar under `node` (at `loc`) that PyYAML cannot turn into a value (a 30
    February), and where it is."""
    if isinstance(node, ScalarNode):
        try:
            loader.construct_object(node, deep=True)
        except (*_UNBUILDABLE, yaml.YAMLError):
            return node, loc
        return None
    if isinstance(node, SequenceNode):
        children = [((*loc, index), child) for index, child in enumerate(node.value)]
    else:
        children = []
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else repr(key)
            children += [(loc, key), ((*loc, name), value)]
    return next((bad for at, child in children if (bad := _unbuildable(loader, child, at))), None)


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse a YAML file, with clear messages for unreadable files."""
    return parse_yaml(read_text(path, "a YAML file"), path)
