"""Relabel mode in a real browser (Debian chromium + Playwright) against the real local stack and API (the
session's shared `api_stack`): the mode chosen with the new-check form's radio group, the Italian sample checked to
DONE, the proposed sticker shown field by field (source text, machine-made mark, state), one field approved and one
edited (refused without a reason first), each saved as a new version through the API's sticker decisions and read
back from the API and the DOCX.
"""

from __future__ import annotations

import io
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from devstack.stack import LocalStack
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, ApiAs, save_screenshot
from tests.web.test_browser import _missing, signed_in

pytestmark = [pytest.mark.emulator, pytest.mark.slow]

SAUCE = Path(__file__).resolve().parents[2] / "samples-relabel" / "italian-sauce"
ALICE = f"relabel-{uuid.uuid4().hex[:8]}@example.com"  # its own user: the stack is shared
DONE_TIMEOUT_S = 300
STORAGE_EN = "Store in a cool, dry place. Once opened, refrigerate and use within 3 days."
STORAGE_FR = "Conserver dans un endroit frais et sec. Après ouverture, réfrigérer et consommer dans les 3 jours."


@pytest.fixture(scope="module")
def relabel_stack(request: pytest.FixtureRequest) -> LocalStack:
    """The session's stack with the API (tests/conftest.py), shared with the API and browser tests."""
    missing = _missing()
    if missing:
        pytest.skip(missing)
    stack: LocalStack = request.getfixturevalue("api_stack")
    return stack


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _api(stack: LocalStack) -> ApiAs:
    issuer = stack.workspace.issuer
    assert issuer is not None and stack.client.api_url
    return ApiAs(stack.client.api_url, issuer.user_token(ALICE))


def test_relabel_chosen_at_upload_then_sticker_fields_approved_and_edited(
    relabel_stack: LocalStack, browser: Any
) -> None:
    from playwright.sync_api import expect

    base_url = relabel_stack.client.api_url
    assert base_url
    page = signed_in(browser, base_url, ALICE)
    page.get_by_label("Project name").fill("Italian imports")
    page.get_by_role("button", name="Create project").click()
    page.wait_for_url(re.compile(r".*/projects/[^/]+$"))

    switch = page.get_by_role("group", name="What to do with this label")
    expect(switch.get_by_role("radio", name="Check a Canadian label")).to_be_checked()
    switch.get_by_role("radio", name="Relabel a foreign label").check()
    page.get_by_label("Label panels").set_input_files([str(SAUCE / "front.txt"), str(SAUCE / "back.txt")])
    page.get_by_label("Fill from a context file").set_input_files(str(SAUCE / "context.json"))
    page.get_by_role("button", name="Check label").click()
    page.wait_for_url(re.compile(r".*/jobs/[^/?]+$"))
    job_id = page.url.rsplit("/", 1)[1]

    sticker = page.get_by_role("region", name="Proposed sticker")
    deadline = time.monotonic() + DONE_TIMEOUT_S
    while not sticker.count():
        if page.locator("#progress-failure:not([hidden])").count():
            pytest.fail("the relabel job failed: " + page.locator("#progress-failure").inner_text())
        assert time.monotonic() < deadline, f"the relabel job was not DONE within {DONE_TIMEOUT_S} s"
        page.wait_for_timeout(250)
    api = _api(relabel_stack)
    assert api.get(f"/api/v1/jobs/{job_id}").json()["mode"] == "relabel"

    name = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Common name", exact=True))
    expect(name).to_contain_text("Salsa di pomodoro con basilico")  # the source text, as printed
    expect(name).to_contain_text("Machine-made")
    expect(name).to_contain_text("State: Proposed")
    save_screenshot(page, "relabel-sticker", full_page=True)

    name.get_by_role("button", name="Approve Common name").click()
    page.wait_for_url(re.compile(r".*\?saved=2.*"))
    name = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Common name", exact=True))
    expect(name).to_contain_text("State: Approved")
    expect(name).to_contain_text(f"Approved by {ALICE}")

    storage = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Storage", exact=True))
    storage.get_by_role("button", name="Edit Storage").click()
    english = storage.get_by_label("English text of Storage")
    expect(english).to_be_focused()
    english.fill(STORAGE_EN)
    storage.get_by_label("French text of Storage").fill(STORAGE_FR)
    storage.get_by_role("button", name="Save edit of Storage").click()
    reason = storage.get_by_label("Reason for editing Storage")
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(storage).to_contain_text("An edit needs a reason")
    assert len(api.get(f"/api/v1/jobs/{job_id}/versions").json()["versions"]) == 2, "nothing was sent"
    reason.fill("the supplier's wording for the opened jar")
    storage.get_by_role("button", name="Save edit of Storage").click()
    page.wait_for_url(re.compile(r".*\?saved=3.*"))
    storage = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Storage", exact=True))
    expect(storage).to_contain_text("State: Edited")
    expect(storage).not_to_contain_text("Machine-made")
    expect(storage).to_contain_text(STORAGE_FR)

    fields = api.get(f"/api/v1/jobs/{job_id}/report?version=3").json()["relabel"]["fields"]
    assert fields["common_name"]["state"] == "approved"
    edited = fields["storage"]
    assert (edited["state"], edited["en"], edited["decided_by"]) == ("edited", STORAGE_EN, ALICE)
    assert edited["decision_reason"] == "the supplier's wording for the opened jar"
    assert api.get(f"/api/v1/jobs/{job_id}/report?version=1").json()["relabel"]["fields"]["storage"]["state"] == (
        "proposed"
    ), "version 1 is kept as it was"
    docx = api.get(f"/api/v1/jobs/{job_id}/report.docx?version=3")
    cells = [c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells]
    assert any(STORAGE_EN in c for c in cells)
    page.context.close()
