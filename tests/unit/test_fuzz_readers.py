"""Every reader of a user's file, fuzzed: on any input it either reads it or raises InputError.

Each reader is given random bytes, random text, random JSON (NaN, huge numbers and deep
nesting included) and its own good file spliced with hostile pieces. Nothing else may come
out of it: no ValueError, no RecursionError, no OverflowError, no hang.

To fuzz another reader, add a Reader to READERS: a name, the file name it reads, how to
read it (a function of the path that raises InputError for bad input) and a good file to
splice.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consortium_ready.content.actionscsv import read_tracking
from consortium_ready.content.answersfile import read_answers
from consortium_ready.content.loader import load_bank
from consortium_ready.errors import InputError
from consortium_ready.store.drafts import load_draft
from consortium_ready.store.history import scan
from consortium_ready.store.saved import load_assessment
from consortium_ready.store.savedindex import INDEX_NAME
from tests.unit.badinput import good_saved_text
from tests.unit.helpers import GOOD, MINI

BANK = load_bank(MINI / "questions", MINI / "seeds")
THEME = MINI / "questions" / "themes" / "01-lead.yaml"
ACTION_KEYS = ("guarantor", "flag:guarantor", "weeks")
TRACKER = (
    "key,rank,action,why,theme,owner,due,status,note\r\n"
    'guarantor,1,Find a guarantor,"Weak, and urgent",Lead,Sam Patel,31/03/2027,in progress,'
    '"Board, March"\r\n'
    "weeks,2,Plan the weeks,Unknown,Lead,,2027-04-30,to do,\r\n"
)


def read_theme(path: Path) -> object:
    """Load the small bank with its first theme file replaced by `path`."""
    with tempfile.TemporaryDirectory() as folder:
        questions, seeds = Path(folder) / "questions", Path(folder) / "seeds"
        shutil.copytree(MINI / "questions", questions)
        shutil.copytree(MINI / "seeds", seeds)
        shutil.copyfile(path, questions / "themes" / THEME.name)
        return load_bank(questions, seeds)


def read_index(path: Path) -> object:
    """Scan a reports folder whose index is `path`, beside one good saved assessment."""
    folder = path.parent
    organisation = folder / "riverside-advice"
    organisation.mkdir(exist_ok=True)
    (organisation / "2026-01-15-120000.json").write_text(good_saved_text(), encoding="utf-8")
    found = scan(folder)
    for entry in found.entries:  # what the index gave is sound enough to show
        assert entry.score is None or 0 <= entry.score <= 100
        assert entry.created.tzinfo is not None
    return found


def good_index() -> bytes:
    """The index of a reports folder holding the good saved assessment, as a scan writes it."""
    with tempfile.TemporaryDirectory() as made:
        read_index(Path(made) / INDEX_NAME)
        return (Path(made) / INDEX_NAME).read_bytes()


@dataclass(frozen=True)
class Reader:
    name: str
    filename: str
    read: Callable[[Path], object]
    good: bytes


READERS = [
    Reader("bank theme", "theme.yaml", read_theme, THEME.read_bytes()),
    Reader("answers", "answers.yaml", lambda path: read_answers(path, BANK), GOOD.encode()),
    Reader(
        "saved assessment",
        "saved.json",
        lambda path: load_assessment(path, BANK),
        good_saved_text().encode(),
    ),
    Reader(
        "actions tracker",
        "actions.csv",
        lambda path: read_tracking(path, ACTION_KEYS),
        TRACKER.encode(),
    ),
    Reader(
        "draft",
        ".draft.json",
        load_draft,
        json.dumps(
            {
                "schema_version": 1,
                "saved": datetime(2027, 3, 12, tzinfo=UTC).isoformat(),
                "profile": {"organisation": "Riverside", "role": "lead"},
                "answers": {"guarantor": "yes", "weeks": 4},
                "notes": {"guarantor": "minutes"},
                "current": "weeks",
            }
        ).encode(),
    ),
    Reader("saved index", INDEX_NAME, read_index, good_index()),
]

HOSTILE = [
    "NaN", "Infinity", "-Infinity", "1e999", "9" * 400, "-0", "0x1F", ".nan", ".inf",
    '"\\ud800"', '"\\ud83d\\ude00"', "\x00", "\x1b[2J", "\u202e", "\ufeff", "&a", "*a",
    "!!python/object/apply:os.system [x]", "!!int x", "!!timestamp x", "2025-02-29",
    "[" * 200, "{" * 200, "]", "}", ",", ":", '"', "'", "\n", "\t", "- ", "? ", "---", "...",
    '{"a": 1, "a": 2}', "yes", "null", "true", "[]", "{}", '""', "-1", "500", "1e308",
]  # fmt: skip

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


def spliced(good: bytes) -> st.SearchStrategy[bytes]:
    """`good` with hostile pieces put in, or parts cut out, at random places."""
    pieces = [piece.encode("utf-8", "surrogatepass") for piece in HOSTILE]

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = good
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data)))
            if draw(st.booleans()):
                data = data[:at] + draw(st.sampled_from(pieces)) + data[at:]
            else:
                data = data[:at] + data[at + draw(st.integers(1, 30)) :]
        return data

    return build()


EXAMPLES = 150
"""Inputs tried on each reader."""
STRATEGIES: dict[str, Callable[[Reader], st.SearchStrategy[bytes]]] = {
    "random bytes": lambda reader: st.binary(max_size=400),
    "random text": lambda reader: st.text(max_size=400).map(
        lambda text: text.encode("utf-8", "surrogatepass")
    ),
    "random JSON": lambda reader: json_values.map(lambda value: json.dumps(value).encode()),
    "its good file spliced with hostile pieces": lambda reader: spliced(reader.good),
}


def contents(reader: Reader) -> st.SearchStrategy[bytes]:
    return st.one_of(*(strategy(reader) for strategy in STRATEGIES.values()))


def reads_or_refuses(reader: Reader, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as made:
        path = Path(made) / reader.filename
        path.write_bytes(content)
        try:
            reader.read(path)
        except InputError as error:
            assert error.problems and all(str(p) for p in error.problems)


@pytest.mark.parametrize("reader", READERS, ids=[r.name for r in READERS])
def test_a_reader_reads_or_refuses_whatever_it_is_given(reader: Reader) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(content=contents(reader))
    def fuzz(content: bytes) -> None:
        reads_or_refuses(reader, content)

    fuzz()


@pytest.mark.parametrize("reader", READERS, ids=[r.name for r in READERS])
def test_each_readers_good_file_is_read(reader: Reader) -> None:
    """The good file spliced above is read: the fuzzing starts from something that works."""
    with tempfile.TemporaryDirectory() as made:
        path = Path(made) / reader.filename
        path.write_bytes(reader.good)
        read: Any = reader.read(path)
        assert read is not None
