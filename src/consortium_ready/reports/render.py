"""Reports and comparisons laid out from their views: HTML, Markdown and CSV."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from consortium_ready.reports.chart import theme_chart
from consortium_ready.reports.formats import (
    ComparisonFormat,
    ReportFormat,
)
from consortium_ready.reports.table import report_csv
from consortium_ready.reports.templatecache import compiled_settings, template_cache
from consortium_ready.reports.view import ReportView
from consortium_ready.words import printable, score_number

if TYPE_CHECKING:
    from consortium_ready.domain.bank import Bank
    from consortium_ready.domain.compare import Comparison
    from consortium_ready.domain.consortium import Consortium

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")


def markdown_text(text: object) -> str:
    """Text shown literally in Markdown: special characters escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


ESCAPED = ("html.j2",)
"""Templates whose names end so escape everything they insert."""


@cache
def environment() -> Environment:
    """Templates from the package, compiled once and kept (reports/templatecache.py)."""
    env = Environment(
        loader=PackageLoader("consortium_ready.reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=ESCAPED, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.bytecode_cache = template_cache(compiled_settings(env, ESCAPED))
    env.filters["md"] = markdown_text
    env.filters["number"] = score_number
    return env


def _render(template: str, **context: object) -> str:
    """A template filled in; Markdown with no control characters, which a terminal would act on
    when the report is printed (words.printable)."""
    text = environment().get_template(template).render(**context)
    if not template.endswith(".md.j2"):
        return text
    return printable(re.sub(r"\n{3,}", "\n\n", text), keep_lines=True)


def render_report(view: ReportView, fmt: ReportFormat) -> str:
    """A report on one assessment in the given format."""
    if fmt == "csv":
        return report_csv(view)
    if fmt == "html":
        return _render("report.html.j2", v=view, chart=theme_chart(view))
    return _render("report.md.j2", v=view)


def render_comparison(comparison: Comparison, fmt: ComparisonFormat) -> str:
    """A comparison of two assessments as an HTML or Markdown report."""
    return _render(f"compare.{fmt}.j2", c=comparison)


def consortium_reports(consortium: Consortium, bank: Bank) -> dict[str, str]:
    """The consortium report in every format, by suffix: HTML, Markdown, and the JSON of the
    whole view. Beyond MEMBERS_SHOWN partners the HTML folds the grid away and the Markdown
    shows its first rows."""
    from consortium_ready.reports.consortium import LESSONS_SHOWN, MEMBERS_SHOWN, consortium_view
    from consortium_ready.reports.consortium_chart import partner_grid, theme_ranges

    view = consortium_view(consortium, bank)
    folded = len(consortium.members) > MEMBERS_SHOWN
    return {
        ".html": _render(
            "consortium.html.j2",
            v=view,
            grid=partner_grid(consortium, bank),
            grid_folded=folded,
            ranges=theme_ranges(consortium, bank),
            lessons_shown=LESSONS_SHOWN,
        ),
        ".md": _render(
            "consortium.md.j2",
            v=view,
            grid=partner_grid(consortium, bank, MEMBERS_SHOWN),
            grid_folded=folded,
        ),
        ".json": consortium.model_dump_json(indent=2) + "\n",
    }
