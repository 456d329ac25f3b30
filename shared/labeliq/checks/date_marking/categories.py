"""What the kind of food says about its date marking (cfia-rules.md 6.1, 6.7, 6.9, 6.10).

The kind comes from the explicit context key `product_kind` (models.ProductKind), never from words in the
free-text `category`: "donut-shaped dog treats" is no donut, and "not a meal replacement" names one. Each kind
maps to the provision that names it (B.01.007(3), (7); B.24 and B.25 expiration dates). With no product_kind,
none of these applies and the durable life (durable_life_days) decides.
"""

from __future__ import annotations

from labeliq.models import ProductContext

# B.01.007(3)(a)-(d): exempt from the best-before / packaged-on requirement of (1.1)(b) and (c).
EXEMPT: dict[str, str] = {
    "fresh_fruit_or_vegetable": "B.01.007(3)(a) fresh fruits or vegetables",
    "restaurant_portion": "B.01.007(3)(b) individual portions served by a restaurant or other commercial enterprise",
    "vending_machine_serving": (
        "B.01.007(3)(c) individual servings from a commissary sold by vending machine or mobile canteen"
    ),
    "prepackaged_donut": "B.01.007(3)(d) prepackaged donuts",
}

# B.24.103(g), B.24.202(d), B.24.304(h), B.25.057(1)(f),(2)(f), B.25.020(1)(h): an expiration date is required.
EXPIRY_REQUIRED: dict[str, str] = {
    "formulated_liquid_diet": "formulated liquid diet (B.24.103(g))",
    "meal_replacement": "meal replacement (B.24.202(d))",
    "nutritional_supplement": "nutritional supplement (B.24.202(d))",
    "very_low_energy_diet_food": "very low energy diet food (B.24.304(h))",
    "human_milk_substitute": "human milk substitute (infant formula) (B.25.057)",
    "human_milk_fortifier": "human milk fortifier (B.25.020)",
}


def exemption(context: ProductContext) -> str | None:
    """The B.01.007(3) paragraph the product kind falls under, or None."""
    return EXEMPT.get(context.product_kind or "")


def expiry_category(context: ProductContext) -> str | None:
    """The kind (with its section) that must carry an expiration date, or None."""
    return EXPIRY_REQUIRED.get(context.product_kind or "")


def is_fresh_yeast(context: ProductContext) -> bool:
    """B.01.007(7): only prepackaged fresh yeast may carry 'use by / employez avant'."""
    return context.product_kind == "fresh_yeast"
