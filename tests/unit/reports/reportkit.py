"""Shared by the report tests: the fixed bank and answers, the fixed time, golden reports.

bank/ is a cut-down copy of the real bank (two case studies, three themes);
answers.yaml holds text that needs escaping in every format. The golden reports
are syrupy snapshots in __snapshots__/<module>/<test>.md or .csv, compared byte
for byte. After an intended change, look at the difference, then refresh them
(and every other snapshot) with:

    .venv/bin/python -m pytest --snapshot-update
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from syrupy.types import SerializableData, SerializedData

from consortium_ready.domain.assessment import Assessment

HERE = Path(__file__).parent
BANK = HERE / "bank"
ANSWERS = HERE / "answers.yaml"
FIXED = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)

Make = Callable[..., Assessment]
"""The `make` fixture: `make(days=30, guarantor="agreed", profile={...}, previous=...)`."""


class GoldenFile(SingleFileSnapshotExtension):
    """A report as written to disk: one file per test, its UTF-8 bytes exactly.

    Binary, not syrupy's text mode, which would turn the CSV's CRLF line ends into LF.
    """

    _write_mode = WriteMode.BINARY

    def serialize(self, data: SerializableData, **options: object) -> SerializedData:
        assert isinstance(data, str), f"a report is text, not {type(data).__name__}"
        return data.encode("utf-8")

    def diff_lines(
        self, serialized_data: SerializedData, snapshot_data: SerializedData
    ) -> Iterator[str]:
        """Show a failing comparison line by line, as text rather than one bytes repr."""
        return super().diff_lines(as_text(serialized_data), as_text(snapshot_data))


def as_text(data: SerializedData) -> SerializedData:
    return data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data


class MarkdownFile(GoldenFile):
    _file_extension = "md"


class CsvFile(GoldenFile):
    _file_extension = "csv"
