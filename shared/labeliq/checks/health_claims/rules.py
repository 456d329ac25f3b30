"""The rules of cfia-rules.md the health_claims checker judges (section 14), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "health_claims"

R14_A1 = Rule(
    id="14.A1",
    title="Only claims in the Table of Permitted Nutrient Content Statements and Claims (TPNCSC,…",
    citation="FDR B.01.502",
    checker=CHECKER,
)
R14_A2 = Rule(
    id="14.A2",
    title="All words and numbers of a claim have the same size and prominence",
    citation="FDR B.01.503(3)",
    checker=CHECKER,
)
R14_A3 = Rule(
    id="14.A3",
    title="Required accompanying information (column 3) sits adjacent to the claim, with no intervening…",
    citation="FDR B.01.504",
    checker=CHECKER,
)
R14_A4 = Rule(
    id="14.A4",
    title='"very", "ultra", "extra" or any modifier must not precede or follow a claim',
    citation="FDR B.01.511(2); PG CFIA sodium claims page",
    checker=CHECKER,
)
R14_A5 = Rule(
    id="14.A5",
    title="A claim on a food not specially processed to meet it (inherently low/free) must not be tied to…",
    citation="FDR B.01.511(3),(4)",
    checker=CHECKER,
)
R14_A6 = Rule(
    id="14.A6",
    title='Foods solely for children < 4 years: only "source of protein", "excellent source of protein",…',
    citation="FDR B.01.503(2), B.01.601(1)(c)",
    checker=CHECKER,
)
R14_A7 = Rule(
    id="14.A7",
    title="Any claim triggers an NFt and the claimed nutrient must be in it",
    citation="FDR B.01.401(3)(e), B.01.402(4)",
    checker=CHECKER,
)
R14_A8 = Rule(id="14.A8", title="Claims must be bilingual", citation="FDR B.01.501", checker=CHECKER)
R14_A10 = Rule(
    id="14.A10",
    title='"Unsweetened" only if it meets "no added sugars" and contains no sweetener',
    citation="FDR B.01.509",
    checker=CHECKER,
)
R14_A11 = Rule(
    id="14.A11",
    title="Breakfast cereal protein claims refer to 30 g cereal + 125 mL milk",
    citation="FDR B.01.510",
    checker=CHECKER,
)
R14_A12 = Rule(
    id="14.A12",
    title='"Light"/"léger" for a sensory characteristic (e.g. light taste or colour) must name the…',
    citation="FDR B.01.513",
    checker=CHECKER,
)
R14_A13 = Rule(
    id="14.A13",
    title="Diet representations (energy-reduced diet, sodium-restricted diet) are allowed only together…",
    citation="FDR B.01.507, B.01.508",
    checker=CHECKER,
)
R14_A14 = Rule(
    id="14.A14",
    title="Vitamin/mineral claims: the nutrient must have a DV (Table of DVs Part 2), be ≥ 5 % DV per…",
    citation="FDR D.01.004, D.01.006, D.02.002",
    checker=CHECKER,
)
R14_B = Rule(
    id="14.B",
    title="Items of the Table of Permitted Nutrient Content Statements and Claims (from FDR cross-references) "
    "and their criteria",
    citation="FDR B.01.503; Table of Permitted Nutrient Content Statements and Claims",
    checker=CHECKER,
)
R14_C = Rule(
    id="14.C",
    title="Diet-related health claims: the table following B.01.603",
    citation="FDR B.01.603, table",
    checker=CHECKER,
)
