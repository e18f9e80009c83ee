"""The report a board reads: a summary first, the detail after it, what changed since the last
assessment, how the scores are made, and actions a spreadsheet can track."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from consortium_ready.content.actionscsv import read_tracking
from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.tracking import UNTRACKED, Tracking
from consortium_ready.reports.render import render_report
from consortium_ready.reports.table import BOM, COLUMNS
from consortium_ready.reports.view import METHOD, NO_DATE, NO_OWNER, ReportView, report_view
from tests.unit.reports.reportkit import Make
from tests.unit.reports.test_formats import DETAIL, SUMMARY, Page

SAM = Tracking(owner="Sam Patel", due=date(2026, 6, 1), status="in-progress", note="Rang them")
"""Due 1 June 2026: overdue in an assessment made 90 days after 14 March 2026."""
AGREEMENT = "Draft a short agreement on who does what, who leads and how money flows."


def tracked(assessment: Assessment, bank: Bank, previous: Assessment | None = None) -> ReportView:
    """The report on `assessment` with SAM tracking its first action."""
    first = report_view(assessment, bank).actions[0].key
    return report_view(assessment.tracked({first: SAM}), bank, previous)


def rerun(make: Make, bank: Bank) -> ReportView:
    """Three months on: a guarantor agreed, and eight weeks to the deadline; the one action
    left, on the written agreement, is tracked."""
    after = make(days=90, guarantor="agreed", lead_can_guarantee="yes", weeks_to_deadline=8)
    return tracked(after, bank, previous=make())


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM), newline="")))


def inside(html: str, section: str) -> str:
    """The text of the element with id `section` and of all that follows it in the summary."""
    start = html.rindex("<", 0, html.index(f'id="{section}"'))
    end = html.find('<div class="detail"', start)
    return Page(html[start : end if end > 0 else None]).plain


def table_rows(html: str, css_class: str) -> list[list[str]]:
    """The text of each cell of each body row of the table of this class."""
    table = html[html.index(f'<table class="{css_class}">') :]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    return [
        [Page(cell).plain for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in body.split("<tr>")[1:]
    ]


def test_the_summary_comes_first_and_the_detail_after_it_on_a_new_page(
    assessment: Assessment, bank: Bank
) -> None:
    html = render_report(report_view(assessment, bank), "html")
    summary, detail = html.index('id="summary"'), html.index('id="detail"')
    for section in SUMMARY:
        assert summary < html.index(f'id="{section}"') < detail
    for section in DETAIL:
        assert detail < html.index(f'id="{section}"')
    print_css = html[html.index("@media print") :]
    assert re.search(r"\.detail \{ break-before: page;", print_css)
    kept_whole = re.search(r"\n  ([^{]*)\{ break-inside: avoid;", print_css)
    assert kept_whole and ".summary table" in kept_whole.group(1)
    assert 'id="themes"' in html[summary:detail] and "<table" in html[summary:detail]


def test_the_summary_holds_the_verdict_flags_chart_unknown_and_most_urgent_actions(
    assessment: Assessment, bank: Bank
) -> None:
    view = report_view(assessment, bank)
    html = render_report(view, "html")
    summary = inside(html, "summary")
    assert "Not ready 20 out of 100" in summary
    assert "The basics of working in a consortium are not yet there." in summary
    assert "How much is unknown: you answered 5 of 5 questions (100%), 1 of them" in summary
    assert view.unknown_words in summary
    assert "Holding the result at Not ready or below" in summary
    assert "You could not say whether a partner is ready to be lead body and guarantor" in summary
    assert table_rows(html, "chart")[1] == [
        "Lead body and guarantor",
        "not enough known",
        "–",
        "",
        "60%",
    ]
    assert [
        row[2:] for row in table_rows(html, "chart") if row[0] != "Lead body and guarantor"
    ] == [
        ["19", "Not ready", "0%"],
        ["62", "Nearly ready", "0%"],
    ]
    assert table_rows(html, "top") == [
        [f"{a.rank}. {a.text}", NO_OWNER, NO_DATE, "To do"] for a in view.top_actions
    ]
    assert "The whole plan, 4 actions, each set out in full after the summary." in summary


def test_red_flags_are_grouped_by_the_band_they_hold_the_result_at_and_numbered_through(
    assessment: Assessment, bank: Bank
) -> None:
    view = report_view(assessment, bank)
    assert [
        (caps, first, [f.title for f in flags]) for caps, first, flags in view.flags_by_band
    ] == [
        ("Not ready", 1, ["The deadline is under six weeks away and nothing is in writing"]),
        (
            "Early days",
            2,
            ["You could not say whether a partner is ready to be lead body and guarantor"],
        ),
    ]
    markdown = render_report(view, "md")
    assert (
        "*Holding the result at Early days or below:*\n\n"
        "2. You could not say whether a partner is ready to be lead body and guarantor\n"
    ) in markdown
    assert '<ol class="flag-list" start="2">' in render_report(view, "html")


def test_the_most_urgent_actions_show_their_owner_and_date_and_say_when_overdue(
    make: Make, bank: Bank
) -> None:
    view = tracked(make(days=90), bank)
    first, second = view.top_actions[:2]
    assert (first.owner_words, first.due_words, first.progress) == (
        "Sam Patel",
        "1 June 2026 (overdue)",
        "In progress",
    )
    assert (second.owner_words, second.due_words, second.progress) == (NO_OWNER, NO_DATE, "To do")
    markdown = render_report(view, "md")
    assert (
        f"| {first.rank} | {first.text} | Sam Patel | 1 June 2026 (overdue) | In progress |"
    ) in markdown.replace("\\", "")
    assert "*In progress; Sam Patel; due 1 June 2026 (overdue).* Rang them" in markdown
    html = render_report(view, "html")
    assert '<td class="overdue">1 June 2026 (overdue)</td>' in html


def test_an_action_not_yet_overdue_is_not_called_overdue(make: Make, bank: Bank) -> None:
    view = tracked(make(days=30), bank)  # made on 13 April 2026, before SAM's date
    assert view.actions[0].due_words == "1 June 2026"
    assert "overdue" not in render_report(view, "md")


def test_the_report_says_what_changed_since_the_last_assessment(make: Make, bank: Bank) -> None:
    view = rerun(make, bank)
    # the overall score, then only the themes that moved: written agreements did not, and
    # the lead body theme is scored now, with not enough known before
    assert [(s.id, s.before is None, s.change) for s in view.moved] == [
        ("overall", False, 58),
        ("lead", True, None),
        ("time", False, 30),
    ]
    follow_up = [(title, [a.text for a in items], more) for title, items, more in view.follow_up]
    assert follow_up == [
        (
            "Done",
            [
                "Decide now whether to bid at all.",
                "Find out, then answer again: Has one partner agreed to hold the contract and "
                "act as guarantor for the others?",
                "Take advice on the risk from your treasurer or a solicitor.",
            ],
            0,
        ),
        ("Overdue", [AGREEMENT], 0),
    ]
    markdown = render_report(view, "md")
    since = markdown[
        markdown.index("## What changed since the last assessment") : markdown.index("\n---\n")
    ]
    assert "Compared with the assessment of 14 March 2026, 12:00." in since
    assert "| Overall | 20 (Not ready) | 78 (Nearly ready) | +58 |" in since
    assert "| Lead body and guarantor | – | 100 (Ready) | – |" in since
    assert "Written agreements" not in since
    assert (
        "**Red flags:** 2 cleared (The deadline is under six weeks away and nothing is in "
        "writing; You could not say whether a partner is ready to be lead body and guarantor), "
        "0 raised, 0 still raised."
    ) in since
    assert "**Actions:** Done 3, overdue 1, new 0, still open 0, dropped 0," in since
    assert f"- {AGREEMENT} (In progress; Sam Patel; due 1 June 2026)" in since
    assert "**Answers:** 3 changed; each is listed after the summary." in since
    full = markdown[markdown.index("## What changed, in full") : markdown.index("## Action plan")]
    assert "| Written agreements | 19 (Not ready) | 19 (Not ready) | 0 |" in full
    assert "**Still open (0)**: in the action plan below." in full
    assert (
        "- Has one partner agreed to hold the contract and act as guarantor for the others?: "
        "from *Don't know* (0) to *Yes, agreed in writing* (100)."
    ) in full
    html = render_report(view, "html")
    assert "Compared with the assessment of 14 March 2026, 12:00." in inside(html, "since")
    assert 'id="changes"' in html


def test_with_no_earlier_assessment_the_report_says_so(assessment: Assessment, bank: Bank) -> None:
    view = report_view(assessment, bank)
    assert view.moved == [] and view.follow_up == [] and view.changed_actions == []
    for fmt in ("html", "md"):
        text = render_report(view, fmt)  # type: ignore[arg-type]
        assert "No earlier assessment of" in text and "What changed, in full" not in text


def test_many_done_actions_are_cut_short_in_the_summary(make: Make, bank: Bank) -> None:
    view = rerun(make, bank)
    assert view.since is not None
    nine = view.since.actions.done * 3
    since = view.since._replace(actions=view.since.actions._replace(done=nine))
    cut = view._replace(since=since)
    title, shown, more = cut.follow_up[0]
    assert (title, len(shown), more) == ("Done", 5, 4)
    assert "- *and 4 more, listed after the summary*" in render_report(cut, "md")


def test_the_report_explains_its_scores_itself_and_points_nowhere_else(
    assessment: Assessment, bank: Bank
) -> None:
    view = report_view(assessment, bank)
    for fmt in ("html", "md", "csv"):
        text = render_report(view, fmt)  # type: ignore[arg-type]
        assert "docs/" not in text and "scoring.md" not in text
    for fmt in ("html", "md"):
        text = render_report(view, fmt)  # type: ignore[arg-type]
        assert "How the scores are made" in text
        assert all(paragraph in text.replace("&#39;", "'") for paragraph in METHOD)


def test_the_markdown_plan_is_a_list_not_a_heading_per_action(
    assessment: Assessment, bank: Bank
) -> None:
    view = report_view(assessment, bank)
    markdown = render_report(view, "md").replace("\\", "")
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    for action in view.actions:
        assert f"- **{action.rank}. {action.text}**" in markdown
        assert not any(action.text in heading for heading in headings)


def test_the_csv_holds_each_flag_and_each_action_with_its_tracking(make: Make, bank: Bank) -> None:
    view = rerun(make, bank)
    table = rows(render_report(view, "csv"))
    assert tuple(table[0]) == COLUMNS
    flags = [r for r in table if r["record"] == "flag"]
    assert [(r["title"], r["band"], r["status"]) for r in flags] == [
        (f.title, f.caps, "raised") for f in view.flags
    ]
    actions = [r for r in table if r["record"] == "action"]
    assert [(r["key"], r["title"], r["theme"]) for r in actions] == [
        (a.key, a.text, a.theme) for a in view.actions
    ]
    first = actions[0]
    assert (first["owner"], first["due"], first["progress"], first["note"]) == (
        "Sam Patel",
        "2026-06-01",
        "In progress",
        "Rang them",
    )
    assert all(r["progress"] == "To do" and not r["owner"] for r in actions[1:])


def test_a_report_csv_edited_in_a_spreadsheet_is_read_back_as_the_actions_tracking(
    assessment: Assessment, bank: Bank, tmp_path: Path
) -> None:
    plan = report_view(assessment, bank).actions
    view = report_view(assessment.tracked({plan[0].key: SAM}), bank)
    table = rows(render_report(view, "csv"))
    edited = [r for r in table if r["record"] == "action"][2]
    edited.update(owner="Priya Shah", due="01/03/2027", progress="in progress", note="Asked, 2 May")
    path = tmp_path / "report.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, dialect="excel")
        writer.writeheader()
        writer.writerows(table)
    tracking = read_tracking(path, [a.key for a in view.actions])
    assert tracking == {
        plan[0].key: SAM,
        plan[1].key: UNTRACKED,
        plan[2].key: Tracking(
            owner="Priya Shah", due=date(2027, 3, 1), status="in-progress", note="Asked, 2 May"
        ),
        plan[3].key: UNTRACKED,
    }


def test_a_partial_assessment_is_marked_partial_in_the_summary(make: Make, bank: Bank) -> None:
    view = report_view(make(bid_skills=None), bank)
    assert view.partial and not report_view(make(), bank).partial
    markdown = render_report(view, "md")
    assert "\n## Overall: Not ready, 12 out of 100 (partial)\n" in markdown
    assert "**A partial assessment:** 1 of the 5 questions asked was not answered." in markdown
    assert '<p class="partial-mark">Partial assessment</p>' in render_report(view, "html")
