"""Cloud Function `extract`: read a job's manifest and panels, write its LabelFacts once, mark it EXTRACTED.

POST {"job_id", "execution_id"} -> 200 {"job_id", "status": "EXTRACTED", "facts_uri": "gs://OUT/facts/JOB.json"}
"""

from __future__ import annotations

from typing import Any

import functions_framework

import labeliq.cloud.prefork  # noqa: F401  (asyncio, before gunicorn forks)
from labeliq.cloud.contracts import ExtractRequest
from labeliq.cloud.http import handle_flask
from labeliq.cloud.steps import extract as extract_step


@functions_framework.http
def extract(request: Any) -> tuple[dict[str, Any], int, dict[str, str]]:
    return handle_flask(request, ExtractRequest, extract_step, step_name="extract")
