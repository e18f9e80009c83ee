"""The organisation's details, asked one at a time and each checked as it is given."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from consortium_ready.domain.profilefields import KINDS, ROLES, STAGES
from consortium_ready.plain.choosing import CLEAR, command, not_accepted, number_range, pick_one
from consortium_ready.plain.console import Console
from consortium_ready.session.session import Session
from consortium_ready.session.wording import KIND_HINT, REBIDDING_LABEL, ROLE_HINT, STAGE_HINT

YES_NO = (("yes", "Yes"), ("no", "No"))


@dataclass(frozen=True)
class Detail:
    """One of the organisation's details: a line of text, or one of numbered choices."""

    name: str
    label: str
    prompt: str
    hint: str = ""
    choices: Sequence[tuple[str, str]] = ()
    optional: bool = False


DETAILS = (
    Detail("organisation", "Your organisation's name.", "Name:"),
    Detail(
        "role",
        "The role your organisation expects in the consortium.",
        "Role:",
        ROLE_HINT,
        tuple(ROLES.items()),
    ),
    Detail("stage", "How far the consortium has got.", "Stage:", STAGE_HINT, tuple(STAGES.items())),
    Detail("rebidding", REBIDDING_LABEL + "?", "Bidding again:", choices=YES_NO),
    Detail("kind", "What kind of consortium it is.", "Kind:", KIND_HINT, tuple(KINDS.items())),
    Detail("consortium", "The consortium's name, if it has one.", "Consortium:", optional=True),
    Detail(
        "tender_deadline",
        "The tender deadline, if you know it: day/month/year, for example 31/03/2027.",
        "Deadline:",
        optional=True,
    ),
)


def ask_profile(console: Console, session: Session, start_at_end: bool = False) -> None:
    """Ask each detail in turn (b goes back one) until all are given and none has a problem.

    Raises Stop on q and EndOfInput at the end of input; what was typed is kept.
    """
    console.say()
    console.say("About your organisation. The questions that follow depend on these answers.")
    index = len(DETAILS) - 1 if start_at_end else 0
    while index < len(DETAILS):
        detail = DETAILS[index]
        if detail.name == "rebidding" and session.draft.profile.stage != "delivering":
            index += 1
            continue
        moved = _ask_detail(console, session, detail)
        if moved == "back":
            index = _earlier(session, index)
        else:
            index += 1


def _earlier(session: Session, index: int) -> int:
    earlier = max(0, index - 1)
    if DETAILS[earlier].name == "rebidding" and session.draft.profile.stage != "delivering":
        earlier -= 1
    return earlier


def _current(session: Session, detail: Detail) -> str:
    value = session.draft.profile.model_dump()[detail.name]
    if not detail.choices:
        return str(value)
    if detail.name == "rebidding":
        value = "yes" if value else "no"
    return "" if value is None else str(value)


def _ask_detail(console: Console, session: Session, detail: Detail) -> str:
    """Ask one detail until a good answer is given; "back" if b was typed, else "next"."""
    console.say()
    console.say(detail.label)
    if detail.hint:
        console.say(detail.hint)
    choices = list(detail.choices)
    for number, (_, label) in enumerate(choices, start=1):
        console.say(f"{number}. {label}", indent="  ")
    how = _how(detail, choices)
    current = _current(session, detail)
    if current:
        shown = dict(choices).get(current, current)
        keep = f", or type {CLEAR} to remove it." if detail.optional else "."
        console.say(f"Now: {shown}. Press Enter to keep it{keep}")
    while True:
        entry = console.ask(detail.prompt)
        found = command(entry, ("help", "back", "skip"))
        if found == "back":
            return "back"
        if found == "help":
            console.say(" ".join(part for part in (detail.hint, how) if part))
            console.say(
                "Type b to go back to the detail before, or q to stop (what you typed is kept)."
            )
            continue
        if found == "skip":
            entry = ""
        problem = _take(session, detail, choices, entry, how)
        if problem is None:
            return "next"
        console.say(problem)


def _how(detail: Detail, choices: list[tuple[str, str]]) -> str:
    if choices:
        return f"Type {number_range(len(choices))}."
    if detail.optional:
        return "Type it, or press Enter to leave it out."
    return "Type it and press Enter."


def _take(
    session: Session, detail: Detail, choices: list[tuple[str, str]], entry: str, how: str
) -> str | None:
    """Record `entry` for the detail; the problem with it, if there is one, else None."""
    if choices:
        if entry:
            index = pick_one(entry, len(choices))
            if index is None:
                return not_accepted(entry, how)
            value = choices[index][0]
            session.update_profile(
                **{detail.name: value == "yes" if detail.name == "rebidding" else value}
            )
    elif entry == CLEAR and detail.optional:
        session.update_profile(**{detail.name: ""})
    elif entry:
        session.update_profile(**{detail.name: entry})
    if detail.name == "rebidding":
        return None
    return session.draft.profile.problems().get(detail.name)
