"""The Nutrition Facts table as printed beside what the checkers say it should show, one row per nutrient.

"Expected" is never recomputed here: it is read from the checkers' own findings for that row (rounding: 10.B/10.C,
%DV: 10.D/10.E), so the page and the report can never disagree. A row whose findings all pass shows "as printed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_ROW_RULE = re.compile(r"^10\.[A-Z]\d*\.(?P<key>[a-z_0-9]+)$")
_EXPECTED_AMOUNT = re.compile(r"requires [^;]*\((?P<value>[^()]+)\)")
_EXPECTED_PERCENT = re.compile(r"(?:= |must be |should be |requires )(?P<value>\d+(?:\.\d+)?(?: or \d+)? ?%)")
_SEVERITY = {"not_applicable": 0, "pass": 1, "needs_review": 2, "fail": 3}


@dataclass
class NutrientRow:
    key: str
    label: str
    printed_amount: str
    printed_dv: str
    expected_amount: str = "as printed"
    expected_dv: str = "as printed"
    verdict: str = "not_applicable"
    messages: list[str] = field(default_factory=list)


def _findings_by_row(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for result in (report.get("results") or {}).values():
        for finding in result.get("findings") or []:
            match = _ROW_RULE.match(str(finding.get("rule", "")))
            if match:
                rows.setdefault(match.group("key"), []).append(finding)
    return rows


def _percent(value: Any) -> str:
    if value is None:
        return "—"
    return f"{float(value):g} %"


def nutrition_rows(report: dict[str, Any]) -> list[NutrientRow] | None:
    """Rows in the table's printed order, or None when no Nutrition Facts table was read."""
    nft = (report.get("label_facts") or {}).get("nutrition_facts")
    if not isinstance(nft, dict):
        return None
    by_row = _findings_by_row(report)
    rows: list[NutrientRow] = []
    if nft.get("calories_text"):
        rows.append(
            NutrientRow("calories", "Calories", str(nft["calories_text"]).removeprefix("Calories").strip(), "—")
        )
    for key, nutrient in (nft.get("nutrients") or {}).items():
        rows.append(
            NutrientRow(
                key=key,
                label=str(nutrient.get("label") or key),
                printed_amount=str(nutrient.get("amount_text") or "—"),
                printed_dv=_percent(nutrient.get("dv_percent")),
            )
        )
    for row in rows:
        findings = by_row.get(row.key, [])
        if not findings:
            row.expected_amount = row.expected_dv = "not checked"
            continue
        row.verdict = max((str(f.get("verdict")) for f in findings), key=lambda v: _SEVERITY.get(v, 0))
        for finding in findings:
            if finding.get("verdict") != "fail":
                continue
            message = str(finding.get("message", ""))
            row.messages.append(message)
            if "%DV" in message or "Daily Value" in message:
                found = _EXPECTED_PERCENT.search(message)
                row.expected_dv = found.group("value") if found else "see finding"
            else:
                found = _EXPECTED_AMOUNT.search(message)
                row.expected_amount = found.group("value") if found else "see finding"
    return rows
