"""The result as plain text: the verdict, the red flags, each theme, and what to do first."""

from __future__ import annotations

from consortium_ready.plain.console import Console
from consortium_ready.reports.view import TOP_ACTIONS, ReportView
from consortium_ready.words import plural, score_number, verdict


def say_result(console: Console, view: ReportView) -> None:
    """Everything the result screen says, in reading order, one paragraph at a time."""
    console.say()
    console.say(f"Result for {view.organisation}.")
    headline = verdict(view.overall_band, view.overall_score)
    if view.overall_score is None:
        headline += ": no question was answered"
    console.say(f"Overall: {headline}.")
    if view.overall_meaning:
        console.say(view.overall_meaning)
    if view.capped_from:
        console.say(
            f"The scores alone would put you at {view.capped_from}, but the red flags below "
            f"hold the overall result at {view.overall_band} until they are dealt with."
        )
    dont_know = f', {view.dont_know} of them "don\'t know"' if view.dont_know else ""
    console.say(
        f"You answered {view.answered + view.dont_know} of {plural(view.asked, 'question')} "
        f"({score_number(view.coverage)}%){dont_know}. {view.unknown_words}".rstrip()
    )
    _say_flags(console, view)
    console.say()
    console.say("Readiness by theme:")
    for theme in view.themes:
        unknown = f", {score_number(theme.unknown)}% unknown" if theme.unknown else ""
        band = f", {theme.band}" if theme.band else ""
        console.say(f"{theme.title}: {theme.score_words}{band}{unknown}.", "  ", "    ")
    _say_actions(console, view)


def _say_flags(console: Console, view: ReportView) -> None:
    console.say()
    if not view.flags:
        console.say("No red flags were raised.")
        return
    console.say(f"Red flags: {len(view.flags)}.")
    for number, flag in enumerate(view.flags, start=1):
        console.say(f"Red flag {number}: {flag.title}.", "  ")
        console.say(flag.explain, "    ")
        console.say(f"What to do: {flag.action}", "    ")


def _say_actions(console: Console, view: ReportView) -> None:
    if not view.actions:
        return
    console.say()
    console.say("What to do first:")
    for action in view.top_actions:
        console.say(f"{action.rank}. {action.text}", "  ", "     ")
        console.say(f"Why: {action.reason}", "     ")
        for citation in action.citations:
            console.say(f"From {citation.case} ({citation.kind}): {citation.text}", "     ")
        if action.evidence:
            console.say(f"A commissioner may ask to see: {action.evidence}", "     ")
    if len(view.actions) > TOP_ACTIONS:
        console.say(f"The saved report lists all {len(view.actions)} actions.")
