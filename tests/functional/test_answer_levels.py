"""The page under a question, drawn as one widget: the arrows keep the cursor in view, the
mouse shows the level it is over, and the page sets what the sources show beside the levels
when there is room."""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from textual.geometry import Region

from consortium_ready.tui.widgets.choices import AnswerChoices
from consortium_ready.tui.widgets.page import EDGE
from tests.functional.conftest import RecordingApp
from tests.functional.helpers import press, restyled_alike, settle, shown, under_way

SHORT = (80, 24)


def _on_screen(choices: AnswerChoices, index: int) -> Region:
    """Where level `index` is drawn on the screen, as far as the page is scrolled."""
    offset = choices.content_region.offset - choices.scroll_offset
    return choices.level_region(index).translate(offset)


async def test_the_arrows_scroll_the_chosen_level_into_view(reports):
    """On the built-in bank's question with the most answer levels, in a short window."""
    app = RecordingApp(reports=reports)
    async with under_way(app, size=SHORT, role="lead", stage="bidding") as pilot:
        asked = app.session.questionnaire.asked  # type: ignore[union-attr]
        most = max(asked, key=lambda question: len(question.options))
        app.open_question(most.id)
        await settle(pilot)
        choices = app.screen.query_one(AnswerChoices)
        last = len(choices.options) - 1
        assert not choices.content_region.contains_region(_on_screen(choices, last))
        await press(pilot, *["down"] * len(choices.options))
        assert choices.highlighted == last
        assert choices.content_region.contains_region(_on_screen(choices, last))
        await press(pilot, *["up"] * len(choices.options))
        assert choices.highlighted == 0
        assert choices.content_region.contains_region(_on_screen(choices, 0))


async def test_the_level_under_the_mouse_is_drawn_apart(make_app):
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        choices = pilot.app.screen.query_one(AnswerChoices)
        tops = choices.level_tops()

        def background(index: int) -> object:
            *_, last, _bar = choices.render_line(tops[index])
            return last.style.bgcolor if last.style else None

        assert background(1) == background(2), "neither chosen nor under the mouse"
        await pilot.hover(choices, offset=(20, tops[1]))
        assert choices.hovered == 1
        assert background(1) != background(2)
        await pilot.hover(choices, offset=(20, tops[2] - 1))  # the gap after level 1
        assert choices.hovered is None
        assert background(1) == background(2)


async def test_no_rule_of_the_stylesheet_looks_at_the_pages_focus(make_app):
    """The page is not restyled as the focus comes and goes; only its cursor shows the
    focus. So restyled, with the focus and without, it must come out as it was styled."""
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        choices = pilot.app.screen.query_one(AnswerChoices)
        for focused in (True, False):
            if focused:
                choices.focus()
            else:
                pilot.app.screen.set_focus(None)
            await settle(pilot)
            assert choices.has_focus == focused
            assert restyled_alike(pilot, choices), f"a rule looks at the page's focus ({focused=})"


def _contrast(style: Style) -> float:
    """The contrast ratio of a segment's words against its background, as WCAG counts it."""

    def luminance(color: RichColor) -> float:
        channels = [value / 255 for value in color.get_truecolor()]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert style.color is not None and style.bgcolor is not None
    lighter, darker = sorted([luminance(style.color), luminance(style.bgcolor)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


async def test_every_levels_words_can_be_read_chosen_under_the_cursor_or_the_mouse(make_app):
    """The label and what it looks like in practice stand out from the level's background
    in every state. The theme's muted words are worked out against the background they are
    drawn on: worked out apart from it, they came out dark on dark."""
    async with under_way(make_app(), role="lead", stage="bidding") as pilot:
        choices = pilot.app.screen.query_one(AnswerChoices)

        def weakest_contrast() -> float:
            """The least contrast of any words on any level."""
            weakest = []
            for index in range(len(choices.options)):
                region = choices.level_region(index)
                for y in range(region.y, region.bottom):
                    line = choices.render_line(y - choices.scroll_offset.y)
                    words = [s.style for s in line if s.text.strip() not in ("", EDGE)]
                    weakest += [_contrast(style) for style in words if style]
            return min(weakest)

        await press(pilot, "2")
        assert (choices.highlighted, choices.chosen_levels) == (1, {1})
        assert weakest_contrast() >= 3, "the level chosen, with the cursor on it"
        await pilot.hover(choices, offset=(20, choices.level_tops()[0]))
        assert choices.hovered == 0
        assert weakest_contrast() >= 3, "the level under the mouse"


async def test_the_question_with_options_heads_its_page_with_the_sources_beside_when_wide(
    make_app,
):
    """100 columns leave the page room to set why and the sources beside the levels; 80 do
    not, and they follow the levels. Either way the question is the page's first line."""
    async with under_way(make_app(), size=(100, 30), role="lead", stage="bidding") as pilot:
        page = pilot.app.screen.query_one(AnswerChoices)
        assert not pilot.app.screen.query_one("#question-text").display
        first, *_ = page.lines
        assert first.startswith(page.passages.above[0].text.plain.split()[0])
        assert "│  Why this matters" in first
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "│" not in "".join(page.lines)
        why = page.lines.index("Why this matters".ljust(len(page.lines[0])))
        assert why > page.level_tops()[-1], "after the last level"


async def test_a_typed_question_stands_above_its_box_and_its_page_scrolls_with_the_arrows(
    make_app,
):
    async with under_way(make_app(), size=SHORT, role="partner", stage="forming") as pilot:
        app = pilot.app
        app.open_question("weeks-to-deadline")
        await settle(pilot)
        asked = app.screen.query_one("#question-text")
        page = app.screen.query_one(AnswerChoices)
        assert asked.display and "weeks" in shown(asked)
        assert page.lines[0].startswith("What each number means")
        assert page.lines[1].startswith(f"{EDGE}0+"), "the bands follow their heading straight on"
        assert page.max_scroll_y > 0
        await press(pilot, "down")
        assert page.scroll_offset.y == 1, "the arrows scroll the page from the box"
        await press(pilot, "pagedown")
        turned = page.scroll_offset.y
        assert turned > 1, "and so do Page Down"
        await press(pilot, "pageup")
        height = page.scrollable_content_region.height
        assert page.scroll_offset.y == max(0, turned - height), "and Page Up"
        page.focus()
        await press(pilot, "down", "down", "1")
        assert page.scroll_offset.y == 3, "and on a page with nothing to choose"
        assert "weeks-to-deadline" not in app.session.draft.answers, "nor does a number key"


async def test_the_scroll_bar_shows_where_the_page_is_and_its_thumb_can_be_dragged(make_app):
    """The page draws its own scroll bar in its last columns: the thumb is as long as the
    window is of the page, moves as the page scrolls, is drawn apart from the track, and
    scrolls the page when dragged. It is measured afresh for each page as the questions
    go by, the screen laid out again or not."""
    async with under_way(make_app(), size=SHORT, role="lead", stage="bidding") as pilot:
        page = pilot.app.screen.query_one(AnswerChoices)

        def bar(y: int) -> object:
            *_, drawn = page.render_line(y)
            return drawn.style.bgcolor if drawn.style else None

        lengths = set()
        for _ in range(6):
            await press(pilot, "1", "enter")
            window, total = page.container_size.height, page.virtual_size.height
            if total > window:
                assert page.thumb == range(round(window * window / total)), "at the top"
                lengths.add(total)
        assert len(lengths) > 1, "long pages of different lengths"
        window = page.container_size.height
        assert {bar(y) for y in page.thumb} != {bar(y) for y in range(page.thumb.stop, window)}

        x = page.content_region.width - 1
        await pilot.mouse_down(page, offset=(x, 1))  # on the thumb, a row into it
        await pilot.hover(page, offset=(x, window - 1))
        assert page.scroll_offset.y == page.max_scroll_y > 0
        assert page.thumb.stop == window
        await pilot.hover(page, offset=(x, 1))
        assert page.scroll_offset.y == 0
        await pilot.mouse_up(page, offset=(x, 1))
        over = bar(0)
        await pilot.hover(page, offset=(5, 1))
        assert bar(0) != over, "under the mouse, the thumb is in its hover colour, as Textual's is"
        await press(pilot, "pagedown")
        assert page.thumb.start > 0
