"""Cloud Function `api`: the jobs API under /api/v1 (and the web page), behind Identity-Aware Proxy.

Every request's IAP assertion is verified (labeliq.api.identity); the routes are in labeliq.api.routes.
"""

from __future__ import annotations

from typing import Any

import functions_framework

import labeliq.cloud.prefork  # noqa: F401  (asyncio, before gunicorn forks)
from labeliq.api.app import handle


@functions_framework.http
def api(request: Any) -> Any:
    return handle(request)
