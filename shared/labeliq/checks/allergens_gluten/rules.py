"""The rules of cfia-rules.md the allergens_gluten checker judges (section 9), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "allergens_gluten"

R9_3 = Rule(
    id="9.3",
    title="Added sulphites at ≥ 10 ppm total must be declared (in the list or in the Contains statement)",
    citation="FDR B.01.010.2(3),(7)",
    checker=CHECKER,
)
R9_4 = Rule(
    id="9.4",
    title='Prescribed source names: tree nuts by the nut name (singular or plural: "almond"/"almonds");…',
    citation="FDR B.01.010.1(6),(7)",
    checker=CHECKER,
)
R9_5 = Rule(
    id="9.5",
    title='Sulphite names: "sulfites", "sulfiting agents", "sulphites", "sulphiting agents". "Sodium…',
    citation="FDR B.01.010.2(6),(8),(10)",
    checker=CHECKER,
)
R9_6 = Rule(
    id="9.6",
    title="Where to declare: the source goes in parentheses immediately after the ingredient/component, or…",
    citation="FDR B.01.010.1(2),(8),(10)",
    checker=CHECKER,
)
R9_7 = Rule(
    id="9.7",
    title='Contains statement: title "Contains" / "Contient" (optional colon) in bold',
    citation="FDR B.01.010.3(1),(2)",
    checker=CHECKER,
)
R9_8 = Rule(
    id="9.8",
    title="Order and placement: list → phenylalanine statement (if any) → Contains → May contain, on the…",
    citation="FDR B.01.010.3(1)(a.1),(a.2), B.01.010.4(1); ILT",
    checker=CHECKER,
)
R9_9 = Rule(
    id="9.9",
    title="If the Contains statement starts on the same line as the phenylalanine statement, its title must…",
    citation="FDR B.01.010.3(1)(a)(iv)",
    checker=CHECKER,
)
R9_10 = Rule(
    id="9.10",
    title='Precautionary ("May contain"): voluntary',
    citation="FDR B.01.010.4(1)(e),(f); ILT allergens-and-gluten",
    checker=CHECKER,
)
R9_11 = Rule(
    id="9.11",
    title='Conflicts: "X-free" together with "may contain X": not acceptable',
    citation="ILT allergens-and-gluten",
    checker=CHECKER,
)
R9_12 = Rule(
    id="9.12",
    title="Gluten-free (B.24.018): prohibited if the food contains any gluten protein from the 5 cereals",
    citation="FDR B.24.018; ILT allergens-and-gluten",
    checker=CHECKER,
)
R9_13 = Rule(
    id="9.13",
    title='"Wheat-free" ≠ "gluten-free". Canary seed cannot claim "wheat-free". Coconut: "does not contain…',
    citation="ILT",
    checker=CHECKER,
)
R9_14 = Rule(
    id="9.14",
    title="Highly refined oils from allergen sources are not subject to the enhanced allergen rules",
    citation="ILT (Health Canada position)",
    checker=CHECKER,
)
R9_15 = Rule(
    id="9.15",
    title="Exempt products (B.01.008(2)(a)–(e)) need no allergen declaration unless a list is shown voluntarily",
    citation="FDR B.01.010.1(4)",
    checker=CHECKER,
)
