"""The translators: the glossary leaves what it does not know untranslated and flagged; the LLM translator asks
only for the rest, through the real google-genai client against recorded responses on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from labeliq.models import Panel, ProductContext
from labeliq.relabel.foreign_parser import parse_foreign_label
from labeliq.relabel.sticker import build_relabel
from labeliq.relabel.translate import (
    GlossaryTranslator,
    LlmTranslator,
    TranslatorSettingsError,
    translator_from_env,
)
from tests.llm.conftest import Scripted

RECORDINGS = Path(__file__).parent / "recordings"


def test_glossary_translates_the_regulated_vocabulary() -> None:
    found = GlossaryTranslator().lookup("mąka PSZENNA", "pl")
    assert (found.en, found.fr, found.via) == ("wheat flour", "farine de blé", "glossary")


def test_glossary_never_guesses_an_unknown_term() -> None:
    found = GlossaryTranslator().lookup("nduja", "it")
    assert (found.en, found.fr, found.translated) == (None, None, False)


def test_an_untranslatable_ingredient_stays_in_the_source_language_and_is_flagged() -> None:
    text = "Ingredienti: pomodoro, nduja 5%, sale.\n\nDa consumarsi preferibilmente entro il: 31/10/2027"
    facts = parse_foreign_label([Panel(name="back", text=text)])
    proposal = build_relabel(facts, ProductContext(), GlossaryTranslator())
    ingredients = proposal.fields["ingredients"]
    assert "Nduja" in ingredients.en and "Nduja" in ingredients.fr
    assert ingredients.untranslated == ["nduja"]
    assert ingredients.needs_person
    assert "nduja" in proposal.untranslated_terms
    assert any("nduja" in item for item in proposal.unsettled)


def test_a_group_name_with_no_prescribed_canadian_name_is_flagged_not_translated() -> None:
    text = "INGREDIENTS: POPCORN, SALT.\nMANUFACTURED IN A FACILITY THAT ALSO PROCESSES PEANUTS AND TREE NUTS."
    facts = parse_foreign_label([Panel(name="back", text=text)])
    may = build_relabel(facts, ProductContext(), GlossaryTranslator()).fields["may_contain"]
    assert may.en == "May contain: Peanuts."
    assert any("TREE NUTS" in note for note in may.notes)


def test_llm_translator_asks_only_what_the_glossary_lacks(fake_gemini: Any, make_client: Any) -> None:
    body = json.loads((RECORDINGS / "translate_italian_terms.json").read_text(encoding="utf-8"))
    fake_gemini.script.append(Scripted(200, body))
    translator = LlmTranslator(make_client())
    out = translator.translate(["sale", "Sugo al Basilico", "pomodorini datterini", "nduja"], "it")
    by_source = {t.source: t for t in out}
    assert by_source["sale"].via == "glossary"
    assert by_source["pomodorini datterini"].en == "datterini cherry tomatoes"
    assert by_source["pomodorini datterini"].via == "llm"
    assert not by_source["nduja"].translated  # the model said it was not certain: left untranslated
    (request,) = fake_gemini.requests
    asked = json.loads(request["contents"][0]["parts"][0]["text"])
    assert "sale" not in asked["terms"] and "nduja" in asked["terms"]
    assert translator.usage.calls == 1 and translator.usage.prompt_tokens == 412


def test_llm_translator_failure_leaves_terms_untranslated(fake_gemini: Any, make_client: Any) -> None:
    error = {"error": {"code": 400, "message": "Invalid argument", "status": "INVALID_ARGUMENT"}}
    fake_gemini.script.append(Scripted(400, error))
    translator = LlmTranslator(make_client())
    (result,) = translator.translate(["nduja"], "it")
    assert not result.translated
    assert translator.errors and "400" in translator.errors[0]


def test_llm_translations_are_cached(fake_gemini: Any, make_client: Any) -> None:
    body = json.loads((RECORDINGS / "translate_italian_terms.json").read_text(encoding="utf-8"))
    fake_gemini.script.append(Scripted(200, body))
    translator = LlmTranslator(make_client())
    terms = ["Sugo al Basilico", "pomodorini datterini", "nduja", "Casa Rinaldi"]
    first = translator.translate(terms, "it")
    second = translator.translate(terms, "it")
    assert first == second
    assert len(fake_gemini.requests) == 1 and translator.usage.cached_calls == 1


def test_default_translator_is_the_offline_glossary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LABELIQ_TRANSLATOR", raising=False)
    assert translator_from_env().name == "glossary"


@pytest.mark.parametrize(
    ("value", "message"),
    [("llm", "LABELIQ_LLM_API_KEY"), ("deepl", "LABELIQ_TRANSLATOR")],
)
def test_unconfigured_translation_is_refused(monkeypatch: pytest.MonkeyPatch, value: str, message: str) -> None:
    monkeypatch.setenv("LABELIQ_TRANSLATOR", value)
    monkeypatch.delenv("LABELIQ_LLM_API_KEY", raising=False)
    monkeypatch.delenv("LABELIQ_LLM_API_KEY_ENV", raising=False)
    monkeypatch.delenv("LABELIQ_LLM_PROJECT", raising=False)
    with pytest.raises(TranslatorSettingsError, match=message):
        translator_from_env()
