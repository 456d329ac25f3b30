"""The rules of cfia-rules.md the irradiation checker judges (section 4), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "irradiation"

R4_1 = Rule(
    id="4.1",
    title="Only the foods in the Div. 26 table may be irradiated: potatoes, onions, wheat/flour/whole-wheat…",
    citation="FDR B.26.003 + table",
    checker=CHECKER,
)
R4_2 = Rule(
    id="4.2",
    title="Prepackaged irradiated food: the international symbol (radura) on the PDP, plus a statement…",
    citation="FDR B.01.035(1),(3)",
    checker=CHECKER,
)
R4_3 = Rule(
    id="4.3",
    title="Symbol outer diameter ≥ the height of the net-quantity numerals (3.16). On a sign for bulk food:…",
    citation="FDR B.01.035(5)",
    checker=CHECKER,
)
R4_4 = Rule(
    id="4.4",
    title='An irradiated ingredient making up ≥ 10 % of the product is preceded by "irradiated" in the…',
    citation="FDR B.01.035(6)",
    checker=CHECKER,
)
R4_5 = Rule(id="4.5", title="Statements bilingual", citation="FDR B.01.035(7),(8),(10)", checker=CHECKER)
