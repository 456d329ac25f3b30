"""Cloud Function `assemble_report`: build report version N from the three group results, or record a failure.

POST {"job_id", "execution_id", "group_errors": {...}} ->
  200 {"job_id", "status": "ASSEMBLED", "version": N, "report_uri": "gs://OUT/reports/JOB/vN.json"}
POST {"job_id", "execution_id", "failure": {"step", "reason"}} -> 200 {"job_id", "status": "FAILED"}
"""

from __future__ import annotations

from typing import Any

import functions_framework

import labeliq.cloud.prefork  # noqa: F401  (asyncio, before gunicorn forks)
from labeliq.cloud.contracts import AssembleRequest
from labeliq.cloud.http import handle_flask
from labeliq.cloud.steps import assemble_report as assemble_step


@functions_framework.http
def assemble_report(request: Any) -> tuple[dict[str, Any], int, dict[str, str]]:
    return handle_flask(request, AssembleRequest, assemble_step, step_name="assemble_report")
