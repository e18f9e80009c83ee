"""The partner pack a lead sends out, and the invitation list it keeps to see who has answered.

`invite` writes the pack: an answers file with the consortium filled in (one per
invited organisation, its name filled in too), a note on how to answer and what
to send back, and `invitation.yaml`, which `aggregate` reads to say who has not
answered yet.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from consortium_ready.content.template import answers_template
from consortium_ready.content.yamlfile import read_yaml
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.consortium import Invitation
from consortium_ready.domain.profilefields import KINDS, STAGES
from consortium_ready.errors import InputError

INVITATION_FILE = "invitation.yaml"
NOTE_FILE = "HOW-TO-ANSWER.md"


def read_invitation(path: Path) -> Invitation:
    """Read an invitation list, raising InputError naming the file, line and field."""
    document = read_yaml(path)
    try:
        return Invitation.model_validate(document.data)
    except ValidationError as error:
        raise InputError(
            [document.problem(e["loc"], e["msg"]) for e in error.errors(include_url=False)]
        ) from None


def _quoted(text: str) -> str:
    """A string as YAML reads it back exactly, whatever it holds (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def invitation_text(invitation: Invitation) -> str:
    """The invitation list as YAML, with comments saying what each part is for."""
    lines = [
        "# Who was asked to answer, written by `consortium-ready invite`. `aggregate` reads it",
        "# to say who has not answered yet. Add or remove organisations as things change.",
        f"consortium: {_quoted(invitation.consortium)}",
        f"kind: {invitation.kind}",
    ]
    if invitation.stage:
        lines.append(f"stage: {invitation.stage}")
    if invitation.tender_deadline:
        lines.append(f"tender_deadline: {invitation.tender_deadline.isoformat()}")
    if invitation.lead:
        lines.append(f"lead: {_quoted(invitation.lead)}")
    lines.append("partners:" + ("" if invitation.partners else " []"))
    lines += [f"  - {_quoted(name)}" for name in invitation.partners]
    return "\n".join(lines) + "\n"


def answers_for(bank: Bank, invitation: Invitation, organisation: str | None) -> str:
    """An answers file with what the lead knows filled in: the consortium, its kind, stage and
    deadline, and (for an invited organisation) its name and role."""
    filled = {"consortium": invitation.consortium, "kind": invitation.kind}
    if invitation.stage:
        filled["stage"] = invitation.stage
    if invitation.tender_deadline:
        filled["tender_deadline"] = invitation.tender_deadline.isoformat()
    filled["role"] = "lead" if organisation and organisation == invitation.lead else "partner"
    if organisation:
        filled["organisation"] = organisation
    return answers_template(bank, filled)


def pack_note(invitation: Invitation, files: list[str]) -> str:
    """What the partners read first: how to answer, and what to send back."""
    stage = f" It is at the {STAGES[invitation.stage].lower()} stage." if invitation.stage else ""
    deadline = (
        f" The tender deadline is {invitation.tender_deadline.isoformat()}."
        if invitation.tender_deadline
        else ""
    )
    lead = f" {invitation.lead} expects to lead it." if invitation.lead else ""
    listed = "\n".join(f"- `{name}`" for name in files)
    return f"""# Consortium readiness: how to answer

You are asked to say how ready your organisation is to bid for a contract as
part of **{invitation.consortium}** ({KINDS[invitation.kind].lower()}).{stage}{deadline}{lead}

Each partner answers on its own. Answer for your organisation as things stand
today, not as you hope they will be: the lead will see where partners agree
and where they do not, and a difference is something to talk about, not a
mark against you. "Don't know" is a fair answer, and it is counted as a gap to
find out about.

## Two ways to answer

1. **In the questionnaire.** Install consortium-ready and run `consortium-ready`.
   Choose "Start a new assessment" and give your organisation's name, then
   the consortium's name exactly as above: **{invitation.consortium}**, and its
   kind. Every answer is saved as you give it. At the end, save the result.
2. **By editing a file.** Open the answers file for your organisation in a
   text editor, fill in the answers (the choices are listed under each
   question), then run `consortium-ready assess --answers FILE`.

The answers files in this pack:

{listed}

## What to send back

Saving the result writes `reports/<your organisation>/<date-time>.json`,
with readable reports beside it. Send the lead that `.json` file: it is all
the lead needs. The reports beside it are yours to keep, share with your
board, or send too.
"""
