"""The rules of cfia-rules.md the supplements checker judges (section 12), each declared once.

Findings are made from these objects (labeliq.checks.common.findings); `labeliq rules ID` shows where each is
judged and docs/rules.md lists them all.
"""

from labeliq.checks.common.rule import Rule

CHECKER = "supplements"

R12_1 = Rule(
    id="12.1",
    title="A supplemented food (prepackaged food with added supplemental ingredients: vitamins, minerals,…",
    citation="FDR B.29.002, B.01.401(4),(5)",
    checker=CHECKER,
)
R12_2 = Rule(
    id="12.2",
    title="Cautionary statements (from column 4 of the List of Permitted SIs) go in a list titled…",
    citation="FDR B.29.020(1),(2)",
    checker=CHECKER,
)
R12_3 = Rule(
    id="12.3",
    title="The cautionary list is adjacent to the SFFt of the same language, with no intervening material",
    citation="FDR B.29.020(3)–(5)",
    checker=CHECKER,
)
R12_4 = Rule(
    id="12.4",
    title="Some SIs trigger cautions at any level (e.g. zinc, vitamin A retinol, L-asparagine), others only…",
    citation="ILT supplemented-foods",
    checker=CHECKER,
)
R12_5 = Rule(
    id="12.5",
    title="Supplemented food caution identifier (SFCI) (Schedule K.2) is required on the PDP whenever there…",
    citation="FDR B.29.021–B.29.025",
    checker=CHECKER,
)
R12_6 = Rule(
    id="12.6",
    title='Claims with cautions: no generic "maintenance of good health" function claim for an SI that has…',
    citation="FDR B.29.026–B.29.028",
    checker=CHECKER,
)
R12_7 = Rule(
    id="12.7",
    title="Health-related representations on SF labels with cautions: letters ≤ 2× the SFCI letters (on the…",
    citation="FDR B.29.029",
    checker=CHECKER,
)
R12_8 = Rule(
    id="12.8",
    title="A non-SF product containing an SF as an ingredient is adulterated",
    citation="FDR B.29.030",
    checker=CHECKER,
)
R12_9 = Rule(
    id="12.9",
    title="FOP symbol rules apply to SFs. Exemption for ADS < 100 cm² (with conditions; always exempt if it…",
    citation="FDR B.01.350(13.1),(13.2)",
    checker=CHECKER,
)
R12_10 = Rule(
    id="12.10",
    title="Transition: the SOR/2022-169 transitional sections 32–35 ceased 2025-12-31, so full compliance…",
    citation="FDR Related Provisions SOR/2022-169 s.36",
    checker=CHECKER,
)
R12_11 = Rule(
    id="12.11",
    title='Small packages (ADS < 100 cm²): the SFFt may be replaced by "how to obtain" information, with…',
    citation="FDR B.29.018, B.29.019; ILT",
    checker=CHECKER,
)
