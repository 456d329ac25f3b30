"""The rules of cfia-rules.md the date_marking checker judges (section 6), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "date_marking"

R6_1 = Rule(
    id="6.1",
    title='Durable life ≤ 90 days and packaged somewhere other than the retail store: show a "best before"…',
    citation="FDR B.01.007(1.1)(b)",
    checker=CHECKER,
)
R6_2 = Rule(
    id="6.2",
    title='Packaged at the retail store: a "packaged on" / "empaqueté le" date + the durable life (on the…',
    citation="FDR B.01.007(1.1)(c),(1.2)",
    checker=CHECKER,
)
R6_3 = Rule(
    id="6.3",
    title='The words go with the date, unless a clear explanation appears elsewhere ("Best before: see bottom")',
    citation="FDR B.01.007(4)(a), B.01.005(4)",
    checker=CHECKER,
)
R6_4 = Rule(
    id="6.4",
    title="Format: year first (optional; at least 2 digits), then month, then day (numbers)",
    citation="FDR B.01.007(4)",
    checker=CHECKER,
)
R6_5 = Rule(
    id="6.5",
    title="Month abbreviations, one bilingual set only: JA FE MR AL MA JN JL AU SE OC NO DE. Otherwise…",
    citation="FDR B.01.007(5); ILT date-markings",
    checker=CHECKER,
)
R6_7 = Rule(
    id="6.7",
    title="Exempt from date marking: prepackaged fresh fruit/veg, restaurant portions, commissary/vending…",
    citation="FDR B.01.007(3)",
    checker=CHECKER,
)
R6_8 = Rule(
    id="6.8",
    title="Durable life > 90 days: the date is optional, but if a durable-life date is shown it must follow…",
    citation="FDR B.01.007(6)",
    checker=CHECKER,
)
R6_9 = Rule(
    id="6.9",
    title='"Use by / employez avant" is allowed only for prepackaged fresh yeast',
    citation="FDR B.01.007(7)",
    checker=CHECKER,
)
R6_10 = Rule(
    id="6.10",
    title="Expiration date is required on formulated liquid diets, meal replacements, nutritional…",
    citation="ILT; FDR B.24.103(g), B.24.202(d), B.24.304(h), B.25.057, B.25.020; SFCR 216.1",
    checker=CHECKER,
)
R6_11 = Rule(
    id="6.11",
    title='Storage instructions when conditions differ from room temperature, e.g. "Keep refrigerated /…',
    citation="FDR B.01.007(1.1)(b)(ii), B.27.002(2); SFCR 48(2)",
    checker=CHECKER,
)
R6_12 = Rule(
    id="6.12",
    title="Date, words, explanation and storage text are not grouped with the ingredient list",
    citation="ILT",
    checker=CHECKER,
)
R6_13 = Rule(
    id="6.13", title='Lot codes containing "BB/MA" are discouraged (risk of confusion)', citation="ILT", checker=CHECKER
)
