"""Free-of claims about allergens and gluten ("peanut-free", "sans gluten", "low gluten") read off the label.

The CFIA judges these against the rest of the label (ILT "Allergens and gluten"): a "free" claim next to
a "may contain" for the same source, or next to that source in the list, cannot be true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from labeliq.checks.allergens_gluten.sources import LANGS, Lang, generic_names, norm, source_specs
from labeliq.checks.common.label_lines import panel_lines
from labeliq.lexicons import load
from labeliq.models import AllergenStatement, IngredientList, LabelFacts

ClaimType = Literal["free_of", "allergen_free", "gluten_free", "low_gluten"]


@dataclass(frozen=True)
class FreeClaim:
    kind: ClaimType
    text: str  # the claim as printed
    language: Lang
    panel: str | None
    keys: frozenset[str]  # the sources the claim says are absent (free_of)
    name: str  # the source named in the claim, folded


_ALLERGEN_WORDS: dict[Lang, list[str]] = {"en": ["allergen", "allergens"], "fr": ["allergene", "allergenes"]}


@cache
def _name_map(lang: Lang) -> dict[str, frozenset[str]]:
    """Every word a free-of claim may name, to the source keys it covers."""
    names: dict[str, set[str]] = {}
    for spec in source_specs().values():
        if spec.key.endswith(":*"):
            continue
        terms = spec.terms[lang]
        for word in terms.prescribed:  # not every trigger: "lactose-free" milk still contains milk
            names.setdefault(word, set()).add(spec.key)
    tree_nuts = {k for k, s in source_specs().items() if s.group == "tree_nut"}
    for generic, group in generic_names(lang).items():
        if group == "tree_nut":
            names.setdefault(generic, set()).update(tree_nuts | ({"peanut"} if generic in ("nut", "nuts") else set()))
        elif group == "milk":
            names.setdefault(generic, set()).add("milk")
    extra = {"en": {"dairy": {"milk"}, "nut": tree_nuts | {"peanut"}}, "fr": {"noix": tree_nuts | {"peanut"}}}[lang]
    for word, keys in extra.items():
        names.setdefault(word, set()).update(keys)
    names.pop("gluten", None)
    return {k: frozenset(v) for k, v in names.items()}


# Per language, the shapes of a "free of" claim ({alt} is the alternation of names), each with words that every
# match of it contains: a shape is compiled (the names spliced in make that slow) only once a text has its words.
_CLAIM_FORMS: dict[Lang, tuple[tuple[tuple[str, ...], str], ...]] = {
    "en": (
        (("free",), r"(?<![a-z])(?P<name>{alt})\s*-?\s*free\b"),
        (("free ",), r"\bfree (?:of|from) (?:all )?(?P<name>{alt})\b"),
        (("no", "made without"), r"\b(?:contains no|does not contain|made without|no) (?:added )?(?P<name>{alt})\b"),
    ),
    "fr": (
        (("sans ",), r"\bsans (?:aucun |aucune )?(?P<name>{alt})\b"),
        (("exempt d",), r"\bexempt d(?:e |'|u |es )(?P<name>{alt})\b"),
        (("ne contient pas ",), r"\bne contient pas (?:de |d'|d’)(?P<name>{alt})\b"),
    ),
}


@cache
def _claim_pattern(lang: Lang, index: int) -> re.Pattern[str]:
    words = sorted([*_name_map(lang), "gluten", *_ALLERGEN_WORDS[lang]], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(_CLAIM_FORMS[lang][index][1].replace("{alt}", alt))


def _claim_patterns(lang: Lang, folded: str) -> list[re.Pattern[str]]:
    """The claim shapes that can match `folded`, in order."""
    forms = enumerate(_CLAIM_FORMS[lang])
    return [_claim_pattern(lang, i) for i, (needed, _) in forms if any(w in folded for w in needed)]


def _texts(facts: LabelFacts) -> list[tuple[str, str | None]]:
    """Claim texts and panel lines, deduplicated; ingredient lists and allergen statements are left out."""
    blocks: list[IngredientList | AllergenStatement] = [*facts.ingredients, *facts.contains, *facts.may_contain]
    covered: set[tuple[str, int]] = set()
    for block in blocks:
        start, end = block.source.line_start, block.source.line_end
        if start is not None:
            covered.update((block.source.panel, i) for i in range(start, (end if end is not None else start) + 1))
    texts = [norm(b.text) for b in blocks]
    seen: set[tuple[str | None, str]] = set()
    out: list[tuple[str, str | None]] = []
    candidates = [(c.text, c.source.panel, -1) for c in facts.claims]
    candidates += [(line.text, line.panel, line.index) for line in panel_lines(facts)]
    for text, panel, index in candidates:
        folded = norm(text)
        if panel is not None and (panel, index) in covered:
            continue
        if len(folded) > 12 and any(folded in block for block in texts):
            continue
        if (panel, folded) in seen:
            continue
        seen.add((panel, folded))
        out.append((text, panel))
    return out


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])")


def find_claims(facts: LabelFacts) -> list[FreeClaim]:
    low = {lang: [norm(t) for t in load("gluten_sources")["low_gluten_claims"][lang]] for lang in LANGS}
    claims: list[FreeClaim] = []
    for text, panel in _texts(facts):
        folded = norm(text)
        for lang in LANGS:
            for phrase in low[lang]:
                if _phrase_pattern(phrase).search(folded):
                    claims.append(FreeClaim("low_gluten", text, lang, panel, frozenset(), phrase))
            for pattern in _claim_patterns(lang, folded):
                for match in pattern.finditer(folded):
                    name = match.group("name")
                    if name == "gluten":
                        claims.append(FreeClaim("gluten_free", text, lang, panel, frozenset(), name))
                    elif name in _ALLERGEN_WORDS[lang]:
                        claims.append(FreeClaim("allergen_free", text, lang, panel, frozenset(), name))
                    else:
                        claims.append(FreeClaim("free_of", text, lang, panel, _name_map(lang)[name], name))
    return _dedupe(claims)


def _dedupe(claims: list[FreeClaim]) -> list[FreeClaim]:
    out: list[FreeClaim] = []
    for claim in claims:
        if claim.kind == "gluten_free" and any(
            c.kind == "low_gluten" and c.text == claim.text and c.panel == claim.panel for c in claims
        ):
            continue  # "crafted to remove gluten" is judged as a low-gluten claim, not as gluten-free
        if not any(c.kind == claim.kind and c.name == claim.name and c.panel == claim.panel for c in out):
            out.append(claim)
    return out
