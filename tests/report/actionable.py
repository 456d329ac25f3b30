"""What makes a report's findings actionable (issue 15), checked on every report the tests make from real labels.

A fail says what to change and a review item the one question to answer, in English and French; every finding
quotes its evidence or says where the label was read; a highlight lies inside its evidence; and the reader never
meets the tool's own jargon. `problems` lists what is wrong, so a test can show every miss at once.
"""

from __future__ import annotations

from labeliq.models import Finding, Report, Verdict

# Words of the tool, not of the regulations, that once reached the reader.
JARGON = ("no LLM is configured", "LLM judge", "we believe")


def finding_problems(checker: str, finding: Finding) -> list[str]:
    where = f"{checker} {finding.rule} {finding.verdict.value}"
    out: list[str] = []
    if finding.verdict == Verdict.FAIL and not (finding.fix.strip() and finding.fr and finding.fr.fix.strip()):
        out.append(f"{where}: a fail without its fix (EN and FR): {finding.message}")
    if finding.verdict == Verdict.NEEDS_REVIEW and not (
        finding.question.strip() and finding.fr and finding.fr.question.strip()
    ):
        out.append(f"{where}: a review item without its question (EN and FR): {finding.message}")
    if finding.fr is None or not finding.fr.message.strip():
        out.append(f"{where}: no French message")
    if not finding.evidence.strip():
        out.append(f"{where}: no evidence and no word of where it was looked for")
    if finding.highlight is not None:
        start, end = finding.highlight
        if not 0 <= start < end <= len(finding.evidence):
            out.append(f"{where}: highlight {finding.highlight} outside its evidence")
    if "TPNCSC" in finding.message and "Table of Permitted" not in finding.message:
        out.append(f"{where}: the abbreviation TPNCSC unexplained: {finding.message}")
    out += [f"{where}: jargon {word!r} in {finding.message!r}" for word in JARGON if word in finding.message]
    return out


def problems(report: Report) -> list[str]:
    return [p for name, result in report.results.items() for f in result.findings for p in finding_problems(name, f)]
