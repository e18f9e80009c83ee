"""docs/scoring.md's tables and worked examples, made from the built-in bank.

Every figure in docs/scoring.md that comes from the bank, or from scoring a
set of answers against it, sits between two markers:

    <!-- worked-example: NAME -->  ...  <!-- end -->
    <!-- from-bank: NAME -->       ...  <!-- end -->

This test makes each block again from the bank as it is today and compares.
The worked examples are also worked out by hand here (weight × score, summed
and divided, as the doc tells a trustee to), and checked against what the
scoring code itself finds, so the doc's method and the code cannot part.

After a deliberate change to the bank, rewrite the blocks with

    UPDATE_SCORING_DOC=1 pytest tests/unit/test_scoring_doc.py

and read the diff: the words around a block may need changing too.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from consortium_ready.content.bankfiles import default_dirs
from consortium_ready.content.loader import load_bank
from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.bank import DONT_KNOW, AnswerValue, Bank, Flag, FlagCondition, Question
from consortium_ready.domain.conditions import condition_state, visibility
from consortium_ready.domain.profile import Profile
from consortium_ready.domain.profilefields import KINDS, ROLES, STAGES, Stage
from consortium_ready.domain.result import QuestionScore, Result
from consortium_ready.domain.scoring import score
from consortium_ready.words import plain_number

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"
UPDATE = "UPDATE_SCORING_DOC"
TODAY = date(2026, 3, 2)  # no example gives a tender deadline, so the day changes nothing

BLOCK = re.compile(
    r"(?P<open><!-- (?P<kind>worked-example|from-bank): (?P<name>[a-z0-9-]+) -->)"
    r"(?P<body>.*?)"
    r"(?P<close><!-- end -->)",
    re.DOTALL,
)


# ---------------------------------------------------------------- words


def fmt(value: float) -> str:
    """A figure as the doc prints it: to one decimal place, without a trailing .0."""
    return plain_number(round(value, 1))


def quoted(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def either(words: list[str], joiner: str = "or") -> str:
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {joiner} {words[-1]}"


def stage_words(stages: list[Stage] | set[Stage]) -> str:
    ordered = [label.lower() for stage, label in STAGES.items() if stage in stages]
    return either(ordered)


def table(header: list[str], rows: list[list[str]], align: str) -> str:
    """A Markdown table; `align` has one letter per column, l or r."""
    rule = ["---" if a == "l" else "--:" for a in align]
    lines = [header, rule, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def block(*chunks: str) -> str:
    """A block of Markdown: its chunks (paragraphs, lists, tables) a blank line apart."""
    return "\n" + "\n\n".join(chunk.strip() for chunk in chunks) + "\n"


def para(*parts: str) -> str:
    """A paragraph, wrapped as the hand-written parts of the doc are."""
    return textwrap.fill("".join(parts), width=78, break_long_words=False, break_on_hyphens=False)


def bullet(*parts: str) -> str:
    return textwrap.fill(
        "- " + "".join(parts),
        width=78,
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def bullets(items: list[str]) -> str:
    return "\n".join(bullet(item) for item in items)


def answer_words(question: Question, answer: AnswerValue | None) -> str:
    if answer is None:
        return "not answered"
    return quoted(question.answer_label(answer))


# ---------------------------------------------------------------- answer sets


def profile(role: str, stage: str, kind: str = "not-known") -> Profile:
    return Profile(organisation="Example", role=role, stage=stage, kind=kind)  # type: ignore[arg-type]


def best_answer(question: Question, stage: Stage) -> AnswerValue:
    """The highest-scoring answer at this stage (for a multi, enough options to reach 100)."""
    options = [o for o in question.options if not o.dont_know]
    if question.kind == "number":
        return max(options, key=lambda o: (o.score_at(stage), o.from_ or 0)).from_  # type: ignore[return-value]
    if question.kind == "multi":
        chosen, total = [], 0
        for option in sorted(options, key=lambda o: -o.score_at(stage)):
            if option.exclusive or total >= 100:
                continue
            chosen.append(option.value)
            total += option.score_at(stage)
        return chosen
    return max(options, key=lambda o: o.score_at(stage)).value


def answered_best_except(bank: Bank, who: Profile, exceptions: dict[str, AnswerValue]) -> AnswerSet:
    """Every question asked answered as well as it can be, except those in `exceptions`."""
    answers: dict[str, AnswerValue] = {}
    for question in bank.questions:
        if not question.scored or visibility(bank, question, who, answers) != "asked":
            continue
        answers[question.id] = exceptions.get(question.id, best_answer(question, who.stage))
    missing = set(exceptions) - set(answers)
    assert not missing, f"the example answers questions it is not asked: {sorted(missing)}"
    return AnswerSet(profile=who, answers=answers)


# The lead body's theme, answered by a lead at the bidding stage.
LEAD = profile("lead", "bidding", "bid-group")
LEAD_BODY_ANSWERS: dict[str, AnswerValue] = {
    "lead-agreed": "agreed",
    "contract-holder": "settled",
    "guarantor": "yes-in-principle",
    "lead-can-guarantee": "probably",
    "lead-fair-dealing": "informal",
    "accountability-lines": "understood",
    "staff-reporting-lines": "mostly",
}

# A partner at the forming stage that does not know some of the lead body's answers.
PARTNER = profile("partner", "forming", "bid-group")
PARTNER_ANSWERS: dict[str, AnswerValue] = {
    "lead-agreed": "agreed",
    "contract-holder": DONT_KNOW,
    "guarantor": DONT_KNOW,
    "guarantor-plan": DONT_KNOW,
    "subcontract-terms": "outline",
    "lead-fair-dealing": "informal",
    "accountability-lines": "understood",
}
ONE_MORE_UNKNOWN = "accountability-lines"

# The whole questionnaire: the lead above, at its best except for these answers.
OVERALL_EXCEPTIONS: dict[str, AnswerValue] = {
    **LEAD_BODY_ANSWERS,
    "bid-window-weeks": 5,
    "users-told-of-changes": "plan",
    "commissioner-standing": DONT_KNOW,
    "commissioning-cycle-known": DONT_KNOW,
    "funding-timing-known": DONT_KNOW,
    "full-cost-price": "gap-agreed",
    "vat-checked": "assumed-exempt",
    "trustee-sign-off": DONT_KNOW,
}


def lead_body_set() -> AnswerSet:
    return AnswerSet(profile=LEAD, answers=LEAD_BODY_ANSWERS)


def partner_set(extra: dict[str, AnswerValue] | None = None) -> AnswerSet:
    return AnswerSet(profile=PARTNER, answers={**PARTNER_ANSWERS, **(extra or {})})


def overall_set(bank: Bank) -> AnswerSet:
    return answered_best_except(bank, LEAD, OVERALL_EXCEPTIONS)


# ---------------------------------------------------------------- by hand


@dataclass
class Row:
    question: Question
    weight: int
    status: str
    points: int
    answer: AnswerValue | None


def theme_rows(bank: Bank, result: Result, theme_id: str) -> list[Row]:
    counted = {s.question: s for s in result.questions if s.theme == theme_id}
    rows = []
    for question in bank.theme(theme_id).questions:
        if not question.scored:
            continue
        s: QuestionScore | None = counted.get(question.id)
        if s is None:
            rows.append(Row(question, question.weight or 1, "not_applicable", 0, None))
        else:
            rows.append(Row(question, s.weight, s.status, s.score, s.answer))
    return rows


UNKNOWN = ("dont_know", "unanswered")


@dataclass
class ByHand:
    known_weight: int
    known_points: int
    all_weight: int
    unknown_weight: int

    @property
    def known(self) -> float:
        return round(self.known_points / self.known_weight, 1)

    @property
    def unknown(self) -> float:
        return round(100 * self.unknown_weight / self.all_weight, 1)

    @property
    def with_gaps(self) -> float:
        return round(self.known_points / self.all_weight, 1)


def by_hand(rows: list[Row]) -> ByHand:
    counted = [r for r in rows if r.status != "not_applicable"]
    known = [r for r in counted if r.status not in UNKNOWN]
    return ByHand(
        known_weight=sum(r.weight for r in known),
        known_points=sum(r.weight * r.points for r in known),
        all_weight=sum(r.weight for r in counted),
        unknown_weight=sum(r.weight for r in counted if r.status in UNKNOWN),
    )


STATUS_WORDS = {
    "answered": "",
    "dont_know": "not known: left out",
    "unanswered": "not answered: left out",
    "hidden_high": "not asked: opens only on weaker answers, so counts in full",
    "hidden_low": "not asked: opens only on better answers, so counts 0",
    "not_applicable": "not asked of a {who}: does not count",
}


def question_table(rows: list[Row], who: str) -> str:
    body = []
    for r in rows:
        note = STATUS_WORDS[r.status].format(who=who)
        shown = r.status in ("answered", "hidden_high", "hidden_low")
        if r.answer is None:
            answer = note[0].upper() + note[1:]
        else:
            answer = answer_words(r.question, r.answer) + (f" ({note})" if note else "")
        body.append(
            [
                quoted(r.question.text),
                str(r.weight),
                answer,
                str(r.points) if shown else "–",
                str(r.weight * r.points) if shown else "–",
            ]
        )
    return table(["Question", "Weight", "Answer", "Scores", "Weight × score"], body, "lrlrr")


# ---------------------------------------------------------------- blocks from the bank

ROLE_WORDS = {
    "lead": "a lead body",
    "partner": "a partner",
    "undecided": "an organisation undecided on its role",
}


def bands_block(bank: Bank) -> str:
    rows = [[b.label, str(b.min), " ".join(b.meaning.split())] for b in bank.info.bands]
    return block(table(["Band", "From", "What it means"], rows, "lrl"))


def theme_weights_block(bank: Bank) -> str:
    total = sum(t.weight for t in bank.themes)
    rows = []
    for t in bank.themes:
        scored = [q for q in t.questions if q.scored]
        essential = sum(q.weight == 3 for q in scored)
        rows.append(
            [
                t.title,
                fmt(t.weight),
                f"{fmt(100 * t.weight / total)}%",
                f"{len(scored)} ({essential} essential)",
            ]
        )
    rows.append(["**All themes**", f"**{fmt(total)}**", "**100%**", ""])
    header = ["Theme", "Weight", "Share of the overall score", "Scored questions"]
    return block(table(header, rows, "lrrr"))


def heavier_themes(bank: Bank) -> str:
    heavy = sorted((t for t in bank.themes if t.weight > 1), key=lambda t: (-t.weight, t.order))
    return either([f"{t.title} ({fmt(t.weight)})" for t in heavy], "and")


def condition_words(bank: Bank, c: FlagCondition) -> str:
    if c.profile == "weeks_left":
        return (
            f"the tender deadline is under {fmt(c.below or 0)} weeks from the day of the assessment"
        )
    if c.profile == "stage":
        return f"the consortium is at the {stage_words(set(c.in_ or []))} stage"  # type: ignore[arg-type]
    if c.profile == "role":
        return f"your expected role is {either([ROLES[r].lower() for r in c.in_ or []])}"  # type: ignore[index]
    if c.profile == "kind":
        return f"the consortium is {either([KINDS[k].lower() for k in c.in_ or []])}"  # type: ignore[index]
    question = bank.question(c.question or "")
    assert question is not None
    if c.below is not None:
        unit = question.unit_for(c.below)
        return f"the answer to {quoted(question.text)} is under {fmt(c.below)} {unit}"
    labels = [quoted(question.answer_label(v)) for v in c.in_ or []]
    return f"the answer to {quoted(question.text)} is {either(labels)}"


def flag_reach(bank: Bank, flag: Flag) -> str:
    """Whom a flag can be raised for: the roles and stages all its conditions allow."""
    roles = set(ROLES)
    stages: set[str] = set(STAGES)
    for c in flag.when:
        if c.profile == "stage":
            stages &= set(c.in_ or [])
        elif c.profile == "role":
            roles &= set(c.in_ or [])
        elif c.question:
            when = bank.question(c.question).applies_when  # type: ignore[union-attr]
            roles &= set(when.role or ROLES)
            stages &= set(when.stage or STAGES)
    role_text = (
        "any role" if roles == set(ROLES) else either([ROLE_WORDS[r] for r in ROLES if r in roles])
    )
    stage_text = (
        "at any stage" if stages == set(STAGES) else f"at the {stage_words(stages)} stage"  # type: ignore[arg-type]
    )
    return f"{role_text}, {stage_text}"


def flags_block(bank: Bank) -> str:
    rows = []
    ordered = sorted(bank.flags, key=lambda f: -bank.band_rank[f.caps_band])
    for f in ordered:
        raised = "; and ".join(condition_words(bank, c) for c in f.when)
        rows.append(
            [
                f"**{f.title}**",
                raised[0].upper() + raised[1:],
                flag_reach(bank, f),
                bank.band_label(f.caps_band),
            ]
        )
    header = [
        "Red flag",
        "Raised when all of these hold",
        "Can be raised for",
        "Holds the result at",
    ]
    return block(table(header, rows, "llll"))


# ---------------------------------------------------------------- worked examples


def lead_body_example(bank: Bank) -> str:
    result = score(bank, lead_body_set(), TODAY)
    rows = theme_rows(bank, result, "lead-body")
    hand = by_hand(rows)
    theme = next(t for t in result.themes if t.id == "lead-body")
    assert hand.unknown_weight == 0
    assert theme.score == hand.known == theme.with_gaps, "the doc's method and the code disagree"
    band = bank.band(hand.known).label
    total = f"| **Total** | **{hand.known_weight}** | | | **{hand.known_points}** |"
    return block(
        question_table(rows, "lead body") + "\n" + total,
        para(
            f"Theme score: {hand.known_points} ÷ {hand.known_weight} = ",
            f"**{fmt(hand.known)}**, which is **{band}**.",
        ),
    )


def dont_know_example(bank: Bank) -> str:
    result = score(bank, partner_set(), TODAY)
    rows = theme_rows(bank, result, "lead-body")
    hand = by_hand(rows)
    theme = next(t for t in result.themes if t.id == "lead-body")
    assert (theme.score, theme.unknown, theme.with_gaps) == (
        hand.known,
        hand.unknown,
        hand.with_gaps,
    )
    assert hand.unknown <= bank.info.unknown_limit, "the example should still be scored"

    more = partner_set({ONE_MORE_UNKNOWN: DONT_KNOW})
    more_theme = next(t for t in score(bank, more, TODAY).themes if t.id == "lead-body")
    more_hand = by_hand(theme_rows(bank, score(bank, more, TODAY), "lead-body"))
    assert more_theme.score is None and more_theme.unknown == more_hand.unknown
    assert more_hand.unknown > bank.info.unknown_limit, "the second example should not be scored"
    limit = bank.info.unknown_limit
    one_more = bank.question(ONE_MORE_UNKNOWN)
    assert one_more is not None
    known, unknown, all_ = hand.known_weight, hand.unknown_weight, hand.all_weight
    return block(
        question_table(rows, "partner"),
        "\n".join(
            [
                bullet(
                    f"**Score from what is known:** the known questions weigh {known} and ",
                    f"earn {hand.known_points}: {hand.known_points} ÷ {known} = ",
                    f"**{fmt(hand.known)}** ({bank.band(hand.known).label}).",
                ),
                bullet(
                    f"**Unknown:** {unknown} of the theme's weight of {all_} is ",
                    f'"don\'t know": {unknown} ÷ {all_} = **{fmt(hand.unknown)}%**. ',
                    f"That is not more than {limit}%, so the theme is scored.",
                ),
                bullet(
                    "**With the gaps counted as 0** (what goes into the overall score): ",
                    f"{hand.known_points} ÷ {all_} = **{fmt(hand.with_gaps)}**.",
                ),
            ]
        ),
        para(
            f'Had the partner also answered "don\'t know" to {quoted(one_more.text)}, ',
            f"{more_hand.unknown_weight} of {more_hand.all_weight} would be unknown: ",
            f"**{fmt(more_hand.unknown)}%**, more than {limit}%, and the report would say ",
            "**not enough known** instead of a score for this theme. Its with-gaps score, ",
            f"{fmt(more_hand.with_gaps)}, would still count in the overall score.",
        ),
    )


TRUTH = {True: "true", False: "false", None: "unknown"}


def flag_dont_know_example(bank: Bank) -> str:
    flag = next(f for f in bank.flags if f.id == "no-guarantor")
    answers = partner_set()
    rows = []
    states = []
    for c in flag.when:
        state = condition_state(bank, c, answers.profile, answers.answers, TODAY)
        states.append(state)
        if c.question:
            question = bank.question(c.question)
            given = f"you answered {answer_words(question, answers.answers.get(c.question))}"  # type: ignore[arg-type]
        else:
            given = f"the consortium is at the {stage_words([answers.profile.stage])} stage"
        rows.append(
            [
                condition_words(bank, c)[0].upper() + condition_words(bank, c)[1:],
                given,
                f"**{TRUTH[state]}**",
            ]
        )
    result = score(bank, answers, TODAY)
    hit = next(h for h in result.flags if h.id == flag.id)
    assert hit.unknown and None in states and False not in states
    first = result.actions[0]
    assert first.flag == flag.id and first.part == "find_out"

    guarantor = bank.question("guarantor")
    assert guarantor is not None
    outcomes = []
    for option in guarantor.options:
        tried = partner_set({"guarantor": option.value})
        hits = {h.id: h for h in score(bank, tried, TODAY).flags}
        found = hits.get(flag.id)
        what = (
            "not raised"
            if found is None
            else "raised as unknown, capping the result"
            if found.unknown
            else "raised, capping the result"
        )
        outcomes.append([quoted(option.label), what])
    return block(
        table(["Condition", "This partner", "State"], rows, "lll"),
        para(
            "No condition is false and one is unknown, so the flag is raised as unknown. ",
            f"The report does not say “{flag.title}”; it says **“{flag.title_unknown}”**, ",
            "and it still holds the overall result at ",
            f"**{bank.band_label(flag.caps_band)}** or below.",
        ),
        para(
            "It is the first action in this partner's plan, a step to find out: ",
            f"“{' '.join(first.text.split())}”",
        ),
        para(
            "What each answer to that question would do for this partner, at the ",
            f"{stage_words([PARTNER.stage])} stage:",
        ),
        table(["Answer", "This red flag"], outcomes, "ll"),
    )


def overall_example(bank: Bank) -> str:
    answers = overall_set(bank)
    result = score(bank, answers, TODAY)
    overall = result.overall
    counted = [t for t in result.themes if t.with_gaps is not None]
    scored = [t for t in counted if t.score is not None]
    total_weight = sum(t.weight for t in counted)
    total_points = sum(t.weight * (t.with_gaps or 0) for t in counted)
    known_weight = sum(t.weight for t in scored)
    known_points = sum(t.weight * (t.score or 0) for t in scored)
    unknown_points = sum(t.weight * t.unknown for t in counted)
    by_hand_score = round(total_points / total_weight, 1)
    by_hand_known = round(known_points / known_weight, 1)
    by_hand_unknown = round(unknown_points / total_weight, 1)
    assert (overall.score, overall.known_score, overall.unknown) == (
        by_hand_score,
        by_hand_known,
        by_hand_unknown,
    ), "the doc's method and the code disagree"

    rows = [
        [
            t.title,
            fmt(t.weight),
            fmt(t.score) if t.score is not None else "not enough known",
            fmt(t.weight * t.score) if t.score is not None else "–",
            f"{fmt(t.unknown)}%",
            fmt(t.with_gaps or 0),
            fmt(t.weight * (t.with_gaps or 0)),
        ]
        for t in counted
    ]
    rows.append(
        [
            "**Total**",
            f"**{fmt(total_weight)}**",
            "",
            f"**{fmt(known_points)}**",
            "",
            "",
            f"**{fmt(total_points)}**",
        ]
    )
    header = [
        "Theme",
        "Weight",
        "Score from what is known",
        "Weight × known score",
        "Unknown",
        "With gaps",
        "Weight × with gaps",
    ]

    exceptions = []
    for qid, value in OVERALL_EXCEPTIONS.items():
        question = bank.question(qid)
        assert question is not None
        if value == best_answer(question, LEAD.stage):
            continue
        exceptions.append(
            f"{bank.theme_titles[question.theme]}: {quoted(question.text)} "
            f"Answer: {answer_words(question, value)}."
        )
    uncapped = bank.band_label(overall.uncapped_band)
    flags = [
        f"**{h.title}**: holds the result at {bank.band_label(h.caps_band)}"
        + (' (raised by a "don\'t know")' if h.unknown else "")
        for h in result.flags
    ]
    cov = result.coverage
    shown = round(overall.score or 0)
    unknown_sum = (
        " + ".join(f"{fmt(t.weight)} × {fmt(t.unknown)}" for t in counted if t.unknown) or "0"
    )
    return block(
        para(
            "The example is a lead body in a closed group formed for a bid, at the bidding ",
            "stage, with no tender deadline given. It gives the best answer to every ",
            "question it is asked, except these:",
        ),
        bullets(exceptions),
        table(header, rows, "lrrrrrr"),
        bullets(
            [
                f"**Overall score**, counting unknowns as 0: {fmt(total_points)} ÷ "
                f"{fmt(total_weight)} = **{fmt(by_hand_score)}**. On its own that is "
                f"**{uncapped}**.",
                "**From what is known alone**, over the themes with a score, whose weights "
                f"add up to {fmt(known_weight)}: {fmt(known_points)} ÷ {fmt(known_weight)} = "
                f"**{fmt(by_hand_known)}**.",
                "**Unknown overall**: each theme's unknown share times its weight, added up "
                f"({unknown_sum} = {fmt(unknown_points)}) and divided by the total weight: "
                f"{fmt(unknown_points)} ÷ {fmt(total_weight)} = **{fmt(by_hand_unknown)}%**.",
                f"**Coverage**: {cov.answered + cov.dont_know} of {cov.asked} questions "
                f'answered ({fmt(cov.percent)}%), {cov.dont_know} of them "don\'t know".',
            ]
        ),
        "Red flags raised:",
        bullets(flags),
        para(
            f"The lowest of these is **{overall.band_label}**, so the verdict is ",
            f"**{overall.band_label}, {shown} out of 100**, and the report says that the ",
            f"scores alone would have put it at {uncapped}.",
        ),
    )


def plan_example(bank: Bank) -> str:
    result = score(bank, overall_set(bank), TODAY)
    status = {s.question: s for s in result.questions}
    theme_weight = {t.id: t.weight for t in result.themes}
    hits = {h.id: h for h in result.flags}
    rows = []
    for action in result.actions:
        if action.flag:
            caps = bank.band_label(hits[action.flag].caps_band)
            part = "to fix" if action.kind == "flag" else "to find out about"
            why = f"red flag {part}, holding the result at {caps}"
        else:
            s = status[action.question]  # type: ignore[index]
            tw = theme_weight[s.theme]
            if action.kind == "improve":
                points = s.weight * tw * (100 - s.score)
                why = f"weak answer: {s.weight} × {fmt(tw)} × (100 − {s.score}) = {fmt(points)}"
            else:
                why = f'"don\'t know": {s.weight} × {fmt(tw)} = {fmt(s.weight * tw)}'
        question = bank.question(action.question) if action.question else None
        about = quoted(question.text) if question else ""
        rows.append([str(action.rank), why, about])
    return block(table(["Rank", "Why it is here", "Question it is about"], rows, "rll"))


def limit_inline(bank: Bank) -> str:
    return str(bank.info.unknown_limit)


def action_below_inline(bank: Bank) -> str:
    return str(bank.info.action_below)


def ready_inline(bank: Bank) -> str:
    return str(bank.info.bands[0].min)


def ready_known_inline(bank: Bank) -> str:
    return str(100 - bank.info.bands[0].min)


def heavier_inline(bank: Bank) -> str:
    return heavier_themes(bank)


BLOCKS: dict[str, Callable[[Bank], str]] = {
    "bands": bands_block,
    "theme-weights": theme_weights_block,
    "heavier-themes": heavier_inline,
    "flags": flags_block,
    "unknown-limit": limit_inline,
    "action-below": action_below_inline,
    "ready": ready_inline,
    "ready-unknown": ready_known_inline,
    "lead-body": lead_body_example,
    "dont-know": dont_know_example,
    "flag-dont-know": flag_dont_know_example,
    "overall": overall_example,
    "plan": plan_example,
}


# ---------------------------------------------------------------- the comparison


def regenerate(text: str, bank: Bank) -> tuple[str, list[str]]:
    """The doc with every block made again from `bank`, and the names of blocks that changed."""
    changed = []

    def redo(match: re.Match[str]) -> str:
        name = match["name"]
        body = BLOCKS[name](bank)
        if body != match["body"]:
            changed.append(name)
        return f"{match['open']}{body}{match['close']}"

    return BLOCK.sub(redo, text), changed


def drift_message(old: str, new: str, changed: list[str]) -> str:
    diff = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            "docs/scoring.md (as written)",
            "docs/scoring.md (from the bank today)",
            n=1,
        )
    )
    return (
        f"docs/scoring.md no longer matches the bank in: {', '.join(changed)}.\n"
        f"If the bank changed on purpose, rewrite the blocks with\n"
        f"    {UPDATE}=1 pytest tests/unit/test_scoring_doc.py\n"
        f"then read the words around each block again.\n\n{diff}"
    )


@pytest.fixture(scope="module")
def builtin() -> Bank:
    return load_bank()


def test_every_block_in_the_doc_is_made_from_the_bank_and_every_maker_is_used() -> None:
    names = [m["name"] for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]
    unknown = sorted(set(names) - set(BLOCKS))
    assert not unknown, f"docs/scoring.md has blocks this test cannot make: {unknown}"
    unused = sorted(set(BLOCKS) - set(names))
    assert not unused, f"docs/scoring.md has lost its blocks: {unused}"
    opened = DOC.read_text(encoding="utf-8").count("<!-- worked-example:") + DOC.read_text(
        encoding="utf-8"
    ).count("<!-- from-bank:")
    assert opened == len(names), "a block in docs/scoring.md is not closed with <!-- end -->"


def test_the_doc_matches_the_bank(builtin: Bank) -> None:
    old = DOC.read_text(encoding="utf-8")
    new, changed = regenerate(old, builtin)
    if changed and os.environ.get(UPDATE):
        DOC.write_text(new, encoding="utf-8")
        return
    assert not changed, drift_message(old, new, changed)


def bank_changed(tmp_path: Path, file: str, after: str, old: str, new: str) -> Bank:
    """The built-in bank, copied, with the first `old` after `after` in `file` made `new`."""
    questions, seeds = default_dirs()
    shutil.copytree(questions, tmp_path / "questions")
    shutil.copytree(seeds, tmp_path / "seeds")
    path = tmp_path / "questions" / file
    text = path.read_text(encoding="utf-8")
    at = text.index(old, text.index(after))
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return load_bank(tmp_path / "questions", tmp_path / "seeds")


BREAKS = {
    "a question's weight": (
        ("themes/04-lead-body.yaml", "  - id: guarantor\n", "weight: 3", "weight: 1"),
        {"lead-body", "dont-know", "overall"},
    ),
    "a theme's weight": (
        ("themes/13-money.yaml", "theme:", "weight: 3", "weight: 1"),
        {"theme-weights", "heavier-themes", "overall", "plan"},
    ),
    "a flag's cap": (
        ("flags.yaml", "  - id: short-bid-window", "caps_band: nearly", "caps_band: early"),
        {"flags", "overall"},
    ),
}


@pytest.mark.parametrize("what", BREAKS)
def test_a_change_to_the_bank_is_caught(tmp_path: Path, what: str) -> None:
    """Proof that the comparison can fail: break a copy of the bank and compare the doc with it."""
    edit, expected = BREAKS[what]
    changed_bank = bank_changed(tmp_path, *edit)
    old = DOC.read_text(encoding="utf-8")
    new, changed = regenerate(old, changed_bank)
    assert expected <= set(changed), f"changing {what} went unnoticed in {expected - set(changed)}"
    message = drift_message(old, new, changed)
    assert all(name in message for name in expected) and f"{UPDATE}=1" in message


def test_the_doc_states_the_weights_of_the_questions_it_works_through(builtin: Bank) -> None:
    """Issue 8 found the doc giving the guarantor questions weights the bank did not have."""
    text = DOC.read_text(encoding="utf-8")
    for question in builtin.theme("lead-body").questions:
        if question.scored and question.applies_when.role != ["partner"]:
            row = f"| {quoted(question.text)} | {question.weight} |"
            assert row in text, (
                f"the lead body example has no row for {question.id} weighing {question.weight}"
            )
