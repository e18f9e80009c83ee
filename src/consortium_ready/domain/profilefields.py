"""What a profile holds that is plain values: the role, stage and kind of consortium, chosen
from lists with their words, and the key that says which organisation a name is.

Only the standard library is imported here (no models), so that the command line's options
and the store's folder names cost nothing to import.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

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


def organisation_key(name: str) -> str:
    """What makes two assessments the same organisation's: its name's letters, marks and digits.

    Case, spacing and punctuation are set aside, in any script: "Harrow CVS" and
    "harrow  cvs" are one organisation. A name with no letters or digits keys
    on itself.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    return "-".join(kept.split()) or text


def same_organisation(first: str, second: str) -> bool:
    """Whether two organisation names name the same organisation."""
    return organisation_key(first) == organisation_key(second)
