"""Flags on the consortium as a whole: what the partners' answers show only taken together.

No partner expects to lead; more than one does; what the lead says of itself
(for each question the bank gives a `lead_check`) differs from what partners
say; partners describe the consortium differently. No I/O.
"""

from __future__ import annotations

from consortium_ready.domain.bank import DONT_KNOW, Bank
from consortium_ready.domain.consortium import Answered, ConsortiumFlag, Position
from consortium_ready.domain.organisations import organisation_key
from consortium_ready.domain.profile import KINDS, STAGES
from consortium_ready.words import plural


def _lead_differs(
    bank: Bank, members: list[tuple[str, Answered]], common: set[str]
) -> list[ConsortiumFlag]:
    """For each question with a `lead_check`: the partners whose answers differ from what the
    lead says of itself."""
    leads = [(label, a) for label, a in members if a.profile.role == "lead"]
    others = [(label, a) for label, a in members if a.profile.role != "lead"]
    flags = []
    for question in bank.questions:
        check = question.lead_check
        asked = bank.question(check.question) if check and check.question else question
        if check is None or asked is None or not {question.id, asked.id} <= common:
            continue
        for lead_label, lead in leads:
            claim = lead.answers.get(asked.id)
            if not isinstance(claim, str) or asked.option(claim) is None or claim == DONT_KNOW:
                continue
            if check.agrees and claim not in check.agrees:
                continue
            agreeing = check.agrees.get(claim, [claim])
            differing: dict[str, list[str]] = {}
            for label, other in others:
                answer = other.answers.get(question.id)
                if answer is not None and answer not in agreeing:
                    differing.setdefault(bank.answer_words(question.id, answer), []).append(label)
            if not differing:
                continue
            said = (
                f"{lead_label}, expecting to lead, answers “{bank.answer_words(asked.id, claim)}”"
            )
            details = (
                [f"Asked “{asked.text}”, {said}; partners answer otherwise."]
                if asked is question
                else [
                    f"Asked “{asked.text}”, {said}.",
                    f"Partners asked “{question.text}” answer otherwise.",
                ]
            )
            flags.append(
                ConsortiumFlag(
                    kind="lead-differs",
                    members=[lead_label],
                    details=details,
                    positions=[
                        Position(answer=words, level=None, members=who)
                        for words, who in differing.items()
                    ],
                    cites=question.cites,
                )
            )
    return flags


def _lead_cites(bank: Bank) -> list[str]:
    """The lessons behind the questions that check the lead's word: why a lead matters."""
    refs = [ref for q in bank.questions if q.lead_check for ref in q.cites]
    return list(dict.fromkeys(refs))


def _described(members: list[tuple[str, Answered]], anonymise: bool) -> list[str]:
    """Sentences for each part of the profile the partners give differently."""
    details = []
    for field, words in (("stage", STAGES), ("kind", KINDS)):
        given: dict[str, int] = {}
        for _, a in members:
            value = getattr(a.profile, field)
            given[words[value]] = given.get(words[value], 0) + 1
        if len(given) > 1:
            counts = ", ".join(
                f"{plural(n, 'partner')} {'says' if n == 1 else 'say'} {w}"
                for w, n in given.items()
            )
            details.append(f"The consortium's {field}: {counts}.")
    names: dict[str, list[str]] = {}
    for _, a in members:
        if a.profile.consortium:
            names.setdefault(organisation_key(a.profile.consortium), []).append(
                a.profile.consortium
            )
    if len(names) > 1:
        shown = "" if anonymise else ": " + "; ".join(f"“{n[0]}”" for n in names.values())
        details.append(f"The consortium's name is given {len(names)} different ways{shown}.")
    return details


def consortium_flags(
    bank: Bank, members: list[tuple[str, Answered]], common: set[str], anonymise: bool
) -> list[ConsortiumFlag]:
    leads = [label for label, a in members if a.profile.role == "lead"]
    cites = _lead_cites(bank)
    flags = []
    if not leads:
        undecided = sum(a.profile.role == "undecided" for _, a in members)
        flags.append(
            ConsortiumFlag(
                kind="no-lead",
                members=[],
                details=[
                    f"Of {plural(len(members), 'partner')}, none expects to lead"
                    + (f"; {undecided} undecided." if undecided else ".")
                ],
                cites=cites,
            )
        )
    elif len(leads) > 1:
        flags.append(
            ConsortiumFlag(
                kind="several-leads",
                members=leads,
                details=[f"{len(leads)} partners expect to lead."],
                cites=cites,
            )
        )
    flags += _lead_differs(bank, members, common)
    if described := _described(members, anonymise):
        flags.append(
            ConsortiumFlag(kind="described-differently", members=[], details=described, cites=[])
        )
    return flags
