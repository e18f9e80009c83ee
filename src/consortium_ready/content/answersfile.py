"""Reading an answers file a person wrote or edited, checked against the bank."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from consortium_ready.content.yamlfile import YamlDocument, read_yaml
from consortium_ready.domain.answerset import AnswerSet, answers_problems
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError


def parse_answers(document: YamlDocument, bank: Bank) -> AnswerSet:
    """Check an answers document against the bank, raising InputError naming every problem."""
    if not isinstance(document.data, dict):
        raise InputError(
            [
                document.problem(
                    (),
                    (
                        "an answers file is a mapping with `profile:`, `answers:` and optional "
                        "`notes:`; `consortium-ready template` writes one to start from"
                    ),
                )
            ]
        )
    try:
        answer_set = AnswerSet.model_validate(document.data)
    except ValidationError as error:
        raise InputError(
            [document.problem(e["loc"], e["msg"]) for e in error.errors(include_url=False)]
        ) from None
    problems = answers_problems(bank, answer_set)
    if problems:
        raise InputError([document.problem(loc, message) for loc, message in problems])
    return answer_set


def read_answers(path: Path, bank: Bank) -> AnswerSet:
    """Read and check an answers file (YAML, of which JSON is a subset)."""
    return parse_answers(read_yaml(path), bank)
