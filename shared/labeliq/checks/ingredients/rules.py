"""The rules of cfia-rules.md the ingredients checker judges (section 5), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "ingredients"

R5_1 = Rule(
    id="5.1",
    title="Required for products with > 1 ingredient, unless exempt",
    citation="FDR B.01.008(1)(b),(2)",
    checker=CHECKER,
)
R5_2 = Rule(
    id="5.2",
    title='Title "Ingredients:" (or "Ingredients" / "Ingredients :") and "Ingrédients :", in bold, with…',
    citation="FDR B.01.008.2(1)",
    checker=CHECKER,
)
R5_3 = Rule(
    id="5.3", title="Descending order by weight before combining", citation="FDR B.01.008.2(3)(a)", checker=CHECKER
)
R5_4 = Rule(
    id="5.4",
    title="Items allowed at the end in any order: spices/herbs/seasonings (other seasonings only if ≤ 2 %…",
    citation="FDR B.01.008.2(4)",
    checker=CHECKER,
)
R5_5 = Rule(
    id="5.5",
    title="Case: each ingredient in lower case with the first letter upper case",
    citation="FDR B.01.008.2(3)(b); ILT",
    checker=CHECKER,
)
R5_6 = Rule(
    id="5.6",
    title="Separator: bullet or comma between ingredients",
    citation="FDR B.01.008.2(3)(c),(5)(d)",
    checker=CHECKER,
)
R5_7 = Rule(
    id="5.7",
    title="Components go in parentheses right after the ingredient (after the allergen source if one is…",
    citation="FDR B.01.008.2(5),(6)",
    checker=CHECKER,
)
R5_8 = Rule(
    id="5.8",
    title='Sugars grouping: all sugars-based ingredients go in parentheses after "Sugars" / "Sucres". The…',
    citation="FDR B.01.008.3(1)–(3); ILT Annex 1",
    checker=CHECKER,
)
R5_9 = Rule(
    id="5.9",
    title="Sugars grouping not required for: sweetening agents themselves; unsweetened juices and purées;…",
    citation="FDR B.01.008.3(4)",
    checker=CHECKER,
)
R5_10 = Rule(
    id="5.10",
    title="Sugar alcohols and sweeteners (maltitol, steviol glycosides, aspartame) must not be put in the…",
    citation="ILT list-ingredients-and-allergens",
    checker=CHECKER,
)
R5_12 = Rule(
    id="5.12",
    title="Components of the items in the B.01.009(1) table (butter, margarine, shortening, lard, …) need…",
    citation="FDR B.01.009",
    checker=CHECKER,
)
R5_13 = Rule(
    id="5.13",
    title="Class names are allowed only as the Common Names for Ingredients and Components Document allows",
    citation="FDR B.01.010; ILT food-additives",
    checker=CHECKER,
)
R5_14 = Rule(
    id="5.14",
    title="Type: single colour equivalent to 100 % black on white or neutral (≤ 5 % tint); sans-serif;…",
    citation="FDR B.01.008.1; ILT",
    checker=CHECKER,
)
R5_15 = Rule(
    id="5.15",
    title="The list is set apart by a solid-line border/lines or a contrasting background",
    citation="FDR B.01.008.2(2), B.01.010.3(1)(a.2), B.01.010.4(1)(c)",
    checker=CHECKER,
)
R5_16 = Rule(
    id="5.16",
    title="Location: any panel except the bottom alone (ornamental containers excepted)",
    citation="FDR B.01.005, B.01.008",
    checker=CHECKER,
)
R5_17 = Rule(id="5.17", title="EN and FR lists must match in content", citation="ILT; CFIA checklist", checker=CHECKER)
R5_18 = Rule(
    id="5.18",
    title='"May contain X" / "and/or" substitution wording is allowed for a 12-month variation of…',
    citation="FDR B.01.011; SFCR 284",
    checker=CHECKER,
)
