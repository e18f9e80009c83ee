"""The three report formats: golden Markdown and CSV, parsed HTML, escaping, one shared content."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.assessment import Assessment, assess
from consortium_ready.domain.bank import Bank
from consortium_ready.reports.render import render_report
from consortium_ready.reports.table import BOM, COLUMNS
from consortium_ready.reports.view import NOT_ASKED, NOT_IN_BANK, report_view
from tests.unit.reports.reportkit import FIXED, Make

PAYLOAD = "<script>alert(1)</script>"
SUMMARY = ["cover", "overall", "themes", "flags", "top-actions", "since"]
DETAIL = ["method", "flags-in-full", "actions", "answers"]


class Page(HTMLParser):
    """What a test needs from an HTML page: elements, ids, text, and resources it would load."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag not in ("br", "meta", "rect", "line"):
            self.stack.append(tag)
        if tag in ("h1", "h2", "h3"):
            self.headings.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.headings and {"h1", "h2", "h3"} & set(self.stack):
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attributes for name, attributes in self.tags if name == tag]

    @property
    def plain(self) -> str:
        return " ".join("".join(self.text).split())


def test_markdown_matches_golden(
    assessment: Assessment, bank: Bank, golden_md: SnapshotAssertion
) -> None:
    assert render_report(report_view(assessment, bank), "md") == golden_md


def test_csv_matches_golden(
    assessment: Assessment, bank: Bank, golden_csv: SnapshotAssertion
) -> None:
    assert render_report(report_view(assessment, bank), "csv") == golden_csv


def test_csv_reads_back_as_one_table(assessment: Assessment, bank: Bank) -> None:
    text = render_report(report_view(assessment, bank), "csv")
    assert text.startswith(BOM)
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [r["record"] for r in rows] == (
        ["overall"] + ["theme"] * 3 + ["answer"] * 6 + ["flag"] * 2 + ["action"] * 4
    )
    assert {r["organisation"] for r in rows} == {assessment.profile.organisation}
    by_id = {r["question_id"]: r for r in rows if r["record"] == "answer"}
    note = by_id["agreement-status"]
    assert note["note"] == assessment.notes["agreement-status"]  # newline and quotes intact
    assert note["answer"] == "Agreed by word of mouth only"
    assert (note["score"], note["status"], note["theme"]) == (
        "25",
        "answered",
        "Written agreements",
    )
    assert by_id["weeks-to-deadline"]["note"] == "'=1+1 looks like a formula"
    assert by_id["guarantor"]["status"] == "don't know"
    assert rows[0]["score"] == f"{assessment.result.overall.score:g}"


def test_html_has_every_section_in_order(assessment: Assessment, bank: Bank) -> None:
    page = Page(render_report(report_view(assessment, bank), "html"))
    sections = ["summary", *SUMMARY, "detail", *DETAIL]
    assert [i for i in page.ids if i in sections] == sections
    assert page.all("html")[0]["lang"] == "en-GB"
    levels = [tag for tag, _ in page.headings]
    assert levels[0] == "h1" and levels.count("h1") == 1
    titles = [text.strip() for tag, text in page.headings if tag == "h2"]
    assert titles == [
        "Overall readiness",
        "Readiness by theme",
        "Red flags (2)",
        "The most urgent actions",
        "What changed since the last assessment",
        "How the scores are made",
        "The red flags in full",
        "Action plan",
        "Appendix: your answers",
    ]


def test_html_is_self_contained_and_accessible(assessment: Assessment, bank: Bank) -> None:
    html = render_report(report_view(assessment, bank), "html")
    page = Page(html)
    assert not page.all("script") and not page.all("link") and not page.all("img")
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", html)
    # the chart is a table: one bar per scored theme, the lead body theme has not enough
    # known to score; the bars are drawn for the eye only, the figures beside them are read
    bars = [s for s in page.all("span") if "bar " in (s.get("class") or "")]
    assert [bar["style"] for bar in bars] == ["width: 18.8%", "width: 62%"]
    hidden = [s for s in page.all("span") if s.get("class") in ("track", "scale")]
    assert len(hidden) == 3 and all(s.get("aria-hidden") == "true" for s in hidden)
    assert "Lead body and guarantor" in page.plain and "not enough known" in page.plain
    headers = page.all("th")
    assert headers and all(th.get("scope") in ("col", "row") for th in headers)
    assert len(page.all("caption")) == len(page.all("table"))
    assert "@page" in html and "A4" in html and "@media print" in html


def test_html_shows_the_action_plan_with_lessons_and_evidence(
    assessment: Assessment, bank: Bank
) -> None:
    page = Page(render_report(report_view(assessment, bank), "html"))
    actions = [a for a in page.all("li") if a.get("class") == "action"]
    assert len(actions) == len(assessment.result.actions) == 4
    assert "A commissioner may ask to see: A signed copy of the consortium agreement." in page.plain
    assert "Leeds Community Drugs Services: The lead partner needs to be ready" in page.plain


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_every_format_holds_the_same_content(assessment: Assessment, bank: Bank, fmt: str) -> None:
    view = report_view(assessment, bank)
    text = render_report(view, fmt)  # type: ignore[arg-type]
    if fmt == "html":
        text = Page(text).plain
    if fmt == "md":
        text = text.replace("\\", "")
    words = [a.question for a in view.all_answers] + [t.title for t in view.themes]
    if fmt != "csv":
        words += [a.text for a in view.actions] + [f.title for f in view.flags]
    missing = [w for w in words if w not in text]
    assert not missing


def test_user_text_is_escaped(make: Make, bank: Bank) -> None:
    hostile = make(
        profile={"organisation": PAYLOAD, "consortium": PAYLOAD},
        notes={"agreement-status": PAYLOAD},
        agreement_story=PAYLOAD,
    )
    view = report_view(hostile, bank)
    html = render_report(view, "html")
    assert "<script" not in html
    assert (
        html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    )  # title, h1, facts, answer, note
    page = Page(html)
    assert not page.all("script")
    assert PAYLOAD in page.plain
    markdown = render_report(view, "md")
    assert "<script>" not in markdown
    assert "\\<script\\>alert(1)\\</script\\>" in markdown


def test_markdown_keeps_each_value_on_its_line(make: Make, bank: Bank) -> None:
    tricky = make(
        profile={"organisation": "A | B\n# not a heading"},
        notes={"agreement-status": "line one\n\n- not a list\n|x|"},
    )
    markdown = render_report(report_view(tricky, bank), "md")
    assert markdown.startswith("# Consortium readiness: A \\| B \\# not a heading\n")
    assert "Note: line one - not a list \\|x\\|" in markdown
    assert "\n- not a list" not in markdown


def test_markdown_escapes_the_overall_band(assessment: Assessment, bank: Bank) -> None:
    overall = assessment.result.overall.model_copy(update={"band_label": "Ready | *now*"})
    odd = assessment.model_copy(
        update={"result": assessment.result.model_copy(update={"overall": overall})}
    )
    markdown = render_report(report_view(odd, bank), "md")
    assert "\n## Overall: Ready \\| \\*now\\*, " in markdown


def test_a_changed_bank_still_renders_and_says_so(
    assessment: Assessment, editable_bank: Path
) -> None:
    theme = editable_bank / "questions" / "themes" / "03-time.yaml"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(text[: text.index("  - id: bid-skills")], encoding="utf-8")
    changed = load_bank(editable_bank / "questions", editable_bank / "seeds")
    view = report_view(assessment, changed)
    assert view.bank_note and "differs" in view.bank_note
    unknown = [a for a in view.all_answers if a.theme == NOT_IN_BANK]
    assert [(a.question, a.answer) for a in unknown] == [("bid-skills", "writing; costing")]
    for fmt in ("html", "md", "csv"):
        assert "bid-skills" in render_report(view, fmt)  # type: ignore[arg-type]


def test_unanswered_questions_show_as_gaps(make: Make, bank: Bank) -> None:
    view = report_view(make(weeks_to_deadline=None, bid_skills=None), bank)
    gaps = {a.question_id: a for a in view.all_answers if a.status == "unanswered"}
    assert set(gaps) == {"weeks-to-deadline", "bid-skills"}
    assert gaps["bid-skills"].verdict == "not known: a gap in the overall score"
    assert gaps["bid-skills"].score == 0
    assert "*Not answered*: not known: a gap in the overall score." in render_report(view, "md")


def test_a_report_without_flags_or_actions(bank: Bank, answer_set) -> None:
    perfect = answer_set.model_copy(
        update={
            "answers": {
                "agreement-status": "signed",
                "agreement-checked": "yes",
                "guarantor": "agreed",
                "lead-can-guarantee": "yes",
                "weeks-to-deadline": 8,
                "bid-skills": ["writing", "costing"],
            }
        }
    )
    view = report_view(assess(bank, perfect, now=FIXED), bank)
    markdown = render_report(view, "md")
    assert "No red flags were raised." in markdown and "red flags in full" not in markdown
    assert "Nothing needs action" in markdown
    assert "No red flags were raised." in render_report(view, "html")


def test_a_note_on_a_question_no_longer_asked_is_kept_in_every_report(
    make: Make, bank: Bank
) -> None:
    note = "Solicitor booked for 3 April"
    assessment = make(notes={"agreement-checked": note})  # asked only once signed: it is verbal
    assert assessment.notes == {"agreement-checked": note}
    view = report_view(assessment, bank)
    (kept,) = [group for group in view.answers if group.title == NOT_ASKED]
    assert [(a.question_id, a.note, a.status_words) for a in kept.answers] == [
        ("agreement-checked", note, "no longer asked")
    ]
    for fmt in ("html", "md", "csv"):
        assert note in render_report(view, fmt)  # type: ignore[arg-type]
    assert "*No longer asked*" in render_report(view, "md")
