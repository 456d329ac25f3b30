"""The rendered report's length, measured on the printed pages: LibreOffice converts it to PDF, poppler reads it back.

Skipped where LibreOffice or poppler is not installed; the structure tests in test_docx.py run everywhere.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.docx_report import render_docx
from labeliq.models import Finding, LabelFacts, Panel, ProductContext, Report
from labeliq.pipeline import check_label
from tests.report.conftest import Installer

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="needs LibreOffice (soffice) and poppler (pdftotext)"
)

LONG = (
    "The English 'Contains' statement does not list Milk, although the English list of ingredients (panel "
    "'side') shows it; when a Contains statement is used it must name every food allergen source."
)
EVIDENCE = "Ingredients: Enriched wheat flour, Canola oil, Cheddar cheese (milk, bacterial culture, salt)"


def _checker(index: int) -> tuple[str, list[Finding]]:
    """A checker with a realistic mix: mostly passes with quoted evidence, a few not-applicable, some open."""
    findings = [
        passed(
            f"{index}.{n}",
            f"Rule {index}.{n} holds: the statement is shown in both languages.",
            "FDR B.01.012(2)",
            EVIDENCE,
            "side",
        )
        for n in range(1, 7)
    ]
    findings += [not_applicable(f"{index}.{n}", "No such claim was found on the label.", "CFIA ILT") for n in (7, 8)]
    if index % 2:
        findings.append(failed(f"{index}.9", LONG, "FDR B.01.010.3(1)(b)", "Contains: Wheat, Barley.", "side"))
    if index % 3 == 0:
        findings += [review(f"{index}.{n}", LONG, "FDR B.01.008.2(1)", EVIDENCE, "side") for n in (10, 11)]
    return f"checker_{index}", findings


@pytest.fixture
def large_report(fake_checkers: Installer) -> Report:
    """About the size of a real label's report: 13 checkers, ~110 findings, 7 failures, 8 open questions."""
    checkers = {}
    for index in range(1, 14):
        name, findings = _checker(index)
        group = ("identity", "content", "tables")[index % 3]
        checkers[name] = (group, lambda _facts, _context, found=findings: found)
    fake_checkers(checkers)  # type: ignore[arg-type]
    facts = LabelFacts(panels=[Panel(name="front", is_principal_display=True, text="Crackers")])
    return check_label(facts, ProductContext(date=dt.date(2026, 11, 24)), "job-pages")


def _pdf_pages(report: Report, tmp_path: Path) -> list[str]:
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(report))
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"  # never share a running soffice's profile
    subprocess.run(
        [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(tmp_path / "report.pdf"), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode()
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def test_a_full_label_report_is_a_short_read_with_the_summary_up_front(large_report: Report, tmp_path: Path) -> None:
    pages = _pdf_pages(large_report, tmp_path)
    findings = sum(len(r.findings) for r in large_report.results.values())
    assert findings > 100
    body = next(i for i, page in enumerate(pages) if "Appendix: passed and not-applicable" in page)
    assert body <= 5, f"the summary and checker sections take {body} pages"
    assert len(pages) <= 11, f"{len(pages)} pages for {findings} findings"
    first = pages[0]
    assert "Overall verdict: FAIL" in first and "Failing rules" in first
    assert "Identity checks" not in first  # the summary has the first page to itself
