"""The question asked, and under it how to answer it."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widget import Widget


class QuestionText(Widget):
    """The question in bold, then how to answer it, muted: one widget for both, so that a
    step lays out and draws one rather than two."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"question-text--how"}
    DEFAULT_CSS = """
    QuestionText {
        height: auto;
        & > .question-text--how { color: $text-muted; }
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._question = Content()
        self._how = ""

    def show(self, question: Content, how: str) -> None:
        """Ask `question`, saying `how` to answer it."""
        self._question, self._how = question, how
        self.refresh(layout=True)

    def render(self) -> Content:
        return Content.assemble(
            self._question.stylize("bold"),
            "\n",
            (self._how, self.get_visual_style("question-text--how")),
        )
