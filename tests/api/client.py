"""A small API client for the tests: the proxy's address and a user's bearer token, as `labeliq dev-token` gives."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import requests

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
TERMINAL = ("DONE", "FAILED")


class ApiClient:
    def __init__(self, base_url: str, token: str | None) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", 120)
        return self.session.request(method, f"{self.base_url}{path}", **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def project(self, name: str = "Granola line", **members: str) -> str:
        response = self.post("/api/v1/projects", json={"name": name})
        assert response.status_code == 201, response.text
        project_id: str = response.json()["id"]
        if members:
            owner = self.get(f"/api/v1/projects/{project_id}").json()["members"]
            patched = self.request("PATCH", f"/api/v1/projects/{project_id}", json={"members": owner | members})
            assert patched.status_code == 200, patched.text
        return project_id

    def upload(
        self,
        project_id: str,
        panels: dict[str, bytes],
        context: dict[str, Any] | str | None = None,
        **extra: str,
    ) -> requests.Response:
        fields: dict[str, str] = {"project_id": project_id, **extra}
        if context is not None:
            fields["context"] = context if isinstance(context, str) else json.dumps(context)
        # Every part as multipart/form-data, as a browser's FormData sends it (also when there is no panel).
        parts: list[tuple[str, tuple[str | None, bytes | str]]] = [(k, (None, v)) for k, v in fields.items()]
        parts += [("panels", (name, data)) for name, data in panels.items()]
        return self.post("/api/v1/jobs", files=parts)

    def wait_done(
        self, job_id: str, timeout_s: float = 240.0, seen: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while True:
            response = self.get(f"/api/v1/jobs/{job_id}")
            assert response.status_code == 200, response.text
            view: dict[str, Any] = response.json()
            if seen is not None:
                seen.append(view)
            if view["status"] in TERMINAL:
                return view
            assert time.monotonic() < deadline, f"job {job_id} still {view['status']} after {timeout_s} s"
            time.sleep(0.3)


def sample(name: str = "granola-compliant") -> tuple[dict[str, bytes], dict[str, Any]]:
    folder = SAMPLES / name
    context = json.loads((folder / "context.json").read_text(encoding="utf-8"))
    panels = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "context.json"}
    return panels, context
