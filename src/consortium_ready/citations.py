"""How thoroughly a bank draws on its case studies."""

from __future__ import annotations

from dataclasses import dataclass

from consortium_ready.bank import Bank


@dataclass(frozen=True)
class CaseCoverage:
    case_id: str
    name: str
    questions: int
    items: int
    items_cited: int


@dataclass(frozen=True)
class CitationCoverage:
    cases: list[CaseCoverage]
    lessons_and_challenges: int
    lessons_and_challenges_cited: int
    uncited: list[tuple[str, str]]


def cited_refs(bank: Bank) -> set[str]:
    """Every item id cited by a question or a red flag."""
    refs = {ref for question in bank.questions for ref in question.cites}
    return refs | {ref for flag in bank.flags for ref in flag.cites}


def citation_coverage(bank: Bank) -> CitationCoverage:
    cited = cited_refs(bank)
    cases = [
        CaseCoverage(
            case_id=case.id,
            name=case.name,
            questions=len(bank.citing(case.id)),
            items=len(case.items),
            items_cited=sum(case.item_ref(item) in cited for item in case.items),
        )
        for case in bank.cases
    ]
    key_items = [
        case.item_ref(item)
        for case in bank.cases
        for item in case.items
        if item.kind in ("challenge", "lesson")
    ]
    return CitationCoverage(
        cases=cases,
        lessons_and_challenges=len(key_items),
        lessons_and_challenges_cited=sum(ref in cited for ref in key_items),
        uncited=[(entry.item, entry.reason) for entry in bank.info.uncited],
    )
