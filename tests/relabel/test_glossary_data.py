"""The offline glossary's data: the regulated vocabulary (nutrient names, allergen and gluten source names,
sulphites, common ingredient names, storage and date words, "imported by") in each source language, one data file
per kind with its source; a term with two translations is refused; what it does not hold stays untranslated."""

from __future__ import annotations

from typing import Any

import pytest

from labeliq import lexicons
from labeliq.models import Panel, ProductContext
from labeliq.relabel import vocabulary
from labeliq.relabel.foreign_parser import parse_foreign_label
from labeliq.relabel.sticker import build_relabel
from labeliq.relabel.translate import GlossaryTranslator
from labeliq.relabel.vocabulary import GLOSSARY_PARTS, GlossaryConflict, merged_glossary

LANGUAGES = ("it", "es", "de", "pt", "pl")


@pytest.mark.parametrize("part", GLOSSARY_PARTS)
def test_each_glossary_file_says_where_it_comes_from_and_covers_every_language(part: str) -> None:
    data: dict[str, Any] = lexicons.load(part)
    assert len(data["source"]) > 200, f"{part}.json names its sources"
    assert set(LANGUAGES) <= set(data["terms"]), f"{part}.json covers {LANGUAGES}"
    for lang, entries in data["terms"].items():
        assert len(entries) >= 7, (part, lang)
        for term, entry in entries.items():
            if entry.get("status"):
                assert entry["status"] == "not_prescribed" and entry["en"] is None and entry["fr"] is None
            else:
                assert entry["en"].strip() and entry["fr"].strip(), (part, lang, term)


# One row per (language, term as printed, Canadian English, Canadian French): the regulated vocabulary.
VOCABULARY = [
    # nutrient names (EU Annex XV -> the Canadian NFt rows)
    ("it", "di cui acidi grassi saturi", "saturated fat", "lipides saturés"),
    ("es", "Hidratos de carbono", "carbohydrate", "glucides"),
    ("de", "davon Zucker", "sugars", "sucres"),
    ("de", "Eiweiß", "protein", "protéines"),
    ("pt", "Lípidos", "fat", "lipides"),
    ("pl", "Błonnik", "fibre", "fibres"),
    ("pl", "Sód", "sodium", "sodium"),
    # allergen and gluten source names (EU Annex II -> FDR B.01.010.1 prescribed names)
    ("it", "anacardi", "cashews", "noix de cajou"),
    ("es", "espelta", "spelt", "épeautre"),
    ("de", "Paranüsse", "Brazil nuts", "noix du Brésil"),
    ("pt", "tremoço", "lupin", "lupin"),
    ("pl", "orzechy pekan", "pecans", "pacanes"),
    ("pl", "jaja", "eggs", "œufs"),
    # sulphites (EU Annex II item 12 -> FDR B.01.010.2)
    ("es", "dióxido de azufre y sulfitos", "sulphites", "sulfites"),
    ("de", "Schwefeldioxid und Sulfite", "sulphites", "sulfites"),
    ("pt", "dióxido de enxofre", "sulphites", "sulfites"),
    ("pl", "dwutlenek siarki i siarczyny", "sulphites", "sulfites"),
    # common ingredient names
    ("it", "amido di mais", "corn starch", "amidon de maïs"),
    ("de", "Maisstärke", "corn starch", "amidon de maïs"),
    ("pt", "xarope de glucose", "glucose syrup", "sirop de glucose"),
    ("pl", "skrobia kukurydziana", "corn starch", "amidon de maïs"),
    # storage and date words, "imported by"
    ("it", "da consumarsi preferibilmente entro", "best before", "meilleur avant"),
    ("de", "Mindestens haltbar bis", "best before", "meilleur avant"),
    ("pl", "Najlepiej spożyć przed", "best before", "meilleur avant"),
    ("es", "Importado por:", "imported by", "importé par"),
    ("de", "Importeur:", "imported by", "importé par"),
    ("pl", "Importer", "imported by", "importé par"),
    ("de", "Gekühlt lagern.", "Keep refrigerated.", "Garder au réfrigérateur."),
    ("pt", "Depois de aberto, conservar no frigorífico", "Refrigerate after opening.", "Réfrigérer après ouverture."),
]


@pytest.mark.parametrize(
    ("lang", "term", "en", "fr"), [pytest.param(*row, id=f"{row[0]}-{row[1]}") for row in VOCABULARY]
)
def test_the_glossary_translates_the_regulated_vocabulary(lang: str, term: str, en: str, fr: str) -> None:
    found = GlossaryTranslator().lookup(term, lang)
    assert (found.en, found.fr, found.via) == (en, fr, "glossary")


@pytest.mark.parametrize(
    ("lang", "term"),
    [("it", "cereali contenenti glutine"), ("de", "glutenhaltiges Getreide"), ("pl", "zboża zawierające gluten")],
)
def test_a_gluten_group_name_is_flagged_not_translated(lang: str, term: str) -> None:
    found = GlossaryTranslator().lookup(term, lang)
    assert (found.translated, found.status) == (False, "not_prescribed")


def test_one_term_with_two_translations_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = lexicons.load

    def load(name: str) -> Any:
        if name == "relabel_glossary_clash":
            return {"source": "test", "terms": {"it": {"Sale": {"en": "sale", "fr": "solde"}}}}
        return real(name)

    monkeypatch.setattr(vocabulary.lexicons, "load", load)
    with pytest.raises(GlossaryConflict, match="'Sale' \\(it\\)"):
        merged_glossary(("relabel_glossary_clash",))


def test_a_german_label_keeps_the_term_the_glossary_lacks_untranslated_and_flagged() -> None:
    text = (
        "Zutaten: Weizenmehl, Zucker, Palmöl, Kakaopulver, Quarkzubereitung 8%, Salz.\n"
        "Kann Spuren von Sesam enthalten.\n"
        "Mindestens haltbar bis: 31.10.2027"
    )
    proposal = build_relabel(
        parse_foreign_label([Panel(name="back", text=text)]), ProductContext(), GlossaryTranslator()
    )
    ingredients = proposal.fields["ingredients"]
    assert ingredients.untranslated == ["Quarkzubereitung"]
    assert ingredients.needs_person and "Quarkzubereitung" in proposal.untranslated_terms
    assert ingredients.en == "Ingredients: Wheat flour, Sugar, Palm oil, Cocoa powder, Quarkzubereitung, Salt."
    assert (
        ingredients.fr == "Ingrédients : Farine de blé, Sucre, Huile de palme, Cacao en poudre, Quarkzubereitung, Sel."
    )
