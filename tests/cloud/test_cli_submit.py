"""`labeliq submit` against the session's running stack (its addresses written to a stack.json, as --serve does)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devstack.stack import LocalStack
from labeliq.cli import main as cli_main
from labeliq.models import JobStatus
from tests.cloud.helpers import SAMPLES, new_id

pytestmark = pytest.mark.emulator


def test_submit_runs_a_job_and_downloads_its_report(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    sample = SAMPLES / "crackers-date-allergen-faults"
    job_id = new_id("submit")
    panels = [str(p) for p in sorted(sample.glob("*.txt"))]
    argv = ["submit", *panels, "--context", str(sample / "context.json"), "--stack", str(stack_file)]
    code = cli_main([*argv, "--out", str(tmp_path / "out"), "--job-id", job_id])
    printed = capsys.readouterr().out
    assert code == 0, printed
    report = json.loads((tmp_path / "out" / job_id / "report.json").read_text(encoding="utf-8"))
    assert report["job_id"] == job_id and report["summary"]["failing_rules"]
    assert (tmp_path / "out" / job_id / "report.docx").stat().st_size > 0
    assert f"job {job_id}: DONE" in printed
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.status == JobStatus.DONE


def test_submit_without_a_running_stack_says_how_to_start_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli_main(["submit", str(SAMPLES / "granola-compliant" / "front.txt"), "--stack", str(tmp_path / "no.json")])
    assert code == 2
    assert "--serve" in capsys.readouterr().err


def test_submit_of_a_corrupt_image_reports_the_reason(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    image = tmp_path / "front.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    code = cli_main(["submit", str(image), "--stack", str(stack_file), "--out", str(tmp_path / "out")])
    printed = capsys.readouterr().out
    assert code == 1
    assert "FAILED" in printed and "front.png" in printed
