"""Cloud Function `run_agent_group`: run one check group (rules, then the LLM judge if configured) once.

POST {"job_id", "execution_id", "group"} ->
  200 {"job_id", "group", "status": "DONE", "result_uri": "firestore://jobs/JOB/groups/GROUP"}
"""

from __future__ import annotations

from typing import Any

import functions_framework

import labeliq.cloud.prefork  # noqa: F401  (asyncio, before gunicorn forks)
from labeliq.cloud.contracts import GroupRequest
from labeliq.cloud.http import handle_flask
from labeliq.cloud.steps import run_agent_group as group_step


@functions_framework.http
def run_agent_group(request: Any) -> tuple[dict[str, Any], int, dict[str, str]]:
    return handle_flask(request, GroupRequest, group_step, step_name="run_agent_group")
