"""Panel text (OCR output or text files) to LabelFacts.

Each panel is read in reading order (side-by-side columns pulled apart), then the section parsers
take their lines in a fixed order: tables and titled lists first, because their titles are the most
reliable; then dates, storage, importer, dealer and origin; then symbol and statement text; what is
left is free text where claims, the net quantity and, on the principal display panel, the brand and
the common name are looked for. The parser records what is printed and never judges it.
"""

from __future__ import annotations

from labeliq.extraction.bounds import bounded, cut_panel
from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, evidence, provenance
from labeliq.extraction.parse_allergens import find_allergen_statements, find_phenylalanine_statements
from labeliq.extraction.parse_claims import find_claims, share_certifiers
from labeliq.extraction.parse_dates import find_dates, find_storage_instructions
from labeliq.extraction.parse_dealer import (
    find_contact_only,
    find_dealers,
    find_imported_by,
    find_origin_statements,
    is_company_line,
)
from labeliq.extraction.parse_flavour import ingredient_stems
from labeliq.extraction.parse_identity import find_identity, find_net_quantity
from labeliq.extraction.parse_ingredients import find_ingredient_lists, find_mistitled_lists
from labeliq.extraction.parse_nutrition import find_nutrition_facts
from labeliq.extraction.parse_statements import find_fop_symbol, find_irradiation, find_sweetener_statements
from labeliq.extraction.parse_supplemented import find_supplemented
from labeliq.extraction.segment import panel_lines
from labeliq.extraction.titles import split_inline_titles
from labeliq.models import LabelFacts, Panel, TextFact


def _with_roles(panel: Panel) -> Panel:
    """Panel roles follow the file stem: "front*" is a principal display panel, "bottom*" the bottom."""
    name = panel.name.lower()
    return panel.model_copy(
        update={
            "is_principal_display": panel.is_principal_display or name.startswith("front"),
            "is_bottom": panel.is_bottom or name.startswith("bottom"),
        }
    )


def parse_label(panels: list[Panel]) -> LabelFacts:
    cut = [cut_panel(_with_roles(panel)) for panel in panels]
    panels = [panel for panel, _ in cut]
    # principal display panels last, so the dealer name is known when the brand is looked for
    order = sorted(panels, key=lambda p: p.is_principal_display)
    streams: dict[str, list[SourceLine]] = {p.name: split_inline_titles(panel_lines(p)) for p in order}
    consumed: dict[str, set[int]] = {p.name: set() for p in order}
    vocabulary = "\n".join(p.text for p in panels)
    facts = LabelFacts(panels=panels, limits=[note for _, note in cut if note])

    facts.supplemented = find_supplemented(
        [(streams[p.name], p.is_principal_display) for p in order], consumed, vocabulary
    )
    for panel in order:
        lines, used = streams[panel.name], consumed[panel.name]
        table = find_nutrition_facts(lines, used)
        if table is not None and facts.nutrition_facts is None:
            facts.nutrition_facts = table
        facts.ingredients += find_ingredient_lists(lines, used, vocabulary)
        facts.phenylalanine_statements += find_phenylalanine_statements(lines, used, vocabulary)
        for statement in find_allergen_statements(lines, used, vocabulary):
            (facts.contains if statement.kind == "contains" else facts.may_contain).append(statement)
        facts.fop_symbol += find_fop_symbol(lines, used)
        facts.dates += find_dates(lines, used)
        facts.storage_instructions += find_storage_instructions(lines, used, vocabulary)
        imported, importers = find_imported_by(lines, used)
        facts.imported_by += imported
        facts.dealer += importers
        facts.origin_statements += find_origin_statements(lines, used, vocabulary)
        facts.dealer += find_dealers(lines, used)
        facts.irradiation += find_irradiation(lines, used, vocabulary)
        facts.sweetener_statements += find_sweetener_statements(lines, used, vocabulary)

    for panel in order:
        facts.ingredients += find_mistitled_lists(
            streams[panel.name], consumed[panel.name], vocabulary, facts.ingredients
        )
    if not facts.dealer:
        for panel in order:
            facts.dealer += find_contact_only(streams[panel.name], consumed[panel.name])

    claim_lines: dict[str, set[int]] = {}
    mostly_claim: dict[str, set[int]] = {}
    for panel in order:
        claims, claim_lines[panel.name], mostly_claim[panel.name] = find_claims(
            streams[panel.name], consumed[panel.name], vocabulary
        )
        facts.claims += claims
    facts.claims = share_certifiers(facts.claims)

    pdp = [p for p in order if p.is_principal_display]
    for panel in [*pdp, *(p for p in order if not p.is_principal_display)]:
        if facts.net_quantity and not panel.is_principal_display:
            break
        facts.net_quantity += find_net_quantity(streams[panel.name], consumed[panel.name], claim_lines[panel.name])

    company_lines = [fact.text for fact in facts.dealer] + [
        line.text for p in order for line in streams[p.name] if is_company_line(line.text)
    ]
    company_texts = set(company_lines)
    elsewhere = "\n".join(
        line.text
        for p in order
        if not p.is_principal_display
        for line in streams[p.name]
        if line.text not in company_texts
    )
    for panel in pdp:
        lines = streams[panel.name]
        skip = consumed[panel.name] | mostly_claim[panel.name]
        brands, names = find_identity(
            lines, skip, company_lines, elsewhere, ingredient_stems([i.text for i in facts.ingredients])
        )
        facts.brand += brands
        facts.common_names += names
        consumed[panel.name].update(
            p for p, line in enumerate(lines) if any(_same_line(line, f) for f in [*brands, *names])
        )

    for panel in order:
        lines, used = streams[panel.name], consumed[panel.name] | claim_lines[panel.name]
        facts.other_statements += [
            TextFact(
                text=line.text,
                language=guess_language(line.text),
                evidence=evidence([line]),
                source=provenance([line]),
            )
            for position, line in enumerate(lines)
            if position not in used and not line.blank
        ]
    return bounded(facts)


def _same_line(line: SourceLine, fact: TextFact) -> bool:
    """The line is one the fact was read from (a wrapped name spans several)."""
    start, end = fact.source.line_start, fact.source.line_end
    if (
        fact.source.panel != line.panel
        or start is None
        or not start <= line.index <= (end if end is not None else start)
    ):
        return False
    return bool(line.text) and (fact.text in line.text or line.text in fact.text)
