"""The nutrition_facts checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.nutrition_facts.checker import check

__all__ = ["check"]
