"""Relabel mode in the cloud: extract proposes the sticker and stores it, assemble finishes the report with it.

The mode travels in the manifest (the API writes it from the user's choice) and then on the job document, so
every function reads it from state, never from the workflow's arguments or the label's words. Between extract
and assemble the three groups check the sticker's facts exactly as they check any label's, so the workflow is
the same for both modes. The proposal is written create-only beside the facts (`facts/{job_id}.relabel.json`)
and the facts are parsed from the stored proposal, so a second delivery that lost the race uses the first one's
sticker and the facts always match the proposal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from labeliq.cloud.errors import PermanentError

if TYPE_CHECKING:
    from labeliq.cloud.steps import Runtime
    from labeliq.extraction.images import PhotoPanel
    from labeliq.models import JobManifest, LabelFacts, Panel, Report
    from labeliq.relabel.proposal import RelabelProposal


def proposal_object(job_id: str) -> str:
    return f"facts/{job_id}.relabel.json"


def propose_and_store(
    rt: Runtime, manifest: JobManifest, panels: list[Panel], photos: Sequence[PhotoPanel]
) -> LabelFacts:
    """Read the foreign label, store the proposed sticker once, and answer the sticker's facts for the groups."""
    from labeliq.relabel.job import propose_sticker, sticker_facts
    from labeliq.relabel.proposal import RelabelProposal
    from labeliq.relabel.translate import TranslatorSettingsError, translator_from_env
    from labeliq.relabel.vocabulary import UnreadableLabel

    try:
        translator = translator_from_env(rt.llm_cache)  # a retried extract spends no tokens twice
    except TranslatorSettingsError as exc:
        raise PermanentError(f"relabel mode: {exc}", code="translation_not_configured") from None
    try:
        proposal = propose_sticker(panels, manifest.context, translator, photos)
    except UnreadableLabel as exc:
        raise PermanentError(f"relabel mode: {exc}", code="unreadable_foreign_label") from None
    written = rt.blobs.write_once(
        proposal_object(manifest.job_id), proposal.model_dump_json().encode(), content_type="application/json"
    )
    stored = RelabelProposal.model_validate_json(written.data)
    return sticker_facts(stored)


def read_proposal(rt: Runtime, job_id: str) -> RelabelProposal:
    from labeliq.relabel.proposal import RelabelProposal

    return RelabelProposal.model_validate_json(rt.blobs.read_output(proposal_object(job_id), "the proposed sticker"))


def finish_stored(rt: Runtime, job_id: str, report: Report) -> Report:
    """The assembled report of the sticker's facts, as the relabel report (`relabel` section, mode `relabel`)."""
    from labeliq.relabel.job import finish_relabel

    return finish_relabel(report, read_proposal(rt, job_id))
