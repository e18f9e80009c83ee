"""What the consortium tests, unit and functional, share: partners made from a worked example.

Every partner starts from docs/examples/well-run-late.yaml (a well-run bid, set
up as Leeds and Norfolk were), so that partners agree on everything the test
does not change; answers that no longer apply after a change of role are left out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from consortium_ready.content.yamlfile import read_yaml
from consortium_ready.domain.aggregate import Returned
from consortium_ready.domain.answerset import AnswerSet, without_unasked
from consortium_ready.domain.assessment import Assessment, assess
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.consortium import Answered
from tests.unit.helpers import REPO

EXAMPLE = REPO / "docs" / "examples" / "well-run-late.yaml"
WHEN = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
CONSORTIUM = "Millbrook Family Support Partnership"
PARTNERS_OWN = {
    "subcontract-terms": "seen-agreed",
    "development-costs-shared": "agreed",
    "risk-register-seen": "reviewed-together",
    "payment-terms": "in-advance",
    "lead-standing-shared": "shown",
    "lead-checked-by-partner": "seen-checked",
}
"""Good answers to the questions only partners are asked, which the example (a lead) lacks."""


def partner(
    bank: Bank,
    name: str,
    role: str = "partner",
    *,
    days: int = 0,
    profile: dict[str, Any] | None = None,
    **changed: Any,
) -> Assessment:
    """A complete assessment of `name`: the example's answers, with `changed` ones (None
    removes one, and leaves the assessment partial)."""
    example = AnswerSet.model_validate(read_yaml(EXAMPLE).data)  # checked below, for `bank`
    answers = {
        **example.answers,
        **PARTNERS_OWN,
        **{k.replace("_", "-"): v for k, v in changed.items()},
    }
    answer_set = AnswerSet(
        profile=example.profile.model_copy(
            update={"organisation": name, "role": role, **(profile or {})}
        ),
        answers={k: v for k, v in answers.items() if v is not None},
    )
    return assess(bank, without_unasked(bank, answer_set), now=WHEN + timedelta(days=days))


def returned(*assessments: Assessment) -> list[Returned]:
    return [Returned(Answered.of(a)) for a in assessments]


def save(folder: Path, assessment: Assessment) -> Path:
    """Save as `assess` does, without the reports (the consortium view reads the JSON)."""
    from consortium_ready.store.saved import write_assessment

    return write_assessment(assessment, folder, {}).json
