"""Relabel mode through the local serverless stack: the manifest's mode reaches extract (the foreign label read and
the sticker proposed and stored), the three groups (the sticker's facts checked like any label's), assemble (the
`relabel` section) and render (the sticker page of the DOCX), on the real workflow YAML; and the same report as
`labeliq check --mode relabel` gives in one process."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from devstack.stack import LocalStack, sample_job
from labeliq.cloud import steps
from labeliq.cloud.contracts import ExtractRequest
from labeliq.cloud.errors import PermanentError
from labeliq.cloud.relabel_step import proposal_object
from labeliq.label_files import load_inputs
from labeliq.models import JobStatus, ProductContext, Report
from labeliq.relabel.job import relabel_report
from labeliq.relabel.translate import GlossaryTranslator
from tests.cloud.helpers import REPO, new_id
from tests.cloud.test_contracts import job_status, post
from tests.cloud.test_steps_judge import _live, fake_gemini, rt
from tests.llm.conftest import FakeGemini, Scripted
from tests.relabel.test_cloud_translate import FakeTranslate, fake_translate

# fixtures: the in-process Runtime against the session's emulators; the fake Gemini and Cloud Translation endpoints
__all__ = ["fake_gemini", "fake_translate", "rt"]

pytestmark = pytest.mark.emulator

SAMPLE = REPO / "samples-relabel" / "italian-sauce"


def _download(stack: LocalStack, name: str) -> bytes:
    data: bytes = stack.client.storage_client().bucket(stack.config.output_bucket).blob(name).download_as_bytes()
    return data


def _in_process(sample_dir: Path) -> Report:
    context = ProductContext.model_validate_json((sample_dir / "context.json").read_text(encoding="utf-8"))
    from labeliq.config import load_settings

    inputs = load_inputs(sorted(p for p in sample_dir.iterdir() if p.suffix == ".txt"), load_settings())
    return relabel_report(inputs.panels, context, "in-process", GlossaryTranslator())


def test_a_relabel_job_runs_to_done_with_its_sticker_checked_like_the_cli(stack: LocalStack) -> None:
    panels, context = sample_job(SAMPLE)
    panels = {name: data for name, data in panels.items() if name.endswith(".txt")}
    job_id = new_id("relabel")
    result = stack.client.run_workflow(stack.client.upload_job(job_id, panels, context, mode="relabel"))
    assert isinstance(result, dict) and result["status"] == "DONE", result
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.mode == "relabel" and job.status == JobStatus.DONE

    report: dict[str, Any] = json.loads(_download(stack, f"reports/{job_id}/v1.json"))
    assert report["mode"] == "relabel"
    relabel = report["relabel"]
    assert relabel["source_language"] == "it"
    contains = relabel["fields"]["contains"]
    assert contains["machine_made"] is True and contains["state"] == "proposed" and contains["source_text"]
    # what the groups checked is the sticker: the report's facts are the sticker's, not the Italian label's
    assert "Imported by / Importé par" in relabel["sticker_panels"]["sticker"]
    assert report["label_facts"]["ingredients"], "the sticker's ingredient lists were parsed and checked"

    expected = _in_process(SAMPLE)
    assert expected.relabel is not None
    assert relabel["fields"] == expected.relabel.model_dump(mode="json")["fields"]
    assert report["summary"]["failing_rules"] == expected.summary.failing_rules
    assert relabel["check"] == expected.relabel.model_dump(mode="json")["check"]

    stored = json.loads(_download(stack, proposal_object(job_id)))
    assert stored["fields"] == relabel["fields"], "assemble finished the report with the proposal extract stored"
    docx = Document(io.BytesIO(_download(stack, f"reports/{job_id}/v1.docx")))
    text = "\n".join(p.text for p in docx.paragraphs)
    cells = "\n".join(cell.text for table in docx.tables for row in table.rows for cell in row.cells)
    assert "Proposed Canadian sticker (relabel mode)" in text
    assert relabel["fields"]["common_name"]["en"] in cells


def test_a_check_job_on_the_same_foreign_label_is_not_guessed_into_relabel_mode(stack: LocalStack) -> None:
    panels, context = sample_job(SAMPLE)
    panels = {name: data for name, data in panels.items() if name.endswith(".txt")}
    job_id = new_id("notguessed")
    result = stack.client.run_workflow(stack.client.upload_job(job_id, panels, context))
    assert isinstance(result, dict) and result["status"] == "DONE", result
    report = json.loads(_download(stack, f"reports/{job_id}/v1.json"))
    assert report["mode"] == "check" and report.get("relabel") is None
    assert proposal_object(job_id) not in [
        b.name for b in stack.client.storage_client().list_blobs(stack.config.output_bucket, prefix="facts/")
    ]


def test_a_relabel_job_on_a_label_it_cannot_read_fails_with_the_reason(stack: LocalStack) -> None:
    job_id = new_id("korean")
    panels = {"front.txt": "고추장 500 g\n".encode(), "back.txt": "원재료명: 고춧가루, 찹쌀, 소금\n".encode()}
    stack.client.upload_job(job_id, panels, {}, mode="relabel")
    answer = post(stack, "extract", {"job_id": job_id, "execution_id": "e"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["code"] == "unreadable_foreign_label"
    status, error = job_status(stack, job_id)
    assert status == JobStatus.FAILED and error is not None and "relabel mode" in error


def test_extract_of_a_relabel_job_whose_translation_is_not_configured_fails_it_with_the_setting_named(
    stack: LocalStack, rt: steps.Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API refuses such a job at creation; a manifest uploaded another way still ends FAILED, never hanging."""
    for name in ("LABELIQ_LLM_API_KEY", "LABELIQ_LLM_API_KEY_ENV", "LABELIQ_LLM_PROJECT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LABELIQ_TRANSLATOR", "llm")
    panels, context = sample_job(SAMPLE)
    job_id = new_id("notranslator")
    stack.client.upload_job(job_id, {n: d for n, d in panels.items() if n.endswith(".txt")}, context, mode="relabel")
    with pytest.raises(PermanentError) as refused:
        steps.extract(ExtractRequest(job_id=job_id, execution_id="e"), rt)
    assert refused.value.code == "translation_not_configured"
    assert "LABELIQ_LLM_API_KEY" in str(refused.value)
    assert proposal_object(job_id) not in [
        b.name for b in stack.client.storage_client().list_blobs(stack.config.output_bucket, prefix="facts/")
    ]


def test_the_llm_translator_in_extract_answers_a_repeat_from_the_firestore_cache(
    stack: LocalStack, rt: steps.Runtime, fake_gemini: FakeGemini, monkeypatch: pytest.MonkeyPatch
) -> None:
    _live(monkeypatch, fake_gemini)
    monkeypatch.setenv("LABELIQ_TRANSLATOR", "llm")
    body = json.loads((REPO / "tests/relabel/recordings/translate_italian_terms.json").read_text(encoding="utf-8"))
    fake_gemini.script.append(Scripted(200, body))
    panels = {
        "front.txt": b"Sugo al Basilico\ne 400 g\n",
        "back.txt": b"Ingredienti: pomodoro, pomodorini datterini, sale, nduja.\n",
    }
    proposals = []
    for tag in ("llm-first", "llm-again"):
        job_id = new_id(tag)
        stack.client.upload_job(job_id, panels, {}, mode="relabel")
        steps.extract(ExtractRequest(job_id=job_id, execution_id="e"), rt)
        proposals.append(json.loads(_download(stack, proposal_object(job_id))))
    assert len(fake_gemini.requests) == 1, "the second job's terms came from the cache, not the model"
    first, again = proposals
    assert first["translator"].startswith("llm:")
    assert "datterini cherry tomatoes" in first["fields"]["ingredients"]["en"].lower()
    assert first["fields"]["ingredients"]["untranslated"] == ["nduja"], "the model was not sure: left and flagged"
    assert again["fields"] == first["fields"]


def test_the_cloud_translation_translator_in_extract_answers_a_repeat_from_the_firestore_cache(
    stack: LocalStack, rt: steps.Runtime, fake_translate: FakeTranslate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """relabel_translator = "cloud_translation" as Terraform deploys it (LABELIQ_TRANSLATOR=cloud and
    LABELIQ_TRANSLATE_*): the google-cloud-translate client in extract, against recorded translateText answers on
    127.0.0.1; a second job asking the same terms is answered from the Firestore cache, not the service."""
    monkeypatch.setenv("LABELIQ_TRANSLATOR", "cloud")
    monkeypatch.setenv("LABELIQ_TRANSLATE_PROJECT", "labeliq-test")
    monkeypatch.setenv("LABELIQ_TRANSLATE_LOCATION", "us-central1")
    monkeypatch.setenv("LABELIQ_TRANSLATE_GLOSSARY", "labeliq-regulated-it")
    monkeypatch.setenv("LABELIQ_TRANSLATE_ENDPOINT", fake_translate.url)
    monkeypatch.setenv("LABELIQ_TRANSLATE_RETRY_BACKOFF_S", "0")
    fake_translate.script += [(200, "cloud_translate_it_en.json"), (200, "cloud_translate_it_fr.json")]
    panels = {
        "front.txt": b"Sugo al Basilico\ne 400 g\n",
        "back.txt": b"Ingredienti: pomodoro, pomodorini datterini, sale, nduja.\n",
    }
    proposals = []
    for tag in ("cloud-first", "cloud-again"):
        job_id = new_id(tag)
        stack.client.upload_job(job_id, panels, {}, mode="relabel")
        steps.extract(ExtractRequest(job_id=job_id, execution_id="e"), rt)
        proposals.append(json.loads(_download(stack, proposal_object(job_id))))
    assert len(fake_translate.requests) == 2, "one call per target language, then the cache"
    assert fake_translate.requests[0]["glossaryConfig"]["glossary"].endswith("/glossaries/labeliq-regulated-it")
    first, again = proposals
    assert first["translator"] == "cloud-translation"
    assert "datterini cherry tomatoes" in first["fields"]["ingredients"]["en"].lower()
    assert "tomates cerises datterini" in first["fields"]["ingredients"]["fr"].lower()
    assert first["fields"]["ingredients"]["untranslated"] == ["nduja"], "returned unchanged: left and flagged"
    assert again["fields"] == first["fields"]
