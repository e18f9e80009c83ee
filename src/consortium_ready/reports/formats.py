"""The formats reports and comparisons are written in, known without loading the templates."""

from __future__ import annotations

from typing import Literal

ReportFormat = Literal["html", "md", "csv"]
ComparisonFormat = Literal["html", "md"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("html", "md", "csv")
COMPARISON_FORMATS: tuple[ComparisonFormat, ...] = ("html", "md")
