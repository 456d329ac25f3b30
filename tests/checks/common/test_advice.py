"""Every rule says what to do about its findings, in English and French (issue 15)."""

from __future__ import annotations

import re

import pytest

from labeliq.checks.common import findings as F
from labeliq.checks.common.advice import Advice, advice_for, complete, render, rule_title_fr
from labeliq.checks.date_marking.rules import R6_5
from labeliq.checks.rules_index import declared
from labeliq.models import Verdict

RULES = sorted(declared())
_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("fix", "subject", False),
    ("question", "subject", False),
    ("fix_fr", "subject_fr", True),
    ("question_fr", "subject_fr", True),
)
# What a template must never render to: a leftover placeholder, a doubled word ("the date the date"), "de le".
_BROKEN = re.compile(r"\{|\}|\b(\w+) \1\b|\b(?:de|à) (?:le|les)\b|  ")


def _advice(rule_id: str) -> Advice:
    advice = advice_for(rule_id)
    assert advice is not None, f"rule {rule_id} has no entry in checks/{declared()[rule_id].rule.checker}/fixes.py"
    return advice


@pytest.mark.parametrize("rule_id", RULES)
def test_every_declared_rule_has_a_fix_a_question_and_a_french_title(rule_id: str) -> None:
    advice = _advice(rule_id)
    assert advice.title_fr and advice.fix and advice.fix_fr and advice.question and advice.question_fr
    assert advice.question.endswith("?") and advice.question_fr.endswith(" ?")  # French: a space before "?"


@pytest.mark.parametrize("rule_id", RULES)
def test_every_template_reads_well_with_and_without_the_labels_words(rule_id: str) -> None:
    advice = _advice(rule_id)
    for field, subject, french in _FIELDS:
        for term in ("", "27 JU 28"):
            text = render(getattr(advice, field), term, getattr(advice, subject), french)
            assert not _BROKEN.search(text), f"{rule_id} {field} with term {term!r}: {text}"
            assert text[:1].isupper() or text[:1] in "«\"'", f"{rule_id} {field}: {text}"


def test_every_fixes_module_names_only_declared_rules() -> None:
    from labeliq.checks.common.advice import _fixes_of

    checkers = {entry.rule.checker for entry in declared().values()}
    for checker in checkers:
        for key in _fixes_of(checker):
            assert key.split(".")[0] + "." + key.split(".")[1] in declared() or key in declared(), key


def test_a_fail_gets_its_fix_in_the_labels_words_and_in_french() -> None:
    finding = F.failed(R6_5, "'JU' in '27 JU 28' is not a month code.", evidence="Best before 27 JU 28", term="JU")
    done = complete(finding, {"back": "Best before 27 JU 28"})
    assert done.highlight is not None and done.evidence[slice(*done.highlight)] == "JU"
    assert '"JU"' in done.fix
    assert done.fr is not None and "« JU »" in done.fr.fix and done.fr.message.startswith("Non conforme")
    assert done.question == ""


def test_a_checker_that_knows_the_fix_keeps_it() -> None:
    finding = F.failed(R6_5, "m", evidence="27 JU 28", term="JU", fix="Write JN or JL.", fix_fr="Écrivez JN ou JL.")
    done = complete(finding)
    assert done.fix == "Write JN or JL." and done.fr is not None and done.fr.fix == "Écrivez JN ou JL."
    assert done.fr.message  # the French message is still written


def test_a_review_item_gets_one_question_and_no_fix() -> None:
    done = complete(F.review(R6_5, "Is the month readable?", evidence="27 JU 28", panel="back"))
    assert done.verdict == Verdict.NEEDS_REVIEW and done.question.endswith("?") and done.fix == ""
    assert done.fr is not None and done.fr.question.endswith("?")


def test_the_words_a_message_quotes_are_highlighted_when_the_checker_named_none() -> None:
    finding = F.failed(
        R6_5, "'JU' in '27 JU 28' is not one of the codes.", evidence="Best before / Meilleur avant 27 JU 28"
    )
    done = complete(finding)
    assert done.highlight is not None and done.evidence[slice(*done.highlight)] == "JU"


def test_a_statement_title_quoted_by_the_message_is_not_what_is_highlighted() -> None:
    finding = F.failed(
        R6_5, "In the \"May contain:\" statement, 'Tree nuts' is generic.", evidence="May contain: Tree nuts."
    )
    done = complete(finding)
    assert done.highlight is not None and done.evidence[slice(*done.highlight)] == "Tree nuts"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        pytest.param(
            "No kosher claim was found.", "Looked for on every panel read (front, back): not found.", id="absence"
        ),
        pytest.param(
            "Whether storage instructions are needed depends on the product.",
            "No single passage to quote: judged from the whole label (panels read: front, back) and the product "
            "context.",
            id="whole-label",
        ),
    ],
)
def test_a_finding_that_quotes_nothing_says_where_the_label_was_read(message: str, expected: str) -> None:
    done = complete(F.not_applicable(R6_5, message), {"front": "Oat Bars", "back": "Best before 27 JN 28"})
    assert done.evidence == expected


def test_the_panel_is_found_when_one_panel_holds_the_evidence() -> None:
    panels = {"front": "Oat Bars\n200 g", "back": "Best before / Meilleur avant\n27 JU 28"}
    assert complete(F.failed(R6_5, "m", evidence="Meilleur avant 27 JU 28"), panels).panel == "back"
    assert complete(F.failed(R6_5, "m", evidence="Oat"), panels).panel is None  # too short to be sure


def test_french_rule_titles_are_available_for_the_docx() -> None:
    assert rule_title_fr("10.B.fat").startswith("Renseignements de base")
    assert rule_title_fr("99.9") == ""
