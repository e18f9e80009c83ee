"""The built-in bank meets the coverage the product promises, in its own words."""

from __future__ import annotations

import re

import pytest

from consortium_ready.domain.citations import citation_coverage
from tests.unit.helpers import REPO

SOURCE = REPO.parent / "shared" / "seeds" / "000_cd7e2871e2a49cfc.txt"
REQUIRED_THEMES = {
    "strategy",
    "values",
    "trust",
    "lead-body",
    "agreements",
    "bid-capacity",
    "membership",
    "decisions",
    "development",
    "staffing",
    "delivery",
}


def test_at_least_ten_themes_covering_the_required_topics(bank):
    assert len(bank.themes) >= 10
    assert {theme.id for theme in bank.themes} >= REQUIRED_THEMES


def test_at_least_forty_scored_questions_of_every_kind(bank):
    scored = [q for q in bank.questions if q.scored]
    assert len(scored) >= 40
    assert {q.kind for q in bank.questions} == {"single", "yes_no", "number", "multi", "text"}


def test_every_case_study_is_cited_by_at_least_three_questions(bank):
    assert all(case.questions >= 3 for case in citation_coverage(bank).cases)


def test_every_challenge_and_lesson_is_cited_or_explained(bank):
    coverage = citation_coverage(bank)
    assert coverage.lessons_and_challenges_cited + len(coverage.uncited) >= (
        coverage.lessons_and_challenges
    )


def test_every_option_has_a_descriptive_anchor_and_dont_know_is_widely_offered(bank):
    scored = [q for q in bank.questions if q.scored]
    for question in scored:
        assert all(len(option.anchor.split()) >= 3 for option in question.options), question.id
    offering = [q for q in scored if any(o.dont_know for o in q.options)]
    assert len(offering) >= 0.9 * len(scored)


def test_role_stage_and_answer_conditions_are_all_used(bank):
    when = [q.applies_when for q in bank.questions]
    assert any(w.role == ["lead"] for w in when) and any(w.role == ["partner"] for w in when)
    assert any(w.stage for w in when) and any(w.answers for w in when)
    assert any(o.stage_scores for q in bank.questions for o in q.options)


def test_the_critical_red_flags_exist(bank):
    assert {"no-guarantor", "deadline-without-agreement", "specification-gap"} <= {
        flag.id for flag in bank.flags
    }


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


@pytest.mark.skipif(not SOURCE.exists(), reason="the source document is in ../shared/")
def test_the_source_is_paraphrased_not_copied(bank):
    """No run of eight words from the source document appears in the bank's own text."""
    source = words(SOURCE.read_text(encoding="utf-8"))
    runs = {tuple(source[i : i + 8]) for i in range(len(source) - 7)}
    texts = [item.text for case in bank.cases for item in case.items]
    texts += [case.summary for case in bank.cases] + [case.origin for case in bank.cases]
    for question in bank.questions:
        texts += [question.text, question.why or "", question.action or ""]
        texts += [option.anchor for option in question.options]
    copied = []
    for text in texts:
        mine = words(text)
        copied += [
            " ".join(mine[i : i + 8])
            for i in range(len(mine) - 7)
            if tuple(mine[i : i + 8]) in runs
        ]
    assert copied == []
