"""What every model of the bank and the results shares: strict fields, and the shape of an id."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

Id = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""Ids are lower case letters, digits and single hyphens: `written-agreement`."""


class Strict(BaseModel):
    """A model that refuses unknown fields, so that a misspelt key is reported.

    Like every model here, it is built (its validator and serializer made) when first used
    rather than when imported (`defer_build`): the start screen and `--help` need only a few.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
