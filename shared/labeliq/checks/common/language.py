"""Which official languages a fact covers, for the bilingual rules (FDR B.01.012(2)).

The parser sets a language on most facts; when it says "unknown" the identity checkers ask the parser's
own guesser again on the fact's text, and a guess that cannot be made must stay "unknown" (needs_review),
never default to one language.
"""

from __future__ import annotations

from labeliq.extraction.language import guess_language, has_language_words
from labeliq.models import Language


def languages_of(language: Language, text: str) -> set[str]:
    """The official languages a fact covers: the parser's word first, a guess from the text second."""
    lang = language if language not in ("unknown", "other") else guess_language(text, weak_markers=True)
    if lang == "bilingual":
        return {"en", "fr"}
    if lang in ("en", "fr"):
        return {lang}
    return set()


def same_in_both_languages(text: str) -> bool:
    """No word of the text, weak markers included, marks English or French ("Spaghetti", "Tofu"): it may serve both."""
    return not has_language_words(text)
