"""The part of a saved assessment the history table needs, read without the rest of the model.

Only a scan that meets a file new to the index reads one, so these models are built
only then, not by every `history`.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class _Profile(_Part):
    organisation: str


class _Bank(_Part):
    title: str
    version: str


class _Overall(_Part):
    score: float | None
    band_label: str | None


class _Coverage(_Part):
    percent: float


class _Result(_Part):
    overall: _Overall
    flags: list[dict[str, Any]]
    coverage: _Coverage


class Summary(_Part):
    """The part of a saved assessment the history table needs."""

    schema_version: int
    created: AwareDatetime
    profile: _Profile
    bank: _Bank
    result: _Result
