"""Every finding of every sample's report is actionable: a fix for a fail, a question for a review item, French
text, and evidence (issue 15). The eval cases check the same through tests/eval/run_eval.score.

Photo samples are left out: their checkers are the text samples' ones, and OCR makes them slow.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from labeliq import samples_run
from labeliq.config import load_settings
from labeliq.models import Panel, ProductContext, Report, Verdict
from labeliq.relabel.job import relabel_report
from labeliq.relabel.translate import GlossaryTranslator
from tests.report.actionable import problems

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (REPO / "samples").iterdir() if p.is_dir() and any(p.glob("*.txt")))
RELABEL = sorted(p for p in (REPO / "samples-relabel").iterdir() if p.is_dir() and any(p.glob("*.txt")))


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    out = tmp_path_factory.mktemp("samples")
    reports: dict[str, Report] = {}
    for folder in SAMPLES:
        outcome = samples_run.check_sample(folder, out, load_settings())
        assert outcome.report is not None, outcome.problem
        reports[folder.name] = outcome.report
    for folder in RELABEL:
        panels = [Panel(name=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
        context = ProductContext.model_validate(json.loads((folder / "context.json").read_text(encoding="utf-8")))
        reports[f"relabel/{folder.name}"] = relabel_report(panels, context, f"test-{folder.name}", GlossaryTranslator())
    return reports


def test_the_samples_are_all_there(sample_reports: dict[str, Report]) -> None:
    assert {"crackers-date-allergen-faults", "soup-nutrition-faults", "relabel/italian-sauce"} <= set(sample_reports)


def test_every_finding_of_every_sample_is_actionable(sample_reports: dict[str, Report]) -> None:
    found = [f"{name}: {p}" for name, report in sample_reports.items() for p in problems(report)]
    assert found == []


def test_the_crackers_fixes_name_the_labels_own_words(sample_reports: dict[str, Report]) -> None:
    report = sample_reports["crackers-date-allergen-faults"]
    fails = {f.rule: f for r in report.results.values() for f in r.findings if f.verdict == Verdict.FAIL}
    assert fails["6.5"].fix == "Write the month 'JU' as JN (June) or JL (July)."
    assert fails["6.5"].fr is not None and "JN (juin) ou JL (juillet)" in fails["6.5"].fr.fix
    sulphites = [f for r in report.results.values() for f in r.findings if f.rule == "9.5" and f.verdict == "fail"]
    english = next(f for f in sulphites if "sulphur dioxide" in f.fix)
    assert "(sulphites)" in english.fix and "Contains" in english.fix
    assert english.highlight is not None and english.evidence[slice(*english.highlight)] == "sulphur dioxide"
    contains = [f for r in report.results.values() for f in r.findings if f.rule == "9.7" and f.verdict == "fail"]
    assert any('"Contains: Wheat, Barley, Milk, Sulphites."' in f.fix for f in contains)


def test_every_finding_of_the_crackers_has_evidence_and_a_panel_or_says_where_it_looked(
    sample_reports: dict[str, Report],
) -> None:
    report = sample_reports["crackers-date-allergen-faults"]
    for result in report.results.values():
        for finding in result.findings:
            assert finding.evidence.strip()
            if finding.panel is None and finding.location is None:
                quoted = not finding.evidence.startswith(("Looked for on every panel", "No single passage"))
                assert quoted or "front" in finding.evidence, finding


def test_a_short_report_cell_still_shows_the_sulphiting_agent(sample_reports: dict[str, Report]) -> None:
    """The summary's 90-character cell once stopped at "culture, s…"; it is now cut around the highlight."""
    from labeliq.docx_findings import evidence_lines

    report = sample_reports["crackers-date-allergen-faults"]
    finding = next(
        f for r in report.results.values() for f in r.findings if f.rule == "9.5" and "sulphur dioxide" in f.fix
    )
    cell = evidence_lines(finding, 90)[0]
    assert "sulphur dioxide" in cell and cell.startswith("…") and len(cell) <= 90


def test_the_soup_fixes_give_the_values_to_print(sample_reports: dict[str, Report]) -> None:
    report = sample_reports["soup-nutrition-faults"]
    fails = {f.rule: f for r in report.results.values() for f in r.findings if f.verdict == Verdict.FAIL}
    assert fails["10.B.fat"].fix.startswith("Print fat as 2.5 g instead of 2.3 g")
    assert fails["10.B.fat"].fr is not None and fails["10.B.fat"].fr.fix.startswith("Indiquez 2,5 g au lieu de 2,3 g")
    assert fails["10.E1.sodium"].fix == "Print the % Daily Value of sodium as 21 % instead of 20 %."
    sodium = fails["10.E1.sodium"]
    assert sodium.highlight is not None and sodium.evidence[slice(*sodium.highlight)] == "20 %"
