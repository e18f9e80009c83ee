"""Answers and saved assessments made with the built-in bank, for the commands to work on.

Answers are varied at random with a fixed seed, so every run works on the same files.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import Assessment, assess
from consortium_ready.domain.bank import AnswerValue, Bank
from consortium_ready.domain.conditions import asked_questions
from consortium_ready.domain.profile import Profile
from consortium_ready.store.files import TIMESTAMP, slugify

START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
VARIANTS = 40
"""Answer sets scored; saved assessments are copies of these (scoring 10,000 times would
time the scorer, not the commands)."""


def random_answers(bank: Bank, profile: Profile, rng: random.Random) -> dict[str, AnswerValue]:
    """Every question answered as it comes up, as someone going through the questionnaire."""
    answers: dict[str, AnswerValue] = {}
    for question in bank.questions:
        if question not in asked_questions(bank, profile, answers) or not question.options:
            continue
        if question.kind == "number":
            answers[question.id] = rng.randint(0, 12)
        elif question.kind == "multi":
            plain = [o.value for o in question.options if not o.exclusive]
            answers[question.id] = rng.sample(plain, rng.randint(1, len(plain)))
        else:
            answers[question.id] = rng.choice(question.options).value
    return answers


def answer_set(bank: Bank, profile: Profile, rng: random.Random) -> AnswerSet:
    """Answers to every question asked of `profile`, and a note on the first."""
    notes = {bank.questions[0].id: "Minutes of the partners' meeting " * 3}
    return AnswerSet(profile=profile, answers=random_answers(bank, profile, rng), notes=notes)


def answer_sets(bank: Bank, count: int) -> list[AnswerSet]:
    """`count` organisations' answers, each a lead or a partner, forming or bidding."""
    rng = random.Random(4)
    return [
        answer_set(
            bank,
            Profile(
                organisation=f"Organisation {index}",
                role=rng.choice(["lead", "partner"]),
                stage=rng.choice(["forming", "bidding"]),
            ),
            rng,
        )
        for index in range(count)
    ]


def lead_answers(bank: Bank, seed: int = 7) -> AnswerSet:
    """A lead body's answers at the bidding stage, to every question asked of it."""
    profile = Profile(organisation="Harrow CVS", role="lead", stage="bidding")
    return answer_set(bank, profile, random.Random(seed))


@cache
def _variants() -> list[Assessment]:
    bank = load_bank()
    return [assess(bank, answers, now=START) for answers in answer_sets(bank, VARIANTS)]


def save_many(folder: Path, count: int, organisations: int) -> None:
    """`count` assessments spread over `organisations`, written into `folder` as files copied
    in from elsewhere would arrive (not indexed, no reports beside them), each named as the
    program names them. Every organisation's are a day apart, so no two names meet."""
    variants = _variants()
    rng = random.Random(4)
    for index in range(count):
        organisation = f"Community Organisation {index % organisations:03d}"
        created = START + timedelta(days=index // organisations, minutes=index % 97)
        assessment = rng.choice(variants).model_copy(
            update={
                "created": created,
                "profile": variants[0].profile.model_copy(update={"organisation": organisation}),
            }
        )
        saved = folder / slugify(organisation) / f"{created.strftime(TIMESTAMP)}.json"
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(assessment.model_dump_json(indent=2), encoding="utf-8")


def full_assessments(bank: Bank) -> tuple[Assessment, Assessment]:
    """A lead body's assessment, and the one it made three months before."""
    previous = assess(bank, lead_answers(bank, seed=8), now=START)
    later = START + timedelta(days=91)
    return assess(bank, lead_answers(bank), now=later, previous=previous), previous
