"""The bad-input corpus: files a user might give the program, each with the message expected.

Each case makes one bad file (or folder, pipe or link) in a fresh folder and names what the
program must say about it: a fragment of the message, and the line and field where the file
has them. test_bad_input.py runs every case through the command a user would run (`assess`
for an answers file, `validate` for a bank, `report` for a saved assessment; the draft has no
command, so its reader is called as the questionnaire calls it), and docs/reliability.md
counts them by group (test_reliability_doc.py keeps the two in step).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from consortium_ready.content.answersfile import parse_answers
from consortium_ready.content.loader import load_bank
from consortium_ready.content.yamlfile import parse_yaml
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.bank import Bank
from tests.unit.helpers import GOOD, MINI

Kind = Literal["answers", "bank", "saved", "draft"]
KINDS: dict[Kind, str] = {
    "answers": "answers file (`assess`)",
    "bank": "question bank (`validate`)",
    "saved": "saved assessment (`report`)",
    "draft": "draft (read at start-up)",
}
GROUPS = {
    "encoding": "empty, byte-order mark, Latin-1, UTF-16, binary, NUL bytes, half characters",
    "size and shape": "50 MB, 10,000-deep nesting, an alias bomb, 600,000 notes, wrong shapes",
    "special files": "a folder, a named pipe, links to /dev/zero, /dev/urandom and /etc/passwd",
    "numbers": "NaN, infinity, 1e309, a 400-digit number, negative and out-of-range scores",
    "dates and tags": "30 February, month 13, bad explicit tags, python tags",
    "keys and schema": "keys given twice, unknown fields, schema version 999, foreign files",
    "names": "Arabic, Welsh, emoji, direction overrides, control characters, CON, ../../x",
    "answers and the bank": "answers the bank does not offer, or to questions not asked",
}

Maker = Callable[[Path], Path]


@dataclass(frozen=True)
class Case:
    """One bad input: what it is, how to make it under a folder, and what must be said."""

    id: str
    kind: Kind
    group: str
    make: Maker
    says: str
    line: int | None = None
    field: str = ""


def good_saved(bank: Bank) -> str:
    """The text of a saved assessment of the good answers, as write_assessment writes it."""
    answer_set = parse_answers(parse_yaml(GOOD, Path("good.yaml")), bank)
    made = assess(bank, answer_set, now=datetime(2026, 1, 15, 12, tzinfo=UTC))
    return made.model_dump_json(indent=2) + "\n"


# --- making files -----------------------------------------------------------------------


def made(name: str, create: Callable[[Path], object]) -> Maker:
    """A maker of `name` in the folder it is given, by `create(path)`."""

    def make(folder: Path) -> Path:
        create(folder / name)
        return folder / name

    return make


def text(name: str, body: str) -> Maker:
    return made(name, lambda path: path.write_text(body, encoding="utf-8"))


def raw(name: str, body: bytes) -> Maker:
    return made(name, lambda path: path.write_bytes(body))


def sparse(name: str, size: int) -> Maker:
    """A file of `size` bytes that takes no room on the disk."""
    return made(name, lambda path: (path.write_bytes(b""), os.truncate(path, size)))


def fifo(name: str) -> Maker:
    return made(name, os.mkfifo)


def link(name: str, target: str) -> Maker:
    return made(name, lambda path: path.symlink_to(target))


def directory(name: str) -> Maker:
    return made(name, Path.mkdir)


def special_files(kind: Kind, name: str, zero: str = "it is a device") -> list[Case]:
    """`name` made a folder, a named pipe, and a link to /dev/zero (which must say `zero`)."""
    return [
        Case("a folder", kind, "special files", directory(name), "it is a folder"),
        Case("a named pipe", kind, "special files", fifo(name), "it is a named pipe"),
        Case("a link to /dev/zero", kind, "special files", link(name, "/dev/zero"), zero),
    ]


def answers(old: str, new: str, name: str = "answers.yaml") -> Maker:
    """The good answers file with `old` replaced by `new`."""
    assert old in GOOD
    return text(name, GOOD.replace(old, new, 1))


def answer(value: str) -> Maker:
    """The good answers file with the number of weeks given as `value`."""
    return answers("  weeks: 7", f"  weeks: {value}")


def key(name: str) -> Maker:
    """The good answers file with an answer to a question called `name` (JSON-escaped)."""
    return answers("  weeks: 7\n", f"  weeks: 7\n  {json.dumps(name)}: 1\n")


ALIAS_BOMB = "\n".join(
    ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 30)]
)
DEEP_YAML = "a: " + "[" * 10_000 + "1" + "]" * 10_000 + "\n"
DEEP_JSON = '{"schema_version": 1, "a": ' + "[" * 10_000 + "1" + "]" * 10_000 + "}"

# --- answers files ----------------------------------------------------------------------

ANSWERS: list[Case] = [
    Case("empty", "answers", "encoding", text("a.yaml", ""), "an answers file is a mapping", 1),
    Case(
        "utf-16 with a byte-order mark",
        "answers",
        "encoding",
        raw("a.yaml", GOOD.encode("utf-16")),
        "not a YAML file (not UTF-8 text)",
        1,
    ),
    Case(
        "latin-1",
        "answers",
        "encoding",
        raw("a.yaml", GOOD.replace("Riverside", "Café").encode("latin-1")),
        "not a YAML file (not UTF-8 text)",
        2,
    ),
    Case(
        "binary",
        "answers",
        "encoding",
        raw("a.yaml", bytes(range(256)) * 4),
        "not a YAML file (not UTF-8 text)",
    ),
    Case(
        "nul bytes",
        "answers",
        "encoding",
        answers("Riverside", "River\0side"),
        "not valid YAML",
        2,
    ),
    Case(
        "a byte-order mark, then not a mapping",
        "answers",
        "encoding",
        raw("a.yaml", b"\xef\xbb\xbf- a list\n"),
        "an answers file is a mapping",
        1,
    ),
    Case(
        "half a character (a lone surrogate escape)",
        "answers",
        "encoding",
        answers("Riverside Advice", '"Riverside \\ud83d Advice"'),
        "invalid Unicode character escape code",
        2,
    ),
    Case("50 MB", "answers", "size and shape", sparse("a.yaml", 50_000_000), "too large"),
    Case(
        "10,000-deep nesting",
        "answers",
        "size and shape",
        text("a.yaml", DEEP_YAML),
        "nested too deeply",
    ),
    Case(
        "an alias bomb",
        "answers",
        "size and shape",
        text("a.yaml", ALIAS_BOMB),
        "anchors and aliases",
        2,
    ),
    Case(
        "600,000 notes",
        "answers",
        "size and shape",
        text("a.yaml", GOOD + "".join(f"  n{i}: x\n" for i in range(600_000))),
        "more than 20,000 values",
    ),
    Case(
        "100,000 list answers",
        "answers",
        "size and shape",
        answers("[funding]", "[" + ", ".join(["funding"] * 100_000) + "]"),
        "more than 20,000 values",
        11,
    ),
    Case(
        "a list, not a mapping",
        "answers",
        "size and shape",
        text("a.yaml", "- profile\n- answers\n"),
        "an answers file is a mapping",
        1,
    ),
    Case(
        "answers as a list",
        "answers",
        "size and shape",
        text("a.yaml", GOOD.split("answers:")[0] + "answers: [yes, no]\n"),
        "valid dictionary",
        6,
        "answers",
    ),
    Case(
        "two documents",
        "answers",
        "size and shape",
        text("a.yaml", GOOD + "---\nprofile: {}\n"),
        "expected a single document",
        14,
    ),
    Case(
        "tabs for indentation",
        "answers",
        "size and shape",
        answers("  weeks: 7", "\tweeks: 7"),
        "not valid YAML",
        10,
    ),
    Case(
        "an unclosed quote",
        "answers",
        "size and shape",
        answers('[minutes]"', "[minutes]"),
        "not valid YAML",
    ),
    *special_files("answers", "a.yaml"),
    Case(
        "a link to /dev/urandom",
        "answers",
        "special files",
        link("a.yaml", "/dev/urandom"),
        "it is a device",
    ),
    Case(
        "a link to /etc/passwd",
        "answers",
        "special files",
        link("a.yaml", "/etc/passwd"),
        "an answers file is a mapping",
        1,
    ),
    Case(
        "no such file",
        "answers",
        "special files",
        lambda folder: folder / "missing.yaml",
        "cannot be read: No such file or directory",
    ),
    Case("NaN", "answers", "numbers", answer(".nan"), "from 0 to 1,000,000", 10, "answers.weeks"),
    Case(
        "infinity", "answers", "numbers", answer(".inf"), "from 0 to 1,000,000", 10, "answers.weeks"
    ),
    Case(
        "1e309",
        "answers",
        "numbers",
        answer("1.0e+309"),
        "from 0 to 1,000,000",
        10,
        "answers.weeks",
    ),
    Case(
        "a 400-digit number",
        "answers",
        "numbers",
        answer("9" * 400),
        "from 0 to 1,000,000",
        10,
        "answers.weeks",
    ),
    Case(
        "a negative number",
        "answers",
        "numbers",
        answer("-3"),
        "cannot be negative",
        10,
        "answers.weeks",
    ),
    Case(
        "a number in words",
        "answers",
        "numbers",
        answer("seven"),
        "is not a number",
        10,
        "answers.weeks",
    ),
]
for value, says in [
    ("2025-02-29", "day is out of range for month"),
    ("2026-13-01", "month must be in 1..12"),
    ("!!int 0xZZ", "the value '0xZZ' cannot be read"),
    ("!!float x", "the value 'x' cannot be read"),
    ("!!bool maybe", "the value 'maybe' cannot be read"),
    ("!!timestamp x", "the value 'x' cannot be read"),
]:
    ANSWERS.append(
        Case(
            f"tender_deadline: {value}",
            "answers",
            "dates and tags",
            answers("2027-01-15", value),
            says,
            5,
            "profile.tender_deadline",
        )
    )
ANSWERS += [
    Case(
        "a python tag",
        "answers",
        "dates and tags",
        answers("Riverside Advice", '!!python/object/apply:os.system ["echo owned"]'),
        "could not determine a constructor",
        2,
    ),
    Case(
        "a key given twice",
        "answers",
        "keys and schema",
        answers("  weeks: 7", "  weeks: 7\n  weeks: 8"),
        "key given twice (first on line 10)",
        11,
        "answers.weeks",
    ),
    Case(
        "a key given twice in JSON",
        "answers",
        "keys and schema",
        text(
            "a.json",
            '{"profile": {"organisation": "X", "role": "lead", "stage": "bidding"},\n'
            ' "answers": {}, "answers": {"guarantor": "yes"}}',
        ),
        "key given twice",
        2,
        "answers",
    ),
    Case(
        "an unknown field",
        "answers",
        "keys and schema",
        answers("answers:", "answer:"),
        "Extra inputs are not permitted",
        6,
        "answer",
    ),
    Case(
        "no profile",
        "answers",
        "keys and schema",
        text("a.yaml", "answers:\n  weeks: 7\n"),
        "Field required",
        1,
        "profile",
    ),
    Case(
        "a role not offered",
        "answers",
        "keys and schema",
        answers("role: lead", "role: chief"),
        "Input should be 'lead', 'partner' or 'undecided'",
        3,
        "profile.role",
    ),
    Case(
        "a 201-character name",
        "answers",
        "names",
        answers("Riverside Advice", "R" * 201),
        "at most 200 characters",
        2,
        "profile.organisation",
    ),
    Case(
        "an empty name",
        "answers",
        "names",
        answers("Riverside Advice", '""'),
        "at least 1 character",
        2,
        "profile.organisation",
    ),
]
for label, name in [
    ("Arabic", "جمعية الخير"),
    ("Welsh", "Cymdeithas Tai Llŷn a'r Eifl"),
    ("emoji", "Riverside 🌊 Advice 👨\u200d👩\u200d👧"),
    ("a right-to-left override", "abc\u202egnp.exe"),
    ("control characters", "x\x1b[2J\x1b]0;owned\x07\x9b"),
    ("CON", "CON"),
    ("../../x", "../../x"),
]:
    ANSWERS.append(
        Case(
            f"a question named in {label}",
            "answers",
            "names",
            key(name),
            "no such question in the bank",
            11,
        )
    )
    ANSWERS.append(
        Case(
            f"an organisation named in {label}, with a bad answer",
            "answers",
            "names",
            text(
                "a.yaml",
                GOOD.replace("Riverside Advice", json.dumps(name)).replace("weeks: 7", "weeks: x"),
            ),
            "is not a number",
            10,
            "answers.weeks",
        )
    )
ANSWERS += [
    Case(
        "an answer not offered",
        "answers",
        "answers and the bank",
        answers("agreement: signed", "agreement: promised"),
        "'promised' is not offered",
        8,
        "answers.agreement",
    ),
    Case(
        "an answer to a question not asked",
        "answers",
        "answers and the bank",
        answers("  weeks: 7", "  weeks: 7\n  guarantor-plan: plan"),
        "does not apply",
        11,
        "answers.guarantor-plan",
    ),
    Case(
        "an exclusive answer combined",
        "answers",
        "answers and the bank",
        answers("[funding]", "[funding, none]"),
        "cannot be combined",
        11,
        "answers.support",
    ),
    Case(
        "a note that is a list",
        "answers",
        "answers and the bank",
        answers('"Signed at the March meeting [minutes]"', "[a, b]"),
        "valid string",
        13,
        "notes.agreement",
    ),
]

# --- question banks: a file of a copy of the small test bank broken ---------------------

THEME = "questions/themes/01-lead.yaml"


def in_bank(relative: str, make: Callable[[Path], Path]) -> Maker:
    """Replace the bank file `relative` (under a copy of the bank in the folder) by `make`."""

    def replace(folder: Path) -> Path:
        target = folder / relative
        target.unlink()
        made = make(target.parent)
        if made != target:
            made.rename(target)
        return target

    return replace


def edited(relative: str, old: str, new: str) -> Maker:
    def edit(folder: Path) -> Path:
        path = folder / relative
        body = path.read_text(encoding="utf-8")
        assert old in body, old
        path.write_text(body.replace(old, new, 1), encoding="utf-8")
        return path

    return edit


BANK: list[Case] = [
    Case(
        "an empty bank.yaml",
        "bank",
        "encoding",
        in_bank("questions/bank.yaml", text("bank.yaml", "")),
        "Input should be a valid dictionary",
        1,
    ),
    Case(
        "a binary theme",
        "bank",
        "encoding",
        in_bank(THEME, raw("01-lead.yaml", b"\x89PNG\r\n\x1a\n\0\0\xff")),
        "not a YAML file (not UTF-8 text)",
        1,
    ),
    Case(
        "a theme too large",
        "bank",
        "size and shape",
        in_bank(THEME, sparse("01-lead.yaml", 11_000_000)),
        "too large",
    ),
    Case(
        "a theme nested 10,000 deep",
        "bank",
        "size and shape",
        in_bank(THEME, text("01-lead.yaml", DEEP_YAML)),
        "nested too deeply",
    ),
    Case(
        "an alias bomb theme",
        "bank",
        "size and shape",
        in_bank(THEME, text("01-lead.yaml", ALIAS_BOMB)),
        "anchors and aliases",
        2,
    ),
    Case(
        "a theme that is a named pipe",
        "bank",
        "special files",
        in_bank(THEME, fifo("01-lead.yaml")),
        "it is a named pipe",
    ),
    Case(
        "a theme linked to /dev/urandom",
        "bank",
        "special files",
        in_bank(THEME, link("01-lead.yaml", "/dev/urandom")),
        "it is a device",
    ),
    Case(
        "bank.yaml a folder",
        "bank",
        "special files",
        in_bank("questions/bank.yaml", directory("bank.yaml")),
        "it is a folder",
    ),
    Case(
        "published: 2009-02-30",
        "bank",
        "dates and tags",
        edited("seeds/source.yaml", "published: 2026-01", "published: 2009-02-30"),
        "day is out of range for month",
        3,
        "published",
    ),
    Case(
        "a python tag in a theme",
        "bank",
        "dates and tags",
        edited(THEME, "title: Lead body", "title: !!python/name:os.system"),
        "could not determine a constructor",
        3,
    ),
    Case(
        "a weight of NaN",
        "bank",
        "numbers",
        edited(THEME, "weight: 2", "weight: .nan"),
        "Input should be a finite number",
        10,
        "questions[0].weight",
    ),
    Case(
        "a key given twice in a theme",
        "bank",
        "keys and schema",
        edited(THEME, "  title: Lead body", "  title: Lead body\n  title: Again"),
        "key given twice",
        4,
        "theme.title",
    ),
    Case(
        "an unknown field in a theme",
        "bank",
        "keys and schema",
        edited(THEME, "  summary: Who leads.", "  summery: Who leads."),
        "unknown field",
        5,
        "theme.summery",
    ),
    Case(
        "a missing questions folder",
        "bank",
        "special files",
        lambda folder: _removed(folder / "questions" / "themes"),
        "folder not found",
    ),
]


def _removed(folder: Path) -> Path:
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    return folder


# --- saved assessments: the good one, damaged -------------------------------------------

SavedEdit = Callable[[str], str]


@functools.cache
def good_saved_text() -> str:
    """The good saved assessment, made with the small test bank."""
    return good_saved(load_bank(MINI / "questions", MINI / "seeds"))


def saved(edit: SavedEdit) -> Maker:
    """A saved assessment made from the good one's text by `edit`."""
    return made(
        "saved.json", lambda path: path.write_text(edit(good_saved_text()), encoding="utf-8")
    )


def saved_case(
    id: str, group: str, edit: SavedEdit, says: str, line: int | None = None, field: str = ""
) -> Case:
    """A case of the good saved assessment, edited."""
    return Case(id, "saved", group, saved(edit), says, line, field)


def swap(old: str, new: str) -> SavedEdit:
    def edit(good: str) -> str:
        assert old in good, old
        return good.replace(old, new, 1)

    return edit


def data_edit(change: Callable[[dict[str, Any]], None]) -> SavedEdit:
    def edit(good: str) -> str:
        data = json.loads(good)
        change(data)
        return json.dumps(data, indent=2)

    return edit


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def _drop(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.pop(name)


SCORE = '"score": 64.5'
"""The overall score in the good saved assessment, on line 34."""


SAVED: list[Case] = [
    Case(
        "latin-1",
        "saved",
        "encoding",
        raw("saved.json", '{"notes": "Café"}'.encode("latin-1")),
        "not UTF-8 text",
        1,
    ),
    Case("11 MB", "saved", "size and shape", sparse("saved.json", 11_000_000), "too large"),
    *special_files("saved", "saved.json"),
    saved_case("empty", "encoding", lambda good: "", "empty file, not a saved assessment", 1),
    saved_case("a byte-order mark", "encoding", lambda good: "\ufeff" + good, "not valid JSON", 1),
    saved_case("nul bytes", "encoding", swap("Riverside", "River\0side"), "not valid JSON", 12),
    saved_case(
        "half a character",
        "encoding",
        swap("Riverside Advice", "Riverside \\ud83d Advice"),
        "half a character",
        12,
        "profile.organisation",
    ),
    saved_case("YAML, not JSON", "encoding", lambda good: "a: 1\n", "not valid JSON", 1),
    saved_case(
        "10,000-deep nesting",
        "size and shape",
        lambda good: DEEP_JSON,
        "nested too deeply",
    ),
    saved_case(
        "200,000 values",
        "size and shape",
        data_edit(_set(("notes", "x"), [0] * 200_000)),
        "more than 100,000 values",
    ),
    saved_case(
        "NaN",
        "numbers",
        swap(SCORE, '"score": NaN'),
        "NaN is not a number",
        34,
        "result.overall.score",
    ),
    saved_case(
        "Infinity",
        "numbers",
        swap(SCORE, '"score": Infinity'),
        "Infinity is not a number",
        34,
        "result.overall.score",
    ),
    saved_case(
        "1e309",
        "numbers",
        swap(SCORE, '"score": 1e309'),
        "1e309 is too large a number",
        34,
        "result.overall.score",
    ),
    saved_case(
        "a 400-digit number",
        "numbers",
        swap(SCORE, '"score": ' + "9" * 400),
        "a number of 400 digits is too large",
        34,
        "result.overall.score",
    ),
    saved_case(
        "a score of -1",
        "numbers",
        swap(SCORE, '"score": -1'),
        "-1 is not a score from 0 to 100",
        34,
        "result.overall.score",
    ),
    saved_case(
        "a score of 500",
        "numbers",
        swap(SCORE, '"score": 500'),
        "500 is not a score from 0 to 100",
        34,
        "result.overall.score",
    ),
    saved_case(
        "a theme's unknown share of 150",
        "numbers",
        swap('"unknown": 28.6', '"unknown": 150'),
        "150 is not a score from 0 to 100",
        55,
        "result.themes[0].unknown",
    ),
    saved_case(
        "30 February",
        "dates and tags",
        swap('"tender_deadline": "2027-01-15"', '"tender_deadline": "2025-02-30"'),
        "day value is outside expected range",
        18,
        "profile.tender_deadline",
    ),
    saved_case(
        "a time with no time zone",
        "dates and tags",
        lambda good: good.replace('"created": "', '"created": "x', 1),
        "valid datetime",
        4,
        "created",
    ),
    saved_case(
        "a key given twice",
        "keys and schema",
        swap('"tool_version"', '"schema_version": 1,\n  "tool_version"'),
        "key given twice (first on line 2)",
        3,
        "schema_version",
    ),
    saved_case(
        "schema version 999",
        "keys and schema",
        data_edit(_set(("schema_version",), 999)),
        "schema version 999 is newer than this program reads",
        2,
        "schema_version",
    ),
    saved_case(
        "schema version in words",
        "keys and schema",
        data_edit(_set(("schema_version",), "one")),
        "'one' is not a schema version",
        2,
        "schema_version",
    ),
    saved_case(
        "another program's JSON",
        "keys and schema",
        lambda good: '{"name": "left-pad", "version": "1.3.0"}',
        "perhaps another program's file",
    ),
    saved_case(
        "no result",
        "keys and schema",
        data_edit(_drop("result")),
        "Field required",
        1,
        "result",
    ),
    saved_case(
        "guarantor: 5",
        "answers and the bank",
        swap('"guarantor": "yes"', '"guarantor": 5'),
        "5 is not offered; choose one of: yes, no, dont-know",
        21,
        "answers.guarantor",
    ),
    saved_case(
        "an answer to a question not in its bank",
        "answers and the bank",
        swap('"guarantor": "yes"', '"guarantor": "yes",\n    "nonesuch": "yes"'),
        "no such question in the bank",
        22,
        "answers.nonesuch",
    ),
]

# --- drafts -----------------------------------------------------------------------------

DRAFT_GOOD = '{"schema_version": 1, "saved": "2027-03-12T14:05:00Z", "answers": {"weeks": 4}}'

DRAFT: list[Case] = [
    Case("empty", "draft", "encoding", text(".draft.json", ""), "not valid JSON", 1),
    Case("binary", "draft", "encoding", raw(".draft.json", b"\xff\xfe\0\x01"), "not UTF-8 text", 1),
    Case(
        "10,000-deep nesting",
        "draft",
        "size and shape",
        text(".draft.json", DEEP_JSON),
        "nested too deeply",
    ),
    Case("a list", "draft", "size and shape", text(".draft.json", "[1, 2]"), "not a draft", 1),
    *special_files("draft", ".draft.json", "it is a symbolic link"),  # never followed
    Case(
        "a link to a file elsewhere",
        "draft",
        "special files",
        link(".draft.json", "/etc/passwd"),
        "it is a symbolic link",
    ),
    Case(
        "NaN",
        "draft",
        "numbers",
        text(".draft.json", DRAFT_GOOD.replace("4", "NaN")),
        "NaN is not a number",
        1,
        "answers.weeks",
    ),
    Case(
        "a 400-digit number",
        "draft",
        "numbers",
        text(".draft.json", DRAFT_GOOD.replace("4", "9" * 400)),
        "a number of 400 digits is too large",
        1,
        "answers.weeks",
    ),
    Case(
        "a key given twice",
        "draft",
        "keys and schema",
        text(".draft.json", DRAFT_GOOD.replace('"answers"', '"saved": "x", "answers"')),
        "key given twice",
        1,
        "saved",
    ),
    Case(
        "schema version 999",
        "draft",
        "keys and schema",
        text(".draft.json", DRAFT_GOOD.replace('"schema_version": 1', '"schema_version": 999')),
        "made by a newer version",
        None,
        "schema_version",
    ),
    Case(
        "a date that is not one",
        "draft",
        "dates and tags",
        text(".draft.json", DRAFT_GOOD.replace("2027-03-12T14:05:00Z", "2027-02-30T14:05:00Z")),
        "valid datetime",
        None,
        "saved",
    ),
]
