"""What a person types, read as an answer: the same rules, and the same messages, in every shell."""

from __future__ import annotations

from consortium_ready.domain.answerset import answer_problem
from consortium_ready.domain.bank import DONT_KNOW, Question


def parse_number(text: str, question: Question) -> int | float | None:
    """The number typed (None if nothing is); ValueError with a plain message if it is not one."""
    text = text.strip()
    if not text:
        return None
    how = f"Type a number of {question.unit or 'units'}, such as 8"
    if question.option(DONT_KNOW):
        how += ", or choose Don't know"
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number. {how}.") from None
    value = int(number) if number.is_integer() else number
    if answer_problem(question, value):
        raise ValueError(f"{how}.")
    return value
