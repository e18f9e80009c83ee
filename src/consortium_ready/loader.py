"""Load a bank from `seeds/` and `questions/` and check that it holds together.

Every problem found is collected and raised at once as an InputError, each
naming its file, line and field, so that a bank can be fixed in one pass.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from consortium_ready.bank import (
    DONT_KNOW,
    Bank,
    BankInfo,
    Flag,
    FlagsFile,
    Question,
    Theme,
    ThemeFile,
)
from consortium_ready.casestudies import CaseStudy, GuidanceSource, Source
from consortium_ready.citations import cited_refs
from consortium_ready.conditions import opens_on
from consortium_ready.errors import InputError, Problem
from consortium_ready.profile import KINDS, ROLES, STAGES
from consortium_ready.yamlfile import YamlDocument, read_yaml

Model = TypeVar("Model", bound=BaseModel)
Where = tuple[YamlDocument, tuple[Any, ...]]

SOURCE_FILE = "source.yaml"
BANK_FILE = "bank.yaml"
FLAGS_FILE = "flags.yaml"
THEMES_DIR = "themes"
GUIDANCE_DIR = "guidance"


def default_dirs() -> tuple[Path, Path]:
    """The built-in bank: shipped inside the package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    shipped = package / "_bank"
    root = shipped if shipped.is_dir() else package.parents[1]
    return root / "questions", root / "seeds"


@dataclass
class _Collector:
    """Problems found so far, and the documents read (for the content hash)."""

    problems: list[Problem] = field(default_factory=list)
    documents: list[YamlDocument] = field(default_factory=list)

    def read(self, path: Path, model: type[Model]) -> tuple[Model, YamlDocument] | None:
        try:
            document = read_yaml(path)
        except InputError as error:
            self.problems.extend(error.problems)
            return None
        self.documents.append(document)
        try:
            return model.model_validate(document.data), document
        except ValidationError as error:
            for e in error.errors(include_url=False):
                self.problems.append(document.problem(e["loc"], _message(e)))
            return None

    def add(self, where: Where, message: str) -> None:
        document, loc = where
        self.problems.append(document.problem(loc, message))


def _message(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (check the spelling against docs/bank-format.md)"
    if error["type"] == "missing":
        return "required field is missing"
    if error["type"] == "too_short":
        return "needs at least one entry"
    return str(error["msg"])


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def load_bank(questions_dir: Path | None = None, seeds_dir: Path | None = None) -> Bank:
    """Read, validate and cross-check a bank, raising InputError listing every problem."""
    default_questions, default_seeds = default_dirs()
    questions_dir = questions_dir or default_questions
    seeds_dir = seeds_dir or default_seeds
    found = _Collector()
    for folder in (questions_dir, seeds_dir, questions_dir / THEMES_DIR):
        if not folder.is_dir():
            raise InputError([Problem(folder, None, "", "folder not found")])

    source = found.read(seeds_dir / SOURCE_FILE, Source)
    cases = [
        (case, (doc, ()))
        for path in _yaml_files(seeds_dir)
        if path.name != SOURCE_FILE
        for case, doc in [found.read(path, CaseStudy) or (None, None)]
        if case is not None
    ]
    guidance_dir = seeds_dir / GUIDANCE_DIR
    guidance = [
        (document, (doc, ()))
        for path in (_yaml_files(guidance_dir) if guidance_dir.is_dir() else [])
        for document, doc in [found.read(path, GuidanceSource) or (None, None)]
        if document is not None
    ]
    info = found.read(questions_dir / BANK_FILE, BankInfo)
    flags = found.read(questions_dir / FLAGS_FILE, FlagsFile)
    theme_files = sorted(
        (
            (read, doc)
            for path in _yaml_files(questions_dir / THEMES_DIR)
            for read, doc in [found.read(path, ThemeFile) or (None, None)]
            if read is not None
        ),
        key=lambda pair: pair[0].theme.order,
    )
    if not theme_files and not found.problems:
        found.problems.append(Problem(questions_dir / THEMES_DIR, None, "", "no theme files"))
    if found.problems or source is None or info is None or flags is None:
        raise InputError(found.problems)

    themes = [
        Theme(
            **tf.theme.model_dump(),
            questions=[q.model_copy(update={"theme": tf.theme.id}) for q in tf.questions],
        )
        for tf, _ in theme_files
    ]
    bank = Bank(
        info=info[0],
        source=source[0],
        cases=[case for case, _ in cases],
        guidance=[document for document, _ in guidance],
        themes=themes,
        flags=flags[0].flags,
        content_hash=_content_hash(found.documents, (questions_dir, seeds_dir)),
    )
    _Checks(bank, found, cases, guidance, theme_files, info[1], flags[1]).run()
    if found.problems:
        raise InputError(found.problems)
    return bank


def _content_hash(documents: list[YamlDocument], roots: tuple[Path, Path]) -> str:
    """A fingerprint of every file read, as it was parsed, independent of where the folders are."""
    digest = hashlib.sha256()
    for document in documents:
        root = next(r for r in roots if document.path.is_relative_to(r))
        digest.update(f"{roots.index(root)}/{document.path.relative_to(root).as_posix()}\0".encode())
        digest.update(document.text.encode("utf-8"))  # the bytes parsed, as read
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()


@dataclass
class _Checks:
    """The cross-file rules of docs/bank-format.md, each adding problems to `found`."""

    bank: Bank
    found: _Collector
    cases: list[tuple[CaseStudy, Where]]
    guidance: list[tuple[GuidanceSource, Where]]
    theme_files: list[tuple[ThemeFile, YamlDocument]]
    bank_doc: YamlDocument
    flags_doc: YamlDocument

    def run(self) -> None:
        self.unique_ids()
        self.bands()
        for question, where in self.located_questions():
            self.question_shape(question, where)
            self.citations(question.cites, (where[0], (*where[1], "cites")))
            self.conditions(question, where)
        for index, flag in enumerate(self.bank.flags):
            self.flag(flag, (self.flags_doc, ("flags", index)))
        self.coverage()

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
                self.found.add(where, f"{kind} id {key!r} is already used by a {other} "
                                      f"({doc.path.name}, line {line})")
            else:
                seen[key] = (where, kind)

        for case, (doc, _) in self.cases:
            claim("case study", case.id, (doc, ("id",)))
            for index, item in enumerate(case.items):
                claim("item", case.item_ref(item), (doc, ("items", index, "id")))
        for source, (doc, _) in self.guidance:
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
                        self.found.add((doc, ("questions", index, "options", o_index, "value")),
                                       f"option value {option.value!r} is given twice")
                    values.add(option.value)
        for index, flag in enumerate(self.bank.flags):
            claim("red flag", flag.id, (self.flags_doc, ("flags", index, "id")))

    def bands(self) -> None:
        mins = [band.min for band in self.bank.info.bands]
        if mins != sorted(set(mins), reverse=True) or mins[-1] != 0:
            self.found.add((self.bank_doc, ("bands",)),
                           "bands go from highest to lowest `min`, each different, the last at 0")

    def citations(self, refs: list[str], where: Where) -> None:
        doc, loc = where
        for index, ref in enumerate(refs):
            if self.bank.cited(ref) is None:
                self.found.add((doc, (*loc, index)),
                               f"cites {ref!r}, which is not an item in the case studies "
                               "or the guidance")

    def question_shape(self, q: Question, where: Where) -> None:
        doc, loc = where

        def problem(message: str, *field: Any) -> None:
            self.found.add((doc, (*loc, *field)), message)

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
                self.found.add(here, f"depends on {parent_id!r}, which is not a question")
                continue
            if order[parent_id] >= order[q.id]:
                self.found.add(here, f"depends on {parent_id!r}, which must be asked earlier")
            if parent.kind not in ("single", "yes_no"):
                self.found.add(here, "may depend only on single-choice or yes_no questions")
                continue
            if parent.applies_when.answers:
                self.found.add(here, f"{parent_id!r} itself depends on an answer; "
                                     "depend on the question it depends on instead")
            unknown = [v for v in values if parent.option(v) is None]
            if unknown:
                self.found.add(here, f"{', '.join(unknown)} not offered by {parent_id!r}")
                continue
            for stage in STAGES:
                direction = opens_on(parent, values, stage)
                if direction is None:
                    self.found.add(here, (
                        f"at the {stage} stage these values are neither all the better "
                        f"answers to {parent_id!r} nor all the weaker ones"))
                    break
                directions.add(direction)
        if len(directions) > 1:
            self.found.add((doc, (*loc, "applies_when")),
                           "conditions must all open on better answers, or all on weaker ones")

    def flag(self, flag: Flag, where: Where) -> None:
        doc, loc = where
        if flag.caps_band not in self.bank.band_rank:
            self.found.add((doc, (*loc, "caps_band")), f"{flag.caps_band!r} is not a band")
        self.citations(flag.cites, (doc, (*loc, "cites")))
        for index, condition in enumerate(flag.when):
            here = (doc, (*loc, "when", index))
            if condition.profile == "weeks_left":
                continue
            if condition.profile is not None:
                allowed = {"role": ROLES, "stage": STAGES, "kind": KINDS}[condition.profile]
                bad = [v for v in condition.in_ or [] if v not in allowed]
                if bad:
                    self.found.add(here, f"{', '.join(bad)}: not a {condition.profile}; "
                                         f"choose from {', '.join(allowed)}")
                continue
            question = self.bank.question(condition.question or "")
            if question is None:
                self.found.add(here, f"{condition.question!r} is not a question")
            elif condition.below is not None and question.kind != "number":
                self.found.add(here, "`below` tests number questions only")
            elif condition.in_ is not None:
                bad = [v for v in condition.in_ if question.option(v) is None]
                if bad:
                    self.found.add(here, f"{', '.join(bad)} not offered by {question.id!r}")
                if DONT_KNOW in condition.in_:
                    self.found.add(here, f"list only known answers: {DONT_KNOW!r} raises every "
                                         "flag as unknown by itself (see docs/scoring.md)")

    def coverage(self) -> None:
        cited = cited_refs(self.bank)
        listed = set()
        for index, entry in enumerate(self.bank.info.uncited):
            where = (self.bank_doc, ("uncited", index, "item"))
            listed.add(entry.item)
            if self.bank.cited(entry.item) is None:
                self.found.add(where, f"{entry.item!r} is not an item in the case studies "
                                      "or the guidance")
            elif entry.item in cited:
                self.found.add(where, f"{entry.item!r} is cited, so it is not uncited")
        accounted_for = cited | listed
        for case, (doc, _) in self.cases:
            for index, item in enumerate(case.items):
                ref = case.item_ref(item)
                if item.kind in ("challenge", "lesson") and ref not in accounted_for:
                    self.found.add((doc, ("items", index, "id")),
                                   f"{item.kind} {ref!r} is cited by no question or flag; "
                                   f"cite it, or list it under `uncited` in {BANK_FILE} "
                                   "with the reason")
        for source, (doc, _) in self.guidance:
            for index, g_item in enumerate(source.items):
                ref = source.item_ref(g_item)
                if ref not in accounted_for:
                    self.found.add((doc, ("items", index, "id")),
                                   f"guidance item {ref!r} is cited by no question or flag; "
                                   f"cite it, remove it, or list it under `uncited` in "
                                   f"{BANK_FILE} with the reason")
