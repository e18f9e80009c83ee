"""Who is answering: the organisation, the role it expects, and the consortium's kind and stage."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["lead", "partner", "undecided"]
Stage = Literal["exploring", "forming", "bidding", "delivering"]
ConsortiumKind = Literal["open-network", "bid-group", "not-known"]

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
KINDS: dict[ConsortiumKind, str] = {
    "open-network": "An open network or membership consortium",
    "bid-group": "A closed group formed for a bid",
    "not-known": "Not yet known",
}


class Profile(BaseModel):
    """The organisation the assessment is for."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    organisation: str = Field(min_length=1, max_length=200)
    role: Role
    stage: Stage
    kind: ConsortiumKind = "not-known"
    rebidding: bool = False
    consortium: str | None = Field(default=None, max_length=200)
    tender_deadline: date | None = None

    @property
    def stages(self) -> frozenset[Stage]:
        """The stages the consortium is at: a delivering consortium may be bidding again too."""
        if self.rebidding and self.stage == "delivering":
            return frozenset(("delivering", "bidding"))
        return frozenset((self.stage,))

    def weeks_left(self, today: date) -> float | None:
        """Whole and part weeks from `today` to the tender deadline, if one is given."""
        if self.tender_deadline is None:
            return None
        return (self.tender_deadline - today).days / 7
