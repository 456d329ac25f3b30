"""Dealer name and address, "Imported by / Importé par" statements and origin statements.

The dealer is found from its address (postal code, street, city and province) and the company line
above it, or from a company-name line; a website or phone number alone is still recorded so the
dealer checker can say it is not a physical address (CFIA ILT, name and principal place of business).
"""

from __future__ import annotations

import re

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, evidence, fold_same_length, join_texts, provenance
from labeliq.extraction.titles import COMPANY_SUFFIX, DEALER_LEAD, ORIGIN_LEAD, starts_section
from labeliq.models import Language, TextFact

_POSTAL = re.compile(r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{5}(?:-\d{4})?\b(?!\s*(?:g|mg|ml|%))", re.IGNORECASE)
_STREET = re.compile(
    r"\b\d+[A-Za-z]?\s*,?\s+(?:[\w'.-]+\s+){0,4}?(?:st|street|rd|road|ave|avenue|blvd|boulevard|dr|drive|way|lane"
    r"|ln|cres|crescent|court|ct|hwy|highway|place|pl|pkwy|parkway|rue|chemin|ch|route|rang|via|strasse|calle)\b"
    r"|\b(?:rue|chemin|boulevard|boul|bd|avenue|av|route|montee|via|suite|unit|bureau|p\.?o\.?\s*box|c\.?p\.?"
    r"|case\s+postale)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:ontario|on|quebec|qc|british\s+columbia|colombie-britannique|bc|alberta|ab|manitoba|mb|saskatchewan|sk"
    r"|nova\s+scotia|nouvelle-ecosse|ns|new\s+brunswick|nouveau-brunswick|nb|newfoundland|terre-neuve|nl"
    r"|prince\s+edward\s+island|pe|pei|yukon|yt|nunavut|nu|northwest\s+territories|nt|canada|usa|u\.s\.a"
    r"|united\s+states|etats-unis|italy|italia|italie|france|mexico|mexique|spain|espagne|germany|allemagne"
    r"|china|chine|india|inde|thailand|thailande|peru|perou|chile|chili|greece|grece|turkey|turquie)\b"
)
_WEB_OR_PHONE = re.compile(
    r"\bwww\.|\.(?:com|ca|net|org)\b|https?://|\b1[-. ]?8\d\d[-. ]?\d{3}[-. ]?\d{4}\b"
    r"|\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b",
    re.IGNORECASE,
)
# "Source: Saint-Élie-de-Caxton, Quebec", "Lieu de la source : ...": where a water is drawn (FDR B.12.002(a)), not
# the dealer's name and principal place of business (SFCR 208(1)(b)); "1250, chemin de la Source" stays an address
_SOURCE_LOCATION = re.compile(
    r"^\W*(?:(?:underground|spring)\s+)?(?:source|spring)(?:\s+(?:location|site))?(?:\s+of\s+(?:the\s+)?(?:water|spring))?"
    r"(?:\s+souterraine)?\s*(?::|\s[-–]\s|/\s*(?:lieu|source))"
    r"|^\W*(?:lieu|emplacement|provenance|position\s+geographique)\s+de\s+(?:la\s+)?source(?:\s+souterraine)?"
    r"\s*(?::|\s[-–]\s)",
    re.IGNORECASE,
)
_IMPORTED = re.compile(r"\bimported\s+(?:by|for)\b|\bimporte(?:e)?s?\s+(?:par|pour)\b")
_IMPORTED_WORDS = re.compile(r"(?i)\bimport(?:ed|é|e)e?s?\s+(?:by|for|par|pour)\b\s*:?|\s/\s")
_ORIGIN = re.compile(
    r"\bproduct\s+of\b|\bproduit\s+(?:de|du|des|d')|\bmade\s+in\b|\bfabrique(?:e)?s?\s+(?:au|en|aux|a)\b"
    r"|\bprepared\s+in\b|\bprepare(?:e)?s?\s+(?:au|en|aux)\b|\bpackaged\s+in\b|\bemballe(?:e)?s?\s+(?:au|en|aux)\b"
    r"|\bgrown\s+in\b|\bcultive(?:e)?s?\s+(?:au|en|aux)\b|\bproduced\s+in\b|\bprinted\s+in\b|\bimprime(?:e)?s?\s+(?:au|en)\b"
)


def is_address_line(text: str) -> bool:
    folded = fold_same_length(text)
    return bool(_POSTAL.search(text) or _STREET.search(folded) or (_PLACE.search(folded) and "," in text))


def is_source_location(text: str) -> bool:
    """The line names the place a water's source is (a "Source:" statement), which is no dealer line."""
    return bool(_SOURCE_LOCATION.search(fold_same_length(text)))


def is_company_line(text: str) -> bool:
    return bool(COMPANY_SUFFIX.search(fold_same_length(text)))


def _language(text: str) -> Language:
    guessed = guess_language(text)
    return guessed if guessed in ("en", "fr", "bilingual") else "unknown"


def _fact(block: list[SourceLine], text: str, language: Language | None = None) -> TextFact:
    return TextFact(text=text, language=language or _language(text), evidence=evidence(block), source=provenance(block))


def join_address(texts: list[str]) -> str:
    """Address lines on one line, comma-separated unless the line already ends with a separator."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        out = text if not out else out + (" " if out.endswith((":", ",")) else ", ") + text
    return out


def find_imported_by(lines: list[SourceLine], consumed: set[int]) -> tuple[list[TextFact], list[TextFact]]:
    """ "Imported by/for" statements with the company and address they introduce, and those dealers."""
    statements: list[TextFact] = []
    dealers: list[TextFact] = []
    for position, line in enumerate(lines):
        if position in consumed or line.blank or not _IMPORTED.search(fold_same_length(line.text)):
            continue
        end = position + 1
        while end < len(lines) and not lines[end].blank and end - position < 6:
            following = lines[end]
            text = fold_same_length(following.text)
            if (
                end in consumed
                or ORIGIN_LEAD.search(text)
                or (starts_section(following) and not is_company_line(following.text))
            ):
                break
            end += 1
        block = lines[position:end]
        text = join_address([b.text for b in block])
        statements.append(_fact(block, text))
        rest = " ".join(_IMPORTED_WORDS.sub(" ", line.text).split()).strip(" :/|,")
        company = [rest] if rest else []
        company += [b.text for b in block[1:]]
        if company:
            dealers.append(_fact(block, join_address(company), "unknown"))
        consumed.update(range(position, end))
    return statements, dealers


def find_dealers(lines: list[SourceLine], consumed: set[int]) -> list[TextFact]:
    found: list[TextFact] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if position in consumed or line.blank:
            position += 1
            continue
        folded = fold_same_length(line.text)
        if is_source_location(line.text):
            position += 1
            continue
        lead = DEALER_LEAD.search(folded)
        company = is_company_line(line.text)
        address = is_address_line(line.text)
        if not (lead or company or address):
            position += 1
            continue
        start = position
        # a company name line just above an address line belongs to it
        if address and not company and not lead and position > 0:
            above = position - 1
            if (
                above not in consumed
                and not lines[above].blank
                and not starts_section(lines[above])
                and not is_source_location(lines[above].text)
            ):
                start = above
        end = position + 1
        while end < len(lines) and end - start < 6 and end not in consumed and not lines[end].blank:
            text = lines[end].text
            if is_source_location(text):
                break
            if is_address_line(text) or _WEB_OR_PHONE.search(text) or (lead and end == position + 1):
                end += 1
                continue
            break
        block = lines[start:end]
        has_place = any(is_address_line(b.text) for b in block)
        if company or has_place or lead:
            text = join_address([b.text for b in block])
            if lead:
                text = re.sub(r"^[^:]*:\s*", "", text, count=1) if ":" in block[0].text[:40] else text
            found.append(_fact(block, text, "unknown"))
            consumed.update(range(start, end))
            position = end
            continue
        position += 1
    return found


def find_contact_only(lines: list[SourceLine], consumed: set[int]) -> list[TextFact]:
    """Website or phone lines not part of an address: recorded as the only dealer locator there is."""
    found: list[TextFact] = []
    for position, line in enumerate(lines):
        if position in consumed or line.blank or not _WEB_OR_PHONE.search(line.text):
            continue
        start = position
        above = position - 1
        # the company name printed just above its website or phone number goes with it
        if (
            above >= 0
            and above not in consumed
            and not lines[above].blank
            and len(lines[above].text) <= 60
            and not re.search(r"[.!?:]$", lines[above].text)
            and not starts_section(lines[above])
        ):
            start = above
        block = lines[start : position + 1]
        found.append(_fact(block, join_address([b.text for b in block]), "unknown"))
        consumed.update(range(start, position + 1))
    return found


def find_origin_statements(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> list[TextFact]:
    found: list[TextFact] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        folded = fold_same_length(line.text)
        if position in consumed or line.blank or not _ORIGIN.search(folded) or DEALER_LEAD.match(folded):
            position += 1
            continue
        end = position + 1
        while (
            end < len(lines)
            and not lines[end].blank
            and end not in consumed
            and not lines[end - 1].text.rstrip().endswith((".", "!"))
            and lines[end].text[:1].islower()
        ):
            end += 1
        block = lines[position:end]
        text = join_texts([b.text for b in block], vocabulary)
        for part in _origin_parts(text):
            found.append(_fact(block, part))
        consumed.update(range(position, end))
        position = end
    return found


def _origin_parts(text: str) -> list[str]:
    """Each origin statement on the line, "Product of Italy / Produit d'Italie" giving two."""
    folded = fold_same_length(text)
    starts = [m.start() for m in _ORIGIN.finditer(folded)]
    parts: list[str] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        part = text[start:end].strip(" /|,;")
        if part:
            parts.append(part)
    prefix = text[: starts[0]].strip(" /|,;") if starts else ""
    if prefix and parts and not re.search(r"[.!]$", prefix):
        parts[0] = text[: starts[0]] + parts[0]
        parts[0] = parts[0].strip()
    return parts
