"""Reports laid out from one ReportView: Markdown here; other formats alongside."""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from consortium_ready.assessment import Assessment
from consortium_ready.bank import Bank
from consortium_ready.reportview import report_view

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def markdown_text(text: object) -> str:
    """Text shown literally in Markdown: special characters escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("consortium_ready", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    return env


def render_markdown(assessment: Assessment, bank: Bank) -> str:
    text = environment().get_template("report.md.j2").render(v=report_view(assessment, bank))
    return re.sub(r"\n{3,}", "\n\n", text)
