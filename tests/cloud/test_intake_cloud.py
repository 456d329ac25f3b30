"""The extract function takes panels in by labeliq.intake's rules, the same as `labeliq check` (issue 12.3, 16):
a refusal is a 422 with the reason, recorded on the job, and never an internal error or a whole-object download."""

from __future__ import annotations

import json

import pytest
import requests

from devstack.stack import LocalStack
from labeliq.models import JobStatus
from tests.cloud.helpers import new_id

pytestmark = pytest.mark.emulator

TEXT = b"Oat Bars\nBarres d'avoine\nIngredients: oats.\n"


def extract(stack: LocalStack, job_id: str) -> requests.Response:
    return requests.post(stack.functions["extract"].url, json={"job_id": job_id, "execution_id": "e1"}, timeout=120)


def refused(stack: LocalStack, job_id: str, code: str, *words: str) -> None:
    response = extract(stack, job_id)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    for word in words:
        assert word in error["message"], error["message"]
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.status == JobStatus.FAILED
    assert job.error is not None and all(word in job.error for word in words)


def test_panel_names_that_differ_only_in_case_are_one_name(stack: LocalStack) -> None:
    job_id = new_id("case")
    stack.client.upload_job(job_id, {"Front.txt": TEXT, "front.txt": TEXT})
    refused(stack, job_id, "invalid_manifest", "front.txt: panel name 'front' is also given by Front.txt")


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066"], ids=["rtl-override", "zero-width", "isolate"])
def test_a_panel_name_with_an_invisible_or_direction_character_is_refused(stack: LocalStack, char: str) -> None:
    job_id = new_id("bidi")
    stack.client.upload_job(job_id, {"front.txt": TEXT, f"back{char}gpj.txt": TEXT})
    refused(stack, job_id, "invalid_manifest", f"U+{ord(char):04X}")


def test_a_deeply_nested_manifest_is_refused_naming_it_and_the_limit(stack: LocalStack) -> None:
    job_id = new_id("deep")
    stack.client.upload_job(job_id, {"front.txt": TEXT})
    deep = "[" * 3_000 + "]" * 3_000
    nested = '{"job_id": "' + job_id + '", "panels": ["front.txt"], "context": {"category": ' + deep + "}}"
    stack.client.upload_manifest(job_id, nested.encode())
    refused(stack, job_id, "invalid_manifest", "job.json: the manifest nests 3002 levels deep; the limit is 16")


def test_a_text_panel_over_the_limit_is_refused_from_its_metadata(stack: LocalStack) -> None:
    job_id = new_id("big")
    stack.client.upload_job(job_id, {"front.txt": b"x" * 1_500_000})
    refused(stack, job_id, "bad_panel", "front.txt is 1,500,000 bytes; the limit is 1,000,000 bytes")


def test_an_ordinary_job_still_extracts(stack: LocalStack) -> None:
    job_id = new_id("fine")
    stack.client.upload_job(job_id, {"front.txt": TEXT, "Back.txt": TEXT.replace(b"Oat", b"Rye")})
    response = extract(stack, job_id)
    assert response.status_code == 200, response.text
    assert json.loads(response.text)["status"] == "EXTRACTED"
