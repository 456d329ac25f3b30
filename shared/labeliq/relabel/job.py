"""A relabel job end to end: read the foreign label, propose the sticker, and check the sticker with our checkers.

The report of a relabel job judges the proposed sticker (its label_facts are the sticker's, parsed from the
rendered panels like any label), and its `relabel` section keeps the foreign facts, every field with its source
and state, and which of the sticker's fails come from data the source does not give (a core nutrient not
declared, a term left untranslated) rather than from the tool.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from labeliq.extraction.text_parser import parse_label
from labeliq.models import LabelFacts, Panel, ProductContext, Provenance, Report, Verdict, iter_models
from labeliq.pipeline import GroupJudge, check_label
from labeliq.relabel.fop import SYMBOL_WORDS, symbol_nutrients
from labeliq.relabel.foreign_parser import parse_foreign_label
from labeliq.relabel.proposal import FIELD_KEYS, ForeignFacts, RelabelProposal, StickerCheck, StickerField
from labeliq.relabel.render import render_panels
from labeliq.relabel.sticker import build_relabel
from labeliq.relabel.translate import Translator

if TYPE_CHECKING:
    from labeliq.extraction.images import PhotoPanel


def _uncontrollable(rule: str, proposal: RelabelProposal) -> bool:
    """A fail the sticker cannot avoid with what the source and the context give."""
    fields = proposal.fields
    section = rule.split(".")[0]
    if section == "10":
        if proposal.nutrition is None:
            return True
        missing = set(proposal.nutrition.not_declared)
        if "trans_fat" in missing or "saturated_fat" in missing:
            missing.add("saturated_plus_trans")
        return any(part in missing for part in rule.split(".")[2:])
    if section in ("5", "9") and (fields["ingredients"].untranslated or not fields["ingredients"].en):
        return True
    if section == "1" and not fields["common_name"].en:
        return True
    if section == "3" and (not fields["imported_by"].en or not fields["origin"].en or not fields["net_quantity"].en):
        return True
    return section == "6" and not fields["best_before"].en


def check_sticker(proposal: RelabelProposal, report: Report) -> StickerCheck:
    failing = report.summary.failing_rules
    return StickerCheck(
        verdict=report.summary.verdict.value,
        failing_rules=[r for r in failing if not _uncontrollable(r, proposal)],
        uncontrollable_fails=[r for r in failing if _uncontrollable(r, proposal)],
        needs_review_rules=report.summary.needs_review_rules,
    )


def with_symbol(proposal: RelabelProposal, context: ProductContext) -> RelabelProposal:
    """The proposal with the front-of-package nutrition symbol its converted table calls for."""
    nutrients, notes = symbol_nutrients(parse_label(render_panels(proposal)), context)
    table = proposal.fields["nutrition_facts"]
    field = StickerField(
        key="nutrition_symbol",
        en=("High in " + ", ".join(SYMBOL_WORDS[n].split(" / ")[0] for n in nutrients)) if nutrients else "",
        fr=("Élevé en " + ", ".join(SYMBOL_WORDS[n].split(" / ")[-1] for n in nutrients)) if nutrients else "",
        source_text=table.source_text,
        provenance=table.provenance,
        machine_made=True,
        needs_person=bool(notes),
        notes=notes,
    )
    fields = {**proposal.fields, "nutrition_symbol": field}
    ordered = {key: fields[key] for key in FIELD_KEYS if key in fields}
    unsettled = [*proposal.unsettled, *(f"nutrition_symbol: {n}" for n in notes)]
    return proposal.model_copy(update={"fields": ordered, "nutrition_symbol": nutrients, "unsettled": unsettled})


def locate_on_photos(foreign: ForeignFacts, photos: Sequence[PhotoPanel]) -> ForeignFacts:
    """Every foreign fact read from a photo gets the box and OCR confidence of its lines (as check mode's facts do)."""
    if not photos:
        return foreign
    from labeliq.extraction.photo_facts import fill_provenance

    sources = {photo.panel.name: photo.line_sources for photo in photos}
    for model in iter_models(foreign):
        for name in type(model).model_fields:
            child = getattr(model, name)
            if isinstance(child, Provenance) and child.panel in sources:
                setattr(model, name, fill_provenance(child, sources[child.panel]))
    return foreign


def propose_sticker(
    panels: list[Panel],
    context: ProductContext,
    translator: Translator,
    photos: Sequence[PhotoPanel] = (),
) -> RelabelProposal:
    """Read the foreign label and propose the sticker, rendered as the panels the checkers will read.

    The first half of a relabel job: the cloud's extract step stores this and the facts of its panels; assemble
    finishes the job with `finish_relabel` once the groups have checked those facts.
    """
    foreign = locate_on_photos(parse_foreign_label(panels), photos)
    proposal = with_symbol(build_relabel(foreign, context, translator), context)
    return proposal.model_copy(update={"sticker_panels": {p.name: p.text for p in render_panels(proposal)}})


def sticker_facts(proposal: RelabelProposal) -> LabelFacts:
    """The facts every checker judges: the rendered sticker parsed like any label."""
    return parse_label(render_panels(proposal))


# How finish_relabel words what the checkers said in `unsettled`, so a re-check can replace exactly those notes.
UNCONTROLLABLE_NOTE = "checker fail the source data cannot settle: rule "
FAIL_NOTE = "checker fail on the proposed sticker: rule "
REVIEW_NOTE = "needs review on the sticker: "
CHECK_NOTES = (UNCONTROLLABLE_NOTE, FAIL_NOTE, REVIEW_NOTE)


def without_check_notes(proposal: RelabelProposal) -> RelabelProposal:
    """The proposal as it was before the checkers' notes were added (a re-check adds its own)."""
    kept = [note for note in proposal.unsettled if not note.startswith(CHECK_NOTES)]
    return proposal.model_copy(update={"unsettled": kept, "check": None})


def finish_relabel(report: Report, proposal: RelabelProposal) -> Report:
    """The checked sticker's report as a relabel report: what the checkers said, and what they could not settle."""
    checked = check_sticker(proposal, report)
    unsettled = list(proposal.unsettled)
    unsettled += [f"{UNCONTROLLABLE_NOTE}{r}" for r in checked.uncontrollable_fails]
    unsettled += [f"{FAIL_NOTE}{r}" for r in checked.failing_rules]
    review = [
        f"{REVIEW_NOTE}{f.rule}: {f.message}"
        for result in report.results.values()
        for f in result.findings
        if f.verdict == Verdict.NEEDS_REVIEW
    ]
    proposal = proposal.model_copy(update={"check": checked, "unsettled": unsettled + review})
    return report.model_copy(update={"mode": "relabel", "relabel": proposal})


def relabel_report(
    panels: list[Panel],
    context: ProductContext,
    job_id: str,
    translator: Translator,
    judge: GroupJudge | None = None,
    photos: Sequence[PhotoPanel] = (),
) -> Report:
    """The whole relabel job; `photos` are the photo panels among `panels`, whose OCR boxes the facts keep."""
    proposal = propose_sticker(panels, context, translator, photos)
    report = check_label(sticker_facts(proposal), context, job_id, judge)
    return finish_relabel(report, proposal)
