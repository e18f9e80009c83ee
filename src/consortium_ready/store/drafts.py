"""An assessment in progress, kept in the reports folder so that nothing typed is lost.

The draft holds what has been typed so far, even when it is incomplete or not
yet valid (an organisation with no name, a deadline half typed): it is what
the respondent would lose, not a checked answer set.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from consortium_ready.content.jsonfile import parse_json
from consortium_ready.content.userfiles import read_text_if_any, refused
from consortium_ready.content.yamlfile import dotted
from consortium_ready.domain.bank import AnswerValue
from consortium_ready.domain.profile import Profile
from consortium_ready.domain.profilefields import ConsortiumKind, Role, Stage
from consortium_ready.store.files import TIMESTAMP, atomic_write, checked_size, move_new

PRIVATE = 0o600
DRAFT_SCHEMA = 1
NAME_LIMIT = 200

_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_WORDY_FORMATS = ("%d %B %Y", "%d %b %Y", "%Y-%m-%d")


def parse_deadline(text: str) -> date | None:
    """A tender deadline as typed: day/month/year (31/03/2027), 31 March 2027 or 2027-03-31.

    Empty means not known (None); anything else that is not a real date raises
    ValueError with a message saying, in plain English, what to put right.
    """
    if not text.strip():
        return None
    if match := _DAY_MONTH_YEAR.match(text):
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(
                f"There is no such date as {text.strip()}: check the day and "
                "the month (day first, then month)."
            ) from None
    for pattern in _WORDY_FORMATS:
        try:
            return datetime.strptime(" ".join(text.split()), pattern).date()
        except ValueError:
            continue
    raise ValueError(
        "Type the date as day/month/year, for example 31/03/2027, "
        "or leave it empty if you do not know it."
    )


def format_deadline(deadline: date | None) -> str:
    """A deadline as a UK reader writes it: 31/03/2027."""
    return deadline.strftime("%d/%m/%Y") if deadline else ""


class ProfileDraft(BaseModel):
    """The organisation's details as typed so far: possibly incomplete, possibly wrong."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    organisation: str = ""
    role: Role | None = None
    stage: Stage | None = None
    kind: ConsortiumKind = "not-known"
    rebidding: bool = False
    consortium: str = ""
    tender_deadline: str = ""

    @classmethod
    def of(cls, profile: Profile) -> ProfileDraft:
        return cls(
            organisation=profile.organisation,
            role=profile.role,
            stage=profile.stage,
            kind=profile.kind,
            rebidding=profile.rebidding,
            consortium=profile.consortium or "",
            tender_deadline=format_deadline(profile.tender_deadline),
        )

    def problems(self) -> dict[str, str]:
        """What must be put right before the questions can start, by field, in plain English."""
        found = {}
        if not self.organisation.strip():
            found["organisation"] = "Type your organisation's name."
        elif len(self.organisation.strip()) > NAME_LIMIT:
            found["organisation"] = f"Shorten the name to {NAME_LIMIT} characters or fewer."
        if self.role is None:
            found["role"] = "Choose the role your organisation expects, or Undecided."
        if self.stage is None:
            found["stage"] = "Choose how far the consortium has got."
        if len(self.consortium.strip()) > NAME_LIMIT:
            found["consortium"] = f"Shorten the name to {NAME_LIMIT} characters or fewer."
        try:
            parse_deadline(self.tender_deadline)
        except ValueError as problem:
            found["tender_deadline"] = str(problem)
        return found

    def profile(self) -> Profile | None:
        """The checked profile, or None while any field still has a problem."""
        if self.problems() or self.role is None or self.stage is None:
            return None
        return Profile(
            organisation=self.organisation,
            role=self.role,
            stage=self.stage,
            kind=self.kind,
            rebidding=self.rebidding and self.stage == "delivering",
            consortium=self.consortium.strip() or None,
            tender_deadline=parse_deadline(self.tender_deadline),
        )


class Draft(BaseModel):
    """Everything given so far: the profile as typed, answers, notes, and the question reached."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: int = DRAFT_SCHEMA
    saved: datetime
    profile: ProfileDraft = Field(default_factory=ProfileDraft)
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    current: str | None = None


def load_draft(path: Path) -> Draft | None:
    """The draft at `path`, or None if there is none; InputError saying why if it is damaged
    (or is a link: a draft is never read through one)."""
    text = read_text_if_any(path, "a draft", follow_link=False)
    if text is None:
        return None
    try:
        data = parse_json(text, path, "a draft")
    except json.JSONDecodeError as error:
        raise refused(
            path, "not a draft (not valid JSON; it may have been cut short)", error.lineno
        ) from None
    if not isinstance(data, dict):
        raise refused(path, "not a draft", 1)
    version = data.get("schema_version")
    if isinstance(version, int) and version > DRAFT_SCHEMA:
        raise refused(path, "made by a newer version of consortium-ready", None, "schema_version")
    try:
        return Draft.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise refused(path, first["msg"], None, dotted(first["loc"])) from None


def save_draft(path: Path, draft: Draft) -> None:
    """Write the draft in one step: a crash leaves the previous draft or this one, never half.

    A draft too large to read back is not written (TooLarge, an OSError): the previous stays.
    Only its owner may read it (mode 0600): the reports folder may be shared, and a draft
    holds every note typed so far (docs/reliability.md).
    """
    atomic_write(path, checked_size(path, draft.model_dump_json(indent=2) + "\n"), PRIVATE)


def remove_draft(path: Path) -> None:
    """Remove a draft once its answers are saved as an assessment."""
    path.unlink(missing_ok=True)


def set_aside(path: Path, now: datetime) -> Path:
    """Keep a damaged draft under a new name (never overwriting another) and return that name."""
    return move_new(path, path.parent, f".draft-damaged-{now.strftime(TIMESTAMP)}", ".json")
