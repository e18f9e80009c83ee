"""What the unit tests share: where the fixture bank and the repository are, a good answers file."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
MINI = TESTS / "fixtures" / "mini"

MINI_ARGS = ["--questions", str(MINI / "questions"), "--seeds", str(MINI / "seeds")]

GOOD = """\
profile:
  organisation: Riverside Advice
  role: lead
  stage: bidding
  tender_deadline: 2027-01-15
answers:
  guarantor: yes
  agreement: signed
  legal-check: no
  weeks: 7
  support: [funding]
notes:
  agreement: "Signed at the March meeting [minutes]"
"""
