"""Cloud Function `render_docx`: render report version N as a Word document once, mark the job DONE.

POST {"job_id", "execution_id", "version"} ->
  200 {"job_id", "status": "DONE", "version": N, "docx_uri": "gs://OUT/reports/JOB/vN.docx"}
"""

from __future__ import annotations

from typing import Any

import functions_framework

import labeliq.cloud.prefork  # noqa: F401  (asyncio, before gunicorn forks)
from labeliq.cloud.contracts import RenderRequest
from labeliq.cloud.http import handle_flask
from labeliq.cloud.steps import render_docx as render_step


@functions_framework.http
def render_docx(request: Any) -> tuple[dict[str, Any], int, dict[str, str]]:
    return handle_flask(request, RenderRequest, render_step, step_name="render_docx")
