"""The name_address checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.name_address.checker import check

__all__ = ["check"]
