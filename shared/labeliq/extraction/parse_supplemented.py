"""Supplemented food elements: the Supplemented Food Facts table title, the "Caution / Attention" list
(FDR B.29.020) and the supplemented food caution identifier text on the principal display panel
(FDR B.29.021)."""

from __future__ import annotations

import re

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, evidence, fold_same_length, join_texts, provenance
from labeliq.extraction.parse_nutrition import read_table_at, supplemental_rows, table_span
from labeliq.extraction.titles import CAUTION_TITLE, SFFT_TITLE, starts_section
from labeliq.models import NutrientValue, NutritionFacts, Provenance, SupplementedFoodFacts, TextFact

_IDENTIFIER = re.compile(
    r"supplemented\s+food|aliment\s+supplemente|see\s+cautions?|voir\s+(?:la\s+|les\s+)?(?:attention|mises?\s+en\s+garde)"
    # Schedule K.2: "!" beside "Supplemented" / "Supplémenté" (either order), nothing else on the line
    r"|^\W*(?:supplemented|supplemente)(?:\s*/\s*(?:supplemente|supplemented))?\W*$"
)
_STATEMENT_SPLIT = re.compile(r"\s*[•·]\s*|(?<=\.)\s+")


def find_supplemented(
    panels: list[tuple[list[SourceLine], bool]], consumed: dict[str, set[int]], vocabulary: str
) -> SupplementedFoodFacts | None:
    """Read the SFFt title, caution lists and identifier from every panel; None when there is none."""
    title_parts: list[str] = []
    caution_titles: list[str] = []
    statements: list[TextFact] = []
    identifier_parts: list[str] = []
    table: NutritionFacts | None = None
    supplemental: list[NutrientValue] = []
    first_source: Provenance | None = None
    for lines, is_pdp in panels:
        if not lines:
            continue
        used = consumed.setdefault(lines[0].panel, set())
        for position, line in enumerate(lines):
            if position in used or line.blank:
                continue
            folded = fold_same_length(line.text)
            if SFFT_TITLE.search(folded):
                title_parts.append(line.text)
                first_source = first_source or provenance([line])
                following = lines[position + 1] if position + 1 < len(lines) else None
                if following and _IDENTIFIER.search(fold_same_length(following.text)) and not is_pdp:
                    title_parts.append(following.text)
                # the table rows are the table's, not free text
                if table is None:
                    table = read_table_at(lines, position)
                    supplemental = supplemental_rows(lines, position)
                used.update(range(position, table_span(lines, position)))
                continue
            caution = CAUTION_TITLE.match(folded)
            if caution:
                caution_titles.append(line.text[: caution.end(1)].strip())
                end = position + 1
                while end < len(lines) and not lines[end].blank and not starts_section(lines[end]):
                    end += 1
                block = lines[position:end]
                body = join_texts([line.text[caution.end() :], *(b.text for b in block[1:])], vocabulary)
                for sentence in _STATEMENT_SPLIT.split(body):
                    if sentence.strip():
                        statements.append(
                            TextFact(
                                text=sentence.strip(),
                                language=guess_language(sentence),
                                evidence=evidence(block),
                                source=provenance(block),
                            )
                        )
                first_source = first_source or provenance(block)
                used.update(range(position, end))
                continue
            if is_pdp and _IDENTIFIER.search(folded):
                identifier_parts.append(line.text)
                first_source = first_source or provenance([line])
                used.add(position)
    if first_source is None:
        return None
    return SupplementedFoodFacts(
        sfft_title=" ".join(title_parts),
        table=table.model_copy(update={"title": " ".join(title_parts)}) if table is not None else None,
        supplemental=supplemental,
        caution_title=" / ".join(caution_titles),
        caution_statements=statements,
        identifier_text=" ".join(identifier_parts),
        source=first_source,
    )
