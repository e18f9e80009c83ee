"""Reports and comparisons laid out from their views: HTML, Markdown and CSV."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from consortium_ready.chart import theme_chart
from consortium_ready.compare import Comparison
from consortium_ready.csvexport import report_csv
from consortium_ready.reportview import ReportView
from consortium_ready.words import score_number

ReportFormat = Literal["html", "md", "csv"]
ComparisonFormat = Literal["html", "md"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("html", "md", "csv")
COMPARISON_FORMATS: tuple[ComparisonFormat, ...] = ("html", "md")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")


def markdown_text(text: object) -> str:
    """Text shown literally in Markdown: special characters escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@cache
def environment() -> Environment:
    """Templates from the package; `.html.j2` templates escape everything they insert."""
    env = Environment(
        loader=PackageLoader("consortium_ready", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["number"] = score_number
    return env


def _render(template: str, **context: object) -> str:
    text = environment().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text) if template.endswith(".md.j2") else text


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
