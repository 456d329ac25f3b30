"""The web workspace's routes: the projects list, a project with its jobs and the new-check form, a job's page.

`serve(request, api)` answers every path the `api` function does not serve under /api/. Each page asks the API for
its data as the caller (labeliq.web.api_calls), so identity and membership are decided in one place, the API.
"""

from __future__ import annotations

import gzip
import time
from functools import cache
from typing import Any

import flask
from jinja2 import Environment, PackageLoader, select_autoescape
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule

from labeliq.web.api_calls import ApiAnswer, ApiHandler, ApiSession
from labeliq.web.context_fields import CONTEXT_FIELDS, QUANTITY_UNITS
from labeliq.web.facts_view import bilingual_rows, correctable_facts
from labeliq.web.nutrition_view import nutrition_rows
from labeliq.web.report_view import VERDICT_LABEL, VERDICT_ORDER, build_report_view
from labeliq.web.static_files import static_file, static_url
from labeliq.web.sticker_view import build_sticker_view

STEPS = ("extract", "identity", "content", "tables", "assemble", "render")
STEP_LABEL = {
    "extract": "Read the panels",
    "identity": "Identity checks",
    "content": "Content checks",
    "tables": "Nutrition table checks",
    "assemble": "Assemble the report",
    "render": "Write the Word report",
}
PANEL_NAMES = ("front", "back", "side", "left", "right", "top", "bottom", "inside")

# Strict same-origin policy: every script, style and image is ours (blob: for the upload previews).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

_ROUTES = Map(
    [
        Rule("/", endpoint="projects"),
        Rule("/projects/<project_id>", endpoint="project"),
        Rule("/jobs/<job_id>", endpoint="job"),
        Rule("/assets/<path:path>", endpoint="static"),
        Rule("/favicon.ico", endpoint="favicon"),
    ]
)


@cache
def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("labeliq.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        static=static_url,
        STEPS=STEPS,
        STEP_LABEL=STEP_LABEL,
        VERDICT_LABEL=VERDICT_LABEL,
        VERDICT_ORDER=VERDICT_ORDER,
        CONTEXT_FIELDS=CONTEXT_FIELDS,
        QUANTITY_UNITS=QUANTITY_UNITS,
        PANEL_NAMES=PANEL_NAMES,
    )
    return env


def _page(template: str, status: int = 200, **values: Any) -> flask.Response:
    html = _templates().get_template(template).render(user_email=flask.g.get("labeliq_user", ""), **values)
    response = flask.Response(html, status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response


def _failure(answer: ApiAnswer, what: str) -> flask.Response:
    """The page for an API refusal: 404 for "no such thing or not yours", otherwise the API's reason."""
    if answer.status == 404:
        return _page("not_found.html", 404, what=what, request_id=answer.request_id)
    detail = answer.data.get("detail") if isinstance(answer.data, dict) else None
    status = answer.status if answer.status in (401, 403, 429) else 502
    return _page("error.html", status, status_code=answer.status, detail=detail, request_id=answer.request_id)


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    """A list answer, whether the API sends the list itself or wraps it as {key: [...]}."""
    if isinstance(data, dict):
        data = data.get(key, [])
    return [item for item in data or [] if isinstance(item, dict)]


def projects_page(api: ApiSession) -> flask.Response:
    answer = api.get("/api/v1/projects")
    if not answer.ok:
        return _failure(answer, "These projects")
    projects = _items(answer.data, "projects")
    projects.sort(key=lambda p: str(p.get("name", "")).lower())
    return _page("projects.html", projects=projects)


def project_page(api: ApiSession, project_id: str, args: dict[str, str]) -> flask.Response:
    answer = api.get(f"/api/v1/projects/{project_id}")
    if not answer.ok:
        return _failure(answer, "This project")
    filters = {k: args.get(k, "").strip() for k in ("verdict", "rule")}
    jobs_answer = api.get(f"/api/v1/projects/{project_id}/jobs", filters)
    if not jobs_answer.ok:
        return _failure(jobs_answer, "This project's jobs")
    jobs = [_with_counts(job) for job in _items(jobs_answer.data, "jobs")]
    jobs.sort(key=lambda j: str(j.get("created_at", "")), reverse=True)
    total = len(jobs)
    if filters["verdict"] or filters["rule"]:
        everything = api.get(f"/api/v1/projects/{project_id}/jobs")
        total = len(_items(everything.data, "jobs")) if everything.ok else total
    return _page("project.html", project=answer.data, jobs=jobs, filters=filters, jobs_total=total)


def _with_counts(job: dict[str, Any]) -> dict[str, Any]:
    """The job with the finding counts of its latest ready version (what its verdict is based on)."""
    ready = [v for v in job.get("versions") or [] if isinstance(v, dict) and v.get("summary")]
    if ready:
        latest = max(ready, key=lambda v: int(v.get("n", 0)))
        return job | {
            "counts": latest["summary"].get("counts"),
            "verdict": job.get("verdict") or latest["summary"].get("verdict"),
        }
    return job


def _version_arg(args: dict[str, str]) -> str:
    raw = args.get("version", "")
    return raw if raw.isdigit() else ""


def job_page(api: ApiSession, job_id: str, args: dict[str, str]) -> flask.Response:
    started = time.perf_counter()
    answer = api.get(f"/api/v1/jobs/{job_id}")
    if not answer.ok:
        return _failure(answer, "This job")
    job: dict[str, Any] = answer.data
    version = _version_arg(args)
    project_path = f"/api/v1/projects/{job.get('project_id', '')}"
    calls: dict[str, tuple[str, dict[str, str] | None]] = {"project": (project_path, None)}
    if job.get("status") == "DONE" or job.get("versions"):
        calls["report"] = (f"/api/v1/jobs/{job_id}/report", {"version": version})
        calls["versions"] = (f"/api/v1/jobs/{job_id}/versions", None)
    answers = api.get_many(calls)
    project = answers["project"].data if answers["project"].ok else None
    report = view = None
    versions: list[dict[str, Any]] = []
    report_answer = answers.get("report")
    if report_answer is not None and report_answer.status == 404 and version:
        return _failure(report_answer, f"Version {version} of this report")
    if report_answer is not None and report_answer.ok:
        report = report_answer.data
        versions = _items(answers["versions"].data, "versions") if answers["versions"].ok else []
        view = build_report_view(report, sign_off=job.get("signed_off"))
    latest = max((int(v.get("n", 0)) for v in versions), default=view.version if view else 0)
    facts = (report or {}).get("label_facts") or {}
    page_data = {
        "job_id": job_id,
        "status": job.get("status"),
        "steps": job.get("steps") or {},
        "version": view.version if view else None,
        "latest": latest,
        "panels": [vars(p) | ({"text": ""} if p.is_photo else {}) for p in view.panels] if view else [],
        "running_versions": [v.get("n") for v in versions if v.get("state") == "running"],
    }
    response = _page(
        "job.html",
        page_data=page_data,
        job=job,
        project=project,
        view=view,
        versions=sorted(versions, key=lambda v: int(v.get("n", 0)), reverse=True),
        latest=latest,
        nutrition=nutrition_rows(report) if report else None,
        bilingual=bilingual_rows(facts) if report else [],
        sticker=build_sticker_view(report) if report else None,
        correctable=correctable_facts(facts) if report else [],
        saved=_version_arg({"version": args.get("saved", "")}),
    )
    response.headers["Server-Timing"] = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


def _static(path: str) -> flask.Response:
    found = static_file(path)
    if found is None:
        return _page("not_found.html", 404, what="This file", request_id="")
    response = flask.Response(found.data, mimetype=None, content_type=found.content_type)
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.set_etag(found.digest)
    response.make_conditional(flask.request)
    return response


def handle_page(request: flask.Request, email: str, request_id: str) -> tuple[int, bytes, dict[str, str]]:
    """The `api` function's entry for every path outside /api/ (the caller's identity is already verified).

    Data comes from the API's own request path (labeliq.api.app.handle), called in-process with the caller's
    headers, so the page shows what the API would answer this user and nothing more.
    """
    from labeliq.api.app import handle

    response = serve(request, handle, email=email)
    body = response.get_data()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    if len(body) >= 1024 and "gzip" in request.headers.get("Accept-Encoding", "") and response.status_code != 304:
        body = gzip.compress(body, compresslevel=6)  # a 150-finding page is ~200 KB of HTML, ~20 KB compressed
        headers["Content-Encoding"] = "gzip"
        headers["Vary"] = "Accept-Encoding"
    return response.status_code, body, headers


def serve(request: flask.Request, api: ApiHandler, email: str = "") -> flask.Response:
    """Answer a page request (any path not under /api/) with the API answering through `api`."""
    adapter = _ROUTES.bind("localhost", path_info=request.path)
    try:
        endpoint, values = adapter.match(method="GET")
    except HTTPException as error:
        if error.code == 405:
            return flask.Response("Method not allowed", status=405, headers={"Allow": "GET, HEAD"})
        return _page("not_found.html", 404, what="This page", request_id="")
    flask.g.labeliq_user = email
    if endpoint == "static":
        return _static(str(values["path"]))
    if endpoint == "favicon":
        return _static("icon.svg")
    session = ApiSession(request, api)
    args = {k: v for k, v in request.args.items()}
    if endpoint == "projects":
        return projects_page(session)
    if endpoint == "project":
        return project_page(session, str(values["project_id"]), args)
    return job_page(session, str(values["job_id"]), args)
