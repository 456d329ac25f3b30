"""The rules of cfia-rules.md the net_quantity checker judges (section 3), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "net_quantity"

R3_11 = Rule(
    id="3.11",
    title="Net quantity on the PDP of consumer prepackaged food, in metric units",
    citation="SFCR 221, 232",
    checker=CHECKER,
)
R3_12 = Rule(
    id="3.12",
    title="Units: mL if < 1000 mL, L if ≥ 1000 mL, g if < 1000 g, kg if ≥ 1000 g. 500 may be written 0.5 L…",
    citation="SFCR 233",
    checker=CHECKER,
)
R3_13 = Rule(id="3.13", title="Written to 3 figures", citation="SFCR 234, 235; ILT net-quantity", checker=CHECKER)
R3_14 = Rule(
    id="3.14",
    title="Bilingual symbols: g, kg, mL/ml/mℓ, L/l/ℓ. No punctuation after the symbol",
    citation="ILT net-quantity",
    checker=CHECKER,
)
R3_15 = Rule(
    id="3.15",
    title='Qualifiers such as "approximately", "average weight", "big litre" or "full litre" are prohibited',
    citation="SFCR 199(1)(a) via ILT",
    checker=CHECKER,
)
R3_16 = Rule(
    id="3.16",
    title="Numerals in bold, in distinct contrast",
    citation="SFCR 229, 230, Sch. 6; ILT legibility-and-location",
    checker=CHECKER,
)
R3_17 = Rule(
    id="3.17",
    title="Metric and Canadian (imperial) units must be grouped",
    citation="SFCR 236, 237; ILT net-quantity",
    checker=CHECKER,
)
