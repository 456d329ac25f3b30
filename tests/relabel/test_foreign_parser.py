"""The foreign label reader on each supported language, and its refusal of scripts it cannot read."""

from __future__ import annotations

import pytest

from labeliq.models import Panel
from labeliq.relabel.foreign_parser import parse_foreign_label
from labeliq.relabel.vocabulary import UnreadableLabel

LABELS = {
    "it": (
        "Ingredienti: farina di grano tenero, zucchero, UOVA, burro 12%.\n"
        "Può contenere tracce di SESAMO.\n\nValori nutrizionali medi per 100 g\nEnergia 1975 kJ / 471 kcal\n"
        "Grassi 19 g\ndi cui acidi grassi saturi 10 g\nSale 0,6 g\n\n"
        "Da consumarsi preferibilmente entro il: 31/10/2027"
    ),
    "es": (
        "Ingredientes: aceitunas verdes, agua, sal, acidulante: ácido cítrico.\nPuede contener trazas de APIO.\n\n"
        "Información nutricional por 100 g\nValor energético 607 kJ / 145 kcal\nGrasas 15 g\n"
        "de las cuales saturadas 2,1 g\nSal 3,1 g\n\nConsumir preferentemente antes del: 15/06/2028"
    ),
    "de": (
        "Zutaten: Weizenmehl, Zucker, Butter, EIER.\nKann Spuren von Haselnüssen enthalten.\n\n"
        "Nährwerte pro 100 g\nBrennwert 2010 kJ / 480 kcal\nFett 22 g\ndavon gesättigte Fettsäuren 14 g\n"
        "Eiweiß 6,5 g\nSalz 0,4 g\n\nMindestens haltbar bis: 01.03.2028"
    ),
    "pt": (
        "Ingredientes: sardinhas, azeite virgem extra, sal.\nContém: peixe.\n\n"
        "Declaração nutricional por 100 g\nEnergia 900 kJ / 216 kcal\nLípidos 15 g\ndos quais saturados 3 g\n"
        "Sal 1,2 g\n\nConsumir de preferência antes de: 31/12/2029"
    ),
    "pl": (
        "Składniki: mąka PSZENNA, cukier, masło (z MLEKA) 12%, JAJA.\nMoże zawierać: orzechy laskowe, sezam.\n\n"
        "Wartość odżywcza w 100 g:\nWartość energetyczna 1975 kJ / 471 kcal\nTłuszcz 19 g\n"
        "w tym kwasy tłuszczowe nasycone 10 g\nSól 0,60 g\n\nNajlepiej spożyć przed: 15.06.2027"
    ),
    "en": (
        "Nutrition Facts\n8 servings per container\nServing size 1 cup (30g)\nCalories 120\nTotal Fat 4g 5%\n"
        "Sodium 200mg 9%\n\nINGREDIENTS: WHOLE GRAIN OATS, SUGAR, SALT.\nCONTAINS: WHEAT.\nBEST BY 03/15/2027"
    ),
}


@pytest.mark.parametrize("language", list(LABELS))
def test_each_language_is_recognised_and_its_sections_read(language: str) -> None:
    facts = parse_foreign_label([Panel(name="back", text=LABELS[language])])
    assert facts.language == language
    assert facts.ingredient_items, "no ingredients read"
    assert facts.nutrition is not None and "fat" in facts.nutrition.nutrients
    assert facts.best_before is not None and any(ch.isdigit() for ch in facts.best_before.date_text)
    assert facts.ingredients is not None and facts.ingredients.source.panel == "back"


def test_eu_basis_salt_and_decimal_comma() -> None:
    facts = parse_foreign_label([Panel(name="back", text=LABELS["pl"])])
    assert facts.nutrition is not None
    assert facts.nutrition.basis == "per_100g"
    assert facts.nutrition.nutrients["salt"].amount == 0.6
    assert facts.nutrition.nutrients["energy_kcal"].amount == 471


def test_emphasised_allergens_components_and_percentages() -> None:
    facts = parse_foreign_label([Panel(name="back", text=LABELS["pl"])])
    butter = next(i for i in facts.ingredient_items if i.name.startswith("masło"))
    assert butter.percent == 12.0
    assert [c.name for c in butter.components] == ["z MLEKA"]
    assert butter.components[0].emphasised == ["MLEKA"]
    assert facts.may_contain_items == ["orzechy laskowe", "sezam"]


def test_eu_function_class_is_dropped_before_the_additive() -> None:
    facts = parse_foreign_label([Panel(name="back", text=LABELS["es"])])
    assert facts.ingredient_items[-1].name == "ácido cítrico"


def test_us_panel_is_per_serving_with_a_metric_serving() -> None:
    facts = parse_foreign_label([Panel(name="back", text=LABELS["en"])])
    assert facts.nutrition is not None
    assert (facts.nutrition.basis, facts.nutrition.serving_amount, facts.nutrition.serving_unit) == (
        "per_serving",
        30.0,
        "g",
    )
    assert facts.contains_items == ["WHEAT"]


def test_a_us_serving_in_cups_only_is_converted_and_marked() -> None:
    text = "Nutrition Facts\nServing size 1 cup\nCalories 90\nTotal Fat 2g\n\nINGREDIENTS: MILK."
    facts = parse_foreign_label([Panel(name="back", text=text)])
    assert facts.nutrition is not None
    assert (facts.nutrition.serving_amount, facts.nutrition.serving_metric_converted) == (240.0, True)


def test_korean_is_refused_with_the_reason() -> None:
    with pytest.raises(UnreadableLabel, match="Hangul"):
        parse_foreign_label([Panel(name="back", text="원재료명: 밀가루, 설탕, 버터\n영양정보 100 g")])


def test_a_label_with_no_known_section_is_refused() -> None:
    with pytest.raises(UnreadableLabel, match="no section title"):
        parse_foreign_label([Panel(name="back", text="Lorem ipsum dolor sit amet")])


def test_a_less_than_amount_is_kept_as_an_upper_bound() -> None:
    text = (
        "Zutaten: Wasser, Salz.\n\nNährwerte pro 100 ml\nBrennwert 0 kJ / 0 kcal\nFett 0 g\nZucker < 0,5 g\nSalz 0,01 g"
    )
    facts = parse_foreign_label([Panel(name="back", text=text)])
    assert facts.nutrition is not None and facts.nutrition.basis == "per_100ml"
    sugars = facts.nutrition.nutrients["sugars"]
    assert (sugars.amount, sugars.less_than, sugars.amount_text) == (0.5, True, "< 0,5 g")
