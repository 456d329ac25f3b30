"""The language of an ingredient list or allergen statement, its entries, and where it sits on its panel.

B.01.010.3(1)(a.1) and B.01.010.4(1)(a) pair each statement with the list *in the same language*, so the
checker needs a firm language for every block; a block the parser left "unknown" or "bilingual" is
judged against both languages rather than guessed into one.
"""

from __future__ import annotations

import re

from labeliq.checks.allergens_gluten.sources import LANGS, Lang, norm
from labeliq.models import AllergenStatement, IngredientList, LabelFacts, Provenance

_ITEM_SPLIT = re.compile(r"\s*[,•·;]\s*|\s+(?:and|et|&)\s+", re.IGNORECASE)
_FR_MARKS = re.compile(r"[éèêàâçùûôîœ]", re.IGNORECASE)


def block_languages(language: str, title: str, text: str = "") -> tuple[Lang, ...]:
    """The language(s) a block is judged in: the parser's when firm, else the title's, else both."""
    if language in LANGS:
        return (language,)
    if language == "bilingual":
        return LANGS
    folded = norm(title)
    if folded.startswith(("contient", "peut contenir")) or _FR_MARKS.search(title):
        return ("fr",)
    if folded.startswith(("contains", "may contain")):
        return ("en",)
    return _guess(text)


_FR_WORDS = frozenset(
    [
        "de",
        "du",
        "des",
        "d",
        "et",
        "au",
        "aux",
        "sel",
        "sucre",
        "sucres",
        "eau",
        "farine",
        "huile",
        "lait",
        "ble",
        "oeufs",
        "avec",
        "ou",
        "arome",
    ]
)
_EN_WORDS = frozenset(
    [
        "and",
        "of",
        "with",
        "salt",
        "sugar",
        "sugars",
        "water",
        "flour",
        "oil",
        "milk",
        "wheat",
        "eggs",
        "or",
        "flavour",
        "natural",
    ]
)


def _guess(text: str) -> tuple[Lang, ...]:
    """A list the parser could not place: English or French when the words say so clearly, else both."""
    words = re.findall(r"[a-z]+", norm(text))
    fr = sum(w in _FR_WORDS for w in words) + len(_FR_MARKS.findall(text))
    en = sum(w in _EN_WORDS for w in words)
    if fr >= 2 * en + 2:
        return ("fr",)
    if en >= 2 * fr + 2:
        return ("en",)
    return LANGS


def list_languages(item: IngredientList) -> tuple[Lang, ...]:
    return block_languages(item.language, item.title, item.text)


def statement_languages(item: AllergenStatement) -> tuple[Lang, ...]:
    return block_languages(item.language, item.title, item.text)


def entries(statement: AllergenStatement) -> list[str]:
    """The statement's entries as printed (the parser's when it gave them)."""
    if statement.items:
        return [i for i in statement.items if i.strip()]
    body = statement.text.strip().rstrip(".").strip()
    return [item.strip(" .:") for item in _ITEM_SPLIT.split(body) if item.strip(" .:")]


def statements_for(facts: LabelFacts, kind: str, lang: Lang) -> list[AllergenStatement]:
    pool = facts.contains if kind == "contains" else facts.may_contain
    return [s for s in pool if lang in statement_languages(s)]


def pick_for_list(statements: list[AllergenStatement], ingredients: IngredientList) -> AllergenStatement | None:
    """The statement of the list's panel that follows it; else the first one in that language."""
    same_panel = [s for s in statements if s.source.panel == ingredients.source.panel]
    after = [s for s in same_panel if _start(s.source) >= _start(ingredients.source)]
    for pool in (after, same_panel, statements):
        if pool:
            return sorted(pool, key=lambda s: _start(s.source))[0]
    return None


def _start(source: Provenance) -> int:
    return source.line_start if source.line_start is not None else 0


def title_is(title: str, allowed: tuple[str, ...]) -> bool:
    """ "Contains", "Contains:" or "Contains :" (B.01.010.3(1)(a)(i)), case as printed ignored."""
    return norm(title).rstrip(" :").strip() in allowed


def intervening_lines(facts: LabelFacts, before: Provenance, after: Provenance) -> list[str] | None:
    """Non-blank panel lines strictly between two blocks; None when their positions are unknown."""
    if before.panel != after.panel or before.line_end is None or after.line_start is None:
        return None
    if before.column is not None or after.column is not None:
        return None  # side-by-side columns share panel lines: the other column's text is not "between"
    panel = facts.panel(before.panel)
    if panel is None:
        return None
    lines = panel.text.splitlines()
    return [line.strip() for line in lines[before.line_end + 1 : after.line_start] if line.strip()]
