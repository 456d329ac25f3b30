"""The job page's view of a report: citations linked to the official text, grouping, the checklist, NFt, EN/FR."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from labeliq.models import ProductContext
from labeliq.web.citations import citation_parts
from labeliq.web.context_fields import CONTEXT_FIELDS
from labeliq.web.facts_view import bilingual_rows, correctable_facts
from labeliq.web.nutrition_view import nutrition_rows
from labeliq.web.report_view import build_report_view

FDR = "https://laws-lois.justice.gc.ca/eng/regulations/C.R.C.,_c._870/"
SFCR = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2018-108/"


@pytest.mark.parametrize(
    ("citation", "links"),
    [
        pytest.param("FDR B.01.007(5)", [("B.01.007(5)", FDR + "section-B.01.007.html")], id="fdr-section"),
        pytest.param(
            "FDR B.01.010.3(1)(b), B.01.010.2(6)(b)",
            [
                ("B.01.010.3(1)(b)", FDR + "section-B.01.010.3.html"),
                ("B.01.010.2(6)(b)", FDR + "section-B.01.010.2.html"),
            ],
            id="fdr-two-sections",
        ),
        pytest.param("SFCR 223(1)", [("223(1)", SFCR + "section-223.html")], id="sfcr-section"),
        pytest.param(
            "SFCR 210(2),(3), 211; FDR B.01.401",
            [
                ("210(2)", SFCR + "section-210.html"),
                ("211", SFCR + "section-211.html"),
                ("B.01.401", FDR + "section-B.01.401.html"),
            ],
            id="both-regulations",
        ),
        pytest.param("SFCR Schedule 6", [], id="schedule-not-a-section"),
        pytest.param("CFIA ILT, date markings", [], id="guidance-not-linked"),
    ],
)
def test_citation_links_go_to_the_section_on_justice_laws(citation: str, links: list[tuple[str, str]]) -> None:
    parts = citation_parts(citation)
    assert "".join(p.text for p in parts) == citation
    assert [(p.text, p.url) for p in parts if p.url] == links


def test_the_context_form_has_every_context_key_and_no_other() -> None:
    assert [f.key for f in CONTEXT_FIELDS] == list(ProductContext.model_fields)
    assert all(f.help and f.label for f in CONTEXT_FIELDS)


def test_failures_first_grouped_by_rule_and_every_finding_has_a_unique_element(soup_report: dict[str, Any]) -> None:
    view = build_report_view(soup_report)
    assert [g.rule for g in view.failing] == soup_report["summary"]["failing_rules"]
    everything = [
        f
        for groups in (view.failing, view.review, view.passed, view.not_applicable)
        for g in groups
        for f in g.findings
    ] + view.checklist
    assert len(everything) == view.total == sum(view.counts.values())
    assert len({f.dom_id for f in everything}) == view.total
    assert all(f.verdict == "fail" for g in view.failing for f in g.findings)


def test_package_only_checks_go_to_the_checklist(soup_report: dict[str, Any]) -> None:
    report = copy.deepcopy(soup_report)
    # The soup's text settles every label question, so one label-scope question is added: a serving doubt the label
    # text raises must stay in "Needs review" even though its message talks about size.
    findings = report["results"]["nutrition_facts"]["findings"]
    question = {
        **findings[0],
        "rule": "10.E8",
        "verdict": "needs_review",
        "scope": "label",
        "message": "The serving size (250 mL) is far from the reference amount: is the serving of stated size right?",
        "finding_id": "10.E8-label-question",
    }
    findings.append(question)
    view = build_report_view(report)
    checklist = {f.rule for f in view.checklist}
    assert {"1.3", "5.14", "7.12", "10.E9"} <= checklist  # type height, type style, symbol look, NFt presentation
    review = {g.rule for g in view.review}
    assert review == {"10.E8"}  # the label's own question stays in "Needs review", whatever its words
    assert not checklist & review


def test_english_and_french_findings_of_a_rule_sit_together_english_first() -> None:
    def finding(message: str) -> dict[str, Any]:
        return {"rule": "5.15", "verdict": "fail", "message": message, "evidence": "", "citation": "FDR B.01.008"}

    report = {
        "results": {
            "ingredients": {
                "group": "content",
                "findings": [
                    finding("The French list is not set apart."),
                    finding("Another rule."),
                    finding("The English list is not set apart."),
                ],
            }
        },
        "summary": {"failing_rules": ["5.15"], "counts": {"fail": 3}},
    }
    view = build_report_view(report)
    assert [f.language for f in view.failing[0].findings] == ["EN", "FR", ""]


def test_nutrition_rows_show_printed_beside_what_the_checkers_expect(soup_report: dict[str, Any]) -> None:
    rows = {r.key: r for r in nutrition_rows(soup_report) or []}
    assert rows["fat"].printed_amount == "2.3 g" and rows["fat"].expected_amount == "2.5 g"
    assert rows["fat"].verdict == "fail"
    assert rows["sodium"].printed_dv == "20 %" and rows["sodium"].expected_dv == "21 %"
    assert rows["potassium"].expected_dv == "12 %"
    assert rows["protein"].expected_amount == "as printed"


def test_bilingual_pairs_and_correctable_facts(soup_report: dict[str, Any]) -> None:
    facts = soup_report["label_facts"]
    names = [r for r in bilingual_rows(facts) if r.element == "Common name"]
    assert names and names[0].english and names[0].french
    paths = {c.path for c in correctable_facts(facts)}
    assert "nutrition_facts.nutrients.fat.amount" in paths and "common_names.0.text" in paths


def test_the_reports_own_scope_decides_the_checklist_when_present() -> None:
    def finding(message: str, scope: str) -> dict[str, Any]:
        return {"rule": "1.3", "verdict": "needs_review", "message": message, "evidence": "", "citation": "SFCR 210",
                "scope": scope}  # fmt: skip

    report = {"results": {"common_name": {"group": "identity", "findings": [
        finding("Type height of the common name", "package"), finding("Type height, but judged from text", "label")
    ]}}, "summary": {"needs_review_rules": ["1.3"], "counts": {"needs_review": 2}}}  # fmt: skip
    view = build_report_view(report)
    assert [f.message for f in view.checklist] == ["Type height of the common name"]
    assert [f.message for g in view.review for f in g.findings] == ["Type height, but judged from text"]
