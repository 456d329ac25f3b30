"""The rules of cfia-rules.md the country_of_origin checker judges (section 3), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "country_of_origin"

R3_3 = Rule(
    id="3.3",
    title='Imported, wholly made abroad, Canadian dealer shown: "Imported by / Importé par" or "Imported…',
    citation="SFCR 223(1),(2), 206(2)",
    checker=CHECKER,
)
R3_4 = Rule(
    id="3.4",
    title='The origin statement ("Product of X") sits in close proximity to the dealer name, in characters…',
    citation="SFCR 223(3)",
    checker=CHECKER,
)
R3_5 = Rule(
    id="3.5",
    title='Mandatory "Product of [country]" for some commodities: wine & brandy, dairy, honey, fish, fresh…',
    citation="ILT country-origin",
    checker=CHECKER,
)
R3_6 = Rule(
    id="3.6",
    title='Voluntary "Product of France and United States" (multiple countries) is not acceptable',
    citation="ILT origin-claims",
    checker=CHECKER,
)
R3_7 = Rule(
    id="3.7",
    title='"Product of Canada": all or virtually all major ingredients, processing and labour are Canadian',
    citation="ILT origin-claims",
    checker=CHECKER,
)
R3_8 = Rule(
    id="3.8",
    title='"Made in Canada" must carry a qualifier: "from imported ingredients" or "from domestic and…',
    citation="ILT origin-claims",
    checker=CHECKER,
)
R3_9 = Rule(
    id="3.9",
    title='"Local" = produced in the province/territory of sale, or sold within 50 km across a border',
    citation="ILT origin-claims",
    checker=CHECKER,
)
R3_10 = Rule(
    id="3.10",
    title="A reference to where the *label/container* was made needs a statement that it refers only to the…",
    citation="SFCR 222",
    checker=CHECKER,
)
