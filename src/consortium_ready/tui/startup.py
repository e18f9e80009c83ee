"""What the start screen needs to know, gathered in a background thread after the first paint."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError, Problem
from consortium_ready.store.drafts import Draft, draft_path, load_draft
from consortium_ready.store.history import loaded, scan


@dataclass(frozen=True)
class Surroundings:
    """The question bank (or why it cannot be used), the draft, and the saved assessments."""

    bank: Bank | None
    bank_problems: list[Problem] = field(default_factory=list)
    draft: Draft | None = None
    damaged_draft: Problem | None = None
    saved: int = 0
    """How many saved assessments there are."""
    last: Assessment | None = None
    """The most recently made of them, to start again from."""
    skipped: list[Problem] = field(default_factory=list)
    """Files in the reports folder that are not saved assessments this version reads."""


def survey(
    questions: Path | None, seeds: Path | None, reports: Path, bank: Bank | None = None
) -> Surroundings:
    """Load the bank (unless already loaded), read the draft, finish any save a kill
    interrupted (store/unfinished.py) and find the saved assessments."""
    from consortium_ready.reports.finishing import finish_saves

    if bank is None:
        try:
            bank = load_bank(questions, seeds)
        except InputError as error:
            return Surroundings(bank=None, bank_problems=error.problems)
    loaded_bank = bank
    with contextlib.suppress(OSError):  # a folder that cannot be written is told of on saving
        finish_saves(reports, lambda: loaded_bank)
    try:
        draft, damaged = load_draft(draft_path(reports)), None
    except InputError as error:
        draft, damaged = None, error.problems[0]
    history = scan(reports)
    return Surroundings(
        bank=bank,
        draft=draft,
        damaged_draft=damaged,
        saved=len(history.entries),
        last=loaded(last.load) if (last := history.last()) else None,
        skipped=history.warnings,
    )
