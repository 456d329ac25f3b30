"""The health_claims checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.health_claims.checker import check

__all__ = ["check"]
