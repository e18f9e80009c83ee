"""Lines out and lines in: wrapped plain text, prompts, and the end of input."""

from __future__ import annotations

import shutil
import textwrap
from typing import TextIO

from consortium_ready.words import printable

WIDTH = 100
"""No line is longer than this, however wide the terminal: long lines are hard to follow."""


class EndOfInput(Exception):
    """Standard input ended: stop, keeping the answers."""


class Stop(Exception):
    """The person typed q: stop, keeping the answers."""


class Console:
    """Prints plain text and reads one entry a line.

    When standard input is not a terminal (answers piped in), each entry is
    printed after its prompt, so that the transcript reads as a conversation.
    """

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self._in, self._out = stdin, stdout
        self._echo = not stdin.isatty()
        self.width = min(WIDTH, shutil.get_terminal_size().columns)

    def say(self, text: str = "", indent: str = "", hanging: str = "") -> None:
        """One paragraph, made printable and wrapped; `hanging` is the indent of later lines."""
        if not text:
            self._out.write("\n")
            return
        lines = textwrap.wrap(
            printable(text),
            self.width - 1,
            initial_indent=indent,
            subsequent_indent=hanging or indent,
            break_on_hyphens=False,
            break_long_words=False,
        )
        self._out.write("\n".join(lines) + "\n")

    def ask(self, prompt: str) -> str:
        """The next line typed, without surrounding spaces; EndOfInput when there is none."""
        self._out.write(f"{prompt} ")
        self._out.flush()
        line = self._in.readline()
        if not line:
            self._out.write("\n")
            raise EndOfInput
        entry = line.strip()
        if self._echo:
            self._out.write(printable(entry) + "\n")
        return entry
