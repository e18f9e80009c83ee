"""Who is answering: the organisation, the role it expects and the consortium's stage."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["lead", "partner", "undecided"]
Stage = Literal["exploring", "forming", "bidding", "delivering"]

ROLES: dict[Role, str] = {
    "lead": "Lead body",
    "partner": "Partner",
    "undecided": "Undecided",
}
STAGES: dict[Stage, str] = {
    "exploring": "Exploring",
    "forming": "Forming",
    "bidding": "Bidding",
    "delivering": "Delivering",
}


class Profile(BaseModel):
    """The organisation the assessment is for."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    organisation: str = Field(min_length=1, max_length=200)
    role: Role
    stage: Stage
    consortium: str | None = Field(default=None, max_length=200)
    tender_deadline: date | None = None
