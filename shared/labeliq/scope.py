"""Which findings only the physical package can settle: the report's checklist, kept apart from the verdict.

A rule about type size, colour, borders and backgrounds, where things sit on the package, or a graphic (the radura,
the front-of-package nutrition symbol, the supplemented food caution identifier) cannot be judged from the label's
text however good the text is. Such a needs_review finding is a check for a person holding the package, not doubt
about the label: it carries scope "package", goes into summary.package_checks, and does not hold the overall
verdict at needs_review. Any other finding, and any pass or fail, has scope "label".
"""

from __future__ import annotations

from labeliq.models import CheckResult, Finding, Verdict

# Rows of cfia-rules.md whose needs_review is about the physical package (its "How to check" column says type size,
# colour, layout, bold, proximity on the package, or a symbol graphic).
PACKAGE_RULES: frozenset[str] = frozenset(
    {
        "1.3",  # common name type height (SFCR 210, 211)
        "1.9",  # "imitation" on or near a picture (SFCR 224, 229(1)(b))
        "2.6",  # separate EN/FR panels of the same size and prominence (B.01.012(8))
        "2.9",  # EN and FR versions not starting on the same line (B.01.008.2(9) ...)
        "3.4",  # origin statement near the dealer, letters as high (SFCR 223(3))
        "3.16",  # net quantity numerals: bold, contrast, Schedule 6 heights (SFCR 229, 230)
        "4.2",  # radura on the principal display panel (B.01.035(1))
        "4.3",  # radura diameter (B.01.035(5))
        "5.14",  # list type: colour, x-height, leading, bold (B.01.008.1)
        "5.15",  # list border or contrasting background (B.01.008.2(2))
        "6.12",  # date not grouped with the list (layout)
        "7.12",  # nutrition symbol appearance (B.01.351, B.01.352)
        "7.14",  # symbol placement (B.01.354, B.01.355)
        "7.16",  # letter size of health representations against the symbol (B.01.357)
        "7.17",  # look-alike symbols (B.01.358)
        "9.9",  # Contains title 0.2 mm taller (B.01.010.3(1)(a)(iv))
        "10.A7",  # table format version that fits 15 % of the display surface (B.01.454 ff.)
        "10.E9",  # table presentation: colour, type, rules (B.01.450, B.01.451)
        "11.3",  # phenylalanine statement in bold inside the border (B.16.016(2))
        "12.2.presentation",  # caution list title in bold, border or contrasting background (B.29.020(1)(b), (2))
        "12.3",  # caution list adjacent to the table, same border (B.29.020(3)-(5))
        "12.5",  # caution identifier graphic: format, size, placement (B.29.021-B.29.025)
        "12.7",  # letter size of health representations against the identifier (B.29.029)
        "14.A2",  # claim words of the same size and prominence (B.01.503(3))
        "14.A3",  # accompanying information adjacent, letters as large (B.01.504)
    }
)


def base_rule(rule: str) -> str:
    """`10.E9` for `10.E9`, `4.2` for `4.2.1`, `10.A7` for `10.A7.format` (a rule id and its sub-ids)."""
    for known in sorted(PACKAGE_RULES, key=len, reverse=True):
        if rule == known or rule.startswith(known + ".") or rule.startswith(known + "("):
            return known
    return rule


def scope_of(finding: Finding) -> str:
    if (
        finding.verdict == Verdict.NEEDS_REVIEW
        and finding.source == "rules"
        and base_rule(finding.rule) in PACKAGE_RULES
    ):
        return "package"
    return "label"


def scoped(result: CheckResult) -> CheckResult:
    """The result with each finding's scope set (a stored result from an older run is scoped the same way)."""
    findings = [f.model_copy(update={"scope": scope_of(f)}) for f in result.findings]
    return result.model_copy(update={"findings": findings})
