"""`labeliq check` and `labeliq schema` as a user runs them: a subprocess, its exit code, its files, its words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import jsonschema
import pytest

from labeliq import cli, label_files
from labeliq.checks.llm_judge import LlmJudge
from labeliq.cli import check as cli_check
from labeliq.models import LabelFacts, ProductContext, Report
from labeliq.report import report_schema_json

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (REPO / "samples").iterdir() if p.is_dir() and any(p.glob("*.txt")))
SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def labeliq(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "labeliq.cli", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=120,
    )


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "labeliq"
    done = subprocess.run([script, "--help"], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0
    assert "check" in done.stdout and "schema" in done.stdout


# --- the samples ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_check_a_sample_writes_a_valid_report_and_docx(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    panels = sorted(sample.glob("*.txt"))
    done = labeliq("check", "--fail-on", "fail", "--context", sample / "context.json", "--out", out, *panels)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    fails = report["summary"]["counts"]["fail"]
    assert done.returncode == (1 if fails else 0), done.stderr  # --fail-on fail
    assert (f"--fail-on fail: {fails} finding(s)" in done.stderr) == bool(fails)
    jsonschema.validate(report, SCHEMA)
    assert report["context"]["date"] == json.loads((sample / "context.json").read_text())["date"]
    assert {p["name"] for p in report["label_facts"]["panels"]} == {p.stem for p in sample.glob("*.txt")}
    title = docx.Document(str(out / "report.docx")).paragraphs[0].text
    assert title == f"Label compliance report: {report['product']}"
    failing = ", ".join(report["summary"]["failing_rules"]) or "none"
    assert f"failing rules: {failing}" in done.stdout
    assert f"overall: {report['summary']['verdict']}" in done.stdout
    assert str(out / "report.docx") in done.stdout
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # no temp file left behind


def test_default_out_dir_is_labeliq_out_in_the_working_directory(tmp_path: Path) -> None:
    sample = REPO / "samples" / "crackers-date-allergen-faults"
    done = labeliq("check", *[p.resolve() for p in sample.glob("*.txt")], cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # it has fails, but without --fail-on the check ran: 0
    assert "failing rules: none" not in done.stdout
    assert (tmp_path / "labeliq-out" / "report.json").is_file()
    assert (tmp_path / "labeliq-out" / "report.docx").is_file()
    assert (tmp_path / "labeliq-out" / "labeliq.log").is_file()


def test_report_language_fr_writes_the_word_report_in_french(tmp_path: Path) -> None:
    sample = REPO / "samples" / "crackers-date-allergen-faults"
    out = tmp_path / "out"
    code = cli.main(["check", "--report-language", "fr", "--out", str(out), *map(str, sorted(sample.glob("*.txt")))])
    assert code == 0
    paragraphs = [p.text for p in docx.Document(str(out / "report.docx")).paragraphs]
    assert paragraphs[0].startswith("Rapport de conformité de l'étiquette : ")
    assert "À corriger et à confirmer" in paragraphs and "What to fix and what to confirm" not in paragraphs
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["failing_rules"]  # report.json is the same whatever the Word report's language


def test_an_unknown_report_language_is_bad_input(tmp_path: Path) -> None:
    sample = REPO / "samples" / "crackers-date-allergen-faults"
    done = labeliq("check", "--report-language", "de", "--out", tmp_path / "out", *sorted(sample.glob("*.txt")))
    assert done.returncode == 2
    assert "--report-language" in done.stderr and "'de'" in done.stderr
    assert not (tmp_path / "out").exists()


# --- bad input: exit 2, a message naming the file and the problem, nothing written ------------------------------


def _panel(folder: Path, name: str, text: str | bytes = "Oat Bars\nBarres d'avoine\n") -> Path:
    path = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param({"front.doc": "Oat Bars"}, ["front.doc", "unsupported file type '.doc'"], id="unknown-extension"),
        pytest.param({"front.txt": ""}, ["front.txt", "is empty"], id="empty-file"),
        pytest.param({"front.txt": "  \n\n  "}, ["front.txt", "is empty"], id="whitespace-only"),
        pytest.param({"front.txt": b"Barres \xe0 l'avoine"}, ["front.txt", "not UTF-8"], id="not-utf8"),
        pytest.param({"front.txt": b"Oat\x00Bars"}, ["front.txt", "NUL"], id="binary"),
        pytest.param({"a/back.txt": "x", "b/back.txt": "y"}, ["back.txt", "panel name 'back'"], id="duplicate-names"),
        pytest.param({"front.txt": "x", "FRONT.png": b"\x89PNG"}, ["FRONT.png", "panel name 'FRONT'"], id="dup-case"),
    ],
)
def test_bad_panel_files_exit_2_naming_the_file(
    tmp_path: Path, files: dict[str, str | bytes], expected: list[str]
) -> None:
    paths = [_panel(tmp_path / Path(name).parent, Path(name).name, text) for name, text in files.items()]
    out = tmp_path / "out"
    done = labeliq("check", "--out", out, *paths)
    assert done.returncode == 2, done.stdout + done.stderr
    for words in expected:
        assert words in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (out / "report.json").exists()


def test_missing_file_exits_2(tmp_path: Path) -> None:
    done = labeliq("check", "--out", tmp_path / "out", tmp_path / "front.txt")
    assert done.returncode == 2
    assert f"{tmp_path / 'front.txt'}: no such file" in done.stderr


def test_a_corrupt_image_is_refused_with_exit_2(tmp_path: Path) -> None:
    image = _panel(tmp_path, "front.jpg", b"this is not a photo of a label")
    done = labeliq("check", "--out", tmp_path / "out", image)
    assert done.returncode == 2, done.stderr
    assert "front.jpg" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        pytest.param('{"colour": "red"}', "unknown key 'colour'", id="unknown-key"),
        pytest.param('{"date": "24/11/2026"}', "'date'", id="bad-date"),
        pytest.param('{"durable_life_days": -3}', "'durable_life_days'", id="negative-days"),
        pytest.param('{"reference_amount": {"value": 30, "unit": "oz"}}', "'reference_amount.unit'", id="bad-unit"),
        pytest.param('{"imported": true,', "not valid JSON", id="invalid-json"),
        pytest.param("[1, 2]", "must be a JSON object", id="not-an-object"),
    ],
)
def test_bad_context_exits_2_naming_the_key(tmp_path: Path, context: str, expected: str) -> None:
    context_file = _panel(tmp_path, "context.json", context)
    done = labeliq("check", "--context", context_file, "--out", tmp_path / "out", _panel(tmp_path, "front.txt"))
    assert done.returncode == 2
    assert str(context_file) in done.stderr
    assert expected in done.stderr


def test_bad_date_says_the_expected_format(tmp_path: Path) -> None:
    context_file = _panel(tmp_path, "context.json", '{"date": "2026-13-01"}')
    done = labeliq("check", "--context", context_file, "--out", tmp_path / "out", _panel(tmp_path, "front.txt"))
    assert done.returncode == 2
    assert "YYYY-MM-DD" in done.stderr


def test_missing_context_file_exits_2(tmp_path: Path) -> None:
    done = labeliq("check", "--context", tmp_path / "nope.json", "--out", tmp_path, _panel(tmp_path, "front.txt"))
    assert done.returncode == 2
    assert "nope.json: no such context file" in done.stderr


def test_no_input_is_a_usage_error(tmp_path: Path) -> None:
    done = labeliq("check", "--out", tmp_path)
    assert done.returncode == 2
    assert "INPUT" in done.stderr


# --- internal errors and atomic outputs (in-process, with a fault injected) -------------------------------------


def _old_report(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text('{"old": true}', encoding="utf-8")
    (out / "report.docx").write_bytes(b"old docx")


def test_an_internal_error_exits_1_with_one_line_and_the_traceback_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_check(*args: object, **kwargs: object) -> Report:
        raise RuntimeError("registry exploded")

    monkeypatch.setattr("labeliq.label_files.parse_panels", lambda panels: LabelFacts(panels=panels))
    monkeypatch.setattr("labeliq.pipeline.check_label", broken_check)
    out = tmp_path / "out"
    _old_report(out)
    code = cli.main(["check", "--out", str(out), str(_panel(tmp_path, "front.txt"))])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == f"labeliq: internal error: RuntimeError: registry exploded (details in {out / 'labeliq.log'})"
    log = [json.loads(line) for line in (out / "labeliq.log").read_text(encoding="utf-8").splitlines()]
    assert any("registry exploded" in entry.get("stack_trace", "") for entry in log)
    assert (out / "report.json").read_text(encoding="utf-8") == '{"old": true}'
    assert (out / "report.docx").read_bytes() == b"old docx"


def test_a_rendering_failure_leaves_the_previous_report_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_render(report: Report, max_evidence_chars: int = 0) -> bytes:
        raise OSError("disk full")

    monkeypatch.setattr("labeliq.label_files.parse_panels", lambda panels: LabelFacts(panels=panels))
    monkeypatch.setattr("labeliq.docx_report.render_docx", broken_render)
    out = tmp_path / "out"
    _old_report(out)
    assert cli.main(["check", "--out", str(out), str(_panel(tmp_path, "front.txt"))]) == 1
    assert (out / "report.json").read_text(encoding="utf-8") == '{"old": true}'
    assert sorted(p.name for p in out.iterdir()) == ["labeliq.log", "report.docx", "report.json"]


def test_write_atomically_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    label_files.write_atomically(target, b"new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "report.docx"
    label_files.write_atomically(fresh, b"docx")
    assert fresh.stat().st_mode & 0o777 == 0o644  # readable like any written file, not 0600 like a temp file


def test_in_process_check_uses_the_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[ProductContext] = []
    real = __import__("labeliq.pipeline", fromlist=["check_label"]).check_label

    def spy(facts: LabelFacts, context: ProductContext, job_id: str, llm: object = None) -> Report:
        seen.append(context)
        assert isinstance(llm, LlmJudge) and llm.client is None  # offline by default
        report: Report = real(facts, context, job_id)
        return report

    monkeypatch.setattr("labeliq.label_files.parse_panels", lambda panels: LabelFacts(panels=panels))
    monkeypatch.setattr("labeliq.pipeline.check_label", spy)
    monkeypatch.delenv("LABELIQ_LLM_ENABLED", raising=False)
    context_file = _panel(tmp_path, "context.json", '{"durable_life_days": 60, "date": "2026-11-24"}')
    code = cli.main(
        ["check", "--context", str(context_file), "--out", str(tmp_path / "o"), str(_panel(tmp_path, "front.txt"))]
    )
    assert code == 0
    assert seen[0].durable_life_days == 60
    assert seen[0].judged_on().isoformat() == "2026-11-24"


# --- schema ------------------------------------------------------------------------------------------------------


def test_schema_prints_the_report_schema() -> None:
    done = labeliq("schema")
    assert done.returncode == 0
    assert done.stdout == report_schema_json()


def test_schema_check_passes_on_the_committed_file_and_fails_on_a_stale_one(tmp_path: Path) -> None:
    assert labeliq("schema", "--check", REPO / "docs" / "report.schema.json").returncode == 0
    stale = _panel(tmp_path, "schema.json", "{}")
    done = labeliq("schema", "--check", stale)
    assert done.returncode == 1
    assert "out of date" in done.stderr


def test_schema_out_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.schema.json"
    assert labeliq("schema", "--out", target).returncode == 0
    assert target.read_text(encoding="utf-8") == report_schema_json()


# --- the LLM judge: off by default, a clear error when misconfigured ----------------------------------------------


def test_offline_the_judge_has_no_client_and_files_its_questions_as_needs_review(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LABELIQ_LLM_ENABLED", raising=False)
    judge = cli_check.judge_from_env()
    assert isinstance(judge, LlmJudge) and judge.client is None


def test_an_enabled_llm_gives_a_judge_without_calling_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_LLM_ENABLED", "true")
    monkeypatch.setenv("LABELIQ_LLM_API_KEY", "test-key-not-used")
    judge = cli_check.judge_from_env()
    assert judge is not None and callable(judge.judge_results)


def test_an_enabled_llm_without_credentials_is_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_LLM_ENABLED", "true")
    monkeypatch.delenv("LABELIQ_LLM_API_KEY", raising=False)
    monkeypatch.delenv("LABELIQ_LLM_PROJECT", raising=False)
    done = labeliq("check", "--out", tmp_path / "out", _panel(tmp_path, "front.txt"))
    assert done.returncode == 2
    assert "LLM settings" in done.stderr and "LABELIQ_LLM_API_KEY" in done.stderr
