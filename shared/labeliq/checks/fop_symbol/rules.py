"""The rules of cfia-rules.md the fop_symbol checker judges (section 7), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "fop_symbol"

R7_1 = Rule(
    id="7.1",
    title="Compliance date: the SOR/2022-168 transitional provision ceased on 2025-12-31, so the symbol is…",
    citation="FDR Related Provisions SOR/2022-168 s.53(7); PG Health Canada/mondaq",
    checker=CHECKER,
)
R7_2 = Rule(
    id="7.2",
    title="A symbol is required when the %DV, computed on the greater of serving of stated size or…",
    citation="FDR B.01.350(1),(2)",
    checker=CHECKER,
)
R7_6 = Rule(
    id="7.6",
    title="Reconstituted products whose RA refers to the prepared form: use the serving of stated size for…",
    citation="FDR B.01.350(3),(4)",
    checker=CHECKER,
)
R7_7 = Rule(
    id="7.7",
    title="Exempt: shipping containers; ADS < 15 cm²; restaurant individual portions; institutional…",
    citation="FDR B.01.350(5)",
    checker=CHECKER,
)
R7_11 = Rule(
    id="7.11",
    title="The symbol is prohibited on: foods for infants 6–12 months, human milk substitutes/fortifiers,…",
    citation="FDR B.01.350(15)",
    checker=CHECKER,
)
R7_12 = Rule(
    id="7.12",
    title="Appearance: black and white, per Schedule K.1. Bilingual horizontal/vertical format, or two…",
    citation="FDR B.01.351, B.01.352",
    checker=CHECKER,
)
R7_13 = Rule(
    id="7.13",
    title="Wording lists only the triggered nutrients, in the fixed combinations (sat fat, sugars, sodium;…",
    citation="FDR B.01.352 table, B.01.357",
    checker=CHECKER,
)
R7_14 = Rule(
    id="7.14",
    title="Placement: on the PDP. Right half if PDP height < width, else upper half",
    citation="FDR B.01.354, B.01.355",
    checker=CHECKER,
)
R7_15 = Rule(
    id="7.15",
    title="Claims interplay: on a PDP that carries a symbol for nutrient X, no nutrient content claim about…",
    citation="FDR B.01.503(1.1), B.01.509(2), B.01.508(2)",
    checker=CHECKER,
)
R7_16 = Rule(
    id="7.16",
    title="Size of health-related representations on the PDP: letters ≤ the symbol's letters when the claim…",
    citation="FDR B.01.357",
    checker=CHECKER,
)
R7_17 = Rule(id="7.17", title="Look-alike symbols are prohibited", citation="FDR B.01.358", checker=CHECKER)
