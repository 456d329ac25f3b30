"""Relabel mode: a foreign label read in its own language, translated, and proposed as a Canadian sticker.

Entry points: `sticker.build_relabel(facts, context, translator) -> RelabelProposal` (pure), `job.relabel_report`
(the whole job: read, propose, render, check), `decisions.apply_decision` (a reviewer's approval or edit) and
`translate.translator_from_env` (the configured translator, refused when not configured). This package imports
nothing on its own: labeliq.models imports proposal.py, and must not pull the parser or the checkers in with it.
"""
