"""The rules of cfia-rules.md the bilingual checker judges (section 2), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "bilingual"

R2_1 = Rule(
    id="2.1",
    title="All mandatory information is in both official languages",
    citation="FDR B.01.012(2); SFCR 206(1)",
    checker=CHECKER,
)
R2_2 = Rule(
    id="2.2",
    title="Exception: the name and principal place of business may be in EN or FR only",
    citation="FDR B.01.012(9); SFCR 206(1)",
    checker=CHECKER,
)
R2_3 = Rule(
    id="2.3",
    title="Exception: local food and test-market food, where one official language is the mother tongue of…",
    citation="FDR B.01.012(1),(3)–(6)",
    checker=CHECKER,
)
R2_4 = Rule(
    id="2.4",
    title="Exception: specialty food (religious significance, or an imported food not widely used and with…",
    citation="FDR B.01.012(1),(7); ILT bilingual-food-labelling",
    checker=CHECKER,
)
R2_6 = Rule(
    id="2.6",
    title="Separate EN and FR PDPs are allowed if the other surface is of the same size and prominence as…",
    citation="FDR B.01.012(8)",
    checker=CHECKER,
)
R2_7 = Rule(
    id="2.7",
    title="Voluntary claims that must then be bilingual: nutrient content claims, health claims, optional…",
    citation="FDR B.01.501, B.01.600, B.01.402(9); SFCR 355",
    checker=CHECKER,
)
R2_8 = Rule(
    id="2.8",
    title="No other language is allowed inside the NFt. Other languages elsewhere are fine",
    citation="ILT bilingual-food-labelling",
    checker=CHECKER,
)
R2_9 = Rule(
    id="2.9",
    title="EN and FR versions of the ingredient list, the Contains statement, the May-contain declaration…",
    citation="FDR B.01.008.2(9), B.01.010.3(3), B.01.010.4(2), B.29.020(5)",
    checker=CHECKER,
)
R2_10 = Rule(
    id="2.10",
    title="Quebec adds French-language rules on top of these (Charter/Bill 96). Out of scope for federal rules",
    citation="ILT",
    checker=CHECKER,
)
