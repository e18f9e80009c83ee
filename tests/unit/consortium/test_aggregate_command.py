"""`invite` and `aggregate` as a lead body runs them: the pack out, the partners' files back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.content.answersfile import read_answers
from consortium_ready.content.loader import load_bank
from consortium_ready.store.files import slugify
from consortium_ready.store.gathered import gather
from tests.consortium_kit import CONSORTIUM, partner, save
from tests.unit.test_loader import edit

NAMES = ["Ashby Carers", "Brook <Advice> & Co", "Castle Youth"]


@pytest.fixture
def returned(tmp_path: Path, bank) -> Path:
    """Three partners' assessments as the lead receives them, in one folder."""
    folder = tmp_path / "returned"
    for index, name in enumerate(NAMES):
        save(folder, partner(bank, name, "lead" if index == 0 else "partner"))
    return folder


def reports_in(out: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(out.iterdir())}


def test_the_partner_pack(tmp_path, bank, capsys):
    out = tmp_path / "pack"
    args = ["invite", "--consortium", CONSORTIUM, "--kind", "bid-group", "--stage", "bidding"]
    args += ["--lead", NAMES[0], "--partner", NAMES[1], "--partner", NAMES[2], "--out", str(out)]
    assert main(args) == 0
    names = sorted(path.name for path in out.iterdir())
    assert names == sorted(
        [
            "HOW-TO-ANSWER.md",
            "invitation.yaml",
            "answers.yaml",
            *(f"answers-{slugify(name)}.yaml" for name in NAMES),
        ]
    )
    generic = out / "answers.yaml"
    edit(generic, 'organisation: ""', 'organisation: "Dale Foodbank"')
    blank = read_answers(generic, bank)
    assert (blank.profile.consortium, blank.profile.kind) == (CONSORTIUM, "bid-group")
    assert (blank.profile.role, blank.profile.stage) == ("partner", "bidding")
    assert blank.answers == {}
    lead = read_answers(out / f"answers-{slugify(NAMES[0])}.yaml", bank)
    other = read_answers(out / f"answers-{slugify(NAMES[1])}.yaml", bank)
    assert (lead.profile.organisation, lead.profile.role) == (NAMES[0], "lead")
    assert (other.profile.organisation, other.profile.role) == (NAMES[1], "partner")
    note = (out / "HOW-TO-ANSWER.md").read_text()
    assert CONSORTIUM in note and ".json" in note and "consortium-ready assess" in note


def test_the_pack_never_overwrites_a_file(tmp_path, capsys):
    out = tmp_path / "pack"
    out.mkdir()
    (out / "answers.yaml").write_text("answers a partner has typed\n")
    assert main(["invite", "--consortium", CONSORTIUM, "--out", str(out)]) == 2
    assert "answers.yaml: --out: already exists; nothing was written" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["answers.yaml"]
    assert (out / "answers.yaml").read_text() == "answers a partner has typed\n"


def test_aggregate_writes_three_reports_from_a_folder(returned, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["aggregate", str(returned), "--out", str(out)]) == 0
    written = reports_in(out)
    assert sorted(Path(name).suffix for name in written) == [".html", ".json", ".md"]
    assert all(name.startswith("consortium-view-millbrook-family-support") for name in written)
    html, markdown, data = (
        next(t for n, t in written.items() if n.endswith(s)) for s in (".html", ".md", ".json")
    )
    assert "Brook &lt;Advice&gt; &amp; Co" in html and "<Advice>" not in html
    assert r"Brook \<Advice\> \& Co" in markdown
    assert json.loads(data)["view"] == "consortium-ready consortium view"
    assert len(json.loads(data)["members"]) == 3
    assert "3 partners answered; Ashby Carers expects to lead." in capsys.readouterr().out
    # Run again over the same folder, the reports now in it: they are not assessments.
    assert main(["aggregate", str(returned), str(out), "--out", str(out)]) == 0
    assert "skipped" not in capsys.readouterr().err


def test_a_damaged_or_foreign_file_is_skipped_with_a_warning_naming_it(returned, tmp_path, capsys):
    (returned / "damaged.json").write_text('{"schema_version": 2, "created": ')
    (returned / "foreign.json").write_text('{"hello": "world"}')
    (returned / "notes.txt").write_text("not looked at: a folder is searched for .json")
    out = tmp_path / "out"
    assert main(["aggregate", str(returned), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"skipped {returned / 'damaged.json'}" in err
    assert f"skipped {returned / 'foreign.json'}" in err
    assert "notes.txt" not in err
    markdown = next(t for n, t in reports_in(out).items() if n.endswith(".md"))
    assert "damaged.json" in markdown and "3 partners" in markdown


def test_nothing_readable_is_bad_input(tmp_path, capsys):
    (tmp_path / "foreign.json").write_text("[]")
    assert main(["aggregate", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "no saved assessments found here" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_anonymised_output_names_no_organisation_anywhere(returned, tmp_path, bank, capsys):
    (returned / "invitation.yaml").write_text(
        f"consortium: {CONSORTIUM}\nlead: {NAMES[0]}\npartners: [Castle Youth, Dale Foodbank]\n"
    )
    damaged = returned / slugify("Eden Trust")
    damaged.mkdir()
    (damaged / "2025-01-01-120000.json").write_text("{")
    out = tmp_path / "out"
    assert main(["aggregate", str(returned), "--out", str(out), "--anonymise"]) == 0
    written = reports_in(out)
    assert len(written) == 3
    forbidden = [*NAMES, "Brook", "Dale Foodbank", "Eden Trust", CONSORTIUM, "Millbrook"]
    forbidden += [slugify(name) for name in forbidden]
    for name, text in written.items():
        for word in forbidden:
            for form in (word, word.casefold(), json.dumps(word)[1:-1]):
                assert form not in name and form not in text, (name, form)
    markdown = next(t for n, t in written.items() if n.endswith(".md"))
    assert "Partner A" in markdown and "1 has not yet" in markdown


def test_the_latest_complete_assessment_of_each_organisation_is_used(tmp_path, bank):
    folder = tmp_path / "returned"
    save(folder, partner(bank, "Ashby Carers", agreement_status="verbal", days=0))
    save(folder, partner(bank, "Ashby Carers", agreement_status="signed", days=10))
    save(folder, partner(bank, "Ashby Carers", agreement_status=None, days=20))  # partial
    save(folder, partner(bank, "Brook Advice", days=5))
    found = gather([folder])
    chosen = {r.assessment.profile.organisation: r for r in found.returned}
    assert chosen["Ashby Carers"].found == 3
    assert chosen["Ashby Carers"].assessment.answers["agreement-status"] == "signed"
    assert chosen["Brook Advice"].found == 1


def test_mixed_bank_versions_are_compared_on_their_common_questions(tmp_path, bank, bank_copy):
    """The same answers, one made with the built-in bank, one with a copy lacking a question."""
    questions, seeds = bank_copy("builtin")
    theme = questions / "themes" / "15-partners-capacity.yaml"
    text = theme.read_text()
    theme.write_text(text[: text.index("  - id: exit-plan")])
    edit(questions / "bank.yaml", "version: 1.0.0", "version: 1.1.0")
    newer = load_bank(questions, seeds)
    folder = tmp_path / "returned"
    save(folder, partner(bank, "Ashby Carers", "lead", exit_plan="not-considered"))
    save(folder, partner(newer, "Brook Advice"))
    out = tmp_path / "out"
    assert main(["aggregate", str(folder), "--out", str(out)]) == 0
    data = json.loads(next(t for n, t in reports_in(out).items() if n.endswith(".json")))
    assert data["common"] == len(bank.questions) - 1
    assert [use["version"] for use in data["banks"]] == ["1.0.0", "1.1.0"]
    assert "2 versions of the question bank" in data["notes"][0]
    capacity = next(t for t in data["themes"] if t["id"] == "partners-capacity")
    # Worked again without exit-plan, the lead's weak answer to it no longer counts.
    assert capacity["cells"][0]["score"] == capacity["cells"][1]["score"]
    saved = json.loads(next(folder.glob("ashby-carers/*.json")).read_text())
    own = next(t for t in saved["result"]["themes"] if t["id"] == "partners-capacity")
    assert own["score"] < capacity["cells"][0]["score"]


def test_a_copied_reports_folder_works_as_it_is(tmp_path, bank):
    """A lead may point aggregate at a reports folder: organisations in folders, a bin, an index."""
    folder = tmp_path / "reports"
    save(folder, partner(bank, "Ashby Carers", "lead"))
    binned = save(folder, partner(bank, "Brook Advice"))
    (folder / ".bin").mkdir()
    shutil.move(binned.parent, folder / ".bin" / binned.parent.name)
    found = gather([folder])
    assert [r.assessment.profile.organisation for r in found.returned] == ["Ashby Carers"]
    assert found.warnings == []
