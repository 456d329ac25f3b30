"""The rules of cfia-rules.md the sweeteners checker judges (section 11), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "sweeteners"

R11_1 = Rule(
    id="11.1",
    title="Only sweeteners on Health Canada's List of Permitted Sweeteners (List 9), used per its conditions",
    citation="ILT sweeteners",
    checker=CHECKER,
)
R11_2 = Rule(
    id="11.2",
    title="Aspartame ⇒ a statement warning people with phenylketonuria that the food contains…",
    citation="FDR B.16.016(1); ILT",
    checker=CHECKER,
)
R11_3 = Rule(
    id="11.3",
    title="The phenylalanine statement is bold, immediately after the list in the same language (same line…",
    citation="FDR B.16.016(2), B.01.010.3(1)(a.1)",
    checker=CHECKER,
)
R11_4 = Rule(
    id="11.4",
    title="Table-top sweetener with aspartame, sucralose, acesulfame-potassium or neotame: state the…",
    citation="FDR B.16.019",
    checker=CHECKER,
)
R11_5 = Rule(
    id="11.5",
    title="Polydextrose: amount in g per serving of stated size must be on the label (it is also counted in…",
    citation="FDR B.16.017; ILT",
    checker=CHECKER,
)
R11_6 = Rule(
    id="11.6",
    title="Erythritol: amount in g per serving, unless the label carries an NFt/SFFt. Grouped with the…",
    citation="FDR B.16.018",
    checker=CHECKER,
)
R11_7 = Rule(
    id="11.7",
    title="Added sugar alcohols (isomalt, lactitol, maltitol, maltitol syrup, mannitol, sorbitol, sorbitol…",
    citation="FDR B.01.402(6); ILT",
    checker=CHECKER,
)
R11_9 = Rule(
    id="11.9",
    title="Steviol glycosides: no extra labelling beyond the ingredient list",
    citation="ILT sweeteners; FDR E.01.001–E.01.005",
    checker=CHECKER,
)
