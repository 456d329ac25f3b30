"""The supplements checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.supplements.checker import check

__all__ = ["check"]
