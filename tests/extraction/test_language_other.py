"""The language guesser on label lines in English, French, both, and a third language (Spanish, Italian, a
little German and Portuguese), as imported foods print them.

A third-language line taken for French would pass rule 2.1 (mandatory items in both official languages) on
Spanish text, and a Spanish row of the Nutrition Facts table taken for English or French would hide a third
language from rule 2.8. The English and French lines are here to show that the third-language words and the
accent rule leave them as they were.
"""

from __future__ import annotations

import pytest

from labeliq.extraction.language import guess_language, has_language_words

LINES = [
    # English
    ("Ingredients: Whole grain rolled oats, brown rice syrup, sunflower oil, honey, salt.", "en"),
    ("Keep refrigerated after opening.", "en"),
    ("Store in a cool, dry place.", "en"),
    ("Contains: Milk, Soy.", "en"),
    ("May contain peanuts and tree nuts.", "en"),
    ("Tomato & Basil Pasta Sauce", "en"),
    ("Extra virgin olive oil", "en"),
    ("Product of Italy", "en"),
    ("Imported by: Bella Tavola Imports Inc.", "en"),
    ("Mono- and di-glycerides, soy lecithin.", "en"),
    ("Spaghetti with meatballs in tomato sauce", "en"),
    ("Saturated 0.4 g + Trans 0 g", "en"),
    # French
    ("Ingrédients : Flocons d'avoine à grains entiers, sirop de riz brun, huile de tournesol, miel, sel.", "fr"),
    ("Réfrigérer après ouverture.", "fr"),
    ("Conserver dans un endroit frais et sec.", "fr"),
    ("Contient : Lait, Soya.", "fr"),
    ("Peut contenir des arachides et des noix.", "fr"),
    ("Sauce pour pâtes tomates et basilic", "fr"),
    ("Huile d'olive extra vierge", "fr"),
    ("Produit d'Italie", "fr"),
    ("Importé par : Bella Tavola Imports Inc.", "fr"),
    ("Ne pas congeler.", "fr"),
    ("Légèrement épicé", "fr"),  # accents alone still say French when no third-language word is there
    ("Crème glacée à la vanille", "fr"),
    ("Protéine végétale hydrolysée", "fr"),  # "proteine" is Italian too; "ée" is French only
    # English and French on one line
    ("Best before / Meilleur avant", "bilingual"),
    ("Nutrition Facts / Valeur nutritive", "bilingual"),
    ("Keep refrigerated / Garder réfrigéré", "bilingual"),
    ("Product of Italy / Produit d'Italie", "bilingual"),
    ("Imported by / Importé par", "bilingual"),
    ("Contains: Milk / Contient : Lait", "bilingual"),
    ("Fat / Lipides 3 g", "bilingual"),
    ("Carbohydrate / Glucides 9 g", "bilingual"),
    # Spanish
    ("Conservar en el refrigerador.", "other"),
    ("Manténgase refrigerado.", "other"),
    ("Mantener refrigerado.", "other"),
    ("Consérvese en un lugar fresco y seco.", "other"),
    ("Consumir preferentemente antes de:", "other"),
    ("Barras de granola con avena y miel", "other"),
    ("Ingredientes: Harina de trigo, agua, sal, levadura.", "other"),
    ("Contiene: Leche, Soya.", "other"),
    ("Puede contener trazas de cacahuate y nueces.", "other"),
    ("Aceite de oliva extra virgen", "other"),
    ("Hecho en México", "other"),  # its é is Spanish: no French word stands beside it
    ("Información nutricional", "other"),
    # Italian
    ("Salsa di pomodoro e basilico", "other"),
    ("SALSA DI POMODORO E BASILICO", "other"),
    ("Ingredienti: pomodori, olio extravergine di oliva, basilico, sale.", "other"),
    ("Conservare in frigorifero dopo l'apertura.", "other"),
    ("Conservare in luogo fresco e asciutto.", "other"),
    ("Da consumarsi preferibilmente entro:", "other"),
    ("Prodotto in Italia", "other"),
    ("Pasta di semola di grano duro", "other"),
    ("Può contenere tracce di frutta a guscio.", "other"),
    ("Olio extravergine d'oliva", "other"),
    # German and Portuguese
    ("Zutaten: Weizenmehl, Wasser, Salz, Hefe.", "other"),
    ("Kann Spuren von Erdnüssen enthalten.", "other"),
    ("Ingredientes: farinha de trigo, água, sal, açúcar.", "other"),
    ("Pode conter leite.", "other"),
    # Rows of a trilingual Nutrition Facts table (rule 2.8)
    ("Grasas / Lipides 3 g", "other"),
    ("Fat / Grasas / Lipides 3 g", "other"),
    ("Azúcares / Sucres 6 g", "other"),
    ("Proteínas / Protéines 2 g", "other"),
    ("Sodio / Sodium 290 mg", "other"),
    ("Fibra / Fibres 2 g", "other"),
    ("Carbohidratos / Glucides 9 g", "other"),
    ("Información nutricional / Valeur nutritive", "other"),
    ("Grassi / Lipides 3 g", "other"),
    ("Zuccheri / Sucres 6 g", "other"),
]


@pytest.mark.parametrize(("text", "language"), LINES, ids=[text[:40] for text, _ in LINES])
def test_label_line_language(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Old El Paso",  # brands with one Spanish or Italian function word are no third-language text
        "DEL MONTE",
        "Di Lusso",
        "Chili con carne",  # a dish name borrowed into English and French
        "Salsa",
        "Pesto",
        "Vitamin E / Vitamine E",  # a lone "e" is the Italian "and" only between words
        "Tocopherols (vitamin E) and citric acid",
        "Visit us at www.bellatavola.com",
    ],
)
def test_borrowed_words_and_brands_are_not_a_third_language(text: str) -> None:
    assert guess_language(text) != "other"


@pytest.mark.parametrize(("text", "placed"), [("Salsa", False), ("Spaghetti", False), ("Sauce Salsa", False)])
def test_borrowed_dish_names_still_serve_both_languages(text: str, placed: bool) -> None:
    assert has_language_words(text) is placed


def test_weak_markers_do_not_turn_a_third_language_into_french() -> None:
    assert guess_language("Manténgase refrigerado.", weak_markers=True) == "other"
    assert guess_language("Conservar en el refrigerador.", weak_markers=True) == "other"
