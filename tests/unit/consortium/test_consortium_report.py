"""The consortium report as HTML and Markdown: what leads, what is folded away at scale."""

from __future__ import annotations

import json
import re

import pytest

from consortium_ready.domain.aggregate import Returned, aggregate
from consortium_ready.domain.consortium import Answered
from consortium_ready.reports.consortium import MEMBERS_SHOWN, TOP_ITEMS
from consortium_ready.reports.render import consortium_reports
from tests.consortium_kit import partner, returned


def first_disagreement(html: str) -> str:
    article = html[html.index('<article class="cv-disagreement') :]
    return article[: article.index("</article>")]


@pytest.fixture
def contradicting(bank) -> dict[str, str]:
    """Three partners who contradict each other on the written agreement, and agree otherwise."""
    view = aggregate(
        returned(
            partner(bank, "Ashby Carers", "lead", agreement_status="signed"),
            partner(bank, "Brook Advice", agreement_status="verbal"),
            partner(bank, "Castle Youth", agreement_status="draft"),
        ),
        bank,
    )
    return consortium_reports(view, bank)


def test_the_contradiction_leads_the_report(contradicting, bank):
    html, markdown = contradicting[".html"], contradicting[".md"]
    question = bank.question("agreement-status").text
    lead = first_disagreement(html)
    assert "Partners contradict each other on a fact" in lead and question in lead
    assert "Northumberland" in lead  # the lessons behind it
    disagreements = markdown[markdown.index("## Talk about this first") :]
    assert disagreements.index(question) < disagreements.index("## Flags on the consortium")
    assert re.search(r"### 1\. How far has your consortium got with a written agreement", markdown)


def test_partners_who_agree_are_told_so(bank):
    view = aggregate(returned(partner(bank, "Ashby Carers", "lead"), partner(bank, "Brook")), bank)
    reports = consortium_reports(view, bank)
    assert "The partners agree: no fact is contradicted" in reports[".html"]
    assert "The partners agree: no fact is contradicted" in reports[".md"]


def test_the_json_is_the_whole_view(contradicting):
    data = json.loads(contradicting[".json"])
    assert data["view"] == "consortium-ready consortium view" and data["view_version"] == 1
    assert [m["label"] for m in data["members"]] == ["Ashby Carers", "Brook Advice", "Castle Youth"]
    assert "index" not in data["members"][0]
    assert data["contradictions"][0]["question"] == "agreement-status"


VARIED = ("agreement-status", "guarantor", "lead-agreed", "specification-access", "exit-plan")
VARIED += ("money-split-agreed", "values-match", "open-honest", "bid-writer", "partner-change-plan")


def many(bank, count: int) -> list[Returned]:
    """`count` partners, copies of a few assessments that differ on many questions, under
    their own names."""

    def option(question: str, index: int) -> str:
        values = [o.value for o in bank.question(question).options if not o.dont_know]
        return values[index % len(values)]

    kinds = [
        Answered.of(
            partner(
                bank,
                "x",
                **{q.replace("-", "_"): option(q, i + j) for j, q in enumerate(VARIED)},
            )
        )
        for i in range(5)
    ]
    lead = Answered.of(partner(bank, "x", "lead"))
    return [
        Returned(
            (lead if index == 0 else kinds[index % len(kinds)]).model_copy(
                update={
                    "profile": (lead if index == 0 else kinds[0]).profile.model_copy(
                        update={"organisation": f"Member {index:03d}"}
                    )
                }
            )
        )
        for index in range(count)
    ]


def rows(markdown: str) -> int:
    """The table rows naming a member first: in the grid, and in the list of who answered."""
    return len(re.findall(r"^\| Member ", markdown, re.M))


def test_thirty_partners_are_all_shown_with_nothing_folded(bank):
    view = aggregate(many(bank, 30), bank)
    reports = consortium_reports(view, bank)
    html, markdown = reports[".html"], reports[".md"]
    grid = html[html.index('<svg class="cv-chart cv-grid"') :]
    grid = grid[: grid.index("</svg>")]
    assert grid.count('<g class="cv-row') == 31  # each partner, and the middle
    assert all(f"Member {index:03d}" in grid for index in range(30))
    assert "more partners" not in html and "The grid of all" not in html
    assert rows(markdown) == 60  # the grid, and the list of who answered


def test_at_three_hundred_the_first_items_come_first_and_the_rest_are_folded(bank):
    view = aggregate(many(bank, 300), bank)
    assert len(view.contradictions) + len(view.spreads) > TOP_ITEMS
    reports = consortium_reports(view, bank)
    html, markdown = reports[".html"], reports[".md"]
    shown = html[: html.index('<details class="cv-more">')]
    assert shown.count('<article class="cv-disagreement') == TOP_ITEMS
    assert "The grid of all 300 partners" in html
    assert f"{300 - MEMBERS_SHOWN} more partners" in html
    assert rows(markdown) == 2 * MEMBERS_SHOWN
    assert "the JSON report holds every one" in markdown
    assert len(json.loads(reports[".json"])["members"]) == 300


def test_what_a_user_typed_is_escaped(bank):
    view = aggregate(
        returned(
            partner(bank, "<script>alert(1)</script>", "lead", profile={"consortium": "A & B"}),
            partner(bank, "[Brook](http://x) *Advice*"),
        ),
        bank,
    )
    reports = consortium_reports(view, bank)
    assert "<script>alert" not in reports[".html"] and "&lt;script&gt;" in reports[".html"]
    assert "A &amp; B" in reports[".html"]
    assert r"\[Brook\](http://x) \*Advice\*" in reports[".md"]
