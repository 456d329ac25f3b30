"""The common_name checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.common_name.checker import check

__all__ = ["check"]
