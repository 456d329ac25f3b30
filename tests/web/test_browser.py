"""The web workspace in a real browser (Debian chromium + Playwright) against the real local stack and API.

The session's stack with the API (tests/conftest.py `api_stack`, shared with tests/api: emulators, the five
functions, the local IAP proxy and issuer, the upload trigger through Pub/Sub). The photo sample is uploaded once
through the page (module fixture `photo_job`); the tests then review that job in order: the evidence box, an
override saved as version 2 and read back from its DOCX, two reviewers on one version, a non-member, a bad
upload, and the decide-and-save flow with the keyboard only.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devstack.stack import LocalStack
from tests.web.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    STEP_LOG_SCRIPT,
    ApiAs,
    save_screenshot,
    steps_went_back,
)

pytestmark = [pytest.mark.emulator, pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PHOTOS = SAMPLES / "granola-photos"
# The photo sample as an imported food: the dealer line then fails 3.3 (no "Imported by"), a finding whose
# evidence was read at one box on the back photo.
IMPORTED = {"imported": True, "wholly_manufactured_abroad": True, "country_of_origin": "United States"}
ALICE, BOB, EVE = "alice@example.com", "bob@example.com", "eve@example.com"
DONE_TIMEOUT_S = 480


def _missing() -> str | None:
    for tool in ("gcloud", "java"):
        if shutil.which(tool) is None:
            return f"{tool} (for the Firestore emulator) is not installed"
    if not CHROMIUM.exists():
        return "/usr/bin/chromium is missing (.ci/run installs Debian's chromium)"
    return None


@pytest.fixture(scope="module")
def web_stack(request: pytest.FixtureRequest) -> LocalStack:
    """The session's stack with the API (tests/conftest.py), shared with the API tests; started only when the
    browser is there too."""
    missing = _missing()
    if missing:
        pytest.skip(missing)
    stack: LocalStack = request.getfixturevalue("api_stack")
    return stack


@pytest.fixture(scope="module")
def base_url(web_stack: LocalStack) -> str:
    url = web_stack.client.api_url
    assert url, "the stack started without its API"
    return url


def api_as(stack: LocalStack, email: str) -> ApiAs:
    issuer = stack.workspace.issuer
    assert issuer is not None and stack.client.api_url
    return ApiAs(stack.client.api_url, issuer.user_token(email))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def signed_in(browser: Any, base_url: str, email: str, **options: Any) -> Any:
    """A new browser context (its own cookies) signed in on the local proxy's page as `email`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, **options)
    page = context.new_page()
    page.goto(base_url + "/")
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base_url + "/")
    return page


@pytest.fixture(scope="module")
def photo_job(
    web_stack: LocalStack, browser: Any, base_url: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Alice creates a project and checks the photo sample through the page, watching progress to DONE."""
    page = signed_in(browser, base_url, ALICE)
    page.context.add_init_script(STEP_LOG_SCRIPT)
    page.get_by_label("Project name").fill("Granola bars")
    page.get_by_label("Tags").fill("granola, import")
    page.get_by_role("button", name="Create project").click()
    page.wait_for_url(re.compile(r".*/projects/[^/]+$"))
    project_id = page.url.rsplit("/", 1)[1]
    context = json.loads((PHOTOS / "context.json").read_text("utf-8")) | IMPORTED
    context_file = tmp_path_factory.mktemp("ctx") / "context.json"
    context_file.write_text(json.dumps(context), "utf-8")
    page.get_by_label("Label panels").set_input_files([str(PHOTOS / "front.jpg"), str(PHOTOS / "back.jpg")])
    page.get_by_label("Fill from a context file").set_input_files(str(context_file))
    from playwright.sync_api import expect

    expect(page.get_by_label("Imported", exact=True)).to_have_value("true")
    save_screenshot(page, "new-check", full_page=True)
    page.get_by_role("button", name="Check label").click()
    page.wait_for_url(re.compile(r".*/jobs/[^/?]+$"))
    job_id = page.url.rsplit("/", 1)[1]
    progress = page.get_by_role("region", name="Progress")
    shot = False
    deadline = time.monotonic() + DONE_TIMEOUT_S
    while time.monotonic() < deadline:
        if page.get_by_role("region", name="Failing rules").count():
            break
        if not shot and page.locator('.step[data-state="running"]').count():
            save_screenshot(page, "progress")
            shot = True
        if page.locator("#progress-failure:not([hidden])").count():
            pytest.fail("the job failed: " + progress.inner_text())
        page.wait_for_timeout(250)
    else:
        pytest.fail(f"the job was not DONE within {DONE_TIMEOUT_S} s: {progress.inner_text()}")
    log: list[str] = page.evaluate("JSON.parse(sessionStorage.getItem('labeliq-step-log') || '[]')")
    report = api_as(web_stack, ALICE).get(f"/api/v1/jobs/{job_id}/report").json()
    page.context.close()
    return {"project_id": project_id, "job_id": job_id, "log": log, "report": report}


def _failing_finding(report: dict[str, Any]) -> dict[str, Any]:
    for result in report["results"].values():
        for finding in result["findings"]:
            if finding["verdict"] == "fail" and finding["location"]:
                return dict(finding)
    raise AssertionError("the photo sample with the imported context has no located failing finding")


def test_progress_reaches_done_without_a_step_going_back(photo_job: dict[str, Any]) -> None:
    log = photo_job["log"]
    assert len(log) >= 3, f"progress was not seen moving: {log}"
    assert steps_went_back(log) == []
    assert log[-1] == ",".join(f"{s}:done" for s in ("extract", "identity", "content", "tables", "assemble", "render"))
    assert any("extract:running" in entry or "extract:pending" in entry for entry in log[:-1])


def test_failing_finding_shows_its_box_on_the_right_photo(
    photo_job: dict[str, Any], browser: Any, base_url: str
) -> None:
    finding = _failing_finding(photo_job["report"])
    page = signed_in(browser, base_url, ALICE)
    page.goto(f"{base_url}/jobs/{photo_job['job_id']}")
    save_screenshot(page, "report")
    failing = page.get_by_role("region", name="Failing rules")
    failing.get_by_role("button", name=finding["rule"]).first.click()
    viewer = failing.locator(".viewer")
    viewer.wait_for()
    assert viewer.get_attribute("data-panel") == finding["panel"]
    image = viewer.locator("img")
    assert image.get_attribute("src", timeout=5000).endswith(f"/panels/{finding['panel']}")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    box = finding["location"]
    rect = viewer.locator("rect.evidence-box")
    assert rect.is_visible()
    drawn = [float(rect.get_attribute(a) or "nan") for a in ("x", "y", "width", "height")]
    assert drawn == pytest.approx([box["x0"], box["y0"], box["x1"] - box["x0"], box["y1"] - box["y0"]])
    panel = next(p for p in photo_job["report"]["label_facts"]["panels"] if p["name"] == finding["panel"])
    assert viewer.locator("svg").get_attribute("viewBox") == f"0 0 {panel['width_px']} {panel['height_px']}"
    # the box is drawn over the photo where the evidence is: the rectangle lies inside the image on screen
    img_box, rect_box = image.bounding_box(), rect.bounding_box()
    assert img_box and rect_box
    assert img_box["x"] <= rect_box["x"] and rect_box["x"] + rect_box["width"] <= img_box["x"] + img_box["width"] + 1
    assert img_box["y"] <= rect_box["y"] and rect_box["y"] + rect_box["height"] <= img_box["y"] + img_box["height"] + 1
    failing.get_by_role("button", name="Zoom in", exact=True).click()
    assert image.bounding_box()["width"] > img_box["width"] * 1.2  # type: ignore[index]
    failing.get_by_role("button", name="Fit photo", exact=True).click()
    rect.scroll_into_view_if_needed()
    save_screenshot(page, "finding-on-photo")
    page.context.close()


def test_the_word_report_shows_the_photos_and_comes_in_french(
    photo_job: dict[str, Any], web_stack: LocalStack, browser: Any, base_url: str, tmp_path: Path
) -> None:
    import io

    import docx

    job_id = photo_job["job_id"]
    stored = (
        web_stack.client.storage_client()
        .bucket(web_stack.config.output_bucket)
        .blob(f"reports/{job_id}/v1.docx")
        .download_as_bytes()
    )
    panels = len(photo_job["report"]["label_facts"]["panels"])
    assert len(docx.Document(io.BytesIO(stored)).inline_shapes) >= panels  # the workflow drew the uploaded photos
    page = signed_in(browser, base_url, ALICE)
    page.goto(f"{base_url}/jobs/{job_id}")
    page.get_by_label("Word report language").select_option("fr")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the Word report in this language").click()
    path = tmp_path / "v1-fr.docx"
    download_info.value.save_as(str(path))
    assert download_info.value.suggested_filename == f"{job_id}-v1-fr.docx"
    document = docx.Document(str(path))
    assert document.paragraphs[0].text.startswith("Rapport de conformité de l'étiquette : ")
    assert "À corriger et à confirmer" in [p.text for p in document.paragraphs]
    assert len(document.inline_shapes) >= panels  # thumbnails (and crops) in French too
    page.context.close()


def test_override_with_reason_saves_version_2_and_its_docx_says_so(
    photo_job: dict[str, Any], browser: Any, base_url: str, tmp_path: Path
) -> None:
    import docx

    finding = _failing_finding(photo_job["report"])
    reason = "The importer's sticker (Imported by Maple Grove Foods) is applied over the dealer line"
    page = signed_in(browser, base_url, ALICE)
    page.goto(f"{base_url}/jobs/{photo_job['job_id']}")
    page.get_by_role("region", name="Failing rules").get_by_role("button", name=finding["rule"]).first.click()
    page.get_by_label("Decision").select_option(label="Override: pass")
    assert "1 pending change" in page.locator("#pending-count").inner_text()
    page.get_by_role("button", name="Save decisions").click()
    assert "needs a reason" in page.locator("#save-status").inner_text()  # refused before sending: no reason
    page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Save decisions").click()
    page.wait_for_url(re.compile(r".*\?saved=2$"))
    assert "Saved as version 2" in page.locator("#saved-note").inner_text()
    history = page.locator(".history")
    version2 = history.locator('li.version[data-version="2"]')
    assert "Version 2" in version2.inner_text() and ALICE in version2.inner_text()
    version2.locator(".changes li").first.wait_for()
    assert reason in version2.locator(".changes").inner_text()
    page.get_by_role("heading", name="Version history").scroll_into_view_if_needed()
    save_screenshot(page, "history")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download report (DOCX)").click()
    path = tmp_path / "v2.docx"
    download_info.value.save_as(str(path))
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert reason in text
    assert re.search(r"overrid", text, re.IGNORECASE)
    page.context.close()


def test_two_reviewers_on_one_version_the_second_is_told_someone_saved_first(
    photo_job: dict[str, Any], web_stack: LocalStack, browser: Any, base_url: str
) -> None:
    alice_api = api_as(web_stack, ALICE)
    project = alice_api.get(f"/api/v1/projects/{photo_job['project_id']}").json()
    members = project["members"] | {BOB: "reviewer"}
    assert (
        alice_api.json("PATCH", f"/api/v1/projects/{photo_job['project_id']}", {"members": members}).status_code == 200
    )
    pages = [signed_in(browser, base_url, who) for who in (ALICE, BOB)]
    for page in pages:
        page.goto(f"{base_url}/jobs/{photo_job['job_id']}")
    for page, who in zip(pages, (ALICE, BOB), strict=True):
        page.locator("#failing .finding-toggle, .findings-section .finding-toggle").nth(1).click()
        page.get_by_label("Decision").select_option(label="Defer")
        page.get_by_label("Reason").fill(f"{who} wants the supplier's artwork first")
    pages[0].get_by_role("button", name="Save decisions").click()
    pages[0].wait_for_url(re.compile(r".*\?saved=\d+$"))
    pages[1].get_by_role("button", name="Save decisions").click()
    stale = pages[1].locator("#stale")
    stale.wait_for()
    assert "Someone else saved first" in stale.inner_text()
    save_screenshot(pages[1], "someone-saved-first")
    pages[1].get_by_role("button", name="Reload latest version").click()
    pages[1].wait_for_load_state()
    latest = max(v["n"] for v in alice_api.get(f"/api/v1/jobs/{photo_job['job_id']}/versions").json()["versions"])
    assert f"Version {latest}" in pages[1].locator(".summary").inner_text()
    for page in pages:
        page.context.close()


def test_a_non_member_sees_none_of_it(photo_job: dict[str, Any], browser: Any, base_url: str) -> None:
    page = signed_in(browser, base_url, EVE)
    assert "Granola bars" not in page.locator("main").inner_text()
    job, project = photo_job["job_id"], photo_job["project_id"]
    for path in (f"/jobs/{job}", f"/jobs/{job}?version=1", f"/projects/{project}"):
        response = page.goto(base_url + path)
        assert response is not None and response.status == 404, path
        assert "Not found" in page.locator("h1").inner_text()
        assert "Granola" not in page.content()
    save_screenshot(page, "not-found")
    for path in (f"/api/v1/jobs/{job}/panels/back", f"/api/v1/jobs/{job}/report.docx"):
        response = page.request.get(base_url + path)
        assert response.status == 404, path
    page.context.close()


def test_a_text_file_named_jpg_shows_the_api_reason_beside_the_file(
    photo_job: dict[str, Any], web_stack: LocalStack, browser: Any, base_url: str
) -> None:
    alice_api = api_as(web_stack, ALICE)
    jobs_before = alice_api.get(f"/api/v1/projects/{photo_job['project_id']}/jobs").json()["jobs"]
    page = signed_in(browser, base_url, ALICE)
    page.goto(f"{base_url}/projects/{photo_job['project_id']}")
    fake = (SAMPLES / "granola-compliant" / "front.txt").read_bytes()
    page.get_by_label("Label panels").set_input_files([{"name": "front.jpg", "mimeType": "image/jpeg", "buffer": fake}])
    page.get_by_role("button", name="Check label").click()
    item = page.locator(".panel-item", has_text="front.jpg")
    error = item.locator(".error")
    error.wait_for()
    message = error.inner_text()
    assert "front.jpg" in message and "request id" in message
    assert page.get_by_label("Panel name for front.jpg").get_attribute("aria-invalid") == "true"
    assert re.search(r"/projects/[^/]+$", page.url)  # no job page: nothing was started
    save_screenshot(page, "bad-upload")
    jobs_after = alice_api.get(f"/api/v1/projects/{photo_job['project_id']}/jobs").json()["jobs"]
    assert len(jobs_after) == len(jobs_before)
    page.context.close()


def _tab_to(page: Any, predicate: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def test_keyboard_only_decide_and_save(
    photo_job: dict[str, Any], web_stack: LocalStack, browser: Any, base_url: str
) -> None:
    alice_api = api_as(web_stack, ALICE)
    before = max(v["n"] for v in alice_api.get(f"/api/v1/jobs/{photo_job['job_id']}/versions").json()["versions"])
    page = signed_in(browser, base_url, ALICE)
    page.goto(f"{base_url}/jobs/{photo_job['job_id']}")
    target = page.locator("#failing .finding").first.get_attribute("data-finding-id")
    _tab_to(page, "e.classList.contains('finding-toggle') && e.closest('#failing') !== null")
    page.keyboard.press("Enter")
    _tab_to(page, "e.labels && e.labels[0] && e.labels[0].textContent === 'Decision'")
    page.keyboard.type("Accept")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.labels[0].textContent") == "Reason"
    page.keyboard.type("Checked against the artwork: the machine verdict stands")
    _tab_to(page, "e.classList.contains('to-save')", limit=10)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "save-decisions"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*\?saved=\d+$"))
    report = alice_api.get(f"/api/v1/jobs/{photo_job['job_id']}/report").json()
    assert report["version"] == before + 1
    decided = [f for r in report["results"].values() for f in r["findings"] if f["finding_id"] == target]
    assert decided and decided[0]["review"]["action"] == "accept"
    assert decided[0]["review"]["reason"] == "Checked against the artwork: the machine verdict stands"
    page.context.close()


def test_phone_width_report_is_usable(photo_job: dict[str, Any], browser: Any, base_url: str) -> None:
    page = signed_in(browser, base_url, ALICE, is_mobile=True, has_touch=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/jobs/{photo_job['job_id']}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow} px at phone width"
    page.get_by_role("region", name="Failing rules").get_by_role("button").first.click()
    assert page.get_by_label("Decision").is_visible()
    save_screenshot(page, "report-phone")
    page.context.close()


def test_correct_a_fact_runs_the_checks_again_as_a_new_version(
    photo_job: dict[str, Any], web_stack: LocalStack, browser: Any, base_url: str
) -> None:
    alice_api = api_as(web_stack, ALICE)
    before = max(v["n"] for v in alice_api.get(f"/api/v1/jobs/{photo_job['job_id']}/versions").json()["versions"])
    page = signed_in(browser, base_url, ALICE)
    page.goto(f"{base_url}/jobs/{photo_job['job_id']}")
    page.get_by_label("Fact", exact=True).select_option("net_quantity.0.text")
    page.get_by_label("Corrected value").fill("200 g")
    page.get_by_role("button", name="Correct and run the checks again").click()
    assert page.get_by_label("Why the correction is needed").get_attribute("aria-invalid") == "true"
    page.get_by_label("Why the correction is needed").fill("OCR read the 0 of 200 g as a 1")
    page.get_by_role("button", name="Correct and run the checks again").click()
    page.wait_for_url(re.compile(rf".*\?saved={before + 1}$"), timeout=240_000)
    version = page.locator(f'li.version[data-version="{before + 1}"]')
    assert "re-check" in version.inner_text()
    assert "net_quantity.0.text" in version.inner_text() and "OCR read the 0 of 200 g as a 1" in version.inner_text()
    report = alice_api.get(f"/api/v1/jobs/{photo_job['job_id']}/report").json()
    assert report["kind"] == "recheck" and report["label_facts"]["net_quantity"][0]["text"] == "200 g"
    page.context.close()


def test_sign_off_locks_the_report(
    photo_job: dict[str, Any], web_stack: LocalStack, browser: Any, base_url: str
) -> None:
    page = signed_in(browser, base_url, ALICE)
    page.goto(f"{base_url}/jobs/{photo_job['job_id']}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=re.compile(r"^Sign off version \d+$")).click()
    page.locator(".summary", has_text="Signed off").wait_for()
    assert page.get_by_role("button", name="Save decisions").count() == 0
    assert "signed off and locked" in page.locator("main").inner_text()
    alice_api = api_as(web_stack, ALICE)
    latest = max(v["n"] for v in alice_api.get(f"/api/v1/jobs/{photo_job['job_id']}/versions").json()["versions"])
    refused = alice_api.json(
        "POST",
        f"/api/v1/jobs/{photo_job['job_id']}/decisions",
        {"base_version": latest, "decisions": [{"finding_id": "x", "action": "defer", "reason": "late"}]},
    )
    assert refused.status_code == 409
    page.context.close()


def test_projects_search_rename_members_and_delete_with_a_confirmation(
    photo_job: dict[str, Any], browser: Any, base_url: str
) -> None:
    page = signed_in(browser, base_url, ALICE)
    page.get_by_label("Project name").fill("Crackers trial")
    page.get_by_label("Tags").fill("crackers")
    page.get_by_role("button", name="Create project").click()
    page.wait_for_url(re.compile(r".*/projects/[^/]+$"))
    page.get_by_label("New name").fill("Crackers 2027")
    page.get_by_role("button", name="Save name and tags").click()
    page.get_by_role("heading", name="Crackers 2027", level=1).wait_for()
    page.get_by_label("Member email").fill(BOB)
    page.get_by_label("Member role").select_option("viewer")
    page.get_by_role("button", name="Add member").click()
    page.locator(f'tr[data-email="{BOB}"]').wait_for()
    assert page.get_by_label(f"Role of {BOB}").input_value() == "viewer"
    page.goto(base_url + "/")
    page.get_by_label("Search by name or tag").fill("cracker")
    assert page.locator("#project-list > li:not([hidden])").all_inner_texts() == [
        t for t in page.locator("#project-list > li").all_inner_texts() if "Crackers 2027" in t
    ]
    save_screenshot(page, "projects")
    page.get_by_role("link", name="Crackers 2027").click()
    page.get_by_role("button", name="Delete project…").click()
    dialog = page.get_by_role("dialog")
    assert "Crackers 2027" in dialog.inner_text() and "every report version" in dialog.inner_text()
    dialog.get_by_role("button", name=re.compile(r"^Delete project and 0 checks$")).click()
    page.wait_for_url(base_url + "/")
    assert "Crackers 2027" not in page.locator("main").inner_text()
    assert "Granola bars" in page.locator("main").inner_text()
    page.context.close()
