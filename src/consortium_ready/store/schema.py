"""The JSON Schema of a saved assessment, generated from the models.

After changing the models, regenerate the committed copy with:

    python -m consortium_ready.store.schema docs/assessment.schema.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from consortium_ready.domain.assessment import Assessment
from consortium_ready.store.files import atomic_write

REGENERATE = "python -m consortium_ready.store.schema docs/assessment.schema.json"


def assessment_schema() -> dict[str, Any]:
    """The schema of the JSON that save_assessment writes (see docs/assessment-format.md)."""
    schema = Assessment.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "consortium-ready saved assessment",
        "description": "One completed assessment: the profile, the answers and notes, the bank "
        "they were given against, and the result. See docs/assessment-format.md.",
    }


def schema_text() -> str:
    return json.dumps(assessment_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the schema to the file named, or to standard output."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        atomic_write(Path(args[0]), schema_text())
    else:
        sys.stdout.write(schema_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
