"""A blank answers file: every question listed with its options, nothing answered.

Words from the bank go into comments on one line each, with any control character made
visible (words.printable): a line break or carriage return in a label would end the comment,
and the rest of it would be read as YAML.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping

from consortium_ready.domain.bank import Bank, Option, Question
from consortium_ready.domain.profilefields import KINDS, ROLES, STAGES
from consortium_ready.words import bank_name, plain_number, printable


def _comment(text: str, indent: str = "  ", width: int = 88) -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(printable(text), width)]


def _conditions(question: Question) -> str:
    when = question.applies_when
    parts = []
    if when.role:
        parts.append("role is " + " or ".join(when.role))
    if when.stage:
        parts.append("stage is " + " or ".join(when.stage))
    if when.kind:
        parts.append("kind is " + " or ".join(when.kind))
    for parent, values in when.answers.items():
        parts.append(f"{parent} is " + " or ".join(values))
    return " and ".join(parts)


def _score(option: Option) -> str:
    """What an option scores, out of 100: `(100)`, or `(0, or 60 when exploring)`."""
    stages = "".join(f", or {score} when {stage}" for stage, score in option.stage_scores.items())
    return f"({0 if option.dont_know else option.score or 0}{stages})"


def _answer_hint(question: Question) -> list[str]:
    if question.kind == "text":
        return ["  #   (free text, unscored; quote it if it contains a colon)"]
    if question.kind == "number":
        lines = [f"  #   a number of {printable(question.unit or '')}:"]
        lines += [
            f"  #     {plain_number(o.from_)} {printable(question.unit_for(o.from_))} or more "
            f"{_score(o)}: {printable(o.label)}"
            if o.from_ is not None
            else f"  #   or {printable(o.value)} {_score(o)}: {printable(o.label)}"
            for o in question.options
        ]
        return lines
    lines = [
        f"  #   {printable(o.value)} {_score(o)}: {printable(o.label)}" for o in question.options
    ]
    if question.kind == "multi":
        lines.insert(
            0, "  #   a list, such as [a, b], of these (their scores add up, to at most 100):"
        )
    return lines


PROFILE_LINES = (
    ("organisation", '""', ""),
    ("role", "", " | ".join(ROLES)),
    ("stage", "", " | ".join(STAGES)),
    ("rebidding", "false", "true if delivering and also bidding again"),
    ("kind", "not-known", " | ".join(KINDS)),
    ("consortium", "", "optional: the consortium's name"),
    ("tender_deadline", "", "optional: YYYY-MM-DD"),
)


def _profile_line(field: str, value: str, comment: str) -> str:
    """`  role:             # lead | partner | undecided`, the comments lined up."""
    text = f"  {field}: {value}".rstrip() if value else f"  {field}:"
    return f"{text:<19} # {comment}" if comment else text


def answers_template(bank: Bank, filled: Mapping[str, str] | None = None) -> str:
    """The blank answers file; `filled` gives profile fields a value (written as YAML strings)."""
    given = {key: json.dumps(value, ensure_ascii=False) for key, value in (filled or {}).items()}
    name = printable(bank_name(bank.info.title, bank.info.version))
    lines = [
        f"# Answers for consortium-ready: {name}.",
        "# Fill in the profile, then answer with the values listed under each question;",
        "# the number in brackets after each is what that answer scores, out of 100.",
        "# Leave a question empty if you have not answered it yet: it counts as not known.",
        "# Score it with: consortium-ready assess --answers THIS-FILE",
        "profile:",
        *(
            _profile_line(field, given.get(field, value), comment)
            for field, value, comment in PROFILE_LINES
        ),
        "",
        "answers:",
    ]
    for theme in bank.themes:
        title = printable(theme.title)
        lines += ["", f"  # ---- {title} " + "-" * max(4, 70 - len(title))]
        for question in theme.questions:
            lines.append("")
            lines += _comment(question.text)
            if conditions := _conditions(question):
                lines.append(f"  #   (asked only when {conditions})")
            lines += _answer_hint(question)
            lines.append(f"  {question.id}:")
    lines += [
        "",
        "notes:",
        "  # Evidence notes, by question id, for example:",
        f"  # {bank.questions[0].id}: {json.dumps('Minutes of the partners meeting, 3 March')}",
        "",
    ]
    return "\n".join(lines)
