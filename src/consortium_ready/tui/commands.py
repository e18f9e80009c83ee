"""The command palette's main actions: save, result, review, jump to a theme, open a case study,
compare the organisation's last two assessments."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from textual.fuzzy import Matcher

    from consortium_ready.tui.host import Host

Command = tuple[str, Callable[[], object], str]


def assessment_commands(app: Host) -> Iterator[Command]:
    """The commands that make sense now, as (title, what it does, help)."""
    questionnaire = app.session.questionnaire if app.session else None
    if questionnaire is not None:
        yield (
            "Save the assessment",
            partial(app.open_result, save=True),
            "Score your answers and save them with a report you can print",
        )
        yield ("See the result", app.open_result, "Scores, red flags and what to do first")
        yield (
            "Review your answers",
            app.open_review,
            'The questions not answered yet, and those answered "Don\'t know"',
        )
        for theme in questionnaire.themes():
            if theme.asked:
                yield (
                    f"Go to theme: {theme.title}",
                    partial(app.open_theme, theme.id),
                    f"{theme.given} of {theme.asked} answered",
                )
    if app.session is not None:
        yield (
            "Change your organisation's details",
            app.open_profile,
            "Name, role, stage, consortium and deadline",
        )
        if organisation := app.session.draft.profile.organisation.strip():
            yield (
                f"Compare the last two assessments of {organisation}",
                partial(app.open_history, organisation),
                "What changed between its two latest saved assessments",
            )
        yield (
            "Save your answers in another folder",
            app.choose_folder,
            "If the reports folder cannot be written to",
        )
    if app.bank is not None:
        for case in app.bank.cases:
            yield (f"Read case study: {case.name}", partial(app.open_case, case.id), case.area)
        yield ("Look at saved assessments", app.open_history, "Results saved earlier")
        yield (
            "See partners' assessments together",
            app.open_consortium,
            "A consortium's partners: where they stand, and where they disagree",
        )


def highlighted(matcher: Matcher, title: str) -> Content:
    """`title` shown literally (it may hold a name as typed) with the letters matched picked out.

    Matcher.highlight would read `[` in a name as markup.
    """
    _, offsets = matcher.fuzzy_search.match(matcher.query, title)
    content = Content(title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class AssessmentCommands(Provider):
    """Offers the assessment's main actions in the command palette (ctrl+p)."""

    def _commands(self) -> list[Command]:
        # Only ConsortiumReadyApp lists this provider in its COMMANDS, so its app is a Host.
        return list(assessment_commands(cast("Host", self.app)))

    async def discover(self) -> Hits:
        for title, run, help_text in self._commands():
            yield DiscoveryHit(Content(title), run, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, highlighted(matcher, title), run, help=help_text)
