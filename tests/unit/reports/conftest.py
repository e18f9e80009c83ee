"""Fixtures for the report tests, on the small fixed bank and answers described in reportkit."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

from consortium_ready.content.answersfile import read_answers
from consortium_ready.content.loader import load_bank
from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import Assessment, assess
from consortium_ready.domain.bank import Bank
from tests.unit.reports.reportkit import ANSWERS, BANK, FIXED, CsvFile, Make, MarkdownFile


@pytest.fixture(autouse=True)
def london_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reports show local times: pin the zone so that the golden reports hold everywhere."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank(BANK / "questions", BANK / "seeds")


@pytest.fixture(scope="session")
def answer_set(bank: Bank) -> AnswerSet:
    return read_answers(ANSWERS, bank)


@pytest.fixture
def assessment(bank: Bank, answer_set: AnswerSet) -> Assessment:
    return assess(bank, answer_set, now=FIXED)


@pytest.fixture
def make(bank: Bank, answer_set: AnswerSet) -> Make:
    """An assessment of the fixed answers with some changed: `make(days=30, guarantor="agreed")`.

    A value of None removes the answer; `profile` and `notes` replace fields of those;
    `previous` is the assessment before it, whose open actions carry forward.
    """

    def build(
        days: int = 0,
        *,
        using: Bank | None = None,
        previous: Assessment | None = None,
        profile: dict[str, Any] | None = None,
        notes: dict[str, str] | None = None,
        **answers: Any,
    ) -> Assessment:
        changed = {k.replace("_", "-"): v for k, v in answers.items()}
        merged = {k: v for k, v in {**answer_set.answers, **changed}.items() if v is not None}
        updated = AnswerSet(
            profile=answer_set.profile.model_copy(update=profile or {}),
            answers=merged,
            notes=answer_set.notes if notes is None else notes,
        )
        return assess(using or bank, updated, FIXED + timedelta(days=days), previous)

    return build


@pytest.fixture
def editable_bank(tmp_path: Path) -> Path:
    """A copy of the fixed bank to edit, with `questions/` and `seeds/` inside."""
    target = tmp_path / "bank"
    shutil.copytree(BANK, target)
    return target


@pytest.fixture
def golden_md(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """`text == golden_md`: the text equals __snapshots__/<module>/<test>.md, byte for byte."""
    return snapshot.use_extension(MarkdownFile)


@pytest.fixture
def golden_csv(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """`text == golden_csv`: the text equals __snapshots__/<module>/<test>.csv, byte for byte."""
    return snapshot.use_extension(CsvFile)
