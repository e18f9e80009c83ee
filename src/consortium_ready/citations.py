"""How thoroughly a bank draws on its case studies and its guidance."""

from __future__ import annotations

from dataclasses import dataclass

from consortium_ready.bank import Bank
from consortium_ready.casestudies import CaseStudy, GuidanceSource


@dataclass(frozen=True)
class SourceCoverage:
    """One case study or guidance document: how many questions cite it, and how much of it."""

    source_id: str
    name: str
    questions: int
    items: int
    items_cited: int


@dataclass(frozen=True)
class CitationCoverage:
    cases: list[SourceCoverage]
    guidance: list[SourceCoverage]
    lessons_and_challenges: int
    lessons_and_challenges_cited: int
    uncited: list[tuple[str, str]]


def cited_refs(bank: Bank) -> set[str]:
    """Every item id cited by a question or a red flag."""
    refs = {ref for question in bank.questions for ref in question.cites}
    return refs | {ref for flag in bank.flags for ref in flag.cites}


def _coverage(bank: Bank, source: CaseStudy | GuidanceSource, cited: set[str]) -> SourceCoverage:
    refs = [f"{source.id}.{item.id}" for item in source.items]
    return SourceCoverage(
        source_id=source.id,
        name=source.name,
        questions=len(bank.citing(source.id)),
        items=len(refs),
        items_cited=sum(ref in cited for ref in refs),
    )


def citation_coverage(bank: Bank) -> CitationCoverage:
    cited = cited_refs(bank)
    key_items = [
        case.item_ref(item)
        for case in bank.cases
        for item in case.items
        if item.kind in ("challenge", "lesson")
    ]
    return CitationCoverage(
        cases=[_coverage(bank, case, cited) for case in bank.cases],
        guidance=[_coverage(bank, source, cited) for source in bank.guidance],
        lessons_and_challenges=len(key_items),
        lessons_and_challenges_cited=sum(ref in cited for ref in key_items),
        uncited=[(entry.item, entry.reason) for entry in bank.info.uncited],
    )
