"""A reports folder for the history tests: saved assessments of two organisations, and strangers."""

from __future__ import annotations

import json
from pathlib import Path

from consortium_ready.domain.assessment import SCHEMA_VERSION
from consortium_ready.domain.bank import Bank
from consortium_ready.reports.saving import save_assessment
from tests.unit.reports.reportkit import Make

OTHER = "Hidden Harm Partnership"
STRANGERS = {
    "damaged.json": '{"schema_version": 1, "created": "2026-',
    "package.json": '{"name": "another-tool", "version": "1.0.0"}',
    "empty.json": "",
    "future.json": json.dumps({"schema_version": SCHEMA_VERSION + 1, "anything": []}),
}
SAVED = 5
"""The saved assessments saved_with_strangers makes; the strangers are beside them."""


def saved_with_strangers(folder: Path, make: Make, bank: Bank) -> Path:
    """Three runs for the fixed organisation, two for another, and files that are not ours."""
    for days, answers in (
        (0, {}),
        (40, {"guarantor": "likely"}),
        (80, {"guarantor": "agreed", "agreement_status": "signed"}),
    ):
        save_assessment(make(days, **answers), bank, folder)
    for days in (10, 20):
        save_assessment(make(days, profile={"organisation": OTHER}), bank, folder)
    strangers = folder / "st-anne-s-friends-leeds-north"
    for name, text in STRANGERS.items():
        (strangers / name).write_text(text, encoding="utf-8")
    (strangers / "notes.txt").write_text("not json", encoding="utf-8")
    (folder / "loose.json").write_text("{}", encoding="utf-8")
    return folder
