"""A reviewer approves or edits a sticker field, always with an author and a reason (the jobs API's decisions)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from labeliq.models import Panel, ProductContext
from labeliq.relabel.decisions import DecisionError, FieldDecision, apply_decision
from labeliq.relabel.foreign_parser import parse_foreign_label
from labeliq.relabel.proposal import RelabelProposal
from labeliq.relabel.sticker import build_relabel
from labeliq.relabel.translate import GlossaryTranslator

LABEL = "Sugo al Basilico\ne 400 g"
BACK = "Ingredienti: pomodoro, sale, nduja.\nDa consumarsi preferibilmente entro il: 31/10/2027"


def _proposal() -> RelabelProposal:
    facts = parse_foreign_label([Panel(name="front", text=LABEL), Panel(name="back", text=BACK)])
    return build_relabel(facts, ProductContext(), GlossaryTranslator())


def test_approve_keeps_the_text_and_records_who_and_why() -> None:
    proposal = _proposal()
    decided = apply_decision(
        proposal, FieldDecision(field="common_name", action="approve", author="r.tremblay", reason="checked CFIA")
    )
    field = decided.fields["common_name"]
    assert (field.state, field.decided_by, field.decision_reason) == ("approved", "r.tremblay", "checked CFIA")
    assert field.en == proposal.fields["common_name"].en
    assert proposal.fields["common_name"].state == "proposed"  # the original is not changed in place


def test_edit_replaces_both_languages_and_is_no_longer_machine_made() -> None:
    decided = apply_decision(
        _proposal(),
        FieldDecision(
            field="ingredients",
            action="edit",
            author="r.tremblay",
            reason="nduja is a spreadable pork sausage",
            en="Ingredients: Tomatoes, Salt, Nduja (pork, peppers, salt).",
            fr="Ingrédients : Tomates, Sel, Nduja (porc, piments, sel).",
        ),
    )
    field = decided.fields["ingredients"]
    assert (field.state, field.machine_made) == ("edited", False)
    assert field.fr.startswith("Ingrédients : Tomates")


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (FieldDecision(field="colour", action="approve", author="a", reason="b"), "no sticker field"),
        (FieldDecision(field="ingredients", action="edit", author="a", reason="b", en="x"), "both English and French"),
        (FieldDecision(field="ingredients", action="approve", author="a", reason="b", en="x"), "keeps the proposed"),
        (FieldDecision(field="imported_by", action="approve", author="a", reason="b"), "no text in both"),
    ],
)
def test_bad_decisions_are_refused(decision: FieldDecision, message: str) -> None:
    with pytest.raises(DecisionError, match=message):
        apply_decision(_proposal(), decision)


def test_a_decision_needs_an_author_and_a_reason() -> None:
    with pytest.raises(ValidationError):
        FieldDecision(field="common_name", action="approve", author="", reason="")
