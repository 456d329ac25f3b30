"""Panel text as OCR really returns it: broken lines, hyphenation, stray marks, 0/O confusions,
side-by-side columns, French first, a label with no French and a third language in the table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]

BROKEN_BACK = """\
Nutriti0n Facts |
Valeur nutritive
Per 1 bar (35 g) / pour 1 barre (35 g)
Calories 150  ~        % Daily Value*
                        % valeur quotidienne*
Fat / Lipides 5g                     7%
 Saturated / satures 1 g  |
 + Trans / trans 0 g                  5 %
Carbohydrate / Glucides 24 g
 Fibre / Fibres 3 g                  11 %
 Sugars / Sucres 8 g                  8 %
Pr0tein / Proteines 3 g
Cholesterol / Cholesterol 0 mg
S0dium 95 mg                          4 %
Potassium 125 mg                      4 %
Calcium 20 mg                         2 %
Iron / Fer 1 mg                       6 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
| INGREDIENTS: Whole grain rolled oats, Sug-
ars (honey, brown sugar, glucose-
fructose), Crisp rice (rice flour, sugar,  salt),
Sunflower oil, • Almonds, Milk powder.
C0NTAINS: Oats, Milk, Almonds.
May contain: Peanuts.
Ingredients : Flocons d'avoine a grains entiers, Sucres (miel, cassonade, glucose-fructose), Riz
croustillant (farine de riz, sucre, sel), Huile de tournesol, Amandes, Lait en poudre.
CONTIENT : Avoine, Lait, Amandes.
Peut contenir : Arachides.
~ Best before / Meilleur avant ~
2027-03-15
"""


def test_broken_lines_stray_marks_and_zero_for_o(parse: Parse) -> None:
    facts = parse(back=BROKEN_BACK)
    table = facts.nutrition_facts
    assert table is not None
    assert table.title_languages == ["en", "fr"]
    assert table.calories == 150
    assert (table.nutrients["fat"].amount_text, table.nutrients["fat"].dv_percent) == ("5g", 7.0)
    assert table.nutrients["protein"].amount == 3
    assert table.nutrients["sodium"].amount_text == "95 mg"
    assert table.nutrients["saturated_plus_trans"].dv_percent == 5
    english, french = facts.ingredients
    assert english.language == "en" and french.language == "fr"
    assert english.title == "INGREDIENTS:"
    # hyphenation across lines undone, but glucose-fructose keeps its hyphen
    assert [i.name for i in english.ingredients] == [
        "Whole grain rolled oats",
        "Sugars",
        "Crisp rice",
        "Sunflower oil",
        "Almonds",
        "Milk powder",
    ]
    assert [c.name for c in english.ingredients[1].components] == ["honey", "brown sugar", "glucose-fructose"]
    assert english.parse_errors == []
    assert french.title == "Ingredients :"  # accent lost by OCR; the spaced colon and the words say French
    assert [i.name for i in french.ingredients][:2] == ["Flocons d'avoine a grains entiers", "Sucres"]
    assert [(s.language, s.items) for s in facts.contains] == [
        ("en", ["Oats", "Milk", "Almonds"]),
        ("fr", ["Avoine", "Lait", "Amandes"]),
    ]
    assert [(s.language, s.items) for s in facts.may_contain] == [("en", ["Peanuts"]), ("fr", ["Arachides"])]
    assert [(d.kind, d.words_languages, d.date_text) for d in facts.dates] == [
        ("best_before", ["en", "fr"], "2027-03-15")
    ]
    assert facts.dates[0].source.line_start == 29 and facts.dates[0].source.line_end == 30


FRENCH_FIRST_COLUMNS = """\
Ingrédients : Eau, Pâte de tomates,      Ingredients: Water, Tomato paste,
Sucres (sucre, glucose-fructose),        Sugars (sugar, glucose-fructose),
Farine de blé, Sel, Épices.              Wheat flour, Salt, Spices.
Contient : Blé.                          Contains: Wheat.

Garder réfrigéré.                        Keep refrigerated.
Meilleur avant : 26 JN 28                Best before: 26 JN 28

Produit du Canada                        Product of Canada
Sans arachides                           Peanut-free
"""


def test_side_by_side_columns_with_french_on_the_left(parse: Parse) -> None:
    facts = parse(back=FRENCH_FIRST_COLUMNS)
    french, english = facts.ingredients
    assert (french.language, french.title) == ("fr", "Ingrédients :")
    assert french.text == "Eau, Pâte de tomates, Sucres (sucre, glucose-fructose), Farine de blé, Sel, Épices."
    assert (english.language, english.title) == ("en", "Ingredients:")
    assert english.text == "Water, Tomato paste, Sugars (sugar, glucose-fructose), Wheat flour, Salt, Spices."
    assert (english.source.line_start, english.source.line_end) == (0, 2)
    assert [(s.language, s.items) for s in facts.contains] == [("fr", ["Blé"]), ("en", ["Wheat"])]
    assert [(s.text, s.language) for s in facts.storage_instructions] == [
        ("Garder réfrigéré.", "fr"),
        ("Keep refrigerated.", "en"),
    ]
    assert [(d.words, d.words_languages, d.date_text) for d in facts.dates] == [
        ("Meilleur avant / Best before", ["fr", "en"], "26 JN 28")
    ]
    assert [(o.text, o.language) for o in facts.origin_statements] == [
        ("Produit du Canada", "fr"),
        ("Product of Canada", "en"),
    ]
    assert [(c.kind, c.text, c.language) for c in facts.claims] == [
        ("allergen_free", "Sans arachides", "fr"),
        ("allergen_free", "Peanut-free", "en"),
    ]
    assert facts.storage_instructions[1].evidence == "Keep refrigerated."


def test_two_languages_on_one_line_without_a_wide_gap(parse: Parse) -> None:
    facts = parse(
        back="Ingredients: Water, sugar, salt. Ingrédients : Eau, sucre, sel.\nContains: Milk. Contient : Lait.\n"
    )
    assert [(lst.language, lst.text) for lst in facts.ingredients] == [
        ("en", "Water, sugar, salt."),
        ("fr", "Eau, sucre, sel."),
    ]
    # running text, not columns: the French version starts on the line where the English one ends
    assert [(lst.source.line_start, lst.source.column) for lst in facts.ingredients] == [(0, None), (0, None)]
    assert [(s.language, s.items) for s in facts.contains] == [("en", ["Milk"]), ("fr", ["Lait"])]


ENGLISH_ONLY_FRONT = """\
Sunny Acres
Diet Cola
Sweetened with aspartame
355 mL
"""
ENGLISH_ONLY_BACK = """\
Nutrition Facts
Per 1 can (355 mL)
Calories 0
Fat 0 g                  0 %
Sodium 35 mg             2 %
Carbohydrate 0 g
Sugars 0 g               0 %
Protein 0 g
Not a significant source of saturated fat, trans fat,
cholesterol, fibre, potassium, calcium or iron.
*5% or less is a little, 15% or more is a lot

Ingredients: Carbonated water, Caramel, Phosphoric acid, Aspartame,
Potassium benzoate, Natural flavour, Citric acid, Caffeine.
Phenylketonurics: Contains phenylalanine.
Keep cold. Best if used by: 06/28/25
Sunny Acres Beverages
www.sunnyacres.com  1-800-555-0199
"""


def test_label_with_no_french(parse: Parse) -> None:
    facts = parse(front=ENGLISH_ONLY_FRONT, back=ENGLISH_ONLY_BACK)
    assert [(n.text, n.language) for n in facts.common_names] == [("Diet Cola", "en")]
    assert [b.text for b in facts.brand] == ["Sunny Acres"]
    table = facts.nutrition_facts
    assert table is not None
    assert (table.title, table.title_languages) == ("Nutrition Facts", ["en"])
    assert table.not_significant_source == (
        "Not a significant source of saturated fat, trans fat, cholesterol, fibre, potassium, calcium or iron."
    )
    assert table.dv_footnote == "*5% or less is a little, 15% or more is a lot"
    assert [(lst.language, len(lst.ingredients)) for lst in facts.ingredients] == [("en", 8)]
    assert [p.text for p in facts.phenylalanine_statements] == ["Phenylketonurics: Contains phenylalanine."]
    assert facts.contains == []
    assert [(d.kind, d.words, d.words_languages, d.date_text) for d in facts.dates] == [
        ("best_before", "Best if used by", ["en"], "06/28/25")
    ]
    assert [s.text for s in facts.storage_instructions] == ["Keep cold."]
    assert [d.text for d in facts.dealer] == ["Sunny Acres Beverages, www.sunnyacres.com 1-800-555-0199"]
    assert [(c.kind, c.language) for c in facts.claims] == [("sweetener", "en")]


TRILINGUAL_TABLE = """\
Nutrition Facts / Valeur nutritive / Información nutricional
Per 2 cookies (30 g) / pour 2 biscuits (30 g) / por 2 galletas (30 g)
Calories / Calorías 150          % Daily Value* / % valeur quotidienne*
Fat / Lipides / Grasa 7 g                     9 %
 Saturated / saturés / Saturada 3 g
 + Trans / trans 0.2 g                       16 %
Carbohydrate / Glucides / Carbohidratos 20 g
 Fibre / Fibres / Fibra 1 g                   4 %
 Sugars / Sucres / Azúcares 9 g               9 %
Protein / Protéines / Proteínas 2 g
Sodium / Sodio 105 mg                         5 %
Iron / Fer / Hierro 0.75 mg                   4 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""


def test_third_language_inside_the_nutrition_facts_table(parse: Parse) -> None:
    table = parse(back=TRILINGUAL_TABLE).nutrition_facts
    assert table is not None
    assert table.calories == 150
    assert table.serving_amount == 30 and table.serving_unit == "g"
    assert table.nutrients["fat"].amount_text == "7 g"
    assert table.nutrients["saturated_fat"].amount_text == "3 g"
    assert table.nutrients["trans_fat"].amount_text == "0.2 g"
    assert table.nutrients["saturated_plus_trans"].dv_percent == 16
    assert table.nutrients["iron"].dv_percent == 4
    assert "Nutrition Facts / Valeur nutritive / Información nutricional" in table.other_language_text
    assert "Fat / Lipides / Grasa 7 g 9 %" in table.other_language_text
    assert "Sodium / Sodio 105 mg 5 %" in table.other_language_text
    assert not any(line.startswith("+ Trans") for line in table.other_language_text)


def test_columns_divided_by_a_bar_then_the_table_without_a_blank_line(parse: Parse) -> None:
    facts = parse(
        back=(
            "Ingredients: Water, Tomato paste, | Ingrédients : Eau, Pâte de tomates,\n"
            "Salt, Spices. | Sel, Épices.\n"
            "Contains: Wheat. | Contient : Blé.\n"
            "Nutrition Facts\nValeur nutritive\nPer 1 cup (250 mL) / pour 1 tasse (250 mL)\nCalories 40\n"
            "Sodium 480 mg 20 %\n*5% or less is a little, 15% or more is a lot\n"
            "Harvest Table Foods Ltd.\n1200 Industrial Rd., Winnipeg, Manitoba R3H 0T5\n"
        )
    )
    assert [(lst.language, lst.text, lst.source.column) for lst in facts.ingredients] == [
        ("en", "Water, Tomato paste, Salt, Spices.", 0),
        ("fr", "Eau, Pâte de tomates, Sel, Épices.", 1),
    ]
    assert [(s.language, s.items) for s in facts.contains] == [("en", ["Wheat"]), ("fr", ["Blé"])]
    table = facts.nutrition_facts
    assert table is not None
    assert (table.calories, table.nutrients["sodium"].dv_percent) == (40, 20)
    assert [d.text for d in facts.dealer] == [
        "Harvest Table Foods Ltd., 1200 Industrial Rd., Winnipeg, Manitoba R3H 0T5"
    ]
    assert facts.other_statements == []


def test_front_panel_read_as_two_columns(parse: Parse) -> None:
    facts = parse(
        front="Harvest Table\nTomato Soup     Soupe aux tomates\nSource of fibre     Source de fibres\n540 mL"
    )
    assert [(n.text, n.language) for n in facts.common_names] == [("Tomato Soup", "en"), ("Soupe aux tomates", "fr")]
    assert [b.text for b in facts.brand] == ["Harvest Table"]
    assert [(c.text, c.language) for c in facts.claims] == [("Source of fibre", "en"), ("Source de fibres", "fr")]
    assert [q.text for q in facts.net_quantity] == ["540 mL"]


def test_columns_from_ocr_rows_that_keep_no_positions(parse: Parse) -> None:
    # rows joined with a fixed wide gap; a row holding only the French column has no indent
    facts = parse(
        back=(
            "Ingredients: Whole wheat flour, Water, Yeast,     Ingrédients : Farine de blé entier, Eau,\n"
            "Salt, Calcium propionate.     Levure, Sel, Propionate\n"
            "de calcium.\n"
            "Contains: Wheat.     Contient : Blé.\n"
        )
    )
    assert [(lst.language, lst.text) for lst in facts.ingredients] == [
        ("en", "Whole wheat flour, Water, Yeast, Salt, Calcium propionate."),
        ("fr", "Farine de blé entier, Eau, Levure, Sel, Propionate de calcium."),
    ]
    assert [(s.language, s.items) for s in facts.contains] == [("en", ["Wheat"]), ("fr", ["Blé"])]


@pytest.mark.parametrize(
    ("text", "lists", "statements"),
    [
        pytest.param(
            "lngredients: Water, Sugar, Salt.\nContalns: Milk.\nMay contaln: Peanuts.",
            [("en", "Water, Sugar, Salt.")],
            [("contains", "en", ["Milk"]), ("may_contain", "en", ["Peanuts"])],
            id="9.7-ocr-l-for-i-in-contains-and-may-contain",
        ),
        pytest.param(
            "Ingredlents: Water, Sugar.\nC0ntains: Milk.",
            [("en", "Water, Sugar.")],
            [("contains", "en", ["Milk"])],
            id="5.2-ocr-l-for-i-inside-ingredients",
        ),
        pytest.param(
            "Ingre dients: Water, Sugar.\nCONTAlNS: MILK.",
            [("en", "Water, Sugar.")],
            [("contains", "en", ["MILK"])],
            id="5.2-ocr-space-inside-the-title",
        ),
        pytest.param(
            "lngrédients : Eau, Sucre.\nContlent : Lait.\nPeut conten1r : Arachides.",
            [("fr", "Eau, Sucre.")],
            [("contains", "fr", ["Lait"]), ("may_contain", "fr", ["Arachides"])],
            id="9.7-ocr-confusions-in-the-french-titles",
        ),
        pytest.param(
            "Ingredients: Water, whole-\nwheat flour, Salt.\nContains: Wheat.",
            [("en", "Water, whole-wheat flour, Salt.")],
            [("contains", "en", ["Wheat"])],
            id="5.2-hyphen-of-whole-wheat-kept-across-lines",
        ),
        pytest.param(
            "Ingredients: Water, enri-\nched wheat flour, Salt.",
            [("en", "Water, enriched wheat flour, Salt.")],
            [],
            id="5.2-hyphenation-inside-a-word-undone",
        ),
        pytest.param(
            "Ingredients: Water, enri\u00ad\nched wheat flour, Salt.",
            [("en", "Water, enriched wheat flour, Salt.")],
            [],
            id="5.2-soft-hyphen-at-the-line-end-undone",
        ),
        pytest.param(
            "Ingrédients : Eau, farine de blé en\u2010\ntier, sel.",
            [("fr", "Eau, farine de blé entier, sel.")],
            [],
            id="5.2-unicode-hyphen-undone-in-french",
        ),
        pytest.param(
            "Ingredients: Water, Sugar.|Ingrédients : Eau, Sucre.\nContains: Milk.|Contient : Lait.",
            [("en", "Water, Sugar."), ("fr", "Eau, Sucre.")],
            [("contains", "en", ["Milk"]), ("contains", "fr", ["Lait"])],
            id="2.1-bar-between-columns-without-spaces",
        ),
        pytest.param(
            "Ingredients: S0y lecithin, C0rn starch, Tomat0es.\nContains: S0y.",
            [("en", "Soy lecithin, Corn starch, Tomatoes.")],
            [("contains", "en", ["Soy"])],
            id="5.2-zero-for-o-in-words",
        ),
        pytest.param(
            "Ingredients: 0rganic rolled 0ats, Water.\nContains: 0ats.",
            [("en", "Organic rolled oats, Water.")],
            [("contains", "en", ["Oats"])],
            id="9.7-zero-opening-a-word-is-a-capital-o",
        ),
    ],
)
def test_ocr_misreadings_of_titles_and_words(
    parse: Parse, text: str, lists: list[tuple[str, str]], statements: list[tuple[str, str, list[str]]]
) -> None:
    facts = parse(back=text)
    assert [(lst.language, lst.text) for lst in facts.ingredients] == lists
    assert [(s.kind, s.language, s.items) for s in facts.contains + facts.may_contain] == statements
    assert facts.other_statements == []


TABLE_ROWS = "Per 1 cup (250 mL) / pour 1 tasse (250 mL)\nCalories 40\nSodium 480 mg 20 %\n"


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("N utrition Facts\nValeur nutritive", id="10-ocr-space-inside-nutrition"),
        pytest.param("Nutrition Fac ts\nValeur nutrit ive", id="10-ocr-spaces-in-both-titles"),
        pytest.param("Nutritlon Facts\nValeur nutrltive", id="10-ocr-l-for-i-in-both-titles"),
        pytest.param("NUTRlTlON FACTS\nVALEUR NUTRlTlVE", id="10-ocr-confusions-in-capitals"),
        pytest.param("Nutrition\nFacts\nValeur\nnutritive", id="10-titles-broken-over-two-lines"),
    ],
)
def test_misread_table_titles(parse: Parse, title: str) -> None:
    facts = parse(back=title + "\n" + TABLE_ROWS)
    table = facts.nutrition_facts
    assert table is not None
    assert table.title_languages == ["en", "fr"]
    assert (table.calories, table.nutrients["sodium"].dv_percent) == (40, 20)
    assert facts.other_statements == []


def test_date_words_split_by_ocr(parse: Parse) -> None:
    (mark,) = parse(back="Best befor e / Meil leur avant\n27 MR 15").dates
    assert (mark.words, mark.words_languages, mark.date_text) == (
        "Best before / Meilleur avant",
        ["en", "fr"],
        "27 MR 15",
    )


MISREAD_ROWS = """\
Nutrition Facts
Valeur nutritive
Per 1 cup (250 mL) / pour 1 tasse (250 mL)
Calorles 110            % Daily Value*
Fat / Lipides 2 g                3 %
Carbohydrate / Glucides 20 g
 Fibre / Fibres 2 g                7 %
 Sugars / Sucres 5 g                5 %
Proteln / Protéines 3 g
Sodlum 480 mg                   21 %
Potasslum 300 mg               6 %
Calclum 40 mg                    3 %
lron / Fer 1 mg                  6 %
*5% or less is a little, 15% or more is a lot
"""


@pytest.mark.parametrize(
    ("key", "amount_text"),
    [
        pytest.param("sodium", "480 mg", id="10-sodlum-row-read-as-sodium"),
        pytest.param("potassium", "300 mg", id="10-potasslum-row-read-as-potassium"),
        pytest.param("calcium", "40 mg", id="10-calclum-row-read-as-calcium"),
        pytest.param("iron", "1 mg", id="10-lron-row-read-as-iron"),
        pytest.param("protein", "3 g", id="10-proteln-row-read-as-protein"),
    ],
)
def test_table_rows_with_l_for_i(parse: Parse, key: str, amount_text: str) -> None:
    table = parse(back=MISREAD_ROWS).nutrition_facts
    assert table is not None
    assert table.calories == 110
    assert table.nutrients[key].amount_text == amount_text
