"""A rule of ../shared/domain/cfia-rules.md as the checkers judge it: declared once, in its checker's rules.py.

Findings are made from the Rule object (common/findings.py), so the id cannot be mistyped and the rule's citation
comes with it; a finding may still cite the exact paragraph it rests on. Some rules are judged per aspect (the
rounding table 10.B per nutrient, 14.B per claim): `part` names the aspect, and the finding's id becomes
`10.B.fat` while the rule stays 10.B.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str  # the row of cfia-rules.md: "9.7", "10.A2", "14.B"
    title: str  # what the rule requires, in a line
    citation: str  # the regulation the reference gives for it
    checker: str  # the registry name of the checker that declares it
    aspect: str | None = None  # "fat" in 10.B.fat; None for the rule itself

    @property
    def finding_id(self) -> str:
        """The id a finding carries: the rule id, with the aspect when there is one."""
        return self.id if self.aspect is None else f"{self.id}.{self.aspect}"

    def part(self, aspect: str) -> Rule:
        """The same rule judged for one aspect (a nutrient, a claim, a wording question)."""
        if not aspect or " " in aspect:
            raise ValueError(f"an aspect of rule {self.id} must be a word such as 'fat', got {aspect!r}")
        full = aspect if self.aspect is None else f"{self.aspect}.{aspect}"
        return Rule(self.id, self.title, self.citation, self.checker, full)
