"""The regulation's kinds of food, from the explicit context key `product_kind` (models.ProductKind).

A rule that depends on the kind of food (a Nutrition Facts table prohibited on a meal replacement, a nutrition
symbol exempt on a sweetening agent) reads ProductContext.product_kind, never words in the free-text `category`:
"fortified breakfast cereal (not a meal replacement)" would otherwise be taken for a meal replacement. With no
product_kind given, no such rule applies, and the findings say which fact would change them.
"""

from __future__ import annotations

from labeliq.models import ProductContext

# group -> the product kinds in it, each with the words the findings use for it
GROUPS: dict[str, dict[str, str]] = {
    "nft_prohibited": {
        "formulated_liquid_diet": "formulated liquid diet",
        "human_milk_fortifier": "human milk fortifier",
        "human_milk_substitute": "human milk substitute",
        "meal_replacement": "meal replacement",
        "nutritional_supplement": "nutritional supplement",
        "very_low_energy_diet_food": "food for a very low energy diet",
    },
    "nft_exempt_review": {
        "fresh_fruit_or_vegetable": "fresh fruit or vegetable",
        "raw_single_ingredient_meat_poultry_or_fish": "raw single-ingredient meat, poultry or fish",
        "alcoholic_beverage": "alcoholic beverage",
        "restaurant_portion": "restaurant portion",
        "made_in_store": "food made in store",
        "farmers_market": "farmers' market food",
    },
    "fop_prohibited": {
        "formulated_liquid_diet": "formulated liquid diet",
        "human_milk_fortifier": "human milk fortifier",
        "human_milk_substitute": "human milk substitute",
        "meal_replacement": "meal replacement",
        "nutritional_supplement": "nutritional supplement",
        "very_low_energy_diet_food": "food for a very low energy diet",
        "food_for_infants_6_to_12_months": "food for infants 6 to 12 months",
        "protein_restricted_diet_food": "food for a protein-restricted diet",
    },
    "fop_exempt": {"sweetening_agent": "sweetening agent", "salt": "salt", "fat_or_oil": "fat or oil"},
    "fop_exempt_review": {
        "alcoholic_beverage": "alcoholic beverage",
        "raw_single_ingredient_meat_poultry_or_fish": "raw single-ingredient meat, poultry or fish",
        "made_in_store": "food made in store",
        "farmers_market": "farmers' market food",
        "restaurant_portion": "individual serving for immediate consumption",
    },
    "cheese": {"cheese": "cheese"},
    "yogurt": {"yogurt": "yogurt"},
}


def matches(context: ProductContext, group: str) -> list[str]:
    """The kind (in words) when the context's product_kind is in `group`, else []."""
    kind = context.product_kind
    words = GROUPS.get(group, {}).get(kind) if kind is not None else None
    return [words] if words else []


def head_matches(context: ProductContext, group: str) -> list[str]:
    """Kept for the callers of the word-matching version: the same as matches."""
    return matches(context, group)
