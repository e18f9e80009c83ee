"""Saving works where the platform lacks POSIX-only calls (Windows, some network shares):
no hard links, no file modes, no O_NOFOLLOW or O_NONBLOCK."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import pytest

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.profile import Profile
from consortium_ready.reports.saving import save_assessment
from consortium_ready.store.binned import move_to_bin
from consortium_ready.store.drafts import Draft, load_draft, save_draft, set_aside
from consortium_ready.store.files import draft_path
from consortium_ready.store.history import scan

POSIX_ONLY = ("link", "symlink", "fchmod", "chmod", "lchmod", "O_NOFOLLOW", "O_NONBLOCK")
NOW = datetime(2027, 3, 12, 14, 5, tzinfo=UTC)


@pytest.fixture
def windows_like_os(monkeypatch: pytest.MonkeyPatch) -> None:
    """`os` without the calls and flags that only POSIX systems have."""
    for name in POSIX_ONLY:
        monkeypatch.delattr(os, name, raising=False)


def test_assessments_drafts_and_the_bin_work_without_posix_calls(
    windows_like_os, mini_bank, tmp_path
):
    assert not hasattr(os, "link") and not hasattr(os, "fchmod")
    profile = Profile(organisation="Oak Trust", role="lead", stage="bidding")
    made = assess(mini_bank, AnswerSet(profile=profile, answers={"guarantor": "no"}), now=NOW)
    first = save_assessment(made, mini_bank, tmp_path)
    second = save_assessment(made, mini_bank, tmp_path)  # the same second: a new name
    assert first.json.name == "2027-03-12-140500.json"
    assert second.json.name == "2027-03-12-140500-2.json"
    assert json.loads(second.json.read_text())["answers"] == {"guarantor": "no"}
    assert [p.suffix for p in second.reports] == [".html", ".md", ".csv"]
    assert all(report.stat().st_size for report in second.reports)
    assert len(scan(tmp_path).entries) == 2

    moved = move_to_bin(first.json, tmp_path)
    assert not first.json.exists() and moved[0].read_text() == second.json.read_text()
    assert len(scan(tmp_path).entries) == 1

    save_draft(draft_path(tmp_path), Draft(saved=NOW, answers={"guarantor": "yes"}))
    kept = set_aside(draft_path(tmp_path), NOW)
    save_draft(draft_path(tmp_path), Draft(saved=NOW, answers={"guarantor": "no"}))
    assert load_draft(kept).answers == {"guarantor": "yes"}  # type: ignore[union-attr]
    assert load_draft(draft_path(tmp_path)).answers == {"guarantor": "no"}  # type: ignore[union-attr]
    assert not list(tmp_path.rglob("*.tmp")), "no temporary file is left behind"
