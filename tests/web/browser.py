"""Helpers for the browser tests: Debian's chromium driven by Playwright against the real local stack.

The browser is the one the project's own files install (`.ci/run`: apt-get install chromium), launched by path:
Playwright's own browser download is never used. Background networking is off, so nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import requests

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Recorded in sessionStorage so the log survives the page's reload when the job is done.
STEP_LOG_SCRIPT = """
(() => {
  const KEY = "labeliq-step-log";
  const record = () => {
    const steps = [...document.querySelectorAll(".step")].map((e) => `${e.dataset.step}:${e.dataset.state}`).join(",");
    if (!steps) return;
    const log = JSON.parse(sessionStorage.getItem(KEY) || "[]");
    if (log[log.length - 1] !== steps) { log.push(steps); sessionStorage.setItem(KEY, JSON.stringify(log)); }
  };
  document.addEventListener("DOMContentLoaded", () => {
    record();
    const options = { subtree: true, attributes: true, attributeFilter: ["data-state"] };
    new MutationObserver(record).observe(document.body, options);
  });
})();
"""

STEP_RANK = {"pending": 0, "running": 1, "done": 2, "failed": 3}


def steps_went_back(log: list[str]) -> list[str]:
    """Every step whose shown state moved back between two successive observations (empty when none did)."""
    backwards: list[str] = []
    previous: dict[str, str] = {}
    for entry in log:
        for item in entry.split(","):
            step, state = item.split(":")
            if step in previous and STEP_RANK[state] < STEP_RANK[previous[step]]:
                backwards.append(f"{step}: {previous[step]} -> {state}")
            previous[step] = state
    return backwards


def screenshot_dir() -> Path | None:
    """Where `make screenshots` wants the main screens saved (docs/screenshots), or None in a plain test run."""
    raw = os.environ.get("LABELIQ_SCREENSHOTS_DIR")
    if not raw:
        return None
    folder = Path(raw)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_screenshot(page: Any, name: str, full_page: bool = False) -> None:
    folder = screenshot_dir()
    if folder is not None:
        page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)


class ApiAs:
    """The JSON API as one local user, through the local IAP proxy with a token from the local issuer."""

    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, timeout=30)

    def json(self, method: str, path: str, body: Any = None) -> requests.Response:
        return self.session.request(
            method, self.base + path, data=json.dumps(body), timeout=30, headers={"Content-Type": "application/json"}
        )
