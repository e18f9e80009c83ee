"""One writer, latest state wins: saves can never land out of order."""

from __future__ import annotations

import threading

import pytest

from consortium_ready.store.autosave import LatestWriter


class Recorder:
    """A slow writer that records what it wrote and notices if two writes overlap."""

    def __init__(self, fail_on: set[int] = frozenset()) -> None:
        self.written: list[int] = []
        self.outcomes: list[tuple[int, OSError | None]] = []
        self.fail_on = fail_on
        self._inside = threading.Lock()
        self.overlapped = False
        self.gate = threading.Event()
        self.gate.set()

    def write(self, value: int) -> None:
        if not self._inside.acquire(blocking=False):
            self.overlapped = True
            return
        try:
            self.gate.wait(5)
            if value in self.fail_on:
                raise OSError(30, "Read-only file system")
            self.written.append(value)
        finally:
            self._inside.release()

    def done(self, value: int, error: OSError | None) -> None:
        self.outcomes.append((value, error))


def drain_in_thread(writer: LatestWriter[int]) -> threading.Thread:
    thread = threading.Thread(target=writer.drain)
    thread.start()
    return thread


def test_values_given_while_a_write_is_under_way_are_skipped_except_the_latest():
    recorder = Recorder()
    writer = LatestWriter(recorder.write, recorder.done)
    recorder.gate.clear()
    assert writer.submit(1) is True
    thread = drain_in_thread(writer)
    for value in range(2, 10):
        assert writer.submit(value) is False
    recorder.gate.set()
    thread.join(5)
    assert recorder.written == [1, 9]
    assert writer.submit(10) is True  # the writer is free again


def test_many_threads_submitting_never_overlap_and_the_last_value_is_written_last():
    recorder = Recorder()
    writer = LatestWriter(recorder.write, recorder.done)
    drains: list[threading.Thread] = []
    submitted: list[int] = []
    lock = threading.Lock()

    def submit_many(start: int) -> None:
        for value in range(start, start + 200):
            with lock:  # so that `submitted` is in the order the writer was given them
                submitted.append(value)
                if writer.submit(value):
                    drains.append(drain_in_thread(writer))

    submitters = [threading.Thread(target=submit_many, args=(n * 1000,)) for n in range(4)]
    for thread in submitters:
        thread.start()
    for thread in submitters:
        thread.join(10)
    for thread in list(drains):
        thread.join(10)
    assert not recorder.overlapped
    assert recorder.written[-1] == submitted[-1]
    order = {value: index for index, value in enumerate(submitted)}
    assert [order[v] for v in recorder.written] == sorted(order[v] for v in recorder.written)
    assert writer.submit(-1) is True  # the writer is free again


def test_a_failed_write_is_reported_and_the_next_value_is_still_written():
    recorder = Recorder(fail_on={1})
    writer = LatestWriter(recorder.write, recorder.done)
    assert writer.submit(1)
    writer.drain()
    assert writer.submit(2)
    writer.drain()
    (first, error), (second, ok) = recorder.outcomes
    assert (first, second, ok) == (1, 2, None)
    assert isinstance(error, OSError) and error.strerror == "Read-only file system"
    assert recorder.written == [2]


def test_a_bug_in_the_writer_does_not_leave_it_busy_for_ever():
    def broken(value: int) -> None:
        raise ValueError("a bug")

    writer = LatestWriter(broken, lambda value, error: None)
    assert writer.submit(1)
    with pytest.raises(ValueError):
        writer.drain()
    assert writer.submit(2) is True
