"""docs/scoring.md, section 11: the consortium view's worked example, checked against the code.

The example's table is made again from four partners' assessments, and its
middle, lowest, unknown and contradictions are worked out by hand as the doc
tells a trustee to, then compared with what aggregate finds.
"""

from __future__ import annotations

import re

from consortium_ready.domain.aggregate import aggregate
from consortium_ready.words import plain_number
from tests.consortium_kit import partner, returned
from tests.unit.helpers import REPO

DOC = REPO / "docs" / "scoring.md"
TABLE = re.compile(r"<!-- consortium-example -->\n(.*?)<!-- end of consortium-example -->", re.S)


def four_partners(bank):
    return [
        partner(bank, "Ashby Carers", "lead"),
        partner(bank, "Brook Advice", agreement_status="verbal", pre_bid_terms="verbal"),
        partner(bank, "Castle Youth", agreement_status="draft"),
        partner(bank, "Dale Foodbank", roles_written="dont-know", pre_bid_terms="dont-know"),
    ]


def test_the_worked_example_is_what_each_partner_scored(bank):
    rows = [
        "| Partner | Score from what is known | Band | Unknown |",
        "| --- | --: | --- | --: |",
    ]
    for assessment in four_partners(bank):
        theme = next(t for t in assessment.result.themes if t.id == "agreements")
        rows.append(
            f"| {assessment.profile.organisation} | {plain_number(theme.score)} | "
            f"{theme.band_label} | {plain_number(theme.unknown)}% |"
        )
    match = TABLE.search(DOC.read_text(encoding="utf-8"))
    assert match is not None
    assert match.group(1).strip() == "\n".join(rows)


def test_the_worked_example_by_hand_is_what_aggregate_finds(bank):
    partners = four_partners(bank)
    themes = [next(t for t in p.result.themes if t.id == "agreements") for p in partners]
    scores = sorted(t.score for t in themes)
    by_hand = {
        "middle": round((scores[1] + scores[2]) / 2, 1),
        "lowest": scores[0],
        "highest": scores[-1],
        "unknown": round(sum(t.unknown for t in themes) / len(themes), 1),
    }
    assert by_hand == {"middle": 84.2, "lowest": 21.7, "highest": 100, "unknown": 18.3}
    view = aggregate(returned(*partners), bank)
    theme = next(t for t in view.themes if t.id == "agreements")
    assert {key: getattr(theme, key) for key in by_hand} == by_hand
    assert theme.lowest_members == ["Brook Advice"] and theme.levels_apart == 3
    assert [d.question for d in view.contradictions] == ["agreement-status", "pre-bid-terms"]
    assert view.contradictions[1].dont_know == ["Dale Foodbank"]
    text = DOC.read_text(encoding="utf-8")
    for figure in ("84.15", "**84.2**", "21.7", "**18.3%**", "three bands apart"):
        assert figure in text
