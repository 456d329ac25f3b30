"""A small in-memory stand-in for the jobs API contract (issue 9), for rendering tests of the pages only.

It answers the routes the pages call with the shapes the real API answers (labeliq.api), from a real report made by
the pipeline on a sample. The browser tests do not use it: they run against the real local stack.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

import flask

USER_HEADER = "X-Test-User"


@dataclass
class FakeApi:
    report: dict[str, Any]
    members: dict[str, str] = field(default_factory=lambda: {"alice@example.com": "owner"})
    status: str = "DONE"
    steps: dict[str, str] = field(
        default_factory=lambda: dict.fromkeys(
            ("extract", "identity", "content", "tables", "assemble", "render"), "done"
        )
    )
    versions: list[dict[str, Any]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    group_failures: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reports = {1: self.report}
        self.versions.append(self._version(1, "machine", None, "machine"))

    def _version(self, n: int, kind: str, base: int | None, by: str) -> dict[str, Any]:
        return {
            "n": n,
            "kind": kind,
            "created_by": by,
            "created_at": "2026-12-03T09:00:00+00:00",
            "base_version": base,
            "summary": self.reports[n]["summary"],
            "state": "ready",
        }

    def _json(self, body: Any, status: int = 200) -> flask.Response:
        return flask.Response(
            json.dumps(body), status=status, content_type="application/json", headers={"X-Request-Id": "req-test"}
        )

    def _not_found(self) -> flask.Response:
        return self._json(
            {"error": "not_found", "detail": "does not exist or you are not a member", "request_id": "req-test"}, 404
        )

    def project(self, user: str) -> dict[str, Any]:
        return {
            "id": "p1",
            "name": "Granola line",
            "description": "Bars",
            "tags": ["granola", "retail"],
            "members": self.members,
            "role": self.members.get(user),
            "created_by": "alice@example.com",
            "created_at": "2026-12-01T09:00:00+00:00",
            "updated_at": "2026-12-01T09:00:00+00:00",
        }

    def job(self) -> dict[str, Any]:
        latest = self.versions[-1]
        return {
            "job_id": "job-1",
            "project_id": "p1",
            "status": self.status,
            "steps": self.steps,
            "versions": self.versions,
            "created_at": "2026-12-03T08:59:00+00:00",
            "updated_at": "2026-12-03T09:00:00+00:00",
            "created_by": "alice@example.com",
            "panels": ["front.txt", "back.txt"],
            "mode": "standard",
            "signed_off": None,
            "verdict": latest["summary"]["verdict"],
            "failing_rules": latest["summary"]["failing_rules"],
        } | ({"group_failures": self.group_failures} if self.group_failures else {})

    def __call__(self, request: flask.Request) -> flask.Response:
        self.calls.append(request.full_path)
        user = request.headers.get(USER_HEADER, "")
        if user not in self.members:
            return self._not_found()
        path = request.path
        if path == "/api/v1/projects":
            return self._json({"projects": [self.project(user)]})
        if path == "/api/v1/projects/p1":
            return self._json(self.project(user))
        if path == "/api/v1/projects/p1/jobs":
            return self._json({"jobs": [self.job()]})
        if path == "/api/v1/jobs/job-1":
            return self._json(self.job())
        if path == "/api/v1/jobs/job-1/versions":
            return self._json({"versions": self.versions})
        if path == "/api/v1/jobs/job-1/report":
            n = int(request.args.get("version") or len(self.reports))
            return self._json(copy.deepcopy(self.reports[n])) if n in self.reports else self._not_found()
        return self._not_found()
