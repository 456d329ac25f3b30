"""The samples are the product's acceptance test: the compliant label has no fail, the faulty ones fail with
the rules their faults break. Run in one process over the quick path behind `make check-samples`."""

from __future__ import annotations

from pathlib import Path

import pytest

from labeliq import samples_run
from labeliq.checks import registry
from labeliq.config import load_settings
from labeliq.models import Report

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _report(name: str, tmp_path: Path) -> Report:
    outcome = samples_run.check_sample(SAMPLES / name, tmp_path, load_settings())
    assert outcome.report is not None, outcome.problem
    return outcome.report


def _built(checker: str) -> bool:
    return checker in {spec.name for spec in registry.available_checkers()}


def test_compliant_sample_has_no_fail(tmp_path: Path) -> None:
    report = _report("granola-compliant", tmp_path)
    fails = [(name, f.rule, f.message) for name, r in report.results.items() for f in r.findings if f.verdict == "fail"]
    assert fails == []


@pytest.mark.parametrize(
    ("sample", "checker", "section"),
    [
        pytest.param("crackers-date-allergen-faults", "date_marking", "6.", id="crackers-6-JU-is-not-a-month"),
        pytest.param("crackers-date-allergen-faults", "allergens_gluten", "9.", id="crackers-9-milk-sulphites"),
        pytest.param("soup-nutrition-faults", "nutrition_facts", "10.B", id="soup-10.B-rounding"),
        pytest.param("soup-nutrition-faults", "nutrition_facts", "10.E", id="soup-10.E-dv-and-calories"),
    ],
)
def test_faulty_samples_fail_with_their_rules(tmp_path: Path, sample: str, checker: str, section: str) -> None:
    if not _built(checker):
        pytest.skip(f"checker {checker} is not built yet")
    report = _report(sample, tmp_path)
    failing = [f.rule for f in report.results[checker].findings if f.verdict == "fail"]
    assert any(rule.startswith(section) for rule in failing), failing


def test_samples_run_prints_the_table_and_where_the_reports_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = samples_run.main(["--samples", str(SAMPLES), "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].split() == ["sample", "overall", "fail", "review", "pass", "n/a", "failing", "rules"]
    for sample in (p for p in SAMPLES.iterdir() if p.is_dir()):
        assert sample.name in out
        assert (tmp_path / sample.name / "report.json").is_file()
        assert str(tmp_path / sample.name / "report.docx") in out


def test_samples_run_refuses_a_folder_without_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert samples_run.main(["--samples", str(tmp_path / "none"), "--out", str(tmp_path / "out")]) == 2
    assert "no sample folders" in capsys.readouterr().err
