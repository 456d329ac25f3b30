"""What several checkers share: findings, label lines, language, ingredient text, lexicon access, rounding,
Nutrition Facts values and Daily Values. A module used by one checker lives in that checker's package instead."""
