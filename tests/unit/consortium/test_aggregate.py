"""The consortium view worked out: where partners stand together, and where they differ."""

from __future__ import annotations

import statistics

import pytest

from consortium_ready.domain.aggregate import aggregate, common_questions, letters
from consortium_ready.domain.consortium import Answered, Invitation
from tests.consortium_kit import partner, returned

AGREEING = ("Ashby Carers", "Brook Advice", "Castle Youth")


def test_partners_who_agree_show_no_disagreement(bank):
    view = aggregate(returned(*(partner(bank, name) for name in AGREEING)), bank)
    assert view.contradictions == [] and view.spreads == []
    assert all(theme.lowest == theme.highest for theme in view.themes)


def test_a_contradiction_on_the_written_agreement_leads(bank):
    """Three partners who agree on everything but whether the agreement is signed."""
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", agreement_status="signed"),
            partner(bank, "Brook Advice", agreement_status="verbal"),
            partner(bank, "Castle Youth", agreement_status="draft"),
        ),
        bank,
    )
    first = view.contradictions[0]
    assert first.question == "agreement-status" and first.fact
    assert [(p.answer, p.members) for p in first.positions] == [
        ("Signed by every partner", ["Ashby Carers"]),
        ("Drafted and under discussion", ["Castle Youth"]),
        ("Agreed by word of mouth only", ["Brook Advice"]),
    ]
    assert first.cites == bank.question("agreement-status").cites
    assert [d.question for d in view.contradictions] == ["agreement-status"]


def test_a_dont_know_is_not_a_contradiction_but_is_shown(bank):
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers"),
            partner(bank, "Brook Advice", specification_access="dont-know"),
        ),
        bank,
    )
    assert view.contradictions == []
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers"),
            partner(bank, "Brook Advice", specification_access="dont-know"),
            partner(bank, "Castle Youth", specification_access="some-cannot"),
        ),
        bank,
    )
    [found] = view.contradictions
    assert found.question == "specification-access" and found.dont_know == ["Brook Advice"]


def test_numbers_of_fact_contradict_when_they_differ(bank):
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", bid_window_weeks=12),
            partner(bank, "Brook Advice", bid_window_weeks=11),
        ),
        bank,
    )
    [found] = view.contradictions
    assert [p.answer for p in found.positions] == ["12 weeks", "11 weeks"]
    assert found.levels_apart == 0  # the same band: a contradiction, though not far apart


def test_each_answer_names_the_partners_who_gave_it_in_order_and_no_others(bank):
    """The lead is not asked how partners are paid, so it stands with no answer there."""
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", "lead", bid_window_weeks=12),
            partner(bank, "Brook Advice", bid_window_weeks=11, payment_terms="by-results"),
            partner(bank, "Castle Youth", bid_window_weeks=12),
            partner(bank, "Dale Foodbank", bid_window_weeks=11, payment_terms="by-results"),
        ),
        bank,
    )
    [weeks] = [d for d in view.contradictions if d.question == "bid-window-weeks"]
    assert [(p.answer, p.members) for p in weeks.positions] == [
        ("12 weeks", ["Ashby Carers", "Castle Youth"]),
        ("11 weeks", ["Brook Advice", "Dale Foodbank"]),
    ]
    [paid] = [d for d in view.spreads if d.question == "payment-terms"]
    label = bank.question("payment-terms").option
    assert [(p.answer, p.members) for p in paid.positions] == [
        (label("in-advance").label, ["Castle Youth"]),
        (label("by-results").label, ["Brook Advice", "Dale Foodbank"]),
    ]


def test_answers_two_levels_apart_are_a_disagreement_one_level_is_not(bank):
    """values-match is about the partner answering, so only distance counts."""
    levels = [o.value for o in bank.question("values-match").options if not o.dont_know]

    def spread(*values: str) -> list[str]:
        answers = [
            partner(bank, name, values_match=v) for name, v in zip(AGREEING, values, strict=False)
        ]
        return [d.question for d in aggregate(returned(*answers), bank).spreads]

    assert spread(levels[0], levels[1]) == []
    assert spread(levels[0], levels[2]) == ["values-match"]
    assert spread(levels[0], levels[1], levels[3]) == ["values-match"]


def test_no_partner_expects_to_lead_and_is_flagged(bank):
    view = aggregate(returned(*(partner(bank, name) for name in AGREEING)), bank)
    assert [f.kind for f in view.consortium_flags] == ["no-lead"]
    assert view.consortium_flags[0].cites  # the lessons behind the guarantor question


def test_two_partners_expecting_to_lead_are_shown(bank):
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", "lead"),
            partner(bank, "Brook Advice", "lead"),
            partner(bank, "Castle Youth"),
        ),
        bank,
    )
    [several] = [f for f in view.consortium_flags if f.kind == "several-leads"]
    assert several.members == ["Ashby Carers", "Brook Advice"]
    one_lead = aggregate(
        returned(partner(bank, "Ashby Carers", "lead"), partner(bank, "Castle Youth")), bank
    )
    assert one_lead.consortium_flags == []


def test_the_leads_word_on_its_guarantee_is_held_against_the_partners(bank):
    view = aggregate(
        returned(
            partner(
                bank,
                "Ashby Carers",
                "lead",
                guarantor="yes-in-writing",
                lead_financial_tests="meets-all",
            ),
            partner(bank, "Brook Advice", guarantor="no", lead_standing_shared="said-not-shown"),
            partner(bank, "Castle Youth", guarantor="yes-in-writing", lead_standing_shared="shown"),
        ),
        bank,
    )
    differs = [f for f in view.consortium_flags if f.kind == "lead-differs"]
    assert [[(p.answer, p.members) for p in f.positions] for f in differs] == [
        [("No organisation has agreed", ["Brook Advice"])],
        [("The lead says it meets them, but has not shown us", ["Brook Advice"])],
    ]
    assert all(f.members == ["Ashby Carers"] for f in differs)


def test_a_lead_answer_the_check_does_not_list_is_not_checked(bank):
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", "lead", lead_financial_tests="not-checked"),
            partner(bank, "Brook Advice", lead_standing_shared="not-discussed"),
        ),
        bank,
    )
    assert [f.kind for f in view.consortium_flags] == []


def test_each_theme_gives_the_middle_lowest_highest_and_the_lowest_partner(bank):
    partners = [
        partner(bank, "Ashby Carers"),
        partner(bank, "Brook Advice", agreement_status="verbal", pre_bid_terms="verbal"),
        partner(bank, "Castle Youth", agreement_status="draft"),
        partner(bank, "Dale Foodbank", roles_written="dont-know", pre_bid_terms="dont-know"),
    ]
    view = aggregate(returned(*partners), bank)
    theme = next(t for t in view.themes if t.id == "agreements")
    saved = [
        next(t for t in p.result.themes if t.id == "agreements") for p in partners
    ]  # in the members' order, which is by name here
    scores = [t.score for t in saved]
    assert [c.score for c in theme.cells] == scores
    assert theme.middle == round(statistics.median(scores), 1)
    assert (theme.lowest, theme.highest) == (min(scores), max(scores))
    assert theme.lowest_members == ["Brook Advice"]
    assert theme.unknown == round(statistics.fmean(t.unknown for t in saved), 1)


def test_theme_bands_two_apart_are_a_disagreement(bank):
    weak = dict.fromkeys(("agreement-status", "pre-bid-terms", "roles-written"), "none")
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers"),
            partner(bank, "Brook Advice", **{k.replace("-", "_"): v for k, v in weak.items()}),
        ),
        bank,
    )
    assert "agreements" in [t.id for t in view.theme_gaps]
    gap = next(t for t in view.theme_gaps if t.id == "agreements")
    assert gap.levels_apart >= 2


def test_every_red_flag_raised_and_who_raised_it(bank):
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", specification_access="some-cannot"),
            partner(bank, "Brook Advice", specification_access="some-cannot"),
            partner(bank, "Castle Youth", trustee_sign_off="dont-know"),
        ),
        bank,
    )
    flags = {f.id: f for f in view.flags}
    assert flags["specification-gap"].raised_by == ["Ashby Carers", "Brook Advice"]
    assert flags["no-trustee-sign-off"].unknown_by == ["Castle Youth"]
    assert flags["no-trustee-sign-off"].raised_by == []


def test_anonymised_partners_go_by_letters_and_nothing_names_them(bank):
    names = ["Ashby Carers", "Brook Advice", "Castle Youth"]
    view = aggregate(
        returned(*(partner(bank, n, "lead" if n == names[0] else "partner") for n in names)),
        bank,
        invitation=Invitation(consortium="Secret Consortium", partners=[*names, "Dale Foodbank"]),
        anonymise=True,
        skipped=["reports/dale-foodbank/x.json: damaged"],
    )
    assert sorted(m.label for m in view.members) == ["Partner A", "Partner B", "Partner C"]
    text = view.model_dump_json()
    for name in [*names, "Dale Foodbank", "dale-foodbank", "Secret Consortium"]:
        assert name not in text
    assert view.coverage.not_answered_count == 1 and view.coverage.skipped_count == 1


def test_letters_run_on_past_z():
    assert [letters(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_coverage_says_who_was_invited_and_has_not_answered(bank):
    view = aggregate(
        returned(partner(bank, "Ashby Carers", "lead"), partner(bank, "Brook advice")),
        bank,
        invitation=Invitation(
            consortium="Millbrook", lead="Ashby Carers", partners=["Brook Advice", "Castle Youth"]
        ),
    )
    assert view.coverage.invited == 3
    assert view.coverage.not_answered == ["Castle Youth"]
    assert [m.invited for m in view.members] == [True, True]  # "Brook advice" is Brook Advice


def test_partners_who_describe_the_consortium_differently_are_flagged(bank):
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", "lead"),
            partner(bank, "Brook Advice", profile={"stage": "forming"}),
        ),
        bank,
    )
    [described] = [f for f in view.consortium_flags if f.kind == "described-differently"]
    assert described.details == [
        "The consortium's stage: 1 partner says Bidding, 1 partner says Forming."
    ]


@pytest.mark.parametrize("count", [30])
def test_thirty_partners(bank, count):
    """Young Lancashire had 29 members: every partner, theme and answer accounted for."""
    values = [o.value for o in bank.question("agreement-status").options]
    partners = [
        partner(
            bank,
            f"Member {index:02d}",
            "lead" if index == 0 else "partner",
            agreement_status=values[index % len(values)],
            values_match=["tested-match", "assumed"][index % 2],
        )
        for index in range(count)
    ]
    view = aggregate(returned(*partners), bank)
    assert len(view.members) == count
    assert all(len(theme.cells) == count for theme in view.themes)
    contradiction = view.contradictions[0]
    assert contradiction.question == "agreement-status"
    assert (
        sum(len(p.members) for p in contradiction.positions) + len(contradiction.dont_know) == count
    )
    assert "values-match" in [d.question for d in view.spreads]


def test_the_questions_common_to_the_banks_used(bank):
    one = Answered.of(partner(bank, "Ashby Carers"))
    assert common_questions([one], bank) == set(bank.question_order)
    other = one.model_copy(
        update={"bank": one.bank.model_copy(update={"content_hash": "sha256:another"})}
    )
    left_out = other.model_copy(
        update={
            "answers": {k: v for k, v in other.answers.items() if k != "values-match"},
            "result": other.result.model_copy(
                update={
                    "questions": [s for s in other.result.questions if s.question != "values-match"]
                }
            ),
        }
    )
    assert common_questions([one, left_out], bank) == set(bank.question_order) - {"values-match"}
    # A question for leads alone is not missing from a version because a partner lacks it.
    assert "lead-can-guarantee" not in other.held
    assert "lead-can-guarantee" in common_questions([one, other], bank)
