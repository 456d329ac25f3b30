"""Which official language a piece of label text is in, for the bilingual rules (FDR B.01.012(2)).

The parser sets a language on most facts; when it says "unknown" the identity checkers still need a
best guess, and a guess that cannot be made must stay "unknown" (needs_review), never default to one.
"""

from __future__ import annotations

import re

from labeliq.models import Language


def _split(words: str) -> list[str]:
    return re.findall(r"\S+", words)


_FR_WORDS = frozenset(
    _split(
        "de du des la le les et au aux avec pour par sans sucre sucres sel huile farine lait ble oeufs "
        "contient peut contenir ingredients meilleur avant conserver garder refrigere endroit frais sec "
        "produit fabrique importe partir canadiens importes valeur nutritive lipides glucides proteines "
        "fibres source teneur reduite eleve grammes gramme barres barre soupe aux tomates craquelins "
        "biologique naturel arome sante traite irradie une un est dans sur sont "
    )
)
_EN_WORDS = frozenset(
    _split(
        "the of and with for by from in to contains may contain ingredients best before store keep "
        "refrigerated cool dry place product made imported domestic nutrition facts fat carbohydrate "
        "protein fibre fiber sugars source high low reduced grams bars bar soup crackers organic natural "
        "flavour health treated irradiated an is on are "
    )
)
# Words spelled the same in both languages say nothing on their own.
_SHARED = frozenset(_split("sodium calcium potassium fer source ingredients sel")) & (_FR_WORDS | _EN_WORDS)
_FR_LETTERS = re.compile(r"[éèêàâçùûôîœ]", re.IGNORECASE)
_WORD = re.compile(r"[a-zà-ÿœ']+", re.IGNORECASE)


def _plain(word: str) -> str:
    table = str.maketrans("éèêëàâçùûôîïœ", "eeeeaacuuoiio")
    return word.lower().translate(table)


def guess_language(text: str) -> Language:
    """ "en", "fr", "bilingual" (clear evidence of both) or "unknown" from marker words and accents."""
    words = [_plain(w) for w in _WORD.findall(text)]
    fr = sum(1 for w in words if w in _FR_WORDS and w not in _SHARED)
    en = sum(1 for w in words if w in _EN_WORDS and w not in _SHARED)
    fr += len(_FR_LETTERS.findall(text))
    if fr and en:
        if fr >= 2 * en + 1:
            return "fr"
        if en >= 2 * fr + 1:
            return "en"
        return "bilingual"
    if fr:
        return "fr"
    if en:
        return "en"
    return "unknown"


def best_guess(text: str) -> Language:
    """The parser's lexicon guess (the larger word list), then this module's marker words when it has none."""
    from labeliq.extraction.language import guess_language as parser_guess

    lang = parser_guess(text)
    return guess_language(text) if lang == "unknown" else lang


def languages_of(language: Language, text: str) -> set[str]:
    """The official languages a fact covers: the parser's word first, a guess from the text second."""
    lang = language if language not in ("unknown", "other") else best_guess(text)
    if lang == "bilingual":
        return {"en", "fr"}
    if lang in ("en", "fr"):
        return {lang}
    return set()


def same_in_both_languages(text: str) -> bool:
    """No word of the text marks English or French ("Spaghetti", "Tofu", "Salsa"): it may serve for both."""
    from labeliq.extraction.language import language_scores

    en, fr, _ = language_scores(text)
    return en == 0 and fr == 0 and guess_language(text) == "unknown"
