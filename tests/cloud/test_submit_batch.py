"""`labeliq submit FOLDER`: a folder of label folders through the session's local stack, each verdict reported.

The small version of the 200-label run `make bench` does: three labels, two at a time, one of them broken, so
the batch is seen to go on past a failure and to list every label with its verdict or its reason.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from devstack.stack import LocalStack
from labeliq.intake import IntakeLimits
from labeliq.submit_batch import (
    BatchInputError,
    LabelFolder,
    Progress,
    RunResult,
    find_labels,
    load_label,
    run_batch,
    stack_runner,
    submit_folders,
)
from tests.cloud.helpers import SAMPLES

SUFFIXES = (".txt", ".png", ".jpg")


def _copy_samples(tmp_path: Path, names: list[str]) -> Path:
    batch = tmp_path / "batch"
    for name in names:
        shutil.copytree(SAMPLES / name, batch / name)
    return batch


@pytest.mark.emulator
def test_a_folder_of_labels_runs_through_the_stack_with_each_verdict(stack: LocalStack, tmp_path: Path) -> None:
    batch = _copy_samples(tmp_path, ["crackers-date-allergen-faults", "granola-compliant"])
    broken = batch / "broken-photo"
    broken.mkdir()
    (broken / "front.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    out, bar = io.StringIO(), io.StringIO()
    outcomes = submit_folders(
        [batch],
        stack_runner(stack.client, tmp_path / "out"),
        suffixes=SUFFIXES,
        limits=IntakeLimits(),
        workers=2,
        out=out,
        progress_stream=bar,
    )
    by_label = {o.label: o for o in outcomes}
    assert list(by_label) == ["broken-photo", "crackers-date-allergen-faults", "granola-compliant"]
    crackers = by_label["crackers-date-allergen-faults"]
    assert crackers.ok and crackers.verdict == "fail" and crackers.failing_rules
    report = json.loads((tmp_path / "out" / crackers.job_id / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["verdict"] == crackers.verdict
    assert by_label["granola-compliant"].ok
    assert not by_label["broken-photo"].ok and by_label["broken-photo"].status == "FAILED"
    printed = out.getvalue()
    assert "crackers-date-allergen-faults: fail (failing rules: " in printed
    assert "broken-photo: FAILED" in printed and "3 labels in " in printed
    assert "3/3 labels, 1 failed" in bar.getvalue() and "ETA" in bar.getvalue()


def test_find_labels_takes_a_label_folder_or_a_folder_of_them(tmp_path: Path) -> None:
    batch = _copy_samples(tmp_path, ["granola-compliant", "soup-nutrition-faults"])
    assert [p.name for p in find_labels([batch], SUFFIXES)] == ["granola-compliant", "soup-nutrition-faults"]
    assert [p.name for p in find_labels([batch / "granola-compliant"], SUFFIXES)] == ["granola-compliant"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(BatchInputError, match="no label folder"):
        find_labels([tmp_path / "empty"], SUFFIXES)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        pytest.param("notes.docx", b"x", "unsupported file type '.docx'", id="unsupported-file"),
        pytest.param("FRONT.txt", b"x", "already used", id="same-panel-name"),
        pytest.param("context.json", b"[1]", "JSON object", id="context-not-an-object"),
    ],
)
def test_a_bad_label_folder_is_refused_by_name(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    label = _copy_samples(tmp_path, ["granola-compliant"]) / "granola-compliant"
    (label / name).write_bytes(content)
    with pytest.raises(BatchInputError, match=problem):
        load_label(label, IntakeLimits())


def test_one_label_raising_does_not_stop_the_others(tmp_path: Path) -> None:
    labels = [LabelFolder(f"label-{i}", tmp_path, {"front.txt": b"x"}, {}) for i in range(5)]

    def run(label: LabelFolder) -> RunResult:
        if label.name == "label-2":
            raise ConnectionError("storage emulator went away")
        report = tmp_path / label.name / "report.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps({"summary": {"verdict": "pass", "failing_rules": []}}), encoding="utf-8")
        return RunResult(f"job-{label.name}", "DONE", [report])

    outcomes = run_batch(labels, run, workers=3)
    assert [o.ok for o in outcomes] == [True, True, False, True, True]
    assert outcomes[2].status == "ERROR" and "storage emulator went away" in (outcomes[2].error or "")


def test_progress_shows_counts_rate_and_eta() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(4, stream, clock=lambda: now[0])
    now[0] = 30.0
    progress.advance(True)
    now[0] = 60.0
    progress.advance(False)
    assert progress.text().startswith("[" + "#" * 15 + "." * 15 + "] 2/4 labels, 1 failed, 2 labels/min")
    assert progress.text().endswith("ETA 1:00")


@pytest.mark.emulator
def test_labeliq_submit_takes_a_folder_of_labels(
    stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from labeliq.cli import main as cli_main

    stack_file = tmp_path / "stack.json"
    stack.client.save(stack_file)
    batch = _copy_samples(tmp_path, ["soup-nutrition-faults"])
    argv = ["submit", str(batch), "--stack", str(stack_file), "--out", str(tmp_path / "out"), "--workers", "2"]
    code = cli_main(argv)
    printed = capsys.readouterr()
    assert code == 0, printed
    assert "1 label(s), 1 at a time" in printed.out
    assert "soup-nutrition-faults: fail (failing rules: " in printed.out
    assert "1/1 labels, 0 failed" in printed.err
