"""Shared by the report tests: the fixed bank and answers, the fixed time, golden files.

bank/ is a cut-down copy of the real bank (two case studies, three themes);
answers.yaml holds text that needs escaping in every format. Regenerate the
golden files in tests/golden/ after an intended change with:

    UPDATE_GOLDEN=1 pytest tests/reports
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from consortium_ready.domain.assessment import Assessment

HERE = Path(__file__).parent
BANK = HERE / "bank"
ANSWERS = HERE / "answers.yaml"
GOLDEN = HERE.parents[1] / "golden"
FIXED = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)

Make = Callable[..., Assessment]
"""The `make` fixture: `make(days=30, guarantor="agreed", profile={...}, notes={...})`."""


def assert_golden(name: str, text: str) -> None:
    """`text` must equal tests/golden/NAME, byte for byte; UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    data = text.encode("utf-8")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing; create it with: UPDATE_GOLDEN=1 pytest tests/reports"
    assert data.decode() == path.read_bytes().decode(), (
        f"{name} differs from tests/golden/{name}. If the change is intended, check the diff, "
        "then regenerate with: UPDATE_GOLDEN=1 pytest tests/reports"
    )
