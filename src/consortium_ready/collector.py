"""Python's cycle collector, paused while a large set of long-lived objects is built.

Reading a question bank, or hundreds of saved assessments, makes hundreds of thousands of
objects that live on and are almost never cyclic garbage. The collector's passes over them
grow as they pile up, and took up to half the time. Where that work ends the run
(`aggregate`), what it leaves is frozen as well, so that no pass walks it before the program
exits. The questionnaire starts with the collector paused, and freezes what its start made.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside, and on again after, unless it was already off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextlib.contextmanager
def collector_paused_to_the_end() -> Iterator[None]:
    """As collector_paused, around work that ends the run: what it leaves is frozen (gc.freeze)
    as the collector resumes. Otherwise the collector's next pass walks every object made while
    it was paused, to free next to nothing just before the program exits."""
    with collector_paused():
        yield
        gc.freeze()


def pause_while_starting() -> None:
    """Pause the collector while the program starts: the modules, the app and the bank it
    builds last as long as the run, and the collector's passes over them as they piled up
    took about 10 ms of the time to the first screen, and as much again to the choices."""
    gc.disable()


def resume_once_started() -> None:
    """If the collector is paused, freeze what the start made (gc.freeze), out of the
    collector's sight for the rest of the run, and start the collector again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
