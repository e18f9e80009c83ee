"""How long `history` and `compare --org` take over many saved assessments.

    .venv/bin/python benchmarks/history_bench.py [N]      (default N = 10000)

Writes N assessments made with the built-in bank (spread over 200
organisations, answers varied at random) into a temporary folder, as files
copied in from elsewhere would arrive (not indexed), then prints the time of:
a first scan (which reads every file and builds the index), a second scan
(from the index), indexing one more save as save_assessment does, the whole
`history` and `compare --org` commands as a user runs them, and how big the
index is. The target in PRODUCT.md is under a second for 10,000; assessments
saved by this program are indexed as they are saved, so only files copied in
from elsewhere cost the first scan.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.conditions import asked_questions
from consortium_ready.domain.profile import Profile
from consortium_ready.store.files import TIMESTAMP, slugify, write_new
from consortium_ready.store.history import scan
from consortium_ready.store.saved import load_assessment
from consortium_ready.store.savedindex import INDEX_NAME, add_to_index

ORGANISATIONS = 200


def random_answers(
    bank, profile: Profile, rng: random.Random, preferred: dict | None = None, keep: float = 0
) -> dict:
    """Answer every question as it comes up, as someone going through the questionnaire would;
    with the `preferred` answer, where there is one, `keep` of the time."""
    answers: dict = {}
    for question in bank.questions:
        if question not in asked_questions(bank, profile, answers) or not question.options:
            continue
        wanted = (preferred or {}).get(question.id)
        if wanted is not None and rng.random() < keep:
            answers[question.id] = wanted
        elif question.kind == "number":
            answers[question.id] = rng.randint(0, 12)
        elif question.kind == "multi":
            plain = [o.value for o in question.options if not o.exclusive]
            answers[question.id] = rng.sample(plain, rng.randint(1, len(plain)))
        else:
            answers[question.id] = rng.choice(question.options).value
    return answers


def populate(folder: Path, count: int) -> None:
    bank = load_bank()
    rng = random.Random(4)
    start = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
    variants = []
    for index in range(40):  # scoring 10,000 times would time the scorer, not the history
        profile = Profile(
            organisation=f"Organisation {index}",
            role=rng.choice(["lead", "partner"]),
            stage=rng.choice(["forming", "bidding"]),
        )
        answer_set = AnswerSet(
            profile=profile,
            answers=random_answers(bank, profile, rng),
            notes={bank.questions[0].id: "Minutes of the partners' meeting " * 3},
        )
        variants.append(assess(bank, answer_set, now=start))
    for index in range(count):
        organisation = f"Community Organisation {index % ORGANISATIONS:03d}"
        created = start + timedelta(days=index // ORGANISATIONS, minutes=index % 97)
        assessment = rng.choice(variants).model_copy(
            update={
                "created": created,
                "profile": variants[0].profile.model_copy(update={"organisation": organisation}),
            }
        )
        write_new(
            folder / slugify(organisation),
            created.strftime(TIMESTAMP),
            ".json",
            assessment.model_dump_json(indent=2),
        )


def timed(label: str, action) -> object:
    began = time.perf_counter()
    result = action()
    print(f"  {label:<52} {time.perf_counter() - began:7.3f} s")
    return result


def command(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "consortium_ready", *args], check=True, stdout=subprocess.DEVNULL
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print(f"Writing {count} assessments to {folder} ...")
        timed("writing them (not part of the target)", lambda: populate(folder, count))
        files = list(folder.glob("*/*.json"))
        size = sum(p.stat().st_size for p in files) / len(files)
        print(f"  average file {size / 1024:.1f} KiB, {len(files)} files\n")
        print("Timings:")
        found = timed("first scan, no index (reads every file)", lambda: scan(folder))
        assert len(found.entries) == count and not found.warnings  # type: ignore[attr-defined]
        timed("second scan, from the index", lambda: scan(folder))
        extra = folder / "one-more" / "2026-01-01-090000.json"
        extra.parent.mkdir()
        extra.write_text(files[0].read_text(encoding="utf-8"), encoding="utf-8")
        timed(
            "indexing one more save (as save_assessment does)",
            lambda: add_to_index(folder, extra, load_assessment(extra)),
        )
        index = folder / INDEX_NAME
        print(f"  {'index size':<52} {index.stat().st_size / 1e6:7.2f} MB")
        org = "Community Organisation 007"
        timed(
            "`history` command (process start to end)",
            lambda: command("history", "--reports", str(folder)),
        )
        timed(
            f"`history --org '{org}'` command",
            lambda: command("history", "--org", org, "--reports", str(folder)),
        )
        timed(
            f"`compare --org '{org}'` command",
            lambda: command("compare", "--org", org, "--reports", str(folder)),
        )
        timed("`--version` (Python and import start-up alone)", lambda: command("--version"))
        index.unlink()
        timed(
            "`history` command with no index", lambda: command("history", "--reports", str(folder))
        )


if __name__ == "__main__":
    main()
