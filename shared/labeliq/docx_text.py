"""The Word report's fixed words in English and French, and values written for people (yes/no, "20 g").

Many specialists in Canada work in French: every heading, column title and fixed sentence of the report comes from
here in the report's language, so a French report has no English left in it but what the label and the findings
say. A finding's own words come from `Finding.fr` when the checker wrote them; otherwise the English is shown,
marked as such (FALLBACK_MARK) so a reader never takes it for a translation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from labeliq.models import ReportLanguage as ReportLanguage  # re-exported: the docx modules import it from here
from labeliq.models import Verdict

REPORT_LANGUAGES: tuple[ReportLanguage, ...] = ("en", "fr")


@dataclass(frozen=True)
class Words:
    """Every fixed text of the report in one language."""

    title: str
    judged_on: str
    job: str
    version: str
    generated: str
    overall: str
    verdicts: dict[Verdict, str]
    signed_off: str  # "Signed off by {by} on {at} (version {version})."
    not_signed_off: str
    counts_note: str
    incomplete: str
    not_read: str
    llm_cut: str
    panels_note: str
    action_items: str
    no_action: str
    action_columns: tuple[str, str, str]
    fix: str
    question: str
    no_evidence: str
    also: str  # one more finding of the same rule
    machine_verdict: str
    reviewer_verdict: str
    reviewer: str
    reason: str
    review_actions: dict[str, str]
    llm_source: str
    english_only: str
    english_note: str  # said once on page 1 when some text is shown in English for want of French
    package_checklist: str
    package_note: str
    package_columns: tuple[str, str, str]
    passes: str
    passes_note: str
    pass_columns: tuple[str, str, str]
    checker_error: str
    no_checker: str
    not_checked: str
    errors_line: str
    no_llm_line: str
    llm_line: str
    text_only_line: str
    pending_line: str
    context: str
    context_none: str
    context_columns: tuple[str, str]
    yes: str
    no: str


ENGLISH = Words(
    title="Label compliance report: {product}",
    judged_on="Judged on",
    job="job",
    version="report version",
    generated="generated",
    overall="Overall verdict: ",
    verdicts={
        Verdict.FAIL: "FAIL",
        Verdict.NEEDS_REVIEW: "NEEDS REVIEW",
        Verdict.PASS: "PASS",
        Verdict.NOT_APPLICABLE: "N/A",
    },
    signed_off="Signed off by {by} on {at} (version {version}).",
    not_signed_off="Not signed off: no reviewer has approved this report yet.",
    counts_note=(
        "Rules counted once each, under their worst finding ({rules} rules from {findings} findings); "
        "☐: package checks."
    ),
    incomplete="Incomplete: {n} checker(s) could not run, so their rules were not judged: {names}.",
    not_read="Not read: {limit}.",
    llm_cut="Shown to the LLM only in part: {cuts}.",
    panels_note="Numbers on the photos mark the items below.",
    action_items="What to fix and what to confirm",
    no_action="No rule failed and no question is open.",
    action_columns=("Rule", "What is wrong and what to do", "Evidence · citation"),
    fix="Fix: ",
    question="To confirm: ",
    no_evidence="(no evidence quoted)",
    also="Also: ",
    machine_verdict="Machine verdict: ",
    reviewer_verdict="Reviewer's verdict: ",
    reviewer="by ",
    reason="Reason: ",
    review_actions={"accept": "accepted", "override": "overridden", "defer": "deferred"},
    llm_source=" (answered by the LLM judge)",
    english_only="(EN) ",
    english_note="",
    package_checklist="Package checklist",
    package_note="Only the physical package can show these: tick each one after looking at it.",
    package_columns=("☐", "Rule", "Look at the package for"),
    passes="Rules that passed or do not apply",
    passes_note="One line per rule, by checker; report.json keeps every finding's evidence in full.",
    pass_columns=("Rule", "Verdict", "What was found · citation"),
    checker_error="This check could not run: {error}",
    no_checker="No checker of this group ran.",
    not_checked="What was not checked",
    errors_line="Checkers that could not run: {names}.",
    no_llm_line=(
        "No LLM judge answered: {pending} question(s) that need judgement rather than a rule are left for a "
        "person; {open} findings in all need a person's review."
    ),
    llm_line=(
        "An LLM judge answered open questions ({calls} calls, {cached} from cache, {prompt} prompt and {output} "
        "output tokens); {pending} question(s) remain open; {open} findings in all need a person's review."
    ),
    text_only_line=(
        "Only the label text was read: type sizes, colours, layout and placement were not measured unless a "
        "finding says so."
    ),
    pending_line="Questions pending for the LLM judge or a reviewer: ",
    context="Product context given",
    context_none="None: rules that depend on the product context say what is missing.",
    context_columns=("Key", "Value"),
    yes="yes",
    no="no",
)

FRENCH = Words(
    title="Rapport de conformité de l'étiquette : {product}",
    judged_on="Évalué le",
    job="tâche",
    version="version du rapport",
    generated="produit le",
    overall="Verdict global : ",
    verdicts={
        Verdict.FAIL: "NON CONFORME",
        Verdict.NEEDS_REVIEW: "À EXAMINER",
        Verdict.PASS: "CONFORME",
        Verdict.NOT_APPLICABLE: "S.O.",
    },
    signed_off="Approuvé par {by} le {at} (version {version}).",
    not_signed_off="Non approuvé : aucun examinateur n'a encore approuvé ce rapport.",
    counts_note=(
        "Chaque règle comptée une fois, selon son pire constat ({rules} règles, {findings} constats); "
        "☐ : vérifications de l'emballage."
    ),
    incomplete=(
        "Incomplet : {n} vérificateur(s) n'ont pas pu s'exécuter; leurs règles n'ont pas été évaluées : {names}."
    ),
    not_read="Non lu : {limit}.",
    llm_cut="Montré en partie seulement au LLM : {cuts}.",
    panels_note="Les numéros sur les photos renvoient aux points ci-dessous.",
    action_items="À corriger et à confirmer",
    no_action="Aucune règle n'est enfreinte et aucune question n'est ouverte.",
    action_columns=("Règle", "Problème et correction", "Preuve · référence"),
    fix="Correction : ",
    question="À confirmer : ",
    no_evidence="(aucune preuve citée)",
    also="Aussi : ",
    machine_verdict="Verdict de l'outil : ",
    reviewer_verdict="Verdict de l'examinateur : ",
    reviewer="par ",
    reason="Motif : ",
    review_actions={"accept": "accepté", "override": "modifié", "defer": "reporté"},
    llm_source=" (réponse du juge LLM)",
    english_only="(EN) ",
    english_note=(
        "(EN) : texte disponible en anglais seulement (le vérificateur n'a pas fourni de version française)."
    ),
    package_checklist="Liste de vérification de l'emballage",
    package_note="Seul l'emballage réel permet de le voir : cochez chaque point après l'avoir vérifié.",
    package_columns=("☐", "Règle", "À vérifier sur l'emballage"),
    passes="Règles respectées ou sans objet",
    passes_note="Une ligne par règle, par vérificateur; report.json conserve toutes les preuves en entier.",
    pass_columns=("Règle", "Verdict", "Constat · référence"),
    checker_error="Cette vérification n'a pas pu s'exécuter : {error}",
    no_checker="Aucun vérificateur de ce groupe ne s'est exécuté.",
    not_checked="Ce qui n'a pas été vérifié",
    errors_line="Vérificateurs qui n'ont pas pu s'exécuter : {names}.",
    no_llm_line=(
        "Aucun juge LLM n'a répondu : {pending} question(s) demandant un jugement plutôt qu'une règle sont "
        "laissées à une personne; {open} constats en tout demandent un examen."
    ),
    llm_line=(
        "Un juge LLM a répondu aux questions ouvertes ({calls} appels, {cached} en cache, {prompt} jetons "
        "d'entrée et {output} de sortie); {pending} question(s) restent ouvertes; {open} constats en tout "
        "demandent un examen."
    ),
    text_only_line=(
        "Seul le texte de l'étiquette a été lu : la taille des caractères, les couleurs, la disposition et "
        "l'emplacement n'ont pas été mesurés, sauf si un constat le dit."
    ),
    pending_line="Questions en attente du juge LLM ou d'un examinateur : ",
    context="Contexte du produit fourni",
    context_none="Aucun : les règles qui dépendent du contexte disent ce qui manque.",
    context_columns=("Clé", "Valeur"),
    yes="oui",
    no="non",
)

WORDS: dict[ReportLanguage, Words] = {"en": ENGLISH, "fr": FRENCH}


def words(language: ReportLanguage) -> Words:
    return WORDS[language]


def number(value: float, language: ReportLanguage) -> str:
    """20.0 -> "20", 2.50 -> "2.5" (French: "2,5"): a value as a person writes it."""
    text = f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return text.replace(".", ",") if language == "fr" else text


def human_value(value: object, language: ReportLanguage) -> str:
    """A context value for people: yes/no, "20 g", "1/2 cup / 1/2 tasse", ISO dates, lists joined."""
    w = WORDS[language]
    if isinstance(value, bool):
        return w.yes if value else w.no
    if isinstance(value, int | float):
        return number(value, language)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        if set(value) == {"value", "unit"}:
            return f"{human_value(value['value'], language)} {value['unit']}"
        if set(value) == {"en", "fr"}:
            return f"{value['en']} / {value['fr']}"
        return "; ".join(f"{key}: {human_value(item, language)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(human_value(item, language) for item in value)
    return str(value).replace("_", " ") if isinstance(value, str) and " " not in value else str(value)
