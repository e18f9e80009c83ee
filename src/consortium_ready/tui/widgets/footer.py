"""The keys at the foot of a screen, kept in their places from one state to the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

Key = tuple[str, str, bool, str]
Keys = tuple[Key, ...]


def _fits(keys: Keys, drawn: Keys) -> bool:
    """Whether `keys` are among those `drawn`, in the same order: then the keys drawn can
    stay, the others dimmed."""
    shown = [(key, words, tooltip) for key, words, _, tooltip in keys]
    wanted = set(shown)
    return [
        (key, words, tooltip) for key, words, _, tooltip in drawn if (key, words, tooltip) in wanted
    ] == shown


class SteadyFooter(Footer):
    """Textual's Footer, which keeps its keys where it can rather than mount them anew.

    The Footer mounts its keys anew on every change of focus or of the keys that work,
    which restyles every key; and each key it drops stays referenced by the footer for
    as long as it lives (Textualize/textual#6666). Here, while the keys to show are among
    those drawn, in the same order, the keys drawn stay: those that work are bright, and
    the others dimmed, as Textual dims a key that does not work. So a key that does not
    apply to one question, or is taken by a box being typed in, dims rather than moves.

    A key is what it shows: its key, words and tooltip. Enter's "Next" bound to another
    action as the focus moves is not a change: a click on a key presses it, so either
    action is reached.
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._drawn: Keys | None = None

    def _keys(self, screen: Screen[object]) -> Keys:
        """The keys the Footer shows on `screen`."""
        return tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = self._keys(screen)
        if self._drawn is not None and _fits(keys, self._drawn):
            self._brighten(keys)
        else:
            super().bindings_changed(screen)

    def _brighten(self, keys: Keys) -> None:
        """Brighten the keys drawn that work, and dim the others."""
        works = {key: enabled for key, _, enabled, _ in keys}
        for footer_key in self.query(FooterKey):
            disabled = not works.get(footer_key.key, False)
            # Dimmed as Textual dims it, but by the key's own style: a change of class
            # would restyle the key and its two parts (about 1 ms a key). The class follows
            # for the stylesheet's next look at the key.
            footer_key.set_class(disabled, "-disabled", update=False)
            footer_key.styles.text_style = "dim" if disabled else "none"
            # What a click on the key does: ring the bell, or press the key. Textual's
            # FooterKey reads it from here (pinned: tests/functional/test_keys.py).
            footer_key._disabled = disabled

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._drawn = self._keys(self.screen)
        return super().compose()
