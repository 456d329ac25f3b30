"""The rules of cfia-rules.md the name_address checker judges (section 3), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "name_address"

R3_1 = Rule(
    id="3.1",
    title="Name and principal place of business of the person by or for whom the food was made or packaged:…",
    citation="SFCR 218(1)(b),(2); FDR B.01.007(1.1)(a)",
    checker=CHECKER,
)
R3_2 = Rule(
    id="3.2",
    title="The address must be a physical location",
    citation="ILT name-and-principal-place-business",
    checker=CHECKER,
)
