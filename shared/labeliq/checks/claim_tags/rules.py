"""The rules of cfia-rules.md the claim_tags checker judges (section 8), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "claim_tags"

R8_1 = Rule(
    id="8.1", title="Natural (guidance, outcome-based)", citation="ILT method-production-claims", checker=CHECKER
)
R8_2 = Rule(
    id="8.2",
    title='Kosher: the word "kosher", Hebrew letters or any mark implying kosher only if the food meets…',
    citation="FDR B.01.049; ILT",
    checker=CHECKER,
)
R8_3 = Rule(
    id="8.3",
    title='Halal: the word "halal", Arabic letters or an implying mark requires the name of the certifying…',
    citation="FDR B.01.050; ILT",
    checker=CHECKER,
)
R8_4 = Rule(
    id="8.4", title="Homemade: only for food that is not commercially prepared", citation="ILT", checker=CHECKER
)
R8_5 = Rule(
    id="8.5",
    title="Artisan made: small batches, traditional manual methods, household-kitchen additives only",
    citation="ILT",
    checker=CHECKER,
)
R8_6 = Rule(
    id="8.6",
    title='Organic ("organic/biologique", "organically grown/produced/raised" and similar): only if the…',
    citation="SFCR 353(1)",
    checker=CHECKER,
)
R8_7 = Rule(
    id="8.7",
    title='Below 95 %: only "X % organic ingredients", with X rounded down, in the same size and prominence',
    citation="SFCR 353(2),(3); ILT organic-claims",
    checker=CHECKER,
)
R8_8 = Rule(
    id="8.8",
    title="The label must name the certification body (abbreviation OK if identifiable)",
    citation="SFCR 354(a)–(c)",
    checker=CHECKER,
)
R8_9 = Rule(
    id="8.9",
    title='Canada Organic logo: only at ≥ 95 %. On imports: "Product of X" or "Imported" near the logo,…',
    citation="SFCR 354(d), 355, 359",
    checker=CHECKER,
)
R8_10 = Rule(
    id="8.10",
    title='Not permitted: "100 % organic (product)"; "made with organic ingredients" / "made with organic…',
    citation="ILT organic-claims",
    checker=CHECKER,
)
R8_11 = Rule(id="8.11", title="Organic claims must be bilingual (unless exempt)", citation="SFCR 355", checker=CHECKER)
R8_12 = Rule(
    id="8.12",
    title="GE / non-GMO claims: voluntary, truthful, guided by CAN/CGSB-32.315",
    citation="ILT",
    checker=CHECKER,
)
R8_13 = Rule(
    id="8.13",
    title='Meat, poultry and fish raising claims: "raised without the use of antibiotics"; "raised without…',
    citation="ILT method-production-claims",
    checker=CHECKER,
)
