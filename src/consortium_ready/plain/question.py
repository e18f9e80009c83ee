"""One question at a time: every option read out in full, then one line to answer it."""

from __future__ import annotations

from typing import Literal

from consortium_ready.domain.bank import DONT_KNOW, AnswerValue, Question
from consortium_ready.plain.choosing import (
    CLEAR,
    KEYS,
    command,
    not_accepted,
    number_range,
    pick_many,
    pick_one,
)
from consortium_ready.plain.console import Console
from consortium_ready.reports.view import citations
from consortium_ready.session.entries import parse_number
from consortium_ready.session.session import Session
from consortium_ready.words import plain_number

Move = Literal["next", "back"]
DONT_KNOW_WORDS = ("d", "don't know", "dont know", DONT_KNOW)


def ask_question(console: Console, session: Session, question: Question) -> Move:
    """Show `question`, then read entries until one answers it or moves on.

    Raises Stop on q and EndOfInput at the end of input.
    """
    session.visit(question.id)
    _show(console, session, question)
    how = _how(question)
    reminded = False
    while True:
        entry = console.ask(_prompt(question))
        found = command(entry, ("help", "back", "note", "skip"))
        if found == "back":
            return "back"
        if found == "skip":
            return "next"
        if found == "help":
            _explain(console, session, question)
        elif found == "note":
            _note(console, session, question)
        else:
            problem = _answer(session, question, entry, how)
            if problem is None:
                return "next"
            console.say(problem)
            if not reminded:
                console.say(KEYS)
                reminded = True


def _show(console: Console, session: Session, question: Question) -> None:
    questionnaire = session.questionnaire
    assert questionnaire is not None
    theme = next(t for t in questionnaire.themes() if t.id == question.theme)
    console.say()
    console.say(
        f"Question {questionnaire.position(question.id)} of {len(questionnaire.asked)}. "
        f"Theme: {theme.title}, {theme.given} of {theme.asked} answered."
    )
    console.say(question.text)
    if question.kind == "number":
        console.say("What each number means:")
        for option in question.number_bands:
            console.say(
                f"{plain_number(option.from_ or 0)} or more: {option.label}. {option.anchor}",
                indent="  ",
                hanging="    ",
            )
    elif question.kind != "text":
        for number, option in enumerate(question.options, start=1):
            console.say(f"{number}. {option.label}. {option.anchor}", indent="  ", hanging="    ")
    answer = session.draft.answers.get(question.id)
    if answer is not None:
        console.say(f"Your answer now: {_answer_words(question, answer)}. Press Enter to keep it.")
    note = session.draft.notes.get(question.id)
    if note:
        console.say(f"Your note: {note}")
    console.say(_how(question))


def _answer_words(question: Question, answer: AnswerValue) -> str:
    if question.kind in ("single", "yes_no", "multi"):
        chosen = answer if isinstance(answer, list) else [answer]
        numbers = [str(i) for i, o in enumerate(question.options, start=1) if o.value in chosen]
        return f"{', '.join(numbers)}, {question.answer_label(answer)}"
    if answer == DONT_KNOW:
        return "Don't know"
    return question.answer_label(answer)


def _how(question: Question) -> str:
    count = len(question.options)
    if question.kind == "multi":
        return (
            f"Type the number of each answer that applies, from 1 to {count}, with spaces "
            "between, such as 1 3."
        )
    if question.kind == "number":
        unit = question.unit or "units"
        dont_know = ", or d for Don't know" if question.option(DONT_KNOW) else ""
        return f"Type a number of {unit}, such as 8{dont_know}."
    if question.kind == "text":
        return (
            f"Type your answer on one line, or press Enter to leave it; {CLEAR} removes it. "
            "This answer is not scored; it is kept with your assessment."
        )
    return f"Type {number_range(count)}."


def _prompt(question: Question) -> str:
    if question.kind == "multi":
        return "Answers:"
    if question.kind == "number":
        return f"Number of {question.unit or 'units'}:"
    return "Answer:"


def _answer(session: Session, question: Question, entry: str, how: str) -> str | None:
    """Record the answer typed; what is wrong with it, if anything, else None."""
    current = session.draft.answers.get(question.id)
    if not entry:
        if current is not None or question.kind == "text":
            return None
        return not_accepted(entry, how + " To leave this question for now, type s.")
    value: AnswerValue
    if question.kind == "text":
        if entry == CLEAR:
            session.clear(question.id)
            return None
        value = entry
    elif question.kind == "number":
        if entry.lower() in DONT_KNOW_WORDS and question.option(DONT_KNOW):
            value = DONT_KNOW
        else:
            try:
                number = parse_number(entry, question)
            except ValueError as error:
                return f'You typed "{entry}". {error}'
            assert number is not None
            value = number
    elif question.kind == "multi":
        picked = pick_many(entry, len(question.options))
        if picked is None:
            return not_accepted(entry, how, "a list of the answers' numbers")
        chosen = [question.options[i] for i in picked]
        alone = next((o for o in chosen if o.exclusive), None)
        if alone is not None and len(chosen) > 1:
            return f'"{alone.label}" cannot be chosen with other answers. {how}'
        value = [o.value for o in chosen]
    else:
        index = pick_one(entry, len(question.options))
        if index is None:
            return not_accepted(entry, how)
        value = question.options[index].value
    session.answer(question.id, value)
    return None


def _explain(console: Console, session: Session, question: Question) -> None:
    """Why the question matters, and what the real consortia and the guidance show."""
    console.say()
    console.say(f"Why this matters: {question.why}" if question.why else "No reason is given.")
    cited = citations(session.bank, question.cites)
    if cited:
        console.say("What the sources show:")
        for citation in cited:
            console.say(f"{citation.case} ({citation.kind}): {citation.text}", "  ", "    ")
    console.say(KEYS)


def _note(console: Console, session: Session, question: Question) -> None:
    console.say()
    console.say("Your note on this question, on one line. It is kept with your answer.")
    if question.evidence:
        console.say(f"A commissioner may ask to see: {question.evidence}")
    current = session.draft.notes.get(question.id)
    if current:
        console.say(f"Now: {current}. Press Enter to keep it, or type {CLEAR} to remove it.")
    entry = console.ask("Note:")
    if entry == CLEAR:
        session.note(question.id, "")
        console.say("The note is removed.")
    elif entry:
        session.note(question.id, entry)
        console.say("The note is kept.")
    console.say(f"Now answer the question. {_how(question)}")
