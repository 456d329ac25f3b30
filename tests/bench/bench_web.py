"""`make bench-web`: how fast the report page first renders in a real browser, and how many bytes it loads.

Starts the local stack with the API, checks the text sample with the most findings (granola-compliant, made an
imported food so it also fails: ~140 findings) through the API, then opens its report page in Debian's chromium:
cold (a new browser profile each time: nothing cached) and warm (the same profile again). Prints the medians of
time to first byte, first contentful paint, DOMContentLoaded and load, and the bytes transferred by type.
Not a test: it prints a table.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from devstack.stack import LocalStack, StackConfig
from tests.api.client import ApiClient, sample
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS

RUNS = 7
TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const bytes = {document: nav.transferSize};
  for (const r of performance.getEntriesByType("resource")) {
    bytes[r.initiatorType] = (bytes[r.initiatorType] || 0) + r.transferSize;
  }
  return {ttfb: nav.responseStart, fcp: paint ? paint.startTime : null, dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd, bytes, findings: document.querySelectorAll("li.finding").length};
}"""


def _sign_in(context: Any, base: str) -> Any:
    page = context.new_page()
    page.goto(base + "/")
    page.get_by_label("Email").fill("bench@example.com")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/")
    return page


def _measure(page: Any, url: str) -> dict[str, Any]:
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # the paint entry is recorded just after load
    result: dict[str, Any] = page.evaluate(TIMING)
    return result


def _row(label: str, runs: list[dict[str, Any]]) -> str:
    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs if r[key] is not None)

    total = statistics.median(sum(r["bytes"].values()) for r in runs)
    return (
        f"{label:<6} TTFB {med('ttfb'):6.0f} ms  first paint {med('fcp'):6.0f} ms"
        f"  DOMContentLoaded {med('dcl'):6.0f} ms  load {med('load'):6.0f} ms  transferred {total / 1024:6.1f} KB"
        f" {json.dumps(runs[-1]['bytes'])}"
    )


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        config = StackConfig(project="labeliq-bench-web", log_dir=Path(tmp) / "logs", api=True, upload_trigger=True)
        with LocalStack(config) as stack:
            issuer = stack.workspace.issuer
            assert issuer is not None and stack.client.api_url
            base = stack.client.api_url
            api = ApiClient(base, issuer.user_token("bench@example.com"))
            project = api.project("Bench")
            panels, context = sample("granola-compliant")
            context |= {"imported": True, "wholly_manufactured_abroad": True, "country_of_origin": "United States"}
            answer = api.upload(project, panels, context)
            job_id = answer.json()["job_id"]
            api.wait_done(job_id)
            url = f"{base}/jobs/{job_id}"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
                cold, warm = [], []
                for _ in range(RUNS):
                    context_ = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = _sign_in(context_, base)
                    cold.append(_measure(page, url))
                    warm.append(_measure(page, url))
                    context_.close()
                browser.close()
            print(f"report page of job {job_id}: {cold[0]['findings']} findings; medians of {RUNS} runs")
            print(_row("cold", cold))
            print(_row("warm", warm))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
