"""The pages as HTML, against a small fake of the API contract: status codes, accessible names, own assets only.

The real API and the real browser are exercised by test_browser.py; these keep the page contract quick to check.
"""

from __future__ import annotations

import re
from typing import Any

from tests.web.fake_api import FakeApi

ALICE = {"X-Test-User": "alice@example.com"}


def test_projects_page_lists_the_callers_projects(page_client: Any) -> None:
    html = page_client.get("/", headers=ALICE).get_data(as_text=True)
    assert "Granola line" in html and 'data-search="granola line granola retail"' in html


def test_project_page_holds_the_new_check_form_with_its_accessible_names(page_client: Any) -> None:
    response = page_client.get("/projects/p1", headers=ALICE)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<label for="panels-input" class="drop-label">Label panels</label>' in html
    assert 'capture="environment"' in html
    assert re.search(r'<button type="submit" id="check-submit">Check label</button>', html)
    for key in ("durable_life_days", "reference_amount", "date"):
        assert f'id="ctx-{key}-help"' in html
    # product_kind is a choice among the model's kinds, so a typo cannot reach the API
    kinds = re.search(r'<select id="ctx-product_kind"[^>]*>(.*?)</select>', html, re.S)
    assert kinds is not None
    values = re.findall(r'<option value="([^"]*)"', kinds.group(1))
    assert values[0] == "" and "meal_replacement" in values and "food_for_infants_6_to_12_months" in values


def test_job_page_has_progress_failing_rules_decision_names_and_the_docx_link(page_client: Any) -> None:
    response = page_client.get("/jobs/job-1", headers=ALICE)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<h2 id="progress-h">Progress</h2>' in html and 'aria-labelledby="progress-h"' in html
    assert '<h2 id="failing-h">Failing rules</h2>' in html
    assert ">Download report (DOCX)</a>" in html and "report.docx?version=1" in html
    # the Word report's language: a labelled choice that asks the API for ?language=fr
    assert '<form class="docx-language" method="get" action="/api/v1/jobs/job-1/report.docx">' in html
    assert '<label for="docx-language">Word report language</label>' in html
    assert '<select id="docx-language" name="language">' in html and '<option value="fr" lang="fr">Français' in html
    assert '<button type="button" id="save-decisions">Save decisions</button>' in html
    for option in ("Accept", "Override: pass", "Override: fail", "Defer"):
        assert f">{option}</option>" in html
    assert '<label data-for="decision">Decision</label>' in html and '<label data-for="reason">Reason</label>' in html
    assert '<span class="rule">10.B.fat</span>' in html
    assert (
        "Content-Security-Policy" in response.headers
        and "script-src 'self'" in response.headers["Content-Security-Policy"]
    )


def test_a_group_that_failed_for_good_is_named_on_the_job_page(page_client: Any, fake_api: FakeApi) -> None:
    failure = {"group": "tables", "error": "HTTP 500 - the tables group failed", "at": "2026-12-03T09:00:05+00:00"}
    fake_api.group_failures = [failure]
    fake_api.steps = fake_api.steps | {"tables": "failed"}
    try:
        html = page_client.get("/jobs/job-1", headers=ALICE).get_data(as_text=True)
    finally:
        fake_api.group_failures = []
        fake_api.steps = fake_api.steps | {"tables": "done"}
    block = re.search(r'<div id="group-failures"[^>]*>(.*?)</div>', html, re.S)
    assert block is not None, "the checks that could not run are named"
    text = " ".join(re.sub(r"<[^>]+>", " ", block.group(1)).split())
    assert "Checks that could not run" in text and "Nutrition table checks" in text
    assert "the tables group failed" in text and "2026-12-03 09:00" in text
    assert 'data-step="tables" data-state="failed"' in html


def test_a_non_member_gets_the_404_page_everywhere(page_client: Any) -> None:
    for path in ("/projects/p1", "/jobs/job-1", "/jobs/job-1?version=1", "/jobs/unknown"):
        response = page_client.get(path, headers={"X-Test-User": "eve@example.com"})
        assert response.status_code == 404, path
        assert "Granola" not in response.get_data(as_text=True) and "Tomato" not in response.get_data(as_text=True)


def test_an_earlier_version_is_read_only(page_client: Any, fake_api: FakeApi) -> None:
    fake_api.reports[2] = fake_api.report | {"version": 2}
    fake_api.versions.append(fake_api._version(2, "review", 1, "bob@example.com"))
    html = page_client.get("/jobs/job-1?version=1", headers=ALICE).get_data(as_text=True)
    assert "This is an earlier version" in html and 'id="save-decisions"' not in html
    latest = page_client.get("/jobs/job-1", headers=ALICE).get_data(as_text=True)
    assert 'id="save-decisions"' in latest and "Version 2" in latest


def test_a_viewer_cannot_decide(page_client: Any, fake_api: FakeApi) -> None:
    fake_api.members["val@example.com"] = "viewer"
    html = page_client.get("/jobs/job-1", headers={"X-Test-User": "val@example.com"}).get_data(as_text=True)
    assert "your role (viewer) cannot decide" in html and 'id="save-decisions"' not in html


def test_every_asset_is_our_own_file_served_with_a_content_hash(page_client: Any) -> None:
    html = page_client.get("/jobs/job-1", headers=ALICE).get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="(/assets/[^"]+)"', html)
    assert any(a.startswith("/assets/js/job.js?v=") for a in assets) and any("app.css" in a for a in assets)
    for asset in assets:
        response = page_client.get(asset, headers=ALICE)
        assert response.status_code == 200, asset
        assert "immutable" in response.headers["Cache-Control"]
        body = response.get_data(as_text=True)
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", body), f"{asset} refers to another site"
        for imported in re.findall(r'from "\./([^"]+)"', body):
            assert page_client.get(f"/assets/js/{imported}", headers=ALICE).status_code == 200
    assert page_client.get("/assets/../pages.py", headers=ALICE).status_code == 404


def _luminance(colour: str) -> float:
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_text_colours_pass_wcag_aa_contrast() -> None:
    from labeliq.web.static_files import static_file

    css = static_file("app.css")
    assert css is not None
    colours = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", css.data.decode()))
    colours["white"] = "#ffffff"
    pairs = [("text", "white"), ("muted", "white"), ("link", "white"), ("white", "fail"), ("white", "review"),
             ("white", "pass"), ("white", "na"), ("fail", "fail-bg"), ("muted", "soft"), ("link", "soft")]  # fmt: skip
    for fg, bg in pairs:
        high, low = sorted((_luminance(colours[fg]), _luminance(colours[bg])), reverse=True)
        assert (high + 0.05) / (low + 0.05) >= 4.5, f"{fg} on {bg}"


def test_the_function_zip_carries_every_template_and_asset() -> None:
    from pathlib import Path

    from tests.terraform.package_builder import LIBRARY_DIR, library_files

    shipped = set(library_files())
    web = LIBRARY_DIR / "web"
    needed = {p.relative_to(LIBRARY_DIR) for p in web.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert needed <= shipped, sorted(map(str, needed - shipped))
    assert Path("web/templates/job.html") in shipped and Path("web/static/js/job.js") in shipped
