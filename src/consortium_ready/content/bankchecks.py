"""The cross-file rules a bank must keep: ids, citations, conditions, flags and coverage.

Each rule names the file, line and field of every problem it finds, so that a
bank can be fixed in one pass. The rules are written out in docs/bank-format.md.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from consortium_ready.content.bankfiles import BANK_FILE
from consortium_ready.content.yamlfile import YamlDocument
from consortium_ready.domain.bank import DONT_KNOW, Bank, Flag, Question, ThemeFile
from consortium_ready.domain.citations import cited_refs
from consortium_ready.domain.conditions import opens_on
from consortium_ready.domain.profilefields import KINDS, ROLES, STAGES
from consortium_ready.domain.sources import CaseStudy, GuidanceSource
from consortium_ready.errors import Problem

Where = tuple[YamlDocument, tuple[Any, ...]]


@dataclass
class BankChecks:
    """The cross-file rules of docs/bank-format.md, each adding to `problems`."""

    bank: Bank
    cases: list[tuple[CaseStudy, YamlDocument]]
    guidance: list[tuple[GuidanceSource, YamlDocument]]
    theme_files: list[tuple[ThemeFile, YamlDocument]]
    bank_doc: YamlDocument
    flags_doc: YamlDocument
    problems: list[Problem] = field(default_factory=list)

    def add(self, where: Where, message: str) -> None:
        document, loc = where
        self.problems.append(document.problem(loc, message))

    def run(self) -> list[Problem]:
        """Every problem found, in the order of the checks."""
        self.unique_ids()
        self.bands()
        for question, where in self.located_questions():
            self.question_shape(question, where)
            self.citations(question.cites, (where[0], (*where[1], "cites")))
            self.conditions(question, where)
            self.consortium_view(question, where)
        for index, flag in enumerate(self.bank.flags):
            self.flag(flag, (self.flags_doc, ("flags", index)))
        self.coverage()
        return self.problems

    def located_questions(self) -> Iterator[tuple[Question, Where]]:
        for (_, document), theme in zip(self.theme_files, self.bank.themes, strict=True):
            for index, question in enumerate(theme.questions):
                yield question, (document, ("questions", index))

    def unique_ids(self) -> None:
        seen: dict[str, tuple[Where, str]] = {}

        def claim(kind: str, key: str, where: Where) -> None:
            if key in seen:
                (doc, _), other = seen[key]
                line = doc.line_of(seen[key][0][1])
                self.add(
                    where,
                    f"{kind} id {key!r} is already used by a {other} "
                    f"({doc.path.name}, line {line})",
                )
            else:
                seen[key] = (where, kind)

        for case, doc in self.cases:
            claim("case study", case.id, (doc, ("id",)))
            for index, item in enumerate(case.items):
                claim("item", case.item_ref(item), (doc, ("items", index, "id")))
        for source, doc in self.guidance:
            claim("guidance document", source.id, (doc, ("id",)))
            for index, g_item in enumerate(source.items):
                claim("item", source.item_ref(g_item), (doc, ("items", index, "id")))
        for theme_file, doc in self.theme_files:
            claim("theme", theme_file.theme.id, (doc, ("theme", "id")))
            for index, question in enumerate(theme_file.questions):
                claim("question", question.id, (doc, ("questions", index, "id")))
                values: set[str] = set()
                for o_index, option in enumerate(question.options):
                    if option.value in values:
                        self.add(
                            (doc, ("questions", index, "options", o_index, "value")),
                            f"option value {option.value!r} is given twice",
                        )
                    values.add(option.value)
        for index, flag in enumerate(self.bank.flags):
            claim("red flag", flag.id, (self.flags_doc, ("flags", index, "id")))

    def bands(self) -> None:
        mins = [band.min for band in self.bank.info.bands]
        if mins != sorted(set(mins), reverse=True) or mins[-1] != 0:
            self.add(
                (self.bank_doc, ("bands",)),
                "bands go from highest to lowest `min`, each different, the last at 0",
            )

    def citations(self, refs: list[str], where: Where) -> None:
        doc, loc = where
        for index, ref in enumerate(refs):
            if self.bank.cited(ref) is None:
                self.add(
                    (doc, (*loc, index)),
                    f"cites {ref!r}, which is not an item in the case studies or the guidance",
                )

    def question_shape(self, q: Question, where: Where) -> None:
        doc, loc = where

        def problem(message: str, *field: Any) -> None:
            self.add((doc, (*loc, *field)), message)

        if not q.scored:
            for name in ("weight", "action", "evidence", "find_out"):
                if getattr(q, name) is not None:
                    problem("a text question is not scored, so it has no " + name, name)
            if q.options:
                problem("a text question has no options", "options")
            return
        for name in ("weight", "why", "action"):
            if getattr(q, name) is None:
                problem(f"a scored question needs `{name}`", name)
        if not q.cites:
            problem("a scored question cites at least one case-study item", "cites")
        if len(q.options) < 2:
            problem("a scored question needs at least two options", "options")
        for index, option in enumerate(q.options):
            here = ("options", index)
            if option.dont_know:
                if option.value != DONT_KNOW:
                    problem(f"a don't-know option has the value {DONT_KNOW!r}", *here, "value")
                if option.score is not None or option.stage_scores:
                    problem("a don't-know option always scores 0: remove its score", *here, "score")
            elif option.score is None:
                problem("every option needs a score from 0 to 100", *here, "score")
            if (option.from_ is not None) != (q.kind == "number" and not option.dont_know):
                problem("`from` is given on every number band and nowhere else", *here, "from")
            if option.exclusive and q.kind != "multi":
                problem("`exclusive` applies only to multiple choice", *here, "exclusive")
        if q.kind == "yes_no":
            values = {option.value for option in q.options}
            if not {"yes", "no"} <= values <= {"yes", "no", DONT_KNOW}:
                problem(f"a yes_no question offers yes, no and optionally {DONT_KNOW}", "options")
        if q.kind == "number" and q.unit is None:
            problem("a number question names its `unit` (weeks, partners, ...)", "unit")

    def conditions(self, q: Question, where: Where) -> None:
        doc, loc = where
        order = self.bank.question_order
        directions = set()
        for parent_id, values in q.applies_when.answers.items():
            here = (doc, (*loc, "applies_when", "answers", parent_id))
            parent = self.bank.question(parent_id)
            if parent is None:
                self.add(here, f"depends on {parent_id!r}, which is not a question")
                continue
            if order[parent_id] >= order[q.id]:
                self.add(here, f"depends on {parent_id!r}, which must be asked earlier")
            if parent.kind not in ("single", "yes_no"):
                self.add(here, "may depend only on single-choice or yes_no questions")
                continue
            if parent.applies_when.answers:
                self.add(
                    here,
                    f"{parent_id!r} itself depends on an answer; "
                    "depend on the question it depends on instead",
                )
            unknown = [v for v in values if parent.option(v) is None]
            if unknown:
                self.add(here, f"{', '.join(unknown)} not offered by {parent_id!r}")
                continue
            for stage in STAGES:
                direction = opens_on(parent, values, stage)
                if direction is None:
                    self.add(
                        here,
                        (
                            f"at the {stage} stage these values are neither all the better "
                            f"answers to {parent_id!r} nor all the weaker ones"
                        ),
                    )
                    break
                directions.add(direction)
        if len(directions) > 1:
            self.add(
                (doc, (*loc, "applies_when")),
                "conditions must all open on better answers, or all on weaker ones",
            )

    def consortium_view(self, q: Question, where: Where) -> None:
        """`fact` and `lead_check`: what the consortium view compares between partners."""
        doc, loc = where
        compared = ("single", "yes_no", "number")
        if q.fact and q.kind not in compared:
            self.add(
                (doc, (*loc, "fact")),
                "only single-choice, yes_no and number questions can be facts: "
                "partners' answers are compared one for one",
            )
        check = q.lead_check
        if check is None:
            return
        here = (doc, (*loc, "lead_check"))
        lead = self.bank.question(check.question) if check.question else q
        if lead is None:
            self.add((doc, (*loc, "lead_check", "question")), f"{check.question!r} is not known")
            return
        for question, role in ((q, "partner"), (lead, "lead")):
            if question.kind not in ("single", "yes_no"):
                self.add(here, f"{question.id!r} is compared answer for answer: single or yes_no")
                return
            if question.applies_when.role and role not in question.applies_when.role:
                self.add(here, f"{question.id!r} is never asked of a {role}")
        if lead is not q and not check.agrees:
            self.add(
                here,
                "the lead answers another question: list under `agrees` which of this "
                "question's answers agree with each of the lead's",
            )
        for lead_answer, answers in check.agrees.items():
            at = (doc, (*loc, "lead_check", "agrees", lead_answer))
            for question, values in ((lead, [lead_answer]), (q, answers)):
                bad = [v for v in values if question.option(v) is None or v == DONT_KNOW]
                if bad:
                    self.add(at, f"{', '.join(bad)}: not a known answer to {question.id!r}")

    def flag(self, flag: Flag, where: Where) -> None:
        doc, loc = where
        if flag.caps_band not in self.bank.band_rank:
            self.add((doc, (*loc, "caps_band")), f"{flag.caps_band!r} is not a band")
        self.citations(flag.cites, (doc, (*loc, "cites")))
        for index, condition in enumerate(flag.when):
            here = (doc, (*loc, "when", index))
            if condition.profile == "weeks_left":
                continue
            if condition.profile is not None:
                choices: dict[str, Collection[str]] = {
                    "role": ROLES,
                    "stage": STAGES,
                    "kind": KINDS,
                }
                allowed = choices[condition.profile]
                bad = [v for v in condition.in_ or [] if v not in allowed]
                if bad:
                    self.add(
                        here,
                        f"{', '.join(bad)}: not a {condition.profile}; "
                        f"choose from {', '.join(allowed)}",
                    )
                continue
            question = self.bank.question(condition.question or "")
            if question is None:
                self.add(here, f"{condition.question!r} is not a question")
            elif condition.below is not None and question.kind != "number":
                self.add(here, "`below` tests number questions only")
            elif condition.in_ is not None:
                bad = [v for v in condition.in_ if question.option(v) is None]
                if bad:
                    self.add(here, f"{', '.join(bad)} not offered by {question.id!r}")
                if DONT_KNOW in condition.in_:
                    self.add(
                        here,
                        f"list only known answers: {DONT_KNOW!r} raises every "
                        "flag as unknown by itself (see docs/scoring.md)",
                    )

    def coverage(self) -> None:
        cited = cited_refs(self.bank)
        listed = set()
        for index, entry in enumerate(self.bank.info.uncited):
            where = (self.bank_doc, ("uncited", index, "item"))
            listed.add(entry.item)
            if self.bank.cited(entry.item) is None:
                self.add(
                    where, f"{entry.item!r} is not an item in the case studies or the guidance"
                )
            elif entry.item in cited:
                self.add(where, f"{entry.item!r} is cited, so it is not uncited")
        accounted_for = cited | listed
        for case, doc in self.cases:
            for index, item in enumerate(case.items):
                ref = case.item_ref(item)
                if item.kind in ("challenge", "lesson") and ref not in accounted_for:
                    self.add(
                        (doc, ("items", index, "id")),
                        f"{item.kind} {ref!r} is cited by no question or flag; "
                        f"cite it, or list it under `uncited` in {BANK_FILE} "
                        "with the reason",
                    )
        for source, doc in self.guidance:
            for index, g_item in enumerate(source.items):
                ref = source.item_ref(g_item)
                if ref not in accounted_for:
                    self.add(
                        (doc, ("items", index, "id")),
                        f"guidance item {ref!r} is cited by no question or flag; "
                        f"cite it, remove it, or list it under `uncited` in "
                        f"{BANK_FILE} with the reason",
                    )
