"""The themes with how far each has got, to see progress and to jump to one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets.option_list import Option

from consortium_ready.tui.widgets.menu import Menu

if TYPE_CHECKING:
    from consortium_ready.domain.questionnaire import ThemeProgress


def theme_progress(theme: ThemeProgress, answered: bool = False) -> str:
    """`2 of 5` (`2 of 5 answered`), `done`, or `does not apply`."""
    if not theme.asked:
        return "does not apply"
    if theme.complete:
        return "done"
    return f"{theme.given} of {theme.asked}" + (" answered" if answered else "")


def theme_option(theme: ThemeProgress) -> Option:
    mark = "✓" if theme.asked and theme.complete else " "
    return Option(
        Content.assemble(f"{mark} ", (theme.title, "bold"), "\n  ", (theme_progress(theme), "dim")),
        id=theme.id,
        disabled=not theme.asked,
    )


class ThemeList(Menu):
    """The themes in order, each with its progress; the current one is highlighted."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[ThemeProgress] = []

    def show(self, themes: list[ThemeProgress], current: str | None) -> None:
        """Show `themes`, redrawing only those whose progress has changed."""
        if [o.id for o in self.options] != [t.id for t in themes]:
            self.set_options(theme_option(theme) for theme in themes)
        else:
            for index, (theme, before) in enumerate(zip(themes, self._shown, strict=True)):
                if theme == before:
                    continue
                self.replace_option_prompt_at_index(index, theme_option(theme).prompt)
                if theme.asked:
                    self.enable_option_at_index(index)
                else:
                    self.disable_option_at_index(index)
        self._shown = themes
        if current is not None:
            self.highlighted = self.get_option_index(current)
