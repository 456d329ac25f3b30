"""Stable finding ids, so a reviewer's decision names the same finding in every version of a job's report.

An id is derived from what the finding is about (checker, rule, panel, evidence), never from its position or its
message wording: the same finding in a recheck of the same label gets the same id, and a decision made on one
version applies to the next. Two findings with the same key are told apart by their order (-2, -3, ...).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from labeliq.models import CheckResult, Finding


def finding_key(checker: str, finding: Finding) -> str:
    evidence = " ".join(finding.evidence.split())
    return "\x1f".join((checker, finding.rule, finding.panel or "", evidence))


def finding_id(checker: str, finding: Finding) -> str:
    digest = hashlib.sha256(finding_key(checker, finding).encode()).hexdigest()[:10]
    return f"{finding.rule}-{digest}"


def with_finding_ids(results: Mapping[str, CheckResult]) -> dict[str, CheckResult]:
    """The results with every finding carrying its id (an id already set is kept)."""
    seen: dict[str, int] = {}
    out: dict[str, CheckResult] = {}
    for checker, result in results.items():
        findings: list[Finding] = []
        for finding in result.findings:
            if finding.finding_id:
                findings.append(finding)
                continue
            base = finding_id(checker, finding)
            seen[base] = seen.get(base, 0) + 1
            new_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
            findings.append(finding.model_copy(update={"finding_id": new_id}))
        out[checker] = result.model_copy(update={"findings": findings})
    return out
