"""What a specialist does about a finding: the fix of a fail, the question of a review item, and both in French.

A finding says what is wrong; the person holding the label needs what to change ("Write the month as JN or JL")
or the one question only they can answer. Each checker keeps these beside its rules, in `checks/<name>/fixes.py`
(`FIXES = {"6.5": Advice(...)}`), so the checkers' logic stays as it is and the words live in one place per checker.
A template may name `{term}`: the words of the label the finding highlights ("JU", "sulphur dioxide"), quoted; when
a finding has none, the advice's `subject` stands in ("the month"). `{quote}` follows a noun the template names
("next to the date{quote}"): the quoted words when there are some, nothing otherwise.

`complete` fills a finding from its rule's advice when the report is assembled, after every checker and the LLM
judge have run, so a verdict changed on the way still gets the words of its final verdict. A checker that knows
better (a month code it can map) passes its own fix to the finding constructor, and `complete` keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from labeliq.checks.common.evidence import ELLIPSIS, span_named_by
from labeliq.checks.registry import import_check_module
from labeliq.models import Finding, FindingText, Verdict

VERDICT_FR: dict[Verdict, str] = {
    Verdict.FAIL: "Non conforme",
    Verdict.NEEDS_REVIEW: "À vérifier",
    Verdict.PASS: "Conforme",
    Verdict.NOT_APPLICABLE: "Sans objet",
}


@dataclass(frozen=True)
class Advice:
    """The words of one rule (or one aspect of it, keyed "10.B.fat") for the person who acts on its findings."""

    title_fr: str  # the rule's title in French, for the French report's headings
    fix: str  # a fail: what to change on the label; may name {term}
    fix_fr: str
    question: str = ""  # a needs_review: the question a person must answer; may name {term}
    question_fr: str = ""
    subject: str = "the text in question"  # stands in for {term} when the finding highlights no words
    subject_fr: str = "le texte en cause"


_FRENCH_CONTRACTIONS = [
    (re.compile(r"\bde le\b"), "du"),
    (re.compile(r"\bde les\b"), "des"),
    (re.compile(r"\bà le\b"), "au"),
    (re.compile(r"\bà les\b"), "aux"),
]


def _quoted(term: str, french: bool) -> str:
    return f"« {term} »" if french else f'"{term}"'


def render(template: str, term: str, subject: str, french: bool = False) -> str:
    """A template with {term} replaced by the quoted words of the label, or by the subject when there are none;
    `{quote}` is the quoted words after a noun the template names ('the date{quote}'), or nothing."""
    text = template.replace("{term}", _quoted(term, french) if term else subject)
    text = text.replace("{quote}", f" {_quoted(term, french)}" if term else "").strip()
    if french:  # "de le nom" -> "du nom" when the subject stands in after a preposition
        for loose, contracted in _FRENCH_CONTRACTIONS:
            text = loose.sub(contracted, text)
    return text[:1].upper() + text[1:]


@cache
def _fixes_of(checker: str) -> dict[str, Advice]:
    try:
        module = import_check_module(f"{checker}.fixes")
    except ModuleNotFoundError:
        return {}
    fixes: dict[str, Advice] = module.FIXES
    return fixes


def advice_for(finding_id: str) -> Advice | None:
    """The advice of the most exact key: `10.B.fat` before `10.B`; None for an id no checker declares."""
    from labeliq.checks.rules_index import UnknownRule, rule_for

    try:
        rule = rule_for(finding_id)
    except UnknownRule:
        return None
    fixes = _fixes_of(rule.checker)
    parts = finding_id.split(".")
    for n in range(len(parts), 0, -1):
        found = fixes.get(".".join(parts[:n]))
        if found is not None:
            return found
    return None


def rule_title(finding_id: str) -> str:
    from labeliq.checks.rules_index import UnknownRule, rule_for

    try:
        return rule_for(finding_id).title
    except UnknownRule:
        return ""


def _fallback(finding: Finding) -> Advice:
    """For a finding outside every checker's rules (a checker that could not run files under its section)."""
    section = finding.rule
    return Advice(
        title_fr=f"Exigences de la section {section}",
        fix=f"Check the rules of section {section} by hand against {finding.citation} and correct the label.",
        fix_fr=f"Vérifiez à la main les règles de la section {section} ({finding.citation}) et corrigez l'étiquette.",
        question=f"Does the label meet the rules of section {section}? The automatic check could not judge them.",
        question_fr=(
            f"L'étiquette respecte-t-elle les règles de la section {section} ? La vérification automatique n'a pas "
            "pu en juger."
        ),
    )


def marked_words(finding: Finding) -> str:
    """The highlighted words of the finding's evidence ("" when none)."""
    if finding.highlight is None:
        return ""
    start, end = finding.highlight
    return finding.evidence[start:end].strip()


def french_message(finding: Finding, advice: Advice) -> str:
    """The French sentence of a finding: its verdict, the rule's requirement, the words in question and the panel.

    Checkers write their English messages as f-strings with many variants; rather than translate each variant, the
    French report says what was judged with the rule's French title and the quoted words, and the French fix or
    question says what to do.
    """
    words = marked_words(finding)
    sentence = f"{VERDICT_FR[finding.verdict]} : {advice.title_fr.rstrip('.')}"
    details = []
    if words:
        details.append(f"texte en cause : {_quoted(words, True)}")
    if finding.panel:
        details.append(f"panneau « {finding.panel} »")
    if details:
        sentence += " (" + ", ".join(details) + ")"
    return sentence + "."


_ABSENCE = re.compile(r"^no\b|\bnot (?:be )?found\b|\bwas found\b|\bwere found\b|\bnothing\b", re.IGNORECASE)


def absence_evidence(message: str, panels: Sequence[str]) -> str:
    """The evidence of a finding that quotes nothing: where the label was read, so an absence is evidence too."""
    names = ", ".join(panels) if panels else "none"
    if _ABSENCE.search(message):
        return f"Looked for on every panel read ({names}): not found."
    return f"No single passage to quote: judged from the whole label (panels read: {names}) and the product context."


def _squashed(text: str) -> str:
    return " ".join(text.split()).casefold()


def panel_of(evidence: str, panel_texts: Mapping[str, str]) -> str | None:
    """The one panel whose text holds the evidence (ellipses and line breaks aside); None if none or several."""
    pieces = [_squashed(p) for p in evidence.split(ELLIPSIS) if len(p.strip()) >= 8]
    if not pieces:
        return None
    found = [name for name, text in panel_texts.items() if all(p in _squashed(text) for p in pieces)]
    return found[0] if len(found) == 1 else None


def complete(finding: Finding, panel_texts: Mapping[str, str] | None = None) -> Finding:
    """The finding with its fix (a fail), question (a review item), French text, evidence and panel filled in.

    What the checker set is kept; only what is empty is filled: the words from the advice of the finding's rule,
    the panel from the one panel whose text holds the evidence, and for a finding that quotes nothing, where the
    label was read (`panel_texts` maps each panel's name to its text).
    """
    panel_texts = panel_texts or {}
    advice = advice_for(finding.rule) or _fallback(finding)
    update: dict[str, object] = {}
    if finding.highlight is None and (span := span_named_by(finding.message, finding.evidence)) is not None:
        finding = finding.model_copy(update={"highlight": span})
        update["highlight"] = span
    words = marked_words(finding)
    fix = finding.fix
    question = finding.question
    if finding.verdict == Verdict.FAIL and not fix:
        fix = render(advice.fix, words, advice.subject)
        update["fix"] = fix
    if finding.verdict == Verdict.NEEDS_REVIEW and not question:
        template = advice.question or _fallback(finding).question
        question = render(template, words, advice.subject)
        update["question"] = question
    if not finding.evidence.strip():
        update["evidence"] = absence_evidence(finding.message, list(panel_texts))
    elif finding.panel is None and (panel := panel_of(finding.evidence, panel_texts)) is not None:
        update["panel"] = panel
    fr = finding.fr or FindingText(message="")
    fr_update: dict[str, str] = {}
    if not fr.message:
        fr_update["message"] = french_message(finding, advice)
    if finding.verdict == Verdict.FAIL and not fr.fix:
        fr_update["fix"] = render(advice.fix_fr, words, advice.subject_fr, french=True)
    if finding.verdict == Verdict.NEEDS_REVIEW and not fr.question:
        template = advice.question_fr or _fallback(finding).question_fr
        fr_update["question"] = render(template, words, advice.subject_fr, french=True)
    if fr_update or finding.fr is None:
        update["fr"] = fr.model_copy(update=fr_update)
    return finding.model_copy(update=update) if update else finding


def rule_title_fr(finding_id: str) -> str:
    """The French title of a finding's rule, for the French report's headings ("" for an id no checker declares)."""
    advice = advice_for(finding_id)
    return advice.title_fr if advice is not None else ""
