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
from consortium_ready.content.yamlfile import dotted, parse_yaml
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
_KEY_SPACED = re.compile(r'"\s+:')
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

    A quick parse by the json module serves when a cheap look shows none of these can be
    there (each object's keys counted against the `":` in the text); else a careful parse
    finds them.
    """
    try:
        data = json.loads(text, parse_constant=_doubt)
        plain, values = _look(text, data)
    except RecursionError:
        raise too_deep(path, what) from None
    except json.JSONDecodeError:
        raise
    except (_Doubtful, ValueError):  # NaN, or more digits than Python reads
        plain, values = False, 0
    if most_values is not None and values > most_values:
        raise refused(path, f"more than {most_values:,} values: far too many to be {what}")
    return data if plain else _carefully(text, path, what)


def _look(text: str, data: Any) -> tuple[bool, int]:
    """Whether `data`, parsed from `text`, surely holds only finite numbers that are not too
    long, strings that are text, and each object's keys once (False when in doubt); and
    how many values it holds."""
    plain = not (_KEY_SPACED.search(text) or _SURROGATE_ESCAPE.search(text))
    keys, values, stack = 0, 0, [data]
    while stack:
        value = stack.pop()
        values += 1
        kind = type(value)
        if kind is dict:
            keys += len(value)
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
        elif (kind is float and not math.isfinite(value)) or (
            kind is int and not -_BEYOND < value < _BEYOND
        ):
            plain = False
    return plain and keys == text.count('":'), values


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
    try:  # with half characters made whole, which YAML would refuse; lines stay where they are
        document = parse_yaml(_SURROGATE_ESCAPE.sub(r"\\ufffd", text), path)
    except InputError:
        return [Problem(path, None, dotted(loc), message) for loc, message in places]
    return [document.problem(loc, message) for loc, message in places]
