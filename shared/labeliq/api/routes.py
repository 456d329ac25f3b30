"""The route table of /api/v1: method, path pattern, handler. Adding a route is one line here."""

from __future__ import annotations

import re
from collections.abc import Callable

from labeliq.api import routes_jobs, routes_projects, routes_reviews
from labeliq.api.call import Call, Reply

Handler = Callable[[Call], Reply]
ID = r"[A-Za-z0-9_-]{1,100}"

ROUTES: list[tuple[str, str, Handler]] = [
    ("POST", "/api/v1/projects", routes_projects.create_project),
    ("GET", "/api/v1/projects", routes_projects.list_projects),
    ("GET", f"/api/v1/projects/(?P<project_id>{ID})", routes_projects.get_project),
    ("PATCH", f"/api/v1/projects/(?P<project_id>{ID})", routes_projects.patch_project),
    ("DELETE", f"/api/v1/projects/(?P<project_id>{ID})", routes_projects.delete_project),
    ("GET", f"/api/v1/projects/(?P<project_id>{ID})/jobs", routes_projects.list_project_jobs),
    ("POST", "/api/v1/jobs", routes_jobs.create_job),
    ("GET", f"/api/v1/jobs/(?P<job_id>{ID})", routes_jobs.get_job),
    ("GET", f"/api/v1/jobs/(?P<job_id>{ID})/report", routes_jobs.get_report),
    ("GET", f"/api/v1/jobs/(?P<job_id>{ID})/report.docx", routes_jobs.get_report_docx),
    ("GET", f"/api/v1/jobs/(?P<job_id>{ID})/panels/(?P<name>[^/]{{1,120}})", routes_jobs.get_panel),
    ("GET", f"/api/v1/jobs/(?P<job_id>{ID})/versions", routes_jobs.list_versions),
    ("GET", f"/api/v1/jobs/(?P<job_id>{ID})/versions/(?P<n>[0-9]{{1,6}})", routes_jobs.get_version),
    ("POST", f"/api/v1/jobs/(?P<job_id>{ID})/decisions", routes_reviews.post_decisions),
    ("POST", f"/api/v1/jobs/(?P<job_id>{ID})/sign-off", routes_reviews.post_sign_off),
    ("POST", f"/api/v1/jobs/(?P<job_id>{ID})/facts", routes_reviews.post_facts),
]

COMPILED = [(method, re.compile(f"^{pattern}$"), handler) for method, pattern, handler in ROUTES]


def match(method: str, path: str) -> tuple[Handler, dict[str, str]] | str | None:
    """The handler and its path parameters; "method" when the path exists under another method; None when no route."""
    other_method = False
    for route_method, pattern, handler in COMPILED:
        found = pattern.match(path)
        if found is None:
            continue
        if route_method == method:
            return handler, found.groupdict()
        other_method = True
    return "method" if other_method else None
