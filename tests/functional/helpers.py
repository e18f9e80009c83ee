"""What the questionnaire's tests share: the test bank, a fixed clock, and ways to drive the app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.bank import AnswerValue, Bank
from consortium_ready.domain.profile import Profile
from consortium_ready.reports.saving import save_assessment

BANK = Path(__file__).parent / "bank"
QUESTIONS, SEEDS = BANK / "questions", BANK / "seeds"
NOW = datetime(2027, 3, 12, 14, 5, tzinfo=UTC)
WIDE = (130, 40)
SMALL = (80, 24)


def fixed_clock() -> datetime:
    return NOW


def save_run(
    reports: Path,
    bank: Bank,
    profile: Profile,
    answers: dict[str, AnswerValue],
    when: datetime = NOW,
) -> None:
    """Score `answers` with `bank` as made at `when`; save them in `reports` as `assess` does."""
    save_assessment(
        assess(bank, AnswerSet(profile=profile, answers=answers), now=when), bank, reports
    )


async def settle(pilot: Pilot) -> None:
    """Wait until background work (loading, saving) is done and the screen has caught up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def still(pilot: Pilot) -> None:
    """Settle, and stop cursors blinking, so that a screenshot is the same every time."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys one at a time, letting the app catch up after each."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def send_at_once(app: App, *keys: str) -> None:
    """Send `keys` together, as a fast typist or a busy machine would have them arrive."""
    for key in keys:
        app.post_message(events.Key(key, None))


async def click(pilot: Pilot, target: object, offset: tuple[int, int] = (0, 0)) -> None:
    """Click a widget (or the widget a selector finds), `offset` from its top left corner, and
    let the app catch up."""
    await pilot.click(target, offset=offset)  # type: ignore[arg-type]
    await settle(pilot)


async def start_new(
    pilot: Pilot,
    organisation: str = "Harrow CVS",
    role: str = "lead",
    stage: str = "bidding",
    typed: bool = False,
) -> None:
    """From the start screen, begin a new assessment and fill in the details from the keyboard.

    The name is typed key by key only when `typed`; otherwise it is put in the box at once.
    """
    await settle(pilot)
    await press(pilot, "enter")
    await fill_details(pilot, organisation, role, stage, typed)


async def fill_details(
    pilot: Pilot, organisation: str, role: str, stage: str, typed: bool = False
) -> None:
    """Fill in the details on the profile screen and continue to the questions."""
    from consortium_ready.domain.profilefields import ROLES, STAGES

    name = pilot.app.screen.query_one("#organisation", Input)
    name.value = "" if typed else organisation
    if typed:
        await pilot.press(*organisation)
    await press(pilot, "tab", *["right"] * list(ROLES).index(role), "enter")
    await press(pilot, "tab", *["right"] * list(STAGES).index(stage), "enter")
    if stage == "delivering":
        await press(pilot, "tab")  # past "also bidding again"
    await press(pilot, "tab", "tab", "enter", "enter")  # past the kind, then the name, and on


def shown(widget: object) -> str:
    """The text a widget shows."""
    from textual.content import Content

    from consortium_ready.tui.widgets.line import TextLine

    if isinstance(widget, TextLine):
        return "".join(drawn(widget))
    visual = widget.render()  # type: ignore[attr-defined]
    return visual.plain if isinstance(visual, Content) else str(visual)


def note_shown(pilot: Pilot) -> str:
    """The note shown on the question's page, if any."""
    from consortium_ready.tui.widgets.page import QuestionPage

    page = pilot.app.screen.query_one(QuestionPage)
    return "".join(passage.text.plain for passage in page.passages.below if passage.note)


def drawn(widget: object) -> list[str]:
    """The lines a widget drawing its own lines (Textual's line API) shows."""
    height = widget.content_region.height  # type: ignore[attr-defined]
    return [widget.render_line(y).text for y in range(height)]  # type: ignore[attr-defined]


def looks(widget: Widget) -> list[str]:
    """A widget's styles and its parts', as CSS: how it looks, to compare."""
    parts = sorted(widget.COMPONENT_CLASSES)
    return [widget.styles.css] + [widget.get_component_styles(part).css for part in parts]


def restyled_alike(pilot: Pilot, widget: Widget) -> bool:
    """Whether restyling `widget` now leaves it looking as it did: whether its look is the
    one its state, its focus included, gives it."""
    before = looks(widget)
    pilot.app.update_styles(widget)
    return looks(widget) == before


def screen_text(pilot: Pilot) -> str:
    """Everything on the active screen, as plain text (from an SVG screenshot's text)."""
    import html
    import re

    svg = pilot.app.export_screenshot()
    return html.unescape(" ".join(re.findall(r">([^<>]*)</text>", svg))).replace("\xa0", " ")


def screen_lines(pilot: Pilot) -> list[str]:
    """The active screen as it looks, one string a line (from an SVG screenshot's text runs)."""
    import html
    import re

    svg = pilot.app.export_screenshot()
    lines = [""] * pilot.app.size.height
    runs = re.finditer(
        r'<text [^>]*x="([\d.]+)" [^>]*textLength="([\d.]+)" '
        r'clip-path="url\(#terminal-[\w-]*?line-(\d+)\)">([^<]*)</text>',
        svg,
    )
    for run in runs:
        x, length, row = float(run[1]), float(run[2]), int(run[3])
        text = html.unescape(run[4]).replace("\xa0", " ").rstrip("\n")
        if text:
            column = round(x / (length / len(text)))
            lines[row] = lines[row].ljust(column)[:column] + text
    return [line.rstrip() for line in lines]


async def use_the_palette(pilot: Pilot, search: str) -> None:
    """Open the command palette, search, wait for the best match to be the one searched for,
    and run it."""
    await press(pilot, "ctrl+p")
    await pilot.press(*search)
    commands = pilot.app.screen.query_one(CommandList)

    def found() -> bool:
        best = commands.highlighted_option
        return best is not None and all(
            word in best.prompt.plain.lower() for word in search.split()
        )

    for _ in range(100):  # the palette searches in the background
        if found():
            break
        await pilot.pause(0.05)
    assert found(), search
    await press(pilot, "enter")


@asynccontextmanager
async def under_way(
    app: App, size: tuple[int, int] = SMALL, **details: Any
) -> AsyncIterator[Pilot]:
    """The app running with a new assessment begun and the details filled in."""
    async with app.run_test(size=size) as pilot:
        await start_new(pilot, **details)
        yield pilot
