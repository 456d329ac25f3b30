"""The rules of cfia-rules.md the common_name checker judges (section 1), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "common_name"

R1_1 = Rule(
    id="1.1",
    title="Common name required on the principal display panel (PDP)",
    citation="FDR B.01.006(1); SFCR 218(1)(a)",
    checker=CHECKER,
)
R1_2 = Rule(id="1.2", title="Bilingual", citation="FDR B.01.012(2); SFCR 206(1)", checker=CHECKER)
R1_3 = Rule(id="1.3", title="Minimum type height", citation="SFCR 210(2),(3), 211; ILT common-name", checker=CHECKER)
R1_5 = Rule(
    id="1.5",
    title='"True nature" words required when the product could be mistaken for another food (packing…',
    citation="FDR B.01.006.1",
    checker=CHECKER,
)
R1_6 = Rule(id="1.6", title="Standardized names must be used exactly", citation="ILT common-name", checker=CHECKER)
# A sub-case of 1.6 (cfia-rules.md has no row for Division 12): water named mineral or spring water, other
# prepackaged water and ice carry the statements Division 12 prescribes. Declared with its aspect, so the finding id
# is 1.6.water and the rules index lists it under 1.6.
R1_6_WATER = Rule(
    id="1.6",
    aspect="water",
    title="Prepackaged water and ice: source location, dissolved mineral salts and fluoride in ppm (mineral or "
    "spring water); fluoride in ppm on the PDP (other water, ice)",
    citation="FDR B.12.002, B.12.008",
    checker=CHECKER,
)
R1_7 = Rule(
    id="1.7",
    title="Coined names, trade names and brand names are generally not acceptable as common names",
    citation="ILT common-name",
    checker=CHECKER,
)
R1_8 = Rule(
    id="1.8",
    title='Simulated meat: the common name must include "simulated" (e.g. "simulated chicken")',
    citation="FDR B.01.100(1) via ILT",
    checker=CHECKER,
)
R1_9 = Rule(
    id="1.9",
    title="Artificial flavour with a pictorial representation of the natural flavour: the label must say…",
    citation="SFCR 224, 229(1)(b); FDR B.10.008 via ILT",
    checker=CHECKER,
)
