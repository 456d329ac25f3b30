"""The rules of cfia-rules.md the additives checker judges (section 13), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "additives"

R13_1 = Rule(
    id="13.1",
    title="Additives only as permitted by Health Canada's 15 Lists of Permitted Food Additives: 1…",
    citation="ILT food-additives; PG CFIA/canada.ca list pages",
    checker=CHECKER,
)
R13_2 = Rule(
    id="13.2",
    title='Declare each additive by its common name (the name in the Lists, or a CFIA "permitted synonym",…',
    citation="ILT; FDR B.01.008.2(4)(d)",
    checker=CHECKER,
)
R13_3 = Rule(
    id="13.3",
    title="INS numbers or E-numbers alone are not acceptable as the common name",
    citation="ILT food-additives",
    checker=CHECKER,
)
R13_4 = Rule(
    id="13.4",
    title='Class names allowed by CNICD Table 2, e.g. "sodium phosphates"; "sulphites" (see 9.5)',
    citation="ILT; FDR B.01.010(3)(b)",
    checker=CHECKER,
)
R13_5 = Rule(
    id="13.5",
    title='Colours: the specific name (e.g. "allura red", "tartrazine", "tartrazine lake"). "Colour" as a…',
    citation="ILT; FDR B.16.015",
    checker=CHECKER,
)
R13_6 = Rule(
    id="13.6",
    title="Additive preparations and pre-mixes: a quantitative statement of each additive, or directions…",
    citation="FDR B.16.013, B.16.014",
    checker=CHECKER,
)
R13_8 = Rule(
    id="13.8",
    title="Vanilla extract or vanilla flavour (standardized) must not contain added colour",
    citation="FDR B.16.010",
    checker=CHECKER,
)
R13_9 = Rule(
    id="13.9",
    title='Artificial flavour: "artificial" or "imitation" is part of the flavouring name, in the same type',
    citation="FDR B.10.008 via ILT",
    checker=CHECKER,
)
