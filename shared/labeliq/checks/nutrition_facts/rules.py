"""The rules of cfia-rules.md the nutrition_facts checker judges (section 10), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "nutrition_facts"

R10_A1 = Rule(
    id="10.A1",
    title="Required on prepackaged products, with exemptions: all values round to 0; alcohol > 0.5 %; raw…",
    citation="FDR B.01.401(2)",
    checker=CHECKER,
)
R10_A2 = Rule(
    id="10.A2",
    title="The exemption is lost if: vitamins or minerals are added; a vitamin/mineral is declared in the…",
    citation="FDR B.01.401(3)",
    checker=CHECKER,
)
R10_A3 = Rule(
    id="10.A3",
    title="An NFt is prohibited on supplemented foods (they carry an SFFt), meal replacements, nutritional…",
    citation="FDR B.01.401(4),(5)",
    checker=CHECKER,
)
R10_A4 = Rule(
    id="10.A4",
    title="Small packages with ADS < 100 cm² may omit the NFt if they say how to obtain the information…",
    citation="FDR B.01.467",
    checker=CHECKER,
)
R10_A5 = Rule(
    id="10.A5",
    title="Foreign NFts (e.g. a US panel) are not allowed, alone or next to the Canadian one",
    citation="ILT/PG nutrition-facts-table",
    checker=CHECKER,
)
R10_A6 = Rule(
    id="10.A6",
    title="Simplified format is allowed when ≥ 6 of items 2–5 and 7–15 {energy, fat, sat, trans,…",
    citation="FDR B.01.401(6),(6.1)",
    checker=CHECKER,
)
R10_A7 = Rule(
    id="10.A7",
    title="Format version: the largest version that fits within 15 % of the ADS, with fall-backs",
    citation="FDR B.01.454 ff.; PG NutriCalc",
    checker=CHECKER,
)
R10_B = Rule(
    id="10.B",
    title="Core information, descriptions (EN / FR), units and rounding (the table to B.01.401, read verbatim)",
    citation="FDR B.01.401, table",
    checker=CHECKER,
)
R10_C = Rule(
    id="10.C",
    title="Additional information (B.01.402) — rounding of items an extractor may meet",
    citation="FDR B.01.402",
    checker=CHECKER,
)
R10_D = Rule(
    id="10.D",
    title="Daily Values (Table of Daily Values, incorporated by reference; not in the FDR text)",
    citation="FDR B.01.401; Table of Daily Values",
    checker=CHECKER,
)
R10_E1 = Rule(
    id="10.E1",
    title="%DV for mineral nutrients (sodium, potassium, calcium, iron) is computed from the rounded…",
    citation="FDR B.01.401(1.2)",
    checker=CHECKER,
)
R10_E2 = Rule(
    id="10.E2",
    title="%DV for fat, sat+trans, fibre, sugars: the FDR does not say rounded or unrounded",
    citation="FDR B.01.401 items 3,6,10,11",
    checker=CHECKER,
)
R10_E3 = Rule(id="10.E3", title='Declared "0 g"/"0 mg" ⇒ %DV must be "0 %"', citation="FDR same items", checker=CHECKER)
R10_E4 = Rule(
    id="10.E4",
    title="sat + trans ≤ fat; sugars + fibre ≤ carbohydrate (Canadian carbohydrate includes fibre, sugar…",
    citation='PG CFIA "Elements within the NFt: carbohydrates"',
    checker=CHECKER,
)
R10_E5 = Rule(
    id="10.E5",
    title="Energy cross-check: Atwater average factors protein 4, fat 9, carbohydrate 4, alcohol 7 kcal/g.…",
    citation='PG CFIA "Elements within the NFt: energy"; PG CFIA 2003 Guide §6.4.1 (factors 4/9/4/7; 1 Cal = 4.184 kJ)',
    checker=CHECKER,
)
R10_E6 = Rule(
    id="10.E6",
    title="kJ (optional) ≈ Cal × 4.184, rounded to 10 kJ",
    citation="FDR B.01.402 item 2; PG",
    checker=CHECKER,
)
R10_E8 = Rule(
    id="10.E8",
    title="Serving size should match the Table of Reference Amounts",
    citation="CFIA checklist ILT",
    checker=CHECKER,
)
R10_E9 = Rule(
    id="10.E9",
    title="NFt presentation: single colour, 100 % black on white/neutral (≤ 5 % tint), sans-serif,…",
    citation="FDR B.01.450, B.01.451",
    checker=CHECKER,
)
