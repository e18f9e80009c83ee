"""The command line: the questionnaire by default, and scriptable commands on the same core."""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from consortium_ready import __version__
from consortium_ready.cli.text import say
from consortium_ready.collector import collector_paused_to_the_end, pause_while_starting
from consortium_ready.errors import InputError, Problem
from consortium_ready.reports.formats import COMPARISON_FORMATS, REPORT_FORMATS
from consortium_ready.words import plural, printable, score_number, verdict

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from consortium_ready.domain.bank import Bank
    from consortium_ready.store.history import Entry, Scan
    from consortium_ready.store.unfinished import Finished

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
LISTED = 50
"""The most problems listed at once; a count of the rest follows."""
Format = TypeVar("Format", bound=str)


def _bank(args: argparse.Namespace) -> Bank:
    """The bank the options name, from the cache when it holds this very bank (bankcache.py)."""
    from consortium_ready.store.bankcache import cached_bank

    return cached_bank(args.questions, args.seeds)


def cmd_validate(args: argparse.Namespace) -> int:
    from consortium_ready.content.loader import load_bank
    from consortium_ready.domain.citations import citation_coverage
    from consortium_ready.words import bank_name, printable

    bank = load_bank(args.questions, args.seeds)  # every file read and checked, not the cache
    coverage = citation_coverage(bank)
    scored = [q for q in bank.questions if q.scored]
    items = sum(len(case.items) for case in bank.cases)
    guidance_items = sum(len(source.items) for source in bank.guidance)
    say(printable(bank_name(bank.info.title, bank.info.version)))
    say(f"  content hash {bank.content_hash}")
    say(f"  {len(bank.cases)} case studies with {items} items")
    say(f"  {plural(len(bank.guidance), 'guidance document')} with {guidance_items} items")
    say(
        f"  {len(bank.themes)} themes, {len(bank.questions)} questions "
        f"({len(scored)} scored, {len(bank.questions) - len(scored)} unscored notes), "
        f"{len(bank.flags)} red flags"
    )
    for heading, sources in (
        ("Citations of the case studies:", coverage.cases),
        ("Citations of the guidance:", coverage.guidance),
    ):
        if not sources:
            continue
        say(heading)
        names = [printable(source.name) for source in sources]
        width = max(map(len, names))
        for name, source in zip(names, sources, strict=True):
            say(
                f"  {name:<{width}}  cited by {source.questions:>2} questions; "
                f"{source.items_cited} of {source.items} items cited"
            )
    say(
        f"Challenges and lessons cited: {coverage.lessons_and_challenges_cited} "
        f"of {coverage.lessons_and_challenges}"
    )
    if coverage.uncited:
        say(f"Uncited, with reasons ({len(coverage.uncited)}):")
        for item, reason in coverage.uncited:
            say(printable(f"  {item}: {reason}"))
    say("OK: the bank is valid.")
    return EXIT_OK


def cmd_questions(args: argparse.Namespace) -> int:
    bank = _bank(args)
    titles = bank.theme_titles
    questions = [
        {
            "theme_title": titles[question.theme],
            **question.model_dump(mode="json", by_alias=True, exclude={"options"}),
            "options": [o.model_dump(mode="json", by_alias=True) for o in question.options],
        }
        for question in bank.questions
    ]
    say(json.dumps(questions, indent=2, ensure_ascii=True))  # lossless, and nothing raw
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from consortium_ready.content.template import answers_template

    say(answers_template(_bank(args)), end="")
    return EXIT_OK


@collector_paused_to_the_end()
def cmd_assess(args: argparse.Namespace) -> int:
    """Score an answers file and save it with every report. The cycle collector stays paused
    throughout, as in cmd_aggregate: what the run makes lives until it ends."""
    from consortium_ready.cli.text import table
    from consortium_ready.content.answersfile import read_answers
    from consortium_ready.reports.saving import assess_and_save
    from consortium_ready.reports.unfinished import finish_saves
    from consortium_ready.store.files import TooLarge, reports_dir

    bank = _bank(args)
    answer_set = read_answers(args.answers, bank)
    folder = reports_dir(args.reports)
    _finished(finish_saves(folder, lambda: bank))
    try:
        made = assess_and_save(bank, answer_set, folder)
    except TooLarge as error:
        raise InputError([Problem(args.answers, None, "notes", str(error.strerror))]) from None
    except OSError as error:
        say(
            f"consortium-ready: could not save in {error.filename or folder}: "
            f"{error.strerror or error}. "
            "Choose another folder with --reports DIR.",
            error=True,
        )
        return EXIT_FAILED
    assessment, saved = made.assessment, made.saved
    if args.json:
        say(json.dumps(assessment.result.model_dump(mode="json"), indent=2, ensure_ascii=True))
        say(f"Saved {saved.json}", error=True)
        return EXIT_OK
    result = assessment.result
    overall = result.overall
    say(
        printable(
            f"{assessment.profile.organisation}: {verdict(overall.band_label, overall.score)}"
        )
    )
    rows = [
        [
            theme.title,
            "not enough known" if theme.score is None else score_number(theme.score),
            theme.band_label or "",
            f"{score_number(theme.unknown)}% unknown" if theme.unknown else "",
        ]
        for theme in result.themes
        if theme.counted
    ]
    for line in table(["Theme", "Score", "Band", ""], rows, right=[1]):
        say(f"  {line}")  # table() makes every cell printable
    for flag in result.flags:
        say(f"  RED FLAG: {printable(flag.title)}")
    say(f"Saved {saved.json}")
    for report in saved.reports:
        say(f"Report {report}")
    return EXIT_OK


def _write_or_print(text: str, out: Path | None) -> int:
    """Write `text` to `out` in one step, or to standard output when no file is given."""
    from consortium_ready.store.files import atomic_write

    if out is None:
        say(text, end="")
        return EXIT_OK
    if not out.parent.is_dir():
        raise InputError(
            [Problem(out, None, "--out", f"{out.parent} is not a folder; create it first")]
        )
    try:
        atomic_write(out, text)
    except OSError as error:
        say(f"consortium-ready: could not write {out}: {error.strerror or error}.", error=True)
        return EXIT_FAILED
    say(f"Wrote {out}", error=True)
    return EXIT_OK


def _format_of(out: Path | None, chosen: str | None, offered: Sequence[Format]) -> Format:
    """The format asked for, else the one `out`'s extension names, else Markdown."""
    if chosen or out is None:
        wanted = chosen or "md"
    else:
        wanted = {".htm": "html", ".markdown": "md"}.get(out.suffix.lower(), out.suffix.lower()[1:])
    found = next((fmt for fmt in offered if fmt == wanted), None)
    if found is None:
        suffix = out.suffix if out is not None else ""
        raise InputError(
            [
                Problem(
                    out or Path(),
                    None,
                    "--out",
                    (
                        f"cannot tell the format from the extension {suffix or '(none)'}; "
                        f"name the file .{' or .'.join(offered)}, or give --format"
                    ),
                )
            ]
        )
    return found


def _finished(done: Finished) -> None:
    """Say what finishing saves that a kill interrupted did (reports/unfinished.finish_saves)."""
    for path in done.written:
        say(f"consortium-ready: finished a save that was interrupted: wrote {path}", error=True)


def _scanned(folder: Path, args: argparse.Namespace) -> Scan:
    """The saved assessments in `folder` (only the organisation `--org` names, if it is given),
    once saves a kill interrupted there are finished; each file skipped is named. InputError
    if `folder` is a file."""
    from consortium_ready.reports.unfinished import finish_saves
    from consortium_ready.store.history import scan

    if folder.exists() and not folder.is_dir():
        raise InputError(
            [Problem(folder, None, "--reports", "is a file, not a folder of saved assessments")]
        )
    found = scan(folder, args.org)
    if found.unfinished:  # else a kill left no save to finish: no second look at every folder
        _finished(finish_saves(folder, functools.cache(lambda: _bank(args))))
    _warn_skipped(found.warnings)
    return found


def _warn_skipped(problems: list[Problem]) -> None:
    for problem in problems:
        say(f"consortium-ready: skipped {problem}", error=True)


def cmd_report(args: argparse.Namespace) -> int:
    from consortium_ready.reports.render import render_report
    from consortium_ready.reports.view import report_view
    from consortium_ready.store.files import reports_dir
    from consortium_ready.store.history import previous_of
    from consortium_ready.store.saved import load_assessment

    fmt = _format_of(args.out, args.format, REPORT_FORMATS)
    bank = _bank(args)
    assessment = load_assessment(args.file, bank)
    previous = previous_of(reports_dir(args.reports), args.file, assessment)
    view = report_view(assessment, bank, previous)
    if view.bank_note:
        say(f"consortium-ready: note: {view.bank_note}", error=True)
    return _write_or_print(render_report(view, fmt), args.out)


def cmd_actions(args: argparse.Namespace) -> int:
    from datetime import date

    from consortium_ready.cli.text import actions_text
    from consortium_ready.reports.view import report_view
    from consortium_ready.store.files import reports_dir
    from consortium_ready.store.history import previous_of
    from consortium_ready.store.saved import load_assessment

    folder = reports_dir(args.reports)
    if not (args.file or args.org):
        say(
            "consortium-ready actions: give a saved assessment (.json), or --org NAME for an "
            "organisation's latest",
            error=True,
        )
        return EXIT_BAD_INPUT
    bank = _bank(args)
    path = args.file or _runs_of(_scanned(folder, args), args.org)[-1].path
    assessment = load_assessment(path, bank)
    if args.import_from:
        from consortium_ready.content.actionscsv import read_tracking
        from consortium_ready.domain.tracking import UNTRACKED, action_key
        from consortium_ready.reports.saving import save_tracking

        keys = [action_key(action) for action in assessment.result.actions]
        imported = read_tracking(args.import_from, keys)
        tracking = {**assessment.tracking, **imported}
        changed = [k for k, row in imported.items() if assessment.tracking.get(k, UNTRACKED) != row]
        if changed:
            previous = previous_of(folder, path, assessment)
            assessment = save_tracking(path, assessment, tracking, bank, previous)
        say(
            f"{plural(len(changed), 'action')} changed in {path} from {args.import_from}"
            + ("; its reports were made again." if changed else ".")
        )
    view = report_view(assessment, bank)
    if args.export_to:
        from consortium_ready.reports.tracker import tracker_csv

        return _write_or_print(tracker_csv(view), args.export_to)
    if not args.import_from:
        say(actions_text(view, date.today(), shutil.get_terminal_size().columns))
    return EXIT_OK


def _runs_of(found: Scan, organisation: str, needed: int = 1) -> list[Entry]:
    """An organisation's saved assessments, oldest first; InputError (naming --org) when
    there are fewer than `needed`."""
    folder = found.folder
    mine = found.for_organisation(organisation)
    if len(mine) < needed:
        why = (
            f"{plural(len(mine), 'saved assessment')} for {organisation!r}; comparing needs two"
            if mine
            else f"no saved assessments for {organisation!r}; run `consortium-ready history` "
            "to list the organisations"
        )
        raise InputError([Problem(folder, None, "--org", why)])
    return mine


def cmd_remove(args: argparse.Namespace) -> int:
    from consortium_ready.store.binned import move_to_bin
    from consortium_ready.store.files import reports_dir

    for path in move_to_bin(args.file, reports_dir(args.reports)):
        say(printable(f"Moved to {path}"))
    say("Nothing was deleted: move the files back to list the assessment again.")
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from consortium_ready.cli.text import history_text
    from consortium_ready.store.files import reports_dir
    from consortium_ready.store.history import Scan

    folder = reports_dir(args.reports)
    found = _scanned(folder, args)
    if args.org:
        found = Scan(folder, _runs_of(found, args.org), [])
    if not found.entries:
        say(f"No saved assessments in {folder}.")
        return EXIT_OK
    say(history_text(found, shutil.get_terminal_size().columns))
    return EXIT_OK


@collector_paused_to_the_end()
def cmd_compare(args: argparse.Namespace) -> int:
    """What changed between two saved assessments. The cycle collector stays paused
    throughout, as in cmd_aggregate: what the run makes lives until it ends."""
    from consortium_ready.cli.text import comparison_text
    from consortium_ready.domain.compare import compare
    from consortium_ready.store.files import reports_dir
    from consortium_ready.store.saved import load_assessment

    if bool(args.org) == bool(args.files) or (args.files and len(args.files) != 2):
        say(
            "consortium-ready compare: give two saved assessments (OLD NEW), or --org NAME "
            "for an organisation's latest two",
            error=True,
        )
        return EXIT_BAD_INPUT
    bank = _bank(args)
    fmt = None
    if args.out:  # only then are the report templates (jinja2) needed
        from consortium_ready.reports.render import render_comparison

        fmt = _format_of(args.out, None, COMPARISON_FORMATS)
    if args.org:
        found = _scanned(reports_dir(args.reports), args)
        mine = _runs_of(found, args.org, needed=2)
        old, new = mine[-2].load(bank), mine[-1].load(bank)
    else:
        old, new = (load_assessment(path, bank) for path in args.files)
    comparison = compare(old, new, bank)
    say(comparison_text(comparison, shutil.get_terminal_size().columns))
    if fmt is None:
        return EXIT_OK
    return _write_or_print(render_comparison(comparison, fmt), args.out)


def cmd_invite(args: argparse.Namespace) -> int:
    """Write the partner pack: answers files, a note on answering, and the invitation list."""
    from pydantic import ValidationError

    from consortium_ready.content.invitation import (
        INVITATION_FILE,
        NOTE_FILE,
        answers_for,
        invitation_text,
        pack_note,
    )
    from consortium_ready.domain.consortium import Invitation
    from consortium_ready.store.files import create_all, slugify

    try:
        invitation = Invitation(
            consortium=args.consortium,
            kind=args.kind,
            stage=args.stage,
            tender_deadline=args.deadline,
            lead=args.lead,
            partners=args.partner or [],
        )
    except ValidationError as error:
        raise InputError(
            [Problem(Path(), None, f"--{e['loc'][0]}", e["msg"]) for e in error.errors()]
        ) from None
    bank, out = _bank(args), args.out
    answers = {"answers.yaml": answers_for(bank, invitation, None)}
    for name in invitation.invited:
        answers[f"answers-{slugify(name)}.yaml"] = answers_for(bank, invitation, name)
    files = {
        out / NOTE_FILE: pack_note(invitation, list(answers)),
        out / INVITATION_FILE: invitation_text(invitation),
        **{out / name: text for name, text in answers.items()},
    }
    taken = [path for path in files if path.exists()]
    if taken:
        raise InputError(
            [Problem(path, None, "--out", "already exists; nothing was written") for path in taken]
        )
    try:
        written = create_all(files)
    except OSError as error:
        say(
            f"consortium-ready: could not write in {out}: {error.strerror or error}.",
            error=True,
        )
        return EXIT_FAILED
    for path in written:
        say(f"Wrote {path}")
    say(f"Send each partner {NOTE_FILE} and its answers file; keep {INVITATION_FILE}.")
    return EXIT_OK


@collector_paused_to_the_end()
def cmd_aggregate(args: argparse.Namespace) -> int:
    """Combine partners' saved assessments into one consortium report.

    The cycle collector stays paused throughout (collector.py): what is read lives until the
    reports are written, and the collector's passes over it freed next to nothing.
    """
    from consortium_ready.domain.aggregate import aggregate
    from consortium_ready.reports.consortium import summary
    from consortium_ready.reports.render import consortium_reports
    from consortium_ready.store.files import TIMESTAMP, slugify, write_together
    from consortium_ready.store.gathered import VIEW_PREFIX, gather

    bank = _bank(args)
    found = gather(args.paths, args.invited)
    _warn_skipped(found.warnings)
    if not found.returned:
        raise InputError(
            [Problem(path, None, "", "no saved assessments found here") for path in args.paths]
        )
    consortium = aggregate(
        found.returned,
        bank,
        invitation=found.invitation,
        anonymise=args.anonymise,
        skipped=[f"{p.file}: {p.message}" for p in found.warnings],
    )
    name = "anonymised" if args.anonymise else slugify(consortium.consortium or "consortium")
    try:
        written = write_together(
            args.out,
            f"{VIEW_PREFIX}-{name}-{consortium.made.strftime(TIMESTAMP)}",
            consortium_reports(consortium, bank),
        )
    except OSError as error:
        say(
            f"consortium-ready: could not write in {args.out}: {error.strerror or error}. "
            "Choose another folder with --out DIR.",
            error=True,
        )
        return EXIT_FAILED
    for line in summary(consortium):
        say(line)
    for path in written:
        say(f"Report {path}")
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    pause_while_starting()  # until the start screen has read what it needs (StartScreen._offer)
    from consortium_ready.store.files import reports_dir
    from consortium_ready.tui.app import ConsortiumReadyApp

    app = ConsortiumReadyApp(
        questions=args.questions, seeds=args.seeds, reports=reports_dir(args.reports)
    )
    app.run()
    return app.return_code or EXIT_OK


def cmd_plain(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from consortium_ready.plain.console import Console
    from consortium_ready.plain.run import PlainRun
    from consortium_ready.store.files import reports_dir

    def now() -> datetime:
        return datetime.now(UTC)

    for stream in (sys.stdin, sys.stdout):  # a character the encoding lacks (piped, on
        if isinstance(stream, io.TextIOWrapper):  # Windows) is shown as ?, never a traceback
            stream.reconfigure(errors="replace")
    run = PlainRun(_bank(args), reports_dir(args.reports), Console(sys.stdin, sys.stdout), now)
    return run.run()


def cmd_serve(args: argparse.Namespace) -> int:
    from consortium_ready.serve.server import QuestionnaireServer
    from consortium_ready.store.files import reports_dir

    _bank(args)  # a bank with problems is reported here, once, not in every browser
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"consortium-ready: warning: anyone who can reach {args.host} can use the "
            "questionnaire: it has no log-in of its own. See the README on serving it behind "
            "a web server with a password.",
            file=sys.stderr,
        )
    app_args = [
        arg
        for option, folder in (("--questions", args.questions), ("--seeds", args.seeds))
        if folder is not None
        for arg in (option, str(folder.absolute()))
    ]
    server = QuestionnaireServer(
        reports=reports_dir(args.reports),
        app_args=app_args,
        host=args.host,
        port=args.port,
        public_url=args.public_url,
    )
    server.serve()
    return EXIT_OK


def cmd_start(args: argparse.Namespace) -> int:
    """With no command: the questionnaire, full-screen or (--plain) as plain prompts."""
    return cmd_plain(args) if args.plain else cmd_tui(args)


def _shared_options(default: object) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """Options accepted before or after the command; after it, they only override."""
    bank_options = argparse.ArgumentParser(add_help=False)
    bank_options.add_argument(
        "--questions",
        type=Path,
        metavar="DIR",
        default=default,
        help="question bank folder (default: the built-in bank)",
    )
    bank_options.add_argument(
        "--seeds",
        type=Path,
        metavar="DIR",
        default=default,
        help="case-study folder (default: the built-in case studies)",
    )
    reports_option = argparse.ArgumentParser(add_help=False)
    reports_option.add_argument(
        "--reports",
        type=Path,
        metavar="DIR",
        default=default,
        help="where assessments are saved (default: $CONSORTIUM_READY_REPORTS or ./reports)",
    )
    return bank_options, reports_option


class _Parser(argparse.ArgumentParser):
    """argparse's parser, writing its help and its errors (which quote what was typed)
    through `say`, like everything else."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            say(message, error=file is None or file is sys.stderr, end="")


def _parser() -> argparse.ArgumentParser:
    top_bank, top_reports = _shared_options(None)
    bank_options, reports_option = _shared_options(argparse.SUPPRESS)

    parser: argparse.ArgumentParser = _Parser(
        prog="consortium-ready",
        description="How ready is your organisation to bid for public-service contracts as part "
        "of a consortium? With no command, starts the questionnaire.",
        parents=[top_bank, top_reports],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="ask the questions as plain lines of text (the same as the `plain` command)",
    )
    parser.set_defaults(run=cmd_start)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str,
        run: Callable[[argparse.Namespace], int],
        help: str,
        *parents: argparse.ArgumentParser,
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help, description=help, parents=[bank_options, *parents]
        )
        sub.set_defaults(run=run)
        return sub

    command(
        "plain",
        cmd_plain,
        "The questionnaire as plain prompts, one line at a time: for screen readers, braille "
        "displays and scripts. Answers are kept in the same draft as the full-screen one.",
        reports_option,
    )
    serve = command(
        "serve",
        cmd_serve,
        "Serve the questionnaire to web browsers. It has no log-in of its own: see the README "
        "before serving beyond this computer.",
        reports_option,
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this computer only)",
    )
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it is not http://HOST:PORT (behind a proxy)",
    )
    command(
        "validate", cmd_validate, "Check a question bank and its case studies, and summarise them."
    )
    questions = command(
        "questions", cmd_questions, "Print the whole question bank, for other tools and front ends."
    )
    questions.add_argument(
        "--json",
        action="store_true",
        required=True,
        help="as JSON on standard output (the only format so far)",
    )
    command(
        "template",
        cmd_template,
        "Print a blank answers file: every question, with its options in comments.",
    )
    assess = command(
        "assess",
        cmd_assess,
        "Score an answers file without the questionnaire, and save the assessment.",
        reports_option,
    )
    assess.add_argument(
        "--answers",
        type=Path,
        required=True,
        metavar="FILE",
        help="the answers file (see `consortium-ready template`)",
    )
    assess.add_argument(
        "--json", action="store_true", help="print the result as JSON on standard output"
    )
    report = command(
        "report", cmd_report, "Make a report again from a saved assessment (HTML, Markdown or CSV)."
    )
    report.add_argument("file", type=Path, metavar="FILE", help="a saved assessment (.json)")
    report.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        help="the report's format (default: from --out's extension, else md)",
    )
    report.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="write the report to this file (default: standard output)",
    )
    history = command(
        "history",
        cmd_history,
        "List saved assessments with their scores, and each organisation's trend.",
        reports_option,
    )
    history.add_argument("--org", metavar="NAME", help="only this organisation")
    actions = command(
        "actions",
        cmd_actions,
        "List a saved assessment's actions with their owners, dates and statuses; export them "
        "to a CSV to edit in a spreadsheet, and import it back.",
        reports_option,
    )
    actions.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="a saved assessment (.json)"
    )
    actions.add_argument(
        "--org", metavar="NAME", help="use this organisation's latest saved assessment instead"
    )
    actions.add_argument(
        "--export",
        dest="export_to",
        type=Path,
        metavar="CSV",
        help="write the actions to this CSV, to edit the owner, due, status and note columns",
    )
    actions.add_argument(
        "--import",
        dest="import_from",
        type=Path,
        metavar="CSV",
        help="read owners, dates, statuses and notes back from this CSV into the assessment",
    )
    remove = command(
        "remove",
        cmd_remove,
        "Take a saved assessment out of history: its files move to the reports folder's bin.",
        reports_option,
    )
    remove.add_argument("file", type=Path, metavar="FILE", help="the saved assessment (.json)")
    compare = command(
        "compare", cmd_compare, "Show what changed between two saved assessments.", reports_option
    )
    compare.add_argument(
        "files",
        type=Path,
        nargs="*",
        metavar="OLD NEW",
        help="the earlier and the later assessment (.json)",
    )
    compare.add_argument(
        "--org", metavar="NAME", help="compare this organisation's latest two assessments instead"
    )
    compare.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="also write the comparison as a report (.html or .md)",
    )
    _consortium_commands(command)
    return parser


def _consortium_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """`invite` and `aggregate`: the partner pack out, the consortium report back."""
    from consortium_ready.domain.profilefields import KINDS, STAGES

    invite = command(
        "invite",
        cmd_invite,
        "Write the pack a lead sends its partners: answers files with the consortium filled in, "
        "a note on how to answer and what to send back, and the list of who was invited.",
    )
    invite.add_argument("--consortium", required=True, metavar="NAME", help="the consortium")
    invite.add_argument("--lead", metavar="ORG", help="the organisation expected to lead")
    invite.add_argument(
        "--partner",
        action="append",
        metavar="ORG",
        help="an organisation asked to answer (give it once for each)",
    )
    invite.add_argument("--kind", choices=KINDS, default="not-known", help="the consortium's kind")
    invite.add_argument("--stage", choices=STAGES, help="the consortium's stage")
    invite.add_argument(
        "--deadline", type=date.fromisoformat, metavar="YYYY-MM-DD", help="the tender deadline"
    )
    invite.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="write the pack here"
    )
    aggregate = command(
        "aggregate",
        cmd_aggregate,
        "Combine partners' saved assessments into one consortium report: where they stand "
        "together and where they disagree (HTML, Markdown and JSON).",
    )
    aggregate.add_argument(
        "paths",
        type=Path,
        nargs="+",
        metavar="PATH",
        help="saved assessments (.json), or folders of them",
    )
    aggregate.add_argument(
        "--out",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="write the reports in this folder (default: here)",
    )
    aggregate.add_argument(
        "--anonymise",
        action="store_true",
        help='name partners "Partner A", "Partner B", ... and no organisation anywhere',
    )
    aggregate.add_argument(
        "--invited",
        type=Path,
        metavar="FILE",
        help="the invitation list (default: invitation.yaml in a folder given, if there is one)",
    )


def _problems(error: InputError) -> None:
    """Name each problem, up to LISTED of them, then count the rest."""
    problems = error.problems
    say(f"consortium-ready: {plural(len(problems), 'problem')} found:", error=True)
    for problem in problems[:LISTED]:
        say(f"  {printable(str(problem))}", error=True)
    if len(problems) > LISTED:
        say(f"  … and {plural(len(problems) - LISTED, 'more problem')}", error=True)


PLUGINS_SETTING = "PYDANTIC_DISABLE_PLUGINS"
"""Pydantic's documented switch for its plug-ins (docs.pydantic.dev, "Pydantic Plugins")."""


def _without_pydantic_plugins() -> None:
    """Tell pydantic to load no plug-ins, unless the user's environment already says which.

    The models are the program's own. Looking for plug-ins reads the metadata of every
    package installed when the first model is built: about 8 ms of a command's start."""
    os.environ.setdefault(PLUGINS_SETTING, "__all__")


def main(argv: Sequence[str] | None = None) -> int:
    _without_pydantic_plugins()
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except InputError as error:
        _problems(error)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # the file system said no: a full disk, a link, permissions
        where = f"{error.filename}: " if error.filename else ""
        say(f"consortium-ready: {where}{error.strerror or error}", error=True)
        return EXIT_FAILED
    except Exception as error:  # the unexpected: one line here, the details in a log file
        from consortium_ready.cli.unexpected import log_unexpected

        log_unexpected(error, getattr(args, "reports", None))
        return EXIT_FAILED
