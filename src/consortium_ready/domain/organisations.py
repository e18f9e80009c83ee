"""When two names are the same organisation's: the key its assessments are grouped by.

Only the standard library is imported here, so that listing saved assessments need not
build any model.
"""

from __future__ import annotations

import unicodedata


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
