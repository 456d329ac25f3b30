"""`make run` without what the local stack needs (issue 16, the newcomer's edges): one line that says what is
missing and how to get it, never a traceback, and never an old run's log in place of this run's reason."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devstack.processes import ManagedProcess, StackError


def run_stack(tmp_path: Path, path_dirs: list[Path]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": os.pathsep.join(map(str, path_dirs))}
    return subprocess.run(
        [sys.executable, "-m", "devstack.stack", "--no-samples", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )


def one_friendly_line(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()], done.stderr
    assert words in done.stderr, done.stderr


def test_without_gcloud_make_run_ends_with_one_friendly_line(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    one_friendly_line(run_stack(tmp_path, [empty]), "gcloud is not on PATH")


def test_without_java_the_message_says_so_and_no_old_log_buries_it(tmp_path: Path) -> None:
    found = shutil.which("gcloud")
    if found is None:
        pytest.skip("needs gcloud on PATH (to leave out only java)")
    only_gcloud = tmp_path / "bin"
    only_gcloud.mkdir()
    (only_gcloud / "gcloud").symlink_to(found)
    old_log = tmp_path / "out" / "logs" / "firestore-emulator.log"
    old_log.parent.mkdir(parents=True)
    old_log.write_text("Traceback (most recent call last):\nOLD FAILURE FROM AN EARLIER RUN\n", encoding="utf-8")
    done = run_stack(tmp_path, [only_gcloud])
    one_friendly_line(done, "java is not on PATH")
    assert "OLD FAILURE" not in done.stderr + done.stdout


def test_a_process_that_dies_is_explained_by_this_run_s_log_lines_only(tmp_path: Path) -> None:
    log = tmp_path / "emulator.log"
    log.write_text("old line from yesterday\n", encoding="utf-8")
    process = ManagedProcess("emulator", ["/bin/sh", "-c", "echo fresh reason; exit 3"], log, dict(os.environ)).start()
    try:
        deadline = time.monotonic() + 10
        while process.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        with pytest.raises(StackError) as info:
            process.check_alive()
    finally:
        process.stop()
    assert "fresh reason" in str(info.value)
    assert "old line" not in str(info.value)


def test_a_program_that_is_missing_is_a_stack_error_not_a_traceback(tmp_path: Path) -> None:
    process = ManagedProcess("emulator", [str(tmp_path / "no-such-program")], tmp_path / "x.log", dict(os.environ))
    with pytest.raises(StackError, match=r"emulator could not start: .*no-such-program"):
        process.start()


def test_make_run_says_what_needs_review_means(tmp_path: Path) -> None:
    from devstack.stack import VERDICT_LEGEND, finished_lines

    lines = finished_lines(tmp_path)
    assert lines[0] == f"reports are in {tmp_path}/<sample>/ (report.json, report.docx)"
    assert "needs_review (a person must look" in VERDICT_LEGEND
    assert VERDICT_LEGEND in lines
