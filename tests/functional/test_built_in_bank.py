"""The questionnaire on the built-in bank: every question that cites guidance shows, and offers
only the case studies it cites, in the order cited (guidance documents are not case studies
to open)."""

from __future__ import annotations

from consortium_ready.content.loader import load_bank
from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.widgets.page import QuestionPage
from tests.functional.conftest import RecordingApp
from tests.functional.helpers import WIDE, press, settle, under_way

BANK = load_bank()
CITING_GUIDANCE = [q for q in BANK.questions if any(not BANK.cases_cited([ref]) for ref in q.cites)]


async def test_questions_citing_guidance_show_their_sources_and_only_case_links(reports):
    app = RecordingApp(reports=reports)
    async with under_way(app, size=WIDE, role="undecided", stage="bidding") as pilot:
        asked = {q.id for q in app.session.questionnaire.asked}  # type: ignore[union-attr]
        shown = [q for q in CITING_GUIDANCE if q.id in asked]
        assert len(shown) > 20
        for question in shown:
            app.open_question(question.id)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, QuestionScreen) and screen.question.id == question.id
            page = screen.query_one(QuestionPage)
            links = [link.action for passage in page.passages.aside for link in passage.links]
            assert links == [f"screen.case({c.id!r})" for c in BANK.cases_cited(question.cites)]
            await screen.run_action("case")  # `c`: a case study where one is cited, else nothing
            await settle(pilot)
            if isinstance(app.screen, QuestionScreen):
                assert not links
            else:
                await press(pilot, "escape")
