"""The titles and lead-in words that open a label section, shared by the parsers so each one knows
where its own section stops (an ingredient list stops where "Contains" or "Best before" begins)."""

from __future__ import annotations

import itertools
import re

from labeliq.extraction.lines import SourceLine, fold_same_length

# Patterns run on fold_same_length(text): lower case, no accents, same length as the text.
# "Ingredientes" / "Ingredienti" (Spanish, Portuguese, Italian) are not titles of an official-language list
INGREDIENTS_TITLE = re.compile(
    r"^\s*((?:[il1!]ngr[e3][dp][il1!]ent?s?|ingredient[s5]?|ingredients)(?![a-z0-9])\s*:?)\s*", re.I
)
CONTAINS_TITLE = re.compile(r"^\s*((?:contains?|contient)\s*:?)\s*(?!phenyl|\d)")
MAY_CONTAIN_TITLE = re.compile(r"^\s*((?:may\s+contain|peut\s+contenir)\s*:?)\s*")
PHENYLALANINE = re.compile(r"phenyl\s*-?\s*alanine|phenylcetonuri|phenylketonuri")
NFT_TITLE = re.compile(r"nutrition\s*facts?|valeur\s*nutritive|valeurs\s*nutritives")
# What may follow the table's title on its own line: the other title, a serving, a column heading or a first row
_HEADING_NEXT = re.compile(
    r"(?:[\d(%*]|\$|per\b|pour\b|par\b|serving|portion|amount|teneur|calories|energy|energie|(?:total )?fat\b|"
    r"lipides|saturated|sodium|carbohydrate|glucides|protein|proteines|daily value|valeur quotidienne)"
)
_OTHER_HEADING = re.compile(
    r"[a-z'\u00f1]+(?: [a-z'\u00f1]+){0,2}\s*[:*]?\s*"
)  # "Informacion nutricional" after a slash
_LEAD = " \t*\u2022\u00b7-"
SFFT_TITLE = re.compile(r"supplemented\s*food\s*facts|renseignements\s*sur\s*l'aliment\s*supplemente")
CAUTION_TITLE = re.compile(r"^\s*((?:caution|attention|mise\s+en\s+garde|mises\s+en\s+garde)\s*:?)\s*")
DATE_WORDS = re.compile(
    r"best\s*before|best\s*by|best\s*if\s*used\s*by|meilleur\s*avant|packaged\s*on|packed\s*on|empaquete\s*le"
    r"|emballe\s*le|expiry|expiration|\bexp\b|use\s*by|employez\s*avant|utiliser\s*avant|bb\s*/\s*ma\b"
)
STORAGE_LEAD = re.compile(
    r"^\s*(?:keep|store|refrigerate|freeze|once\s+opened|after\s+opening|do\s+not\s+freeze|conserver|conservez"
    r"|garder|gardez|refrigerer|refrigerez|congeler|apres\s+ouverture|une\s+fois\s+ouvert|ne\s+pas\s+congeler)\b"
)
ORIGIN_LEAD = re.compile(
    r"^\s*(?:product\s+of|produit\s+(?:de|du|des|d')|made\s+in|fabrique\s+(?:au|en|aux)|prepared\s+in"
    r"|prepare\s+(?:au|en)|packaged\s+in|emballe\s+(?:au|en)|grown\s+in|cultive\s+(?:au|en))\b"
)
DEALER_LEAD = re.compile(
    r"^\s*(?:imported|importe|distributed|distribue|manufactured|fabrique\s+(?:pour|par)|packed\s+(?:for|by)"
    r"|emballe\s+(?:pour|par)|produced\s+(?:for|by)|produit\s+(?:pour|par)|prepared\s+(?:for|by)"
    r"|prepare\s+(?:pour|par)|made\s+(?:for|by))\b"
)
COMPANY_SUFFIX = re.compile(
    r"\b(?:inc|ltd|ltee|limited|limitee|corp|corporation|co|company|llc|s\.?\s?a|s\.?p\.?a|s\.?r\.?l|gmbh|plc|enr"
    r"|incorporated)\.?(?=\W*$|\s*[,(])"
)

SECTION_STARTS = (
    CONTAINS_TITLE,
    MAY_CONTAIN_TITLE,
    CAUTION_TITLE,
    STORAGE_LEAD,
    ORIGIN_LEAD,
    DEALER_LEAD,
)


def ingredients_title(text: str) -> re.Match[str] | None:
    """The list title at the start of the text: capitalised or followed by a colon, so a wrapped line
    that starts with "ingredients, ..." (modified milk ingredients) is not taken for a new list."""
    match = INGREDIENTS_TITLE.match(fold_same_length(text))
    if match is None:
        return None
    title = text[match.start(1) : match.end(1)]
    if not (title.rstrip().endswith(":") or title.lstrip()[:1].isupper()):
        return None
    if text[match.end() : match.end() + 1] in (",", ")", "]", "."):
        return None
    return match


def nft_heading(text: str) -> bool:
    """The table's title used as a heading ("Nutrition Facts / Valeur nutritive", "Nutrition Facts: Per 1 bar"),
    not its words inside a sentence ("Nutrition facts online / Valeur nutritive en ligne", "See nutrition facts
    at ..."): a sentence is not a table, and reading it as one made every core row of B.01.401 fail as missing."""
    line = fold_same_length(text).strip()
    match = NFT_TITLE.search(line)
    if match is None:
        return False
    before = line[: match.start()].strip(_LEAD)
    if before and (before[-1] not in "/|" or len(before.split()) > 4):
        return False  # words before the title: a sentence, unless another language's title and a slash
    rest = line[match.end() :]
    after_slash = False
    while True:
        rest = rest.lstrip(" \t:.,;-\u2013*")
        if not rest:
            return True
        if rest[0] in "/|":
            rest, after_slash = rest[1:].lstrip(), True
            continue
        title = NFT_TITLE.match(rest)
        if title is None:
            break
        rest, after_slash = rest[title.end() :], False
    return bool(_HEADING_NEXT.match(rest)) or (after_slash and bool(_OTHER_HEADING.fullmatch(rest)))


def folded(line: SourceLine) -> str:
    return fold_same_length(line.text)


def starts_section(line: SourceLine) -> bool:
    """True when the line opens another label section (a list, a statement, a date, an address)."""
    text = folded(line)
    if any(pattern.search(text) for pattern in SECTION_STARTS) or ingredients_title(line.text):
        return True
    if NFT_TITLE.search(text) or SFFT_TITLE.search(text) or PHENYLALANINE.search(text):
        return True
    if DATE_WORDS.search(text[:20]):
        return True
    return bool(COMPANY_SUFFIX.search(text))


_STORAGE_WORDS = (
    r"keep|store|garder|gardez|conserver|conservez|refrigerate|refrigerer|refrigerez|once\s+opened|after\s+opening"
    r"|une\s+fois\s+ouvert|apres\s+ouverture|do\s+not\s+freeze|ne\s+pas\s+congeler"
)
# phrases that also run on inside a sentence ("Refrigerate (4 °C) after opening"): a cut needs a capital
_RUN_ON_STORAGE = re.compile(r"(?:once\s+opened|after\s+opening|une\s+fois\s+ouvert|apres\s+ouverture)\b")
_INLINE_TITLE = re.compile(
    r"(?:(?<=[.;)\]*])|(?<=\s[-–—]))\s+(?=(?:contains?|contient|may\s+contain|peut\s+contenir|ingredients?"
    r"|[il1]ngredients?)\s*:"
    r"|(?:ingredientes|ingredienti|zutaten|contiene|puede\s+contener|pode\s+conter|kann\s+enthalten)\s*:"
    r"|persons\s+with|personnes\s+(?:atteintes|souffrant)|phenylketonurics|phenylcetonuriques"
    r"|\*?(?:aspartame\s+)?(?:contains|contient)\s+(?:de\s+la\s+)?phenylalanine"
    rf"|(?:best\s+before|best\s+if\s+used|meilleur\s+avant|packaged\s+on|empaquete\s+le|{_STORAGE_WORDS})\b)"
)
# "Contains: Mustard May contain: Sesame": a capitalised allergen title with its colon needs no full stop
_BARE_ALLERGEN_TITLE = re.compile(
    r"(?<=\w)(?<!\bmay)(?<!\bpeut)\s+(?=(?:contains?|contient|may\s+contain|peut\s+contenir)\s*:)"
)
# "Best before 27 MR 15 Keep refrigerated": a storage instruction right after a printed date
_STORAGE_AFTER_DATE = re.compile(rf"(?<=\w)\s+(?:[-–—]\s+)?(?=(?:{_STORAGE_WORDS})\b)")


def _bare_cuts(line: SourceLine, text: str) -> list[int]:
    """Cuts that need no punctuation before the title: a capitalised "Contains:" / "May contain:" in
    the middle of a line, and a storage instruction following a date (words, then a number)."""
    cuts = [m.end() for m in _BARE_ALLERGEN_TITLE.finditer(text) if line.text[m.end() : m.end() + 1].isupper()]
    date_words = DATE_WORDS.search(text)
    if date_words:
        for match in _STORAGE_AFTER_DATE.finditer(text, date_words.end()):
            capitalised = line.text[match.end() : match.end() + 1].isupper()
            if (capitalised or not _RUN_ON_STORAGE.match(text, match.end())) and re.search(
                r"\d", text[date_words.end() : match.start()]
            ):
                cuts.append(match.end())
                break
    return cuts


def _title_cuts(line: SourceLine, text: str) -> list[int]:
    return [
        m.end()
        for m in _INLINE_TITLE.finditer(text)
        if not _RUN_ON_STORAGE.match(text, m.end()) or line.text[m.end() : m.end() + 1].isupper()
    ]


def split_inline_titles(lines: list[SourceLine]) -> list[SourceLine]:
    """Cut a line where a second title starts after a full stop ("... Tocopherols. Contains: Milk."),
    or where an allergen title or storage instruction starts without one."""
    out: list[SourceLine] = []
    for line in lines:
        text = fold_same_length(line.text)
        cuts = sorted(set(_title_cuts(line, text)) | set(_bare_cuts(line, text)))
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        for start, end in itertools.pairwise(bounds):
            part = line.text[start:end].strip()
            if part:
                out.append(SourceLine(line.panel, line.index, part, part, line.column))
    return out
