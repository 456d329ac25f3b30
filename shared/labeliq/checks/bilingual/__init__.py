"""The bilingual checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.bilingual.checker import check

__all__ = ["check"]
