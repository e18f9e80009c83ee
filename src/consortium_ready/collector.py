"""Python's cycle collector, paused while a large set of long-lived objects is built.

Reading a question bank, or hundreds of saved assessments, makes hundreds of thousands of
objects that live on and are almost never cyclic garbage. The collector's passes over them
grow as they pile up, and took up to half the time.
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
