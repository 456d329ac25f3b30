"""What a product's category says about its date marking (cfia-rules.md 6.1, 6.7, 6.9, 6.10).

The category is free text from the user, so each test looks for the words CFIA uses for the class of
food (B.01.007(3), (7); B.24 and B.25 expiration dates) and says which provision it matched.
"""

from __future__ import annotations

from labeliq.text import fold, has_term

# B.01.007(3)(a)-(d): exempt from the best-before / packaged-on requirement.
EXEMPT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "B.01.007(3)(a) fresh fruits or vegetables",
        (
            "fresh fruit",
            "fresh fruits",
            "fresh vegetable",
            "fresh vegetables",
            "fresh produce",
            "fruits frais",
            "legumes frais",
            "fresh-cut fruit",
            "fresh-cut vegetables",
        ),
    ),
    (
        "B.01.007(3)(b) individual portions served by a restaurant or other commercial enterprise",
        ("individual portion", "individual portions", "restaurant portion", "portion individuelle"),
    ),
    (
        "B.01.007(3)(c) individual servings from a commissary sold by vending machine or mobile canteen",
        ("vending machine", "vending", "commissary", "mobile canteen", "distributeur automatique"),
    ),
    ("B.01.007(3)(d) prepackaged donuts", ("donut", "donuts", "doughnut", "doughnuts", "beigne", "beignes")),
)

# B.24.103(g), B.24.202(d), B.24.304(h), B.25.057(1)(f),(2)(f), B.25.020(1)(h): an expiration date is required.
EXPIRY_REQUIRED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("formulated liquid diet (B.24.103(g))", ("formulated liquid diet", "diete liquide")),
    ("meal replacement (B.24.202(d))", ("meal replacement", "substitut de repas")),
    ("nutritional supplement (B.24.202(d))", ("nutritional supplement", "supplement nutritif")),
    ("very low energy diet food (B.24.304(h))", ("very low energy diet", "very-low-energy diet", "vled")),
    ("infant formula (B.25.057)", ("infant formula", "preparation pour nourrissons")),
    ("human milk fortifier (B.25.020)", ("human milk fortifier", "fortifiant pour lait humain")),
)

# Categories that are plainly perishable: with no durable life given, a missing date is a fail, not a question.
PERISHABLE = (
    "fresh meat", "ground beef", "ground meat", "ground pork", "fresh poultry", "fresh chicken", "fresh fish",
    "fresh seafood", "raw chicken", "yogurt", "yoghurt", "fluid milk", "fresh milk", "fresh pasta", "deli meat",
    "sandwich", "sandwiches", "salad kit", "prepared salad", "hummus", "fresh juice", "fresh cheese", "cottage cheese",
    "cream cheese", "sour cream", "fresh sausage", "fresh bread",
)  # fmt: skip


def _match(category: str | None, terms: tuple[str, ...]) -> bool:
    return bool(category) and any(has_term(category or "", t) for t in terms)


def exemption(category: str | None) -> str | None:
    """The B.01.007(3) paragraph the category falls under, or None."""
    return next((name for name, terms in EXEMPT if _match(category, terms)), None)


def expiry_category(category: str | None) -> str | None:
    return next((name for name, terms in EXPIRY_REQUIRED if _match(category, terms)), None)


def is_fresh_yeast(category: str | None) -> bool:
    folded = fold(category or "")
    return ("yeast" in folded and ("fresh" in folded or "compressed" in folded)) or "levure fraiche" in folded


def is_perishable(category: str | None) -> bool:
    return _match(category, PERISHABLE) and not _match(category, ("frozen", "congele", "surgele"))


def is_frozen(category: str | None) -> bool:
    return _match(category, ("frozen", "congele", "congeles", "surgele", "surgeles"))
