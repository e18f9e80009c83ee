"""Quitting: only once every answer is on disk, and with status 2 if the bank could not be used."""

from __future__ import annotations

from consortium_ready.tui.lifecycle import SessionLifecycle
from consortium_ready.tui.screens.base import WorkScreen
from consortium_ready.words import plural


class Quitting(SessionLifecycle):
    """ctrl+q (and Quit on the start screen) waits for the draft to be written, or asks."""

    async def action_quit(self) -> None:
        """Quit once every answer is on disk, with any typed and not yet entered; if saving is
        failing, ask first."""
        from consortium_ready.tui.screens.dialogs import UnsavedDialog

        for screen in self.screen_stack:
            if isinstance(screen, WorkScreen):
                screen.keep_typed()
        if self.saver is not None:
            await self.saver.finished()
            if self.saver.failure is not None and self.session is not None:
                if not isinstance(self.screen, UnsavedDialog):
                    self.push_screen(UnsavedDialog(), self._unsaved_choice)
                return
        self.leave()

    def _unsaved_choice(self, choice: str | None) -> None:
        if choice == "elsewhere":
            self.choose_folder(then=lambda: self.call_later(self.action_quit))
        elif choice == "quit":
            self.leave()

    def leave(self) -> None:
        """Exit: status 2, with the problems listed, if the question bank could not be used."""
        if self.bank_problems:
            from rich.text import Text

            listing = "".join(f"\n  {problem}" for problem in self.bank_problems)
            self.exit(
                return_code=2,
                message=Text(
                    f"consortium-ready: the question bank has "
                    f"{plural(len(self.bank_problems), 'problem')}:{listing}"
                ),
            )
        else:
            self.exit()
