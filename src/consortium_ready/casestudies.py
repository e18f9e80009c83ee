"""What the questions are built on, as data: five real consortia, and UK guidance.

The case studies show what happened; guidance documents fill in what a
commissioner tests that the cases do not cover. Both are paraphrased, item by
item, and cited by id as `source-id.item-id`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")

ItemKind = Literal["fact", "support", "benefit", "challenge", "lesson"]
GuidanceKind = Literal["requirement", "practice", "risk", "fact"]


class Strict(BaseModel):
    """A model that refuses unknown fields, so that a misspelt key is reported."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """The document the case studies come from, recorded once."""

    title: str
    publisher: str
    published: str
    file: str | None = None


class Partner(Strict):
    name: str
    sector: str
    role: str | None = None


class Agreement(Strict):
    kind: str
    summary: str


class Outcome(Strict):
    kind: str
    summary: str


class CaseItem(Strict):
    """One documented fact, support, benefit, challenge or lesson, paraphrased."""

    id: str = Id
    kind: ItemKind
    section: str
    text: str


class CaseStudy(Strict):
    """One consortium: who was in it, how it was set up, and what it learnt."""

    id: str = Id
    name: str
    area: str
    model: str
    lead_body: str
    summary: str
    origin: str
    partners: list[Partner] = Field(min_length=1)
    agreement: Agreement
    outcome: Outcome
    items: list[CaseItem] = Field(min_length=1)

    def item_ref(self, item: CaseItem) -> str:
        """The id a question cites this item by: `case.item`."""
        return f"{self.id}.{item.id}"


class GuidanceItem(Strict):
    """One point from a guidance document, paraphrased, with the section it comes from."""

    id: str = Id
    kind: GuidanceKind
    section: str
    text: str


class GuidanceSource(Strict):
    """A UK guidance document: who published it, when, where to read it, and what we draw on."""

    id: str = Id
    title: str
    publisher: str
    published: str
    address: str = Field(pattern=r"^https?://\S+$")
    items: list[GuidanceItem] = Field(min_length=1)

    @property
    def name(self) -> str:
        """How a citation names the document: its title, publisher and date."""
        return f"{self.title} ({self.publisher}, {self.published})"

    def item_ref(self, item: GuidanceItem) -> str:
        """The id a question cites this item by: `source.item`."""
        return f"{self.id}.{item.id}"
