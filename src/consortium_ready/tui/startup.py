"""What the start screen needs to know, gathered in a background thread after the first paint."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from consortium_ready.errors import InputError, Problem
from consortium_ready.reports.unfinished import finish_saves
from consortium_ready.store.bankcache import cached_bank
from consortium_ready.store.drafts import Draft, load_draft
from consortium_ready.store.files import draft_path
from consortium_ready.store.history import Scan, loaded, scan

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.bank import Bank


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
    questions: Path | None,
    seeds: Path | None,
    reports: Path,
    bank: Bank | None = None,
    history: Scan | None = None,
) -> Surroundings:
    """Load the bank (unless already loaded; from the cache when it holds this very bank,
    store/bankcache.py), find the saved assessments unless `history` has just listed them,
    finish any save a kill interrupted if the listing saw the signs of one
    (store/unfinished.py; finishing a save writes only its reports, never a saved
    assessment, so the listing stands), and read the draft."""
    if bank is None:
        try:
            bank = cached_bank(questions, seeds)
        except InputError as error:
            return Surroundings(bank=None, bank_problems=error.problems)
    history = history if history is not None else scan(reports)
    if history.unfinished:  # else a kill left no save to finish
        loaded_bank = bank
        with contextlib.suppress(OSError):  # a folder that cannot be written is told of on saving
            finish_saves(reports, lambda: loaded_bank)
    try:
        draft, damaged = load_draft(draft_path(reports)), None
    except InputError as error:
        draft, damaged = None, error.problems[0]
    return Surroundings(
        bank=bank,
        draft=draft,
        damaged_draft=damaged,
        saved=len(history.entries),
        last=loaded(last.load) if (last := history.last()) else None,
        skipped=history.warnings,
    )
