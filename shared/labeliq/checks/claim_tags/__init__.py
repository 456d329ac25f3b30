"""The claim_tags checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.claim_tags.checker import check

__all__ = ["check"]
