""" "Contains" / "Contient" and "May contain" / "Peut contenir" statements and the phenylalanine
statement, each as printed with its entries, for the allergen and sweetener checkers."""

from __future__ import annotations

import re

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, evidence, fold_same_length, join_texts, provenance
from labeliq.extraction.statement_body import collect_body
from labeliq.extraction.titles import CONTAINS_TITLE, MAY_CONTAIN_TITLE, PHENYLALANINE
from labeliq.models import AllergenStatement, Language, TextFact

_ITEM_SPLIT = re.compile(r"\s*[,•·;]\s*|\s+(?:and|et|&)\s+", re.IGNORECASE)
# "Contains 5 g polydextrose per serving" and "Contains 10% juice" are not allergen statements.
_NOT_ALLERGEN = re.compile(r"^\s*(?:contains?|contient)\s*:?\s*(?:\d|about|environ|no\b|aucun|pas\b)")


def split_items(text: str) -> list[str]:
    """Entries as printed, without the closing full stop."""
    body = text.strip().rstrip(".").strip()
    return [item.strip(" .:") for item in _ITEM_SPLIT.split(body) if item.strip(" .:")]


def _statement_language(title: str, body: str) -> Language:
    folded_title = fold_same_length(title)
    if folded_title.startswith(("contient", "peut")):
        return "fr"
    if folded_title.startswith(("contain", "may")):
        return "en"
    return guess_language(body)


def find_allergen_statements(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> list[AllergenStatement]:
    found: list[AllergenStatement] = []
    for position, line in enumerate(lines):
        if position in consumed or line.blank:
            continue
        text = fold_same_length(line.text)
        if PHENYLALANINE.search(text) or _NOT_ALLERGEN.match(text):
            continue
        kind = "may_contain" if MAY_CONTAIN_TITLE.match(text) else "contains" if CONTAINS_TITLE.match(text) else None
        if kind is None:
            continue
        match = MAY_CONTAIN_TITLE.match(text) or CONTAINS_TITLE.match(text)
        assert match is not None
        end = collect_body(lines, position)
        block = lines[position:end]
        title = line.text[: match.end(1)].strip()
        body = join_texts([line.text[match.end() :], *(b.text for b in block[1:])], vocabulary)
        found.append(
            AllergenStatement(
                kind=kind,
                language=_statement_language(title, body),
                title=title,
                text=body,
                items=split_items(body),
                source=provenance(block),
            )
        )
        consumed.update(range(position, end))
    return found


def find_phenylalanine_statements(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> list[TextFact]:
    found: list[TextFact] = []
    for position, line in enumerate(lines):
        if position in consumed or line.blank or not PHENYLALANINE.search(fold_same_length(line.text)):
            continue
        end = collect_body(lines, position)
        block = lines[position:end]
        text = join_texts([b.text for b in block], vocabulary)
        found.append(
            TextFact(text=text, language=guess_language(text), evidence=evidence(block), source=provenance(block))
        )
        consumed.update(range(position, end))
    return found
