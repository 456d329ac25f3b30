"""Section 8: method-of-production and certification claims (natural, kosher, halal, homemade,
artisan, organic, GE, raising claims).

Claims are looked for in the label text outside the ingredient list (an "organic oats" entry or a
"natural flavour" in the list is a declaration, not a claim), and in the parser's claims. Rules from
FDR B.01.049-B.01.050, SFCR 353-355 and the CFIA ILT method-of-production and organic-claims pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.checks.additives.checker import classify_additive
from labeliq.checks.claim_tags.rules import (
    R8_1,
    R8_2,
    R8_3,
    R8_4,
    R8_5,
    R8_6,
    R8_7,
    R8_8,
    R8_9,
    R8_10,
    R8_11,
    R8_12,
    R8_13,
)
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.ingredients_text import parsed_lists, text_outside_lists, walk
from labeliq.models import Finding, LabelFacts, ProductContext

CITE_NATURAL = "CFIA ILT, method of production claims (natural)"
CITE_KOSHER = "FDR B.01.049; CFIA ILT, method of production claims (kosher)"
CITE_HALAL = "FDR B.01.050"
CITE_HOMEMADE = "CFIA ILT, method of production claims (homemade)"
CITE_ARTISAN = "CFIA ILT, method of production claims (artisan made)"
CITE_ORGANIC = "SFCR 353(1)"
CITE_ORGANIC_PCT = "SFCR 353(2); CFIA ILT, organic claims"
CITE_CERTIFIER = "SFCR 354(a)-(c); CFIA ILT, organic claims"
CITE_LOGO = "SFCR 354(d), 355"
CITE_ORGANIC_BANNED = "CFIA ILT, organic claims (non permitted claims)"
CITE_ORGANIC_LANG = "SFCR 355(1)"
CITE_GE = "CFIA ILT, method of production claims (genetically engineered foods); CAN/CGSB-32.315"
CITE_RAISING = "CFIA ILT, method of production claims (animal raising claims)"

_NATURAL = re.compile(r"\b(all[- ]natural|natural(ly)?|naturel(le)?s?|naturellement)\b", re.I)
_NOT_NATURAL_CLAIM = re.compile(
    r"natural(ly)? (and artificial )?flavou?rs?|ar[oô]mes? naturels?|naturally occurring|natural source of|"
    r"source naturelle|présent naturellement|naturally present|naturellement présent|"
    # the Supplemented Food Facts table's own statement (FDR B.29.002 table item 17, French version)
    r"quantités naturelles et supplémentées",
    re.I,
)
_KOSHER = re.compile(r"\b(kosher|casher|cach[eè]re?|kasher|pareve|parve)\b|[\u0590-\u05ff]", re.I)
_KOSHER_SALT = re.compile(r"kosher salt|sel (kasher|casher|cach[eè]re?)", re.I)  # a kind of salt, not a claim
_HALAL = re.compile(r"\bhalal\b|[\u0600-\u06ff]", re.I)
_HOMEMADE = re.compile(r"\bhome[- ]?made\b|\bfait (à la )?maison\b", re.I)
_HOMEMADE_QUALIFIED = re.compile(
    r"home[- ]?made[- ](style|taste|flavou?r)|like home[- ]?made|tastes? like home[- ]?made|style (fait )?maison|"
    r"comme (fait )?à la maison|"
    r"goût (du )?fait maison|façon maison|saveur (du )?fait maison",
    re.I,
)
_ARTISAN = re.compile(r"\bartisan(s|al|ale|ales|aux)?\b", re.I)
_GE = re.compile(
    r"\bnon[- ]?gmo\b|\bgmo\b|\bgm[- ]free\b|\bge[- ]free\b|genetically (engineered|modified)|bioengineered|"
    r"\bogm\b|génétiquement modifié",
    re.I,
)
_HORMONE_FREE = re.compile(r"hormone[- ]free|free (of|from) hormones|sans hormones?\b(?!\s+ajoutée)", re.I)
_HORMONES = re.compile(
    r"\bno (added )?hormones|raised without (the use of )?(added )?hormones|sans hormones ajoutées", re.I
)
_ANTIBIOTICS = re.compile(
    r"raised without (the use of )?antibiotics|no antibiotics|antibiotic[- ]free|sans antibiotiques|"
    r"élevés? sans (l'utilisation d')?antibiotiques",
    re.I,
)
_ORGANIC_EN = re.compile(r"\borganic(ally)?\b", re.I)
_ORGANIC_FR = re.compile(r"\bbiologiques?\b|\bbio\b|biologiquement|\borganiques?\b", re.I)
_ORGANIC_PCT = re.compile(
    r"(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:of\s+)?(?:(organic ingredients)|(d['’]\s*ingrédients biologiques))", re.I
)
_HUNDRED = re.compile(r"100\s*%\s*(organic|biologiques?|bio)\b(?!\s+ingr)", re.I)
_MADE_WITH = re.compile(
    r"made with (certified )?organic|"
    r"(fait|fabriqué|préparé)e?s? (avec|à partir) d(es|e|')\s*(ingrédients )?\w*\s*biologiques?",
    re.I,
)
_CERTIFIED_ORGANIC = re.compile(
    r"certified organic|organic certified|certifiée? biologique|biologique certifiée?", re.I
)
_LOGO = re.compile(r"canada organic|biologique canada", re.I)
# "Product of X" or "Imported" (SFCR 354(d)); "made from imported ingredients" is not that statement.
_ORIGIN_NEAR_LOGO = re.compile(
    r"product of \w|produit d[eu'’]\s*\w|\bimported\b(?!\s+ingredients)|\bimportée?\b(?!s)", re.I
)
_CERTIFIER = re.compile(
    r"(?:certified|certification|certifi[ée]e?s?|approved|supervised|inspected)\s+(?:organic\s+|halal\s+|kosher\s+|"
    r"biologiques?\s+|bio\s+)?(?:by|par)\s*:?\s*([A-Z][\w&.'’\- ]{2,60})|"
    r"(?:certification body|certifying body|certifier|organisme de certification|certificateur)\s*:\s*"
    r"([A-Z][\w&.'’\- ]{2,60})",
    re.I,
)
ORGANIC_MIN_PERCENT = 95
ORGANIC_STATEMENT_MIN_PERCENT = 70
ORGANIC_BODIES = (
    "Ecocert", "Pro-Cert", "QAI", "Quality Assurance International", "Québec Vrai", "Quebec Vrai", "TCO Cert",
    "TransCanada Organic", "Centre for Systems Integration", "OCIA", "Oregon Tilth", "CCOF", "COABC", "PACS",
    "Pacific Agricultural Certification", "Global Organic Alliance", "Letis", "Control Union", "Bioagricert",
    "ICEA", "NASAA", "Kiwa", "Certis", "OCPP", "Organic Certifiers", "BCARA", "Islands Organic",
)  # fmt: skip
HALAL_BODIES = (
    "ISNA", "Islamic Society of North America", "Halal Monitoring Authority", "HMA", "IFANCA", "Halal Canada",
    "Halal Food Council", "HFCE", "MUIS", "JAKIM", "Canadian Council of Imams",
)  # fmt: skip


@dataclass(frozen=True)
class Line:
    panel: str
    number: int | None
    text: str


def _lines(facts: LabelFacts) -> list[Line]:
    lines = [Line(p, i, t) for p, i, t in text_outside_lists(facts) if t.strip()]
    if not lines:
        lines = [Line(c.source.panel, c.source.line_start, c.text) for c in facts.claims]
    return lines


def _matching(lines: list[Line], pattern: re.Pattern[str]) -> list[Line]:
    return [line for line in lines if pattern.search(line.text)]


def _certifier(facts: LabelFacts, lines: list[Line], kind: str, bodies: tuple[str, ...]) -> str:
    """The certifying body named on the label: the parser's, a "certified by X" phrase, or a known body."""
    for claim in facts.claims:
        if claim.kind == kind and claim.certifier:
            return claim.certifier
    for line in lines:
        match = _CERTIFIER.search(line.text)
        if match:
            return (match.group(1) or match.group(2)).strip(" .,;")
    for line in lines:
        for body in bodies:
            if re.search(rf"(?<![A-Za-z]){re.escape(body)}(?![A-Za-z])", line.text):
                return body
    return ""


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    lines = _lines(facts)
    findings: list[Finding] = []
    findings.extend(_natural(facts, lines))
    findings.extend(_kosher(lines))
    findings.extend(_halal(facts, lines))
    findings.extend(_homemade(lines))
    findings.extend(_artisan(lines))
    findings.extend(_organic(facts, context, lines))
    findings.extend(_ge(lines))
    findings.extend(_raising(lines))
    return findings


def _natural(facts: LabelFacts, lines: list[Line]) -> list[Finding]:
    hits = [line for line in lines if _NATURAL.search(_NOT_NATURAL_CLAIM.sub("", line.text))]
    if not hits:
        return [not_applicable(R8_1, "No 'natural' claim was found outside the list of ingredients.", CITE_NATURAL)]
    hit = hits[0]
    additives, vitamins, artificial = set(), set(), set()
    for pl in parsed_lists(facts):
        for entry in walk(pl.entries):
            if re.search(r"artificial|artificiel|imitation", entry.name, re.I):
                artificial.add(entry.name)
            elif re.search(
                r"vitamin|niacin|thiamin|riboflavin|folic|folique|\biron\b|\bfer\b|zinc|calcium carbonate",
                entry.name,
                re.I,
            ):
                vitamins.add(entry.name)
            elif classify_additive(entry.name) is not None:
                additives.add(entry.name)
    if additives or vitamins or artificial:
        found = ", ".join(sorted(additives | vitamins | artificial))
        return [
            review(
                R8_1,
                f"The label claims '{hit.text.strip()}' while the list declares {found}. A 'natural' food should "
                "have no added vitamins, minerals, artificial flavours or food additives; the guidance is "
                "outcome-based, so the company may substantiate the claim.",
                CITE_NATURAL,
                hit.text.strip(),
                hit.panel,
            )
        ]
    return [
        passed(
            R8_1,
            f"The 'natural' claim ('{hit.text.strip()}') is not contradicted by an additive, vitamin, mineral or "
            "artificial flavour in the list (the processes used cannot be judged from the label).",
            CITE_NATURAL,
            hit.text.strip(),
            hit.panel,
        )
    ]


def _kosher(lines: list[Line]) -> list[Finding]:
    hits = [line for line in lines if _KOSHER.search(_KOSHER_SALT.sub("", line.text))]
    if not hits:
        return [not_applicable(R8_2, "No kosher claim, word or Hebrew lettering was found.", CITE_KOSHER)]
    return [
        review(
            R8_2,
            f"The label makes a kosher representation ('{hits[0].text.strip()}'). It is allowed only if the food "
            "meets the kashruth that applies to it ('kosher style' counts too); certification cannot be verified "
            "from the label.",
            CITE_KOSHER,
            hits[0].text.strip(),
            hits[0].panel,
        )
    ]


def _halal(facts: LabelFacts, lines: list[Line]) -> list[Finding]:
    hits = _matching(lines, _HALAL)
    if not hits:
        return [not_applicable(R8_3, "No halal claim, word or Arabic lettering was found.", CITE_HALAL)]
    certifier = _certifier(facts, lines, "halal", HALAL_BODIES)
    evidence = hits[0].text.strip()
    if not certifier:
        return [
            failed(
                R8_3,
                f"The label says '{evidence}' but does not name the person or body that certified the food as halal; "
                "the certifier's name must be on the label or package.",
                CITE_HALAL,
                evidence,
                hits[0].panel,
            )
        ]
    if re.fullmatch(r"[A-Z]{2,6}", certifier):
        return [
            review(
                R8_3,
                f"The halal certifier is given only as the acronym '{certifier}'; an acronym or logo alone may not "
                "identify the certifying body.",
                CITE_HALAL,
                evidence,
                hits[0].panel,
            )
        ]
    return [passed(R8_3, f"The halal claim names its certifier: {certifier}.", CITE_HALAL, evidence, hits[0].panel)]


def _homemade(lines: list[Line]) -> list[Finding]:
    hits = _matching(lines, _HOMEMADE)
    if not hits:
        return [not_applicable(R8_4, "No 'homemade' claim was found.", CITE_HOMEMADE)]
    bare = [line for line in hits if not _HOMEMADE_QUALIFIED.search(line.text)]
    if bare:
        return [
            failed(
                R8_4,
                f"'{bare[0].text.strip()}' describes a commercially prepared food as homemade. A prepackaged food may "
                "say 'homemade style', 'home-style' or 'tastes like homemade', not 'homemade'.",
                CITE_HOMEMADE,
                bare[0].text.strip(),
                bare[0].panel,
            )
        ]
    return [
        passed(
            R8_4,
            f"The homemade wording is qualified ('{hits[0].text.strip()}').",
            CITE_HOMEMADE,
            hits[0].text.strip(),
            hits[0].panel,
        )
    ]


def _artisan(lines: list[Line]) -> list[Finding]:
    hits = _matching(lines, _ARTISAN)
    if not hits:
        return [not_applicable(R8_5, "No 'artisan' claim was found.", CITE_ARTISAN)]
    return [
        review(
            R8_5,
            f"The label says '{hits[0].text.strip()}'. 'Artisan made' means small batches by traditional, largely "
            "manual methods with household-kitchen additives; 'artisan-style' should be qualified. The method of "
            "production cannot be verified from the label.",
            CITE_ARTISAN,
            hits[0].text.strip(),
            hits[0].panel,
        )
    ]


def _ge(lines: list[Line]) -> list[Finding]:
    hits = _matching(lines, _GE)
    if not hits:
        return [not_applicable(R8_12, "No GE or GMO claim was found.", CITE_GE)]
    return [
        review(
            R8_12,
            f"The label makes a GE/GMO claim ('{hits[0].text.strip()}'). Such claims are voluntary and must be "
            "truthful and not misleading (CAN/CGSB-32.315 gives the criteria); substantiation needs review.",
            CITE_GE,
            hits[0].text.strip(),
            hits[0].panel,
        )
    ]


def _raising(lines: list[Line]) -> list[Finding]:
    findings: list[Finding] = []
    for line in _matching(lines, _HORMONE_FREE):
        findings.append(
            failed(
                R8_13,
                f"'{line.text.strip()}': a 'hormone free' claim is not acceptable, since meat, poultry and fish "
                "contain naturally occurring hormones. 'Raised without the use of added hormones' may be used when "
                "true (with a qualifier where hormones are not permitted, e.g. for chicken).",
                CITE_RAISING,
                line.text.strip(),
                line.panel,
            )
        )
    for line in _matching(lines, _HORMONES):
        if _HORMONE_FREE.search(line.text):
            continue
        findings.append(
            review(
                R8_13,
                f"'{line.text.strip()}': a no-added-hormones claim is allowed only if no hormones or beta-agonists "
                "were given; where hormones are not permitted (poultry, eggs) it needs a qualifier such as 'like all "
                "chickens…'.",
                CITE_RAISING,
                line.text.strip(),
                line.panel,
            )
        )
    for line in _matching(lines, _ANTIBIOTICS):
        findings.append(
            review(
                R8_13,
                f"'{line.text.strip()}': 'raised without the use of antibiotics' requires that the animal was never "
                "treated with antibiotics from birth to slaughter; this needs substantiation.",
                CITE_RAISING,
                line.text.strip(),
                line.panel,
            )
        )
    if not findings:
        return [not_applicable(R8_13, "No animal-raising claim (hormones, antibiotics) was found.", CITE_RAISING)]
    return findings


def _organic(facts: LabelFacts, context: ProductContext, lines: list[Line]) -> list[Finding]:
    en = _matching(lines, _ORGANIC_EN)
    fr = _matching(lines, _ORGANIC_FR)
    hits = en + [line for line in fr if line not in en]
    if not hits:
        return [not_applicable(R8_6, "No organic claim was found outside the list of ingredients.", CITE_ORGANIC)]
    findings: list[Finding] = []
    percentages = [(line, m) for line in hits for m in _ORGANIC_PCT.finditer(line.text)]
    plain = [line for line in hits if _has_plain_organic(line.text)]
    for line in hits:
        text = line.text.strip()
        if _HUNDRED.search(line.text):
            findings.append(
                failed(
                    R8_10,
                    f"'{text}': '100 % organic' is not permitted; a product with 95 % or more organic content is "
                    "labelled 'organic'.",
                    CITE_ORGANIC_BANNED,
                    text,
                    line.panel,
                )
            )
        if _MADE_WITH.search(line.text):
            findings.append(
                failed(
                    R8_10,
                    f"'{text}': 'made with organic ingredients' / 'made with organic X' is not permitted; below 95 % "
                    "the label states 'X % organic ingredients' (70 % to 95 %) or marks organic ingredients in the "
                    "list.",
                    CITE_ORGANIC_BANNED,
                    text,
                    line.panel,
                )
            )
        certified = _CERTIFIED_ORGANIC.search(line.text)
        following = _next_line(lines, line)
        if certified and not _named_after(line.text[certified.end() :].strip(" /") or following):
            findings.append(
                failed(
                    R8_10,
                    f"'{text}': 'certified organic' must be immediately followed by the name of the certification "
                    "body; on its own it implies that other products are not certified.",
                    CITE_ORGANIC_BANNED,
                    text,
                    line.panel,
                )
            )
    for line, match in percentages:
        findings.append(_percentage(line, match, [p for p in plain if p is not line]))
    certifier = _certifier(facts, lines, "organic", ORGANIC_BODIES)
    first = hits[0]
    if certifier:
        findings.append(
            passed(
                R8_8,
                f"The organic claim names its certification body: {certifier}.",
                CITE_CERTIFIER,
                first.text.strip(),
                first.panel,
            )
        )
        if plain:
            findings.append(
                passed(
                    R8_6,
                    f"The label makes an organic claim ('{plain[0].text.strip()}') and names its certifier; the 95 % "
                    "organic content is for the certification body to verify.",
                    CITE_ORGANIC,
                    plain[0].text.strip(),
                    plain[0].panel,
                )
            )
    else:
        findings.append(
            failed(
                R8_8,
                f"The label makes an organic claim ('{first.text.strip()}') but does not name the certification body "
                "that certified the product as organic.",
                CITE_CERTIFIER,
                first.text.strip(),
                first.panel,
            )
        )
    findings.extend(_organic_in_list(facts))
    findings.extend(_logo(facts, context, lines))
    findings.append(_organic_languages(en, fr))
    return findings


def _next_line(lines: list[Line], line: Line) -> str:
    """The text of the next line of the same panel: a certifier's name may wrap onto it."""
    if line.number is None:
        return ""
    return next((o.text for o in lines if o.panel == line.panel and o.number == line.number + 1), "")


def _has_plain_organic(text: str) -> bool:
    """An organic expression other than the 'X % organic ingredients' statement itself."""
    rest = _ORGANIC_PCT.sub("", text)
    rest = _CERTIFIED_ORGANIC.sub("", rest) if _named_after(rest) else rest
    rest = re.sub(r"certifi\w* (organic )?by.*|certifi\w* (biologique )?par.*", "", rest, flags=re.I)
    return bool(_ORGANIC_EN.search(rest) or _ORGANIC_FR.search(rest))


def _named_after(rest: str) -> bool:
    rest = rest.strip()
    if re.match(r"(by|par)\b|:", rest, re.I):
        return True
    return any(rest.startswith(body) for body in ORGANIC_BODIES)


def _percentage(line: Line, match: re.Match[str], plain: list[Line]) -> Finding:
    text = line.text.strip()
    value = float(match.group(1).replace(",", "."))
    if not value.is_integer():
        return failed(
            R8_7,
            f"'{match.group(0)}': the percentage of organic contents must be rounded down to a whole number.",
            CITE_ORGANIC_PCT,
            text,
            line.panel,
        )
    # SFCR 353(1),(2): 95 % for "organic"; the 70 % floor of the percentage statement is the CFIA ILT organic
    # claims page ("Products with 70% to 95% organic content must declare the percentage"), both in sources/.
    if value >= ORGANIC_MIN_PERCENT:
        return passed(
            R8_7, f"'{match.group(0)}' states 95 % or more organic content.", CITE_ORGANIC_PCT, text, line.panel
        )
    if value < ORGANIC_STATEMENT_MIN_PERCENT:
        return failed(
            R8_7,
            f"'{match.group(0)}': below 70 % organic content the label may only identify organic ingredients in the "
            "list of ingredients, not state a percentage.",
            CITE_ORGANIC_PCT,
            text,
            line.panel,
        )
    if plain:
        return failed(
            R8_7,
            f"'{match.group(0)}' says the product is below 95 % organic, yet the label also claims "
            f"'{plain[0].text.strip()}': below 95 % no 'organic' claim or organic logo is allowed, only the "
            "percentage statement.",
            CITE_ORGANIC_PCT,
            text,
            line.panel,
        )
    return passed(
        R8_7,
        f"'{match.group(0)}' is the permitted statement for 70 % to 95 % organic content (same size and "
        "prominence of the words and the number cannot be judged from text).",
        CITE_ORGANIC_PCT,
        text,
        line.panel,
    )


def _organic_in_list(facts: LabelFacts) -> list[Finding]:
    lists = parsed_lists(facts)
    multi = [pl for pl in lists if len(pl.entries) > 1]
    if not multi:
        return []
    marked = [e.name for pl in multi for e in walk(pl.entries) if re.search(r"organic|biologique|\bbio\b", e.raw, re.I)]
    if marked:
        return [
            passed(R8_8, f"Organic ingredients are identified in the list ({', '.join(marked[:4])}).", CITE_CERTIFIER)
        ]
    return [
        failed(
            R8_8,
            "The product makes an organic claim but no ingredient in the list is identified as organic; a "
            "multi-ingredient product must mark its organic contents in the list of ingredients.",
            "SFCR 354(c)",
            multi[0].body[:160],
            multi[0].panel,
        )
    ]


def _logo(facts: LabelFacts, context: ProductContext, lines: list[Line]) -> list[Finding]:
    logo = _matching(lines, _LOGO)
    if not logo:
        return []
    if context.imported is False:
        return [
            passed(
                R8_9,
                "The organic logo wording appears on a domestic product.",
                CITE_LOGO,
                logo[0].text.strip(),
                logo[0].panel,
            )
        ]
    statement = any(_ORIGIN_NEAR_LOGO.search(line.text) for line in lines)
    if context.imported is None:
        return [
            review(
                R8_9,
                "The Canada Organic logo wording appears; if the product is imported, 'Product of X' or 'Imported' "
                "must be near the logo (the context does not say whether it is imported).",
                CITE_LOGO,
                logo[0].text.strip(),
                logo[0].panel,
            )
        ]
    if statement:
        return [
            review(
                R8_9,
                "The imported product shows the organic logo and a 'Product of'/'Imported' statement; its closeness to "
                "the logo cannot be judged from text.",
                CITE_LOGO,
                logo[0].text.strip(),
                logo[0].panel,
            )
        ]
    return [
        failed(
            R8_9,
            "The imported product shows the Canada Organic logo but no 'Product of X' or 'Imported' statement.",
            CITE_LOGO,
            logo[0].text.strip(),
            logo[0].panel,
        )
    ]


def _organic_languages(en: list[Line], fr: list[Line]) -> Finding:
    if en and fr:
        return passed(
            R8_11,
            "The organic expression appears in English and French.",
            CITE_ORGANIC_LANG,
            f"{en[0].text.strip()} | {fr[0].text.strip()}",
            en[0].panel,
        )
    present, missing = ("English", "French") if en else ("French", "English")
    line = (en or fr)[0]
    return failed(
        R8_11,
        f"The organic claim appears in {present} only ('{line.text.strip()}'); organic expressions must be shown in "
        f"both official languages (no {missing} version such as "
        f"'{'biologique' if missing == 'French' else 'organic'}' was found), unless a bilingual exemption applies.",
        CITE_ORGANIC_LANG,
        line.text.strip(),
        line.panel,
    )
