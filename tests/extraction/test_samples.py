"""The sample labels in samples/, parsed into the concrete values printed on them."""

from __future__ import annotations

import pytest

from labeliq.models import LabelFacts

# (sample, nutrient key, amount_text, dv_percent) as printed in each sample's Nutrition Facts table
NUTRIENT_ROWS = [
    ("granola-compliant", "fat", "5 g", 7.0),
    ("granola-compliant", "saturated_fat", "1 g", None),
    ("granola-compliant", "trans_fat", "0 g", None),
    ("granola-compliant", "saturated_plus_trans", "", 5.0),
    ("granola-compliant", "carbohydrate", "24 g", None),
    ("granola-compliant", "fibre", "3 g", 11.0),
    ("granola-compliant", "sugars", "8 g", 8.0),
    ("granola-compliant", "protein", "3 g", None),
    ("granola-compliant", "cholesterol", "0 mg", None),
    ("granola-compliant", "sodium", "95 mg", 4.0),
    ("granola-compliant", "potassium", "125 mg", 4.0),
    ("granola-compliant", "calcium", "20 mg", 2.0),
    ("granola-compliant", "iron", "1 mg", 6.0),
    ("soup-nutrition-faults", "fat", "2.3 g", 3.0),
    ("soup-nutrition-faults", "saturated_fat", "0.5 g", None),
    ("soup-nutrition-faults", "saturated_plus_trans", "", 3.0),
    ("soup-nutrition-faults", "sodium", "480 mg", 20.0),
    ("soup-nutrition-faults", "iron", "0.75 mg", 4.0),
    ("crackers-date-allergen-faults", "saturated_fat", "1.5 g", None),
    ("crackers-date-allergen-faults", "saturated_plus_trans", "", 8.0),
    ("crackers-date-allergen-faults", "cholesterol", "5 mg", None),
    ("crackers-date-allergen-faults", "iron", "1.25 mg", 7.0),
    ("pita-halal-side-by-side", "saturated_fat", "0.2 g", None),
    ("pita-halal-side-by-side", "saturated_plus_trans", "", 1.0),
    ("pita-halal-side-by-side", "fibre", "4 g", 14.0),
    ("pita-halal-side-by-side", "sodium", "300 mg", 13.0),
    ("pita-halal-side-by-side", "iron", "1.75 mg", 10.0),
    ("pasta-sauce-imported", "saturated_fat", "0.4 g", None),
    ("pasta-sauce-imported", "saturated_plus_trans", "", 2.0),
    ("pasta-sauce-imported", "potassium", "450 mg", 13.0),
    ("pasta-sauce-imported", "sodium", "290 mg", 13.0),
]


@pytest.mark.parametrize(
    ("sample", "key", "amount_text", "dv"),
    [pytest.param(*row, id=f"{row[0]}-{row[1]}") for row in NUTRIENT_ROWS],
)
def test_nutrient_rows_as_printed(
    samples: dict[str, LabelFacts], sample: str, key: str, amount_text: str, dv: float | None
) -> None:
    table = samples[sample].nutrition_facts
    assert table is not None
    row = table.nutrients[key]
    assert row.amount_text == amount_text
    assert row.dv_percent == dv
    if amount_text:
        assert row.amount == float(amount_text.split()[0])
        assert row.unit == amount_text.split()[1]


@pytest.mark.parametrize(
    ("sample", "serving_text", "amount", "unit", "calories"),
    [
        ("granola-compliant", "Per 1 bar (35 g) / pour 1 barre (35 g)", 35.0, "g", 150.0),
        ("soup-nutrition-faults", "Per 1 cup (250 mL) / pour 1 tasse (250 mL)", 250.0, "mL", 40.0),
        ("crackers-date-allergen-faults", "Per 20 crackers (30 g) / pour 20 craquelins (30 g)", 30.0, "g", 140.0),
        ("pita-halal-side-by-side", "Per 1 pita (60 g) / pour 1 pita (60 g)", 60.0, "g", 160.0),
        ("pasta-sauce-imported", "Per 1/2 cup (125 mL) / pour 1/2 tasse (125 mL)", 125.0, "mL", 70.0),
    ],
)
def test_table_header(
    samples: dict[str, LabelFacts], sample: str, serving_text: str, amount: float, unit: str, calories: float
) -> None:
    table = samples[sample].nutrition_facts
    assert table is not None
    assert table.title == "Nutrition Facts Valeur nutritive"
    assert table.title_languages == ["en", "fr"]
    assert table.serving_text == serving_text
    assert (table.serving_amount, table.serving_unit, table.calories) == (amount, unit, calories)
    assert table.dv_footnote.splitlines() == [
        "*5% or less is a little, 15% or more is a lot",
        "*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup",
    ]
    assert table.other_language_text == []
    assert table.source.panel in ("back", "side")
    assert table.source.line_start == 0


@pytest.mark.parametrize(
    ("sample", "brand", "name_en", "name_fr", "net_quantity"),
    [
        (
            "granola-compliant",
            "MAPLE GROVE",
            "Oat & Honey Granola Bars",
            "Barres granola à l'avoine et au miel",
            "210 g",
        ),
        ("soup-nutrition-faults", "Harvest Table", "Tomato Soup", "Soupe aux tomates", "540 mL"),
        (
            "crackers-date-allergen-faults",
            "Prairie Crisp",
            "Cheddar & Onion Crackers",
            "Craquelins au cheddar et à l'oignon",
            "200 g",
        ),
        ("pita-halal-side-by-side", "CEDAR VALLEY", "Whole Wheat Pita Bread", "Pain pita de blé entier", "360 g"),
        (
            "pasta-sauce-imported",
            "Bella Tavola",
            "Tomato & Basil Pasta Sauce",
            "Sauce pour pâtes tomates et basilic",
            "650 mL",
        ),
    ],
)
def test_identity_on_the_principal_display_panel(
    samples: dict[str, LabelFacts], sample: str, brand: str, name_en: str, name_fr: str, net_quantity: str
) -> None:
    facts = samples[sample]
    assert [b.text for b in facts.brand] == [brand]
    names = {n.language: n.text for n in facts.common_names}
    assert names == {"en": name_en, "fr": name_fr}
    assert all(n.source.panel == "front" for n in facts.common_names)
    assert [q.text for q in facts.net_quantity] == [net_quantity]
    assert facts.net_quantity[0].source.panel == "front"


@pytest.mark.parametrize(
    ("sample", "language", "title", "names", "first_components"),
    [
        (
            "granola-compliant",
            "en",
            "Ingredients:",
            ["Whole grain rolled oats", "Sugars", "Crisp rice", "Sunflower oil", "Wheat flour", "Almonds"],
            ["honey", "brown sugar", "glucose syrup"],
        ),
        (
            "granola-compliant",
            "fr",
            "Ingrédients :",
            ["Flocons d'avoine à grains entiers", "Sucres", "Riz croustillant", "Huile de tournesol"],
            ["miel", "cassonade", "sirop de glucose"],
        ),
        (
            "crackers-date-allergen-faults",
            "en",
            "Ingredients:",
            ["Enriched wheat flour", "Canola oil", "Cheddar cheese", "Dried onion", "Salt", "Yeast"],
            ["milk", "bacterial culture", "salt", "calcium chloride", "microbial enzyme"],
        ),
        (
            "pita-halal-side-by-side",
            "fr",
            "Ingrédients :",
            ["Farine de blé entier", "Eau", "Levure", "Huile de canola", "Sucre", "Sel", "Vinaigre"],
            [],
        ),
        (
            "pasta-sauce-imported",
            "fr",
            "Ingrédients :",
            ["Tomates", "Pâte de tomates", "Oignons", "Huile d'olive extra vierge", "Basilic", "Sel"],
            [],
        ),
    ],
)
def test_ingredient_lists(
    samples: dict[str, LabelFacts],
    sample: str,
    language: str,
    title: str,
    names: list[str],
    first_components: list[str],
) -> None:
    lists = [lst for lst in samples[sample].ingredients if lst.language == language]
    assert len(lists) == 1
    lst = lists[0]
    assert lst.title == title
    assert [i.name for i in lst.ingredients][: len(names)] == names
    with_components = [i for i in lst.ingredients if i.components]
    assert [c.name for c in (with_components[0].components if with_components else [])] == first_components
    assert lst.parse_errors == []


@pytest.mark.parametrize(
    ("sample", "contains", "may_contain"),
    [
        (
            "granola-compliant",
            {"en": ["Oats", "Wheat", "Almonds", "Milk", "Soy"], "fr": ["Avoine", "Blé", "Amandes", "Lait", "Soya"]},
            {"en": ["Peanuts"], "fr": ["Arachides"]},
        ),
        ("soup-nutrition-faults", {"en": ["Wheat"], "fr": ["Blé"]}, {}),
        (
            "crackers-date-allergen-faults",
            {"en": ["Wheat", "Barley"], "fr": ["Blé", "Orge"]},
            {"en": ["Tree nuts"], "fr": ["Noix"]},
        ),
        ("pita-halal-side-by-side", {"en": ["Wheat"], "fr": ["Blé"]}, {"en": ["Sesame"], "fr": ["Sésame"]}),
        ("pasta-sauce-imported", {}, {}),
    ],
)
def test_allergen_statements(
    samples: dict[str, LabelFacts],
    sample: str,
    contains: dict[str, list[str]],
    may_contain: dict[str, list[str]],
) -> None:
    facts = samples[sample]
    assert {s.language: s.items for s in facts.contains} == contains
    assert {s.language: s.items for s in facts.may_contain} == may_contain


@pytest.mark.parametrize(
    ("sample", "words", "date_text"),
    [
        ("granola-compliant", "Best before / Meilleur avant", "27 MR 15"),
        ("crackers-date-allergen-faults", "Best before / Meilleur avant", "27 JU 28"),
        ("pita-halal-side-by-side", "Best before / Meilleur avant", "26 DE 05"),
        ("pasta-sauce-imported", "Best before / Meilleur avant", "28 MR 15"),
    ],
)
def test_best_before_dates(samples: dict[str, LabelFacts], sample: str, words: str, date_text: str) -> None:
    dates = samples[sample].dates
    assert [(d.kind, d.words, d.words_languages, d.date_text) for d in dates] == [
        ("best_before", words, ["en", "fr"], date_text)
    ]


def test_soup_has_no_date_and_a_high_in_sodium_symbol(samples: dict[str, LabelFacts]) -> None:
    facts = samples["soup-nutrition-faults"]
    assert facts.dates == []
    assert [f.text for f in facts.fop_symbol] == ["High in / Élevé en Sodium Health Canada / Santé Canada"]
    assert facts.fop_symbol[0].source.panel == "front"


@pytest.mark.parametrize(
    ("sample", "dealer"),
    [
        ("granola-compliant", "Maple Grove Foods Inc., 412 Woolwich St., Guelph, Ontario N1H 3W4"),
        ("soup-nutrition-faults", "Harvest Table Foods Ltd., 1200 Industrial Rd., Winnipeg, Manitoba R3H 0T5"),
        ("crackers-date-allergen-faults", "Prairie Crisp Snacks Ltd., 88 Rue Saint-Paul, Montréal (Québec) H2Y 1G6"),
        ("pita-halal-side-by-side", "Cedar Valley Bakery Ltd., 1450 Meyerside Dr., Mississauga, Ontario L5T 1V4"),
        ("pasta-sauce-imported", "Bella Tavola Imports Inc., 2250 Rue Guénette, Saint-Laurent (Québec) H4R 2E9"),
    ],
)
def test_dealer(samples: dict[str, LabelFacts], sample: str, dealer: str) -> None:
    assert [d.text for d in samples[sample].dealer] == [dealer]


def test_granola_claims_origin_and_storage(samples: dict[str, LabelFacts]) -> None:
    facts = samples["granola-compliant"]
    assert [(c.kind, c.text, c.language) for c in facts.claims] == [
        ("nutrient_content", "Source of fibre", "en"),
        ("nutrient_content", "Source de fibres", "fr"),
    ]
    assert [(o.text, o.language) for o in facts.origin_statements] == [
        ("Made in Canada from domestic and imported ingredients.", "en"),
        ("Fabriqué au Canada à partir d'ingrédients canadiens et importés.", "fr"),
    ]
    assert [(s.text, s.language) for s in facts.storage_instructions] == [
        ("Store in a cool, dry place.", "en"),
        ("Conserver dans un endroit frais et sec.", "fr"),
    ]
    assert facts.imported_by == []


def test_pita_side_by_side_halal_claim_names_its_certifier(samples: dict[str, LabelFacts]) -> None:
    facts = samples["pita-halal-side-by-side"]
    halal = [c for c in facts.claims if c.kind == "halal"]
    assert [(c.text, c.language, c.source.panel) for c in halal] == [
        ("Certified Halal by the Halal Monitoring Authority (HMA).", "en", "back"),
        ("Certifié halal par la Halal Monitoring Authority (HMA).", "fr", "back"),
        ("HALAL", "bilingual", "front"),
    ]
    assert all("Halal Monitoring Authority (HMA)" in c.certifier for c in halal)
    # the side-by-side columns keep their own lines: English list on lines 21-23 of the back panel
    english = next(lst for lst in facts.ingredients if lst.language == "en")
    assert (english.source.line_start, english.source.line_end, english.source.column) == (21, 23, 0)
    french = next(lst for lst in facts.ingredients if lst.language == "fr")
    assert (french.source.line_start, french.source.line_end, french.source.column) == (21, 23, 1)
    assert "Ingrédients" not in english.text
    assert [(s.text, s.language) for s in facts.storage_instructions] == [
        ("Store in a cool, dry place.", "en"),
        ("Conserver dans un endroit frais et sec.", "fr"),
    ]


def test_pasta_sauce_import_statements(samples: dict[str, LabelFacts]) -> None:
    facts = samples["pasta-sauce-imported"]
    assert [(i.text, i.language) for i in facts.imported_by] == [
        (
            "Imported by / Importé par : Bella Tavola Imports Inc., 2250 Rue Guénette, Saint-Laurent (Québec) H4R 2E9",
            "bilingual",
        )
    ]
    assert [(o.text, o.language) for o in facts.origin_statements] == [
        ("Product of Italy", "en"),
        ("Produit d'Italie", "fr"),
    ]
    assert [(s.text, s.language) for s in facts.storage_instructions] == [
        ("Refrigerate after opening.", "en"),
        ("Réfrigérer après ouverture.", "fr"),
    ]
    assert facts.claims == []


@pytest.mark.parametrize("sample", ["granola-compliant", "soup-nutrition-faults", "crackers-date-allergen-faults"])
def test_nothing_left_unclassified_on_the_original_samples(samples: dict[str, LabelFacts], sample: str) -> None:
    leftovers = [s.text for s in samples[sample].other_statements]
    assert leftovers in ([], ["6 bars / barres"])
