"""`make bench` (API part): latency of the reads a page polls, and a photo label's time from upload to DONE.

On the local stack with the API (emulators, five functions, the local IAP proxy): p50/p95 of GET /jobs/{id} and
GET /report over N calls each (through the proxy, as a script or the page reaches them), and the seconds from the
POST of the granola-photos sample (two photos: OCR in the extract function) to the first poll that sees DONE.
Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from devstack.stack import LocalStack, StackConfig
from tests.api.client import ApiClient, sample


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(client: ApiClient, path: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1e3)
        assert response.status_code == 200, response.text
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100)
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory() as tmp,
        LocalStack(StackConfig(log_dir=Path(tmp) / "logs", api=True, upload_trigger=True)) as stack,
    ):
        assert stack.workspace.issuer is not None and stack.client.api_url is not None
        client = ApiClient(
            stack.client.api_url, stack.workspace.issuer.user_token(f"bench-{uuid.uuid4().hex[:6]}@x.ca")
        )
        project = client.project("bench")
        panels, context = sample("granola-photos")
        started = time.perf_counter()
        created = client.upload(project, panels, context)
        assert created.status_code == 202, created.text
        job_id = created.json()["job_id"]
        view = client.wait_done(job_id, timeout_s=900)
        upload_to_done = time.perf_counter() - started
        print(f"granola-photos: upload to {view['status']} through the API: {upload_to_done:.1f} s")
        for label, path in (
            ("GET /jobs/{id}", f"/api/v1/jobs/{job_id}"),
            ("GET /report", f"/api/v1/jobs/{job_id}/report"),
        ):
            times = timed(client, path, args.calls)
            print(
                f"{label:16} n={len(times)}  p50 {statistics.median(times):6.1f} ms  "
                f"p95 {percentile(times, 0.95):6.1f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
