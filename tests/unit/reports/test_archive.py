"""Reading saved assessments back: every bad file named with its line and field.

And the committed JSON Schema kept current.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consortium_ready.domain.assessment import SCHEMA_VERSION, Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError
from consortium_ready.reports.saving import save_assessment
from consortium_ready.store.saved import load_assessment
from consortium_ready.store.schema import REGENERATE, schema_text
from tests.unit.helpers import REPO

SCHEMA_FILE = REPO / "docs" / "assessment.schema.json"


@pytest.fixture
def saved(assessment: Assessment, bank: Bank, tmp_path: Path) -> Path:
    return save_assessment(assessment, bank, tmp_path).json


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_assessment(path)
    return [str(problem) for problem in caught.value.problems]


def rewrite(path: Path, change: str, to: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert change in text
    path.write_text(text.replace(change, to, 1), encoding="utf-8")


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        f"docs/assessment.schema.json is out of date with the models; regenerate it with: "
        f"{REGENERATE}"
    )


def test_a_saved_assessment_reads_back_unchanged(saved: Path, assessment: Assessment) -> None:
    assert load_assessment(saved) == assessment


def test_a_newer_schema_version_is_refused_plainly(saved: Path) -> None:
    rewrite(saved, f'"schema_version": {SCHEMA_VERSION}', f'"schema_version": {SCHEMA_VERSION + 1}')
    (message,) = problems_of(saved)
    assert message.startswith(
        f"{saved}:2: schema_version: schema version {SCHEMA_VERSION + 1} "
        "is newer than this program reads"
    )
    assert "upgrade consortium-ready" in message


@pytest.mark.parametrize(
    ("version", "says"),
    [
        ("0", "is older than any this program reads"),
        ("true", "is not a schema version"),
        ('"1"', "is not a schema version"),
    ],
)
def test_an_unreadable_schema_version_is_named(saved: Path, version: str, says: str) -> None:
    rewrite(saved, f'"schema_version": {SCHEMA_VERSION}', f'"schema_version": {version}')
    (message,) = problems_of(saved)
    assert message.startswith(f"{saved}:2: schema_version: ") and says in message


def test_a_bad_field_is_named_with_its_line(saved: Path) -> None:
    lines = saved.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if '"role"' in text)
    rewrite(saved, '"role": "lead"', '"role": "boss"')
    (message,) = problems_of(saved)
    assert message.startswith(f"{saved}:{line}: profile.role: ")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("", "empty file"),
        ('{"schema_version": 1,', "not valid JSON"),
        ('{"name": "another tool", "version": "2.0"}', "no schema_version"),
        ("[1, 2, 3]", "no schema_version"),
    ],
)
def test_damaged_and_foreign_files_are_named(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    (message,) = problems_of(path)
    assert message.startswith(str(path)) and says in message


def test_binary_and_missing_files_are_named(tmp_path: Path) -> None:
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "not UTF-8" in problems_of(binary)[0]
    assert "cannot be read" in problems_of(tmp_path / "missing.json")[0]
    assert "not a saved assessment: it is a folder, not a file" in problems_of(tmp_path)[0]


@pytest.mark.parametrize("depth", [900, 5_000, 100_000])
@pytest.mark.parametrize("inside", [False, True], ids=["alone", "in-a-field"])
def test_a_file_nested_too_deeply_is_named_not_a_crash(
    tmp_path: Path, depth: int, inside: bool
) -> None:
    nested = "[" * depth + "]" * depth
    path = tmp_path / "deep.json"
    path.write_text(
        f'{{"schema_version": 1, "deep": {nested}}}' if inside else nested, encoding="utf-8"
    )
    messages = problems_of(path)
    assert messages and all(message.startswith(f"{path}:") for message in messages)
    if depth == 100_000:
        assert messages == [f"{path}: nested too deeply to be a saved assessment"]


def test_json_written_by_hand_with_a_missing_field_is_named(saved: Path) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["result"]["coverage"]
    saved.write_text(json.dumps(data, indent=2), encoding="utf-8")
    (message,) = problems_of(saved)
    assert message.startswith(f"{saved}:") and "result.coverage: Field required" in message


def test_a_version_1_file_reads_as_one_with_no_action_tracked(
    saved: Path, assessment: Assessment
) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["tracking"]
    saved.write_text(json.dumps({**data, "schema_version": 1}), encoding="utf-8")
    old = load_assessment(saved)
    assert old.schema_version == 1 and old.tracking == {}
    assert old.result == assessment.result
