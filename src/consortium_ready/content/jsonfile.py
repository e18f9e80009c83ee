"""Reading JSON strictly: what Python's json module lets through is refused, naming where.

Python reads `NaN`, `Infinity`, `1e999` (as infinity), a 4,000-digit whole
number, and an object giving one key twice (keeping the last), without a
word. No file this program writes holds any of them, and each breaks
something further on, so each is refused here.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from consortium_ready.content.userfiles import refused, too_deep
from consortium_ready.errors import InputError, Problem

MOST_VALUES = 100_000
"""The most values (objects, lists and single values) a file read here may hold unless told
otherwise: thirty times a saved assessment of the whole built-in bank."""
LARGEST_DIGITS = 20
"""A whole number with more digits than this is not one of ours (the largest, a time in
nanoseconds in the history index, has 19). It is refused before anything does sums with it."""
Loc = tuple[str | int, ...]
_KEY_TWICE = "a key is given twice in one object"
_NOT_TEXT = "half a character (a lone \\ud800 to \\udfff escape) is not text"


_BEYOND = 10**LARGEST_DIGITS
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused:
    """A value refused while parsing, left in its place so that its field can be named."""

    __slots__ = ("why",)

    def __init__(self, why: str) -> None:
        self.why = why


class _Doubtful(Exception):
    """Raised by the quick parse at anything it leaves to the careful one."""


def _doubt(token: str) -> Any:
    raise _Doubtful(token)


def parse_json(text: str, path: Path, what: str, most_values: int | None = MOST_VALUES) -> Any:
    """`text` read as JSON. Broken JSON raises json.JSONDecodeError as it comes, for the
    caller to word; nesting too deep to parse, numbers that are not finite or too long, keys
    given twice, text that is not Unicode, and more than `most_values` values raise
    InputError naming each place.

    A quick parse by the json module serves when none of these is there; at the first
    sign of one, a careful parse finds each and where it is.
    """
    try:
        data = _quickly(text)
    except RecursionError:
        raise too_deep(path, what) from None
    except json.JSONDecodeError:
        raise
    except (_Doubtful, ValueError):  # ValueError: more digits than Python reads
        data = _carefully(text, path, what)
    # Every value takes a character at least: only a text longer than the limit is counted.
    if most_values is not None and len(text) > most_values and _values(data) > most_values:
        raise refused(path, f"more than {most_values:,} values: far too many to be {what}")
    return data


def _quickly(text: str) -> Any:
    """`text` parsed by the json module, raising _Doubtful at the first key given twice, number
    not finite or too long, or escape that may be half a character."""
    if _SURROGATE_ESCAPE.search(text):
        raise _Doubtful("an escape that may be half a character")
    return json.loads(
        text,
        parse_float=_finite,
        parse_int=_short,
        parse_constant=_doubt,
        object_pairs_hook=_once_each,
    )


def _finite(token: str) -> float:
    value = float(token)
    return value if math.isfinite(value) else _doubt(token)


def _short(token: str) -> int:
    return int(token) if len(token.lstrip("-")) <= LARGEST_DIGITS else _doubt(token)


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    return data if len(data) == len(pairs) else _doubt("a key given twice")


def _values(data: Any) -> int:
    """How many values (objects, lists and single values) `data` holds."""
    values, stack = 0, [data]
    while stack:
        value = stack.pop()
        values += 1
        if type(value) is dict:
            stack.extend(value.values())
        elif type(value) is list:
            stack.extend(value)
    return values


def _carefully(text: str, path: Path, what: str) -> Any:
    """`text` parsed with every number, object and string looked at; InputError at any fault."""
    keys_twice = False

    def decimal(token: str) -> float | _Refused:
        value = float(token)
        return value if math.isfinite(value) else _Refused(f"{token} is too large a number")

    def whole(token: str) -> int | _Refused:
        digits = len(token.lstrip("-"))
        if digits > LARGEST_DIGITS:
            return _Refused(f"a number of {digits} digits is too large")
        return int(token)

    def mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal keys_twice
        data = dict(pairs)
        keys_twice = keys_twice or len(data) < len(pairs)
        return data

    try:
        data = json.loads(
            text,
            parse_float=decimal,
            parse_int=whole,
            parse_constant=lambda token: _Refused(f"{token} is not a number"),
            object_pairs_hook=mapping,
        )
    except RecursionError:
        raise too_deep(path, what) from None
    if keys_twice:
        raise InputError(_keys_twice(text, path))
    faults = _faults(data)
    if faults:
        raise InputError(located(text, path, faults))
    return data


def _keys_twice(text: str, path: Path) -> list[Problem]:
    """Each key given twice, found by the YAML reader, which names them (JSON is YAML)."""
    from consortium_ready.content.yamlfile import parse_yaml  # YAML: only for a problem

    try:
        parse_yaml(text, path)
    except InputError as error:
        twice = [p for p in error.problems if "key given twice" in p.message]
        if twice:
            return twice
    return [Problem(path, None, "", _KEY_TWICE)]


def _faults(data: Any) -> list[tuple[Loc, str]]:
    """Where each refused value, and each string holding half a character, is in `data`."""
    places: list[tuple[Loc, str]] = []
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, _Refused):
            places.append((loc, value.why))
        elif isinstance(value, str) and _LONE_SURROGATE.search(value):
            places.append((loc, _NOT_TEXT))
        elif isinstance(value, dict):
            places += [(loc, "a key: " + _NOT_TEXT) for key in value if _LONE_SURROGATE.search(key)]
            stack.extend(((*loc, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*loc, i), v) for i, v in reversed(list(enumerate(value))))
    return places


def located(text: str, path: Path, places: list[tuple[tuple[Any, ...], str]]) -> list[Problem]:
    """A problem for each (location, message) in the JSON `text`, with its line where the
    text can be re-read to find it."""
    from consortium_ready.content.yamlfile import dotted, parse_yaml  # YAML: only for a problem

    try:  # with half characters made whole, which YAML would refuse; lines stay where they are
        document = parse_yaml(_SURROGATE_ESCAPE.sub(r"\\ufffd", text), path)
    except InputError:
        return [Problem(path, None, dotted(loc), message) for loc, message in places]
    return [document.problem(loc, message) for loc, message in places]
