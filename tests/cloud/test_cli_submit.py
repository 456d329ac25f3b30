"""`labeliq submit` against the session's running stack (its addresses written to a stack.json, as --serve does)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devstack.stack import LocalStack
from labeliq.cli import main as cli_main
from labeliq.models import JobStatus
from tests.cloud.helpers import REPO, SAMPLES, in_objects, new_id

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


def test_submit_refuses_what_check_refuses_before_uploading(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 16.10: panels `labeliq check` refuses with exit 2 were uploaded and came back as exit 1.
    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    image = tmp_path / "front.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    text = tmp_path / "back.txt"
    text.write_bytes(b"Oat\x00Bars")
    for panel, reason in ((image, "front.png"), (text, "NUL")):
        job_id = new_id("refused")
        argv = ["submit", str(panel), "--stack", str(stack_file), "--out", str(tmp_path / "out"), "--job-id", job_id]
        code = cli_main(argv)
        captured = capsys.readouterr()
        assert code == 2, captured.out + captured.err
        assert reason in captured.err
        assert in_objects(stack, job_id) == []  # nothing was uploaded


def free_stack_file(tmp_path: Path) -> Path:
    """A stack.json as a stopped stack leaves it: every address on a port nothing listens at."""
    from devstack.processes import free_port

    def url() -> str:
        return f"http://127.0.0.1:{free_port()}"

    data = {
        "project": "p",
        "input_bucket": "in",
        "output_bucket": "out",
        "firestore_host": f"127.0.0.1:{free_port()}",
        "storage_url": url(),
        "function_urls": {
            name: url() + "/" for name in ("extract", "run_agent_group", "assemble_report", "render_docx")
        },
        "log_dir": str(tmp_path / "logs"),
    }
    path = tmp_path / "stack.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def submit(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "labeliq.cli", "submit", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_a_left_over_stack_file_is_exit_2_with_one_line_at_once(tmp_path: Path) -> None:
    # Issue 16.10: a stack.json left with no stack running gave 78 s of retries, then "internal error".
    started = time.monotonic()
    done = submit(SAMPLES / "granola-compliant" / "front.txt", "--stack", free_stack_file(tmp_path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert time.monotonic() - started < 20
    assert len(done.stderr.strip().splitlines()) == 1
    assert "no local stack is running: nothing answers at http://127.0.0.1:" in done.stderr
    assert "make serve" in done.stderr


def test_a_stack_file_that_is_not_one_is_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "stack.json"
    broken.write_text("{not json", encoding="utf-8")
    done = submit(SAMPLES / "granola-compliant" / "front.txt", "--stack", broken)
    assert done.returncode == 2, done.stderr
    assert "not a stack file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("job_id", ["x\n", "job-1\n", "-x", "a/b"])
def test_a_job_id_is_matched_whole(tmp_path: Path, job_id: str) -> None:
    # Issue 16.10: `$` matched before a final newline, so --job-id $'x\n' passed the check.
    done = submit(SAMPLES / "granola-compliant" / "front.txt", "--stack", free_stack_file(tmp_path), "--job-id", job_id)
    assert done.returncode == 2, done.stderr
    assert "--job-id" in done.stderr


def test_a_reused_job_id_is_refused_for_another_label_and_finds_the_result_for_the_same_one(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 16.5: `submit --job-id` reuse overwrote the stored panels and manifest with the new label, then
    # downloaded the old report and exited 0, so the stored inputs no longer matched the report.
    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    job_id = new_id("reused")

    def run(sample: str, out: str) -> int:
        folder = SAMPLES / sample
        panels = [str(p) for p in sorted(folder.glob("*.txt"))]
        argv = ["submit", *panels, "--context", str(folder / "context.json"), "--stack", str(stack_file)]
        return cli_main([*argv, "--out", str(tmp_path / out), "--job-id", job_id])

    assert run("granola-compliant", "first") == 0
    first_report = (tmp_path / "first" / job_id / "report.json").read_bytes()
    bucket = stack.client.storage_client().bucket(stack.config.input_bucket)
    stored_before = {name: bucket.blob(name).download_as_bytes() for name in in_objects(stack, job_id)}
    capsys.readouterr()

    assert run("granola-compliant", "again") == 0  # the same label: the existing result
    assert (tmp_path / "again" / job_id / "report.json").read_bytes() == first_report

    assert run("soup-nutrition-faults", "other") == 2  # another label: refused, naming the existing job
    err = capsys.readouterr().err
    assert f"job {job_id} already exists" in err and "new job id" in err, err
    assert not (tmp_path / "other" / job_id).exists()
    stored_after = {name: bucket.blob(name).download_as_bytes() for name in in_objects(stack, job_id)}
    assert stored_after == stored_before, "nothing stored was replaced or added"


def test_submit_exits_non_zero_when_some_checkers_could_not_run(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 16.4: a report with checkers that could not run came back with exit 0, as if it judged the whole label.
    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    sample = SAMPLES / "granola-compliant"
    job_id = new_id("x-failtables")
    panels = [str(p) for p in sorted(sample.glob("*.txt"))]
    argv = ["submit", *panels, "--context", str(sample / "context.json"), "--stack", str(stack_file)]
    code = cli_main([*argv, "--out", str(tmp_path / "out"), "--job-id", job_id])
    printed = capsys.readouterr().out
    assert code == 1, printed
    assert f"job {job_id}: DONE" in printed
    assert "checker(s) could not run, so the report is incomplete: " in printed
    report = json.loads((tmp_path / "out" / job_id / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["checker_errors"], "the tables checkers are listed as could-not-run"
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.status == JobStatus.DONE, "a clear terminal state"
    assert list(job.group_failures) == ["tables"], "the group's final failure is recorded on the job"
    assert "the tables group failed (injected)" in job.group_failures["tables"].error


def test_submit_mode_relabel_sends_the_mode_in_the_manifest_as_the_api_does(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    sample = REPO / "samples-relabel" / "italian-sauce"
    job_id = new_id("submit-relabel")
    panels = [str(p) for p in sorted(sample.glob("*.txt"))]
    argv = ["submit", *panels, "--context", str(sample / "context.json"), "--stack", str(stack_file)]
    code = cli_main([*argv, "--out", str(tmp_path / "out"), "--job-id", job_id, "--mode", "relabel"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    report = json.loads((tmp_path / "out" / job_id / "report.json").read_text(encoding="utf-8"))
    assert report["mode"] == "relabel" and report["relabel"]["source_language"] == "it"
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.mode == "relabel" and job.status == JobStatus.DONE
    manifest = stack.client.storage_client().bucket(stack.config.input_bucket).blob(f"incoming/{job_id}/job.json")
    assert json.loads(manifest.download_as_bytes())["mode"] == "relabel"

    # the same panels under the same id in the other mode are another job: refused, nothing replaced
    again = cli_main([*argv, "--out", str(tmp_path / "again"), "--job-id", job_id, "--mode", "check"])
    err = capsys.readouterr().err
    assert again == 2 and f"job {job_id} already exists" in err and "mode relabel" in err, err


def test_submit_mode_takes_the_names_check_takes(tmp_path: Path) -> None:
    done = submit(
        SAMPLES / "granola-compliant" / "front.txt", "--stack", free_stack_file(tmp_path), "--mode", "standard"
    )
    assert done.returncode == 2 and "--mode" in done.stderr and "relabel" in done.stderr, done.stderr


def test_submit_report_language_fr_gets_the_workflows_docx_in_french(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    import docx

    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    sample = SAMPLES / "granola-compliant"
    job_id = new_id("submit-fr")
    panels = [str(p) for p in sorted(sample.glob("*.txt"))]
    argv = ["submit", *panels, "--context", str(sample / "context.json"), "--stack", str(stack_file)]
    code = cli_main([*argv, "--out", str(tmp_path / "out"), "--job-id", job_id, "--report-language", "fr"])
    assert code == 0, capsys.readouterr().out
    document = docx.Document(io.BytesIO((tmp_path / "out" / job_id / "report.docx").read_bytes()))
    assert document.paragraphs[0].text.startswith("Rapport de conformité de l'étiquette")
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.report_language == "fr", "stored with the job when it was created"
