"""The worked examples in docs/examples/ score as a reader of the case studies would expect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consortium_ready.cli import main
from tests.unit.helpers import REPO

EXAMPLES = REPO / "docs" / "examples"


def assess(name: str, reports: Path) -> tuple[dict, str]:
    assert (
        main(["assess", "--answers", str(EXAMPLES / f"{name}.yaml"), "--reports", str(reports)])
        == 0
    )
    [saved] = reports.glob("*/*.json")
    return json.loads(saved.read_text()), saved.with_suffix(".md").read_text()


@pytest.fixture
def well(tmp_path):
    return assess("well-prepared", tmp_path / "well")


@pytest.fixture
def poor(tmp_path):
    return assess("poorly-prepared", tmp_path / "poor")


def themes(assessment: dict) -> dict[str, float]:
    return {t["id"]: t["score"] for t in assessment["result"]["themes"]}


def test_a_consortium_set_up_like_leeds_and_norfolk_is_ready(well):
    assessment, report = well
    result = assessment["result"]
    assert result["overall"]["band"] == "ready" and result["flags"] == []
    assert themes(assessment)["agreements"] == 100 and themes(assessment)["lead-body"] == 100
    assert result["coverage"]["percent"] == 100
    assert "## Overall: Ready" in report


def test_northumberlands_position_is_not_ready_for_the_reasons_it_lost(poor):
    assessment, _ = poor
    result = assessment["result"]
    flags = {f["id"] for f in result["flags"]}
    # what Northumberland documented: verbal terms, a short window, a partner
    # without the specification
    assert {
        "deadline-without-agreement",
        "specification-gap",
        "short-bid-window",
        "bidding-without-terms",
    } <= flags
    # and the commercial and legal deal-breakers of its fictional lead agency
    assert {
        "lead-cannot-guarantee",
        "no-trustee-sign-off",
        "no-written-authority",
        "tupe-not-costed",
        "no-safeguarding-arrangements",
        "no-data-sharing-agreement",
    } <= flags
    assert result["overall"]["band"] == "not-ready"
    # its relationships were its strength; its paperwork and timing were not
    scores = themes(assessment)
    assert min(scores["trust"], scores["values"], scores["decisions"]) > 60
    assert max(scores["agreements"], scores["bid-capacity"]) < 25
    # the flags lead the plan, flags on the same answers as one action, and the
    # answers behind them are not listed again on their own
    actions = result["actions"]
    flag_actions = [a for a in actions if a["kind"] == "flag"]
    assert actions[: len(flag_actions)] == flag_actions
    assert {f for a in actions for f in a["flags"]} == flags
    assert actions[0]["flag"] == "deadline-without-agreement"
    later = {a["question"] for a in actions[len(flag_actions) :]}
    assert not {"specification-access", "pre-bid-terms"} & later


def test_the_report_says_why_and_cites_the_case_studies(poor):
    _, report = poor
    assert "## Overall: Not ready" in report
    assert "A partner cannot get the specification in time" in report
    assert "Northumberland Hidden Harm Service Consortium:" in report
    assert "Leeds Community Drugs Services:" in report
    assert "may have to withdraw" in report  # the respondent's own evidence note


def test_the_better_prepared_consortium_scores_higher_in_every_theme(well, poor):
    for theme, score in themes(poor[0]).items():
        assert themes(well[0])[theme] >= score, theme
