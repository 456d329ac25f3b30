"""Row 5.5: upper and lower case in a list of ingredients (FDR B.01.008.2(3)(b), (5)(c)).

An ingredient starts with a capital and is otherwise lower case; a component is all lower case.
Capitals are allowed for additive and supplemental-ingredient acronyms and for alpha-descriptors
(vitamin B3, chymosin A). Proper nouns that are part of a common name (Dijon, Cheddar, "morue de l'Atlantique",
after a French elided article) and scientific genus names are tolerated, since CFIA's own examples print them
capitalised.
"""

from __future__ import annotations

import re

from labeliq.checks.common.ingredients_text import Entry, strip_qualifiers
from labeliq.checks.common.lexicons import additive_names, sugars_group_terms

ACRONYMS = {
    "BHA", "BHT", "TBHQ", "EDTA", "DATEM", "FCF", "MSG", "CMC", "HPMC", "PGPR", "SSL", "CSL", "DHA", "EPA", "ARA",
    "GABA", "HMB", "CLA", "MCT", "HSH", "INS", "OSA", "PGA", "SAPP", "TSPP", "STPP", "HVP", "TVP", "DL", "NAC",
    "BCAA", "AHA", "ALA", "UV", "MCTS", "CBD", "FOS", "GOS", "XOS", "EGCG", "D", "L",
}  # fmt: skip
ALPHA_CONTEXT = {
    "vitamin",
    "vitamins",
    "vitamine",
    "vitamines",
    "chymosin",
    "chymosine",
    "rebaudioside",
    "rébaudioside",
}
PROPER_NOUNS = {
    "dijon", "cheddar", "parmesan", "parmigiano", "reggiano", "romano", "asiago", "gruyère", "gruyere", "emmental",
    "gouda", "edam", "brie", "camembert", "monterey", "jack", "colby", "swiss", "mozzarella", "worcestershire",
    "tabasco", "kalamata", "granny", "smith", "bartlett", "mcintosh", "basmati", "jasmine", "madagascar", "bourbon",
    "tahitian", "canadian", "canada", "ontario", "québec", "quebec", "atlantic", "pacific", "alaska", "alaskan",
    "arborio", "marsala", "champagne", "cognac", "angostura", "sriracha", "cajun", "jalapeño", "jalapeno", "thai",
    "italian", "greek", "french", "english", "mexican", "lactobacillus", "bifidobacterium", "streptococcus",
    "lactococcus", "bacillus", "saccharomyces", "leuconostoc", "pediococcus", "propionibacterium", "penicillium",
    "aspergillus", "stevia", "yukon", "concord", "valencia", "darjeeling", "earl", "grey", "ceylon", "assam",
    # French forms of the same names ("morue de l'Atlantique", "moutarde de Dijon", "riz Basmati")
    "atlantique", "pacifique", "canadien", "canadienne", "italien", "italienne", "grec", "grecque", "mexicain",
    "mexicaine", "anglais", "anglaise", "français", "française", "thaï", "thaïlandais", "islande", "italie",
    "grèce", "mexique", "alaskien", "norvège", "chili", "chine", "inde", "espagne", "portugal", "écosse", "irlande",
    "iceland", "icelandic", "norway", "norwegian", "chile", "chilean", "china", "india", "spain", "spanish",
    "scotland", "scottish", "ireland", "irish",
}  # fmt: skip
# A French elided article or preposition before a name ("l'Atlantique", "d'Italie"): the name carries the capital.
_ELISION = re.compile(r"^(?:[ldLD]|qu)['’](?P<name>.+)$")
_ADDITIVE_NUMBER = re.compile(r"\b(E|INS|SIN)\s?-?\d{3,4}[a-z]?\b")
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]+(?:['’][A-Za-zÀ-ÖØ-öø-ÿ]+)?")


def _allowed_capital(token: str, previous: str | None, following: str | None = None) -> bool:
    elided = _ELISION.match(token)
    if elided is not None and elided.group("name")[0].isupper():
        token = elided.group("name")
    if token.upper() == token and token in ACRONYMS:
        return True
    beside = {w.lower() for w in (previous, following) if w is not None}
    if re.fullmatch(r"[A-Z]", token) and beside & ALPHA_CONTEXT:
        return True  # "vitamin B6", "chymosin A", "a B vitamin"
    return token.lower() in PROPER_NOUNS and token[0].isupper() and token[1:].lower() == token[1:]


def _is_known_colour(name: str) -> bool:
    return strip_qualifiers(name, None) in additive_names().colours


def case_problem(entry: Entry) -> str | None:
    """Why an entry's case breaks B.01.008.2(3)(b) or (5)(c), None when it does not."""
    # "vitamin B12" -> ["vitamin", "B"]: digits never carry case; an E/INS number supplementing a name keeps its capital
    tokens = _TOKEN.findall(_ADDITIVE_NUMBER.sub(" ", entry.name))
    if not tokens:
        return None
    previous: str | None = None
    if entry.depth > 0 and tokens[0].lower() in sugars_group_terms(None) and entry.components:
        previous, tokens = tokens[0], tokens[1:]  # a "Sugars (…)" group kept inside components keeps its capital
    elif entry.depth == 0:
        first = tokens[0]
        if first in ACRONYMS:
            pass
        elif not first[0].isupper():
            return f"'{entry.name}' must start with an upper-case letter"
        elif first[1:] != first[1:].lower():
            return f"'{entry.name}' must be in lower case after its first letter"
        previous, tokens = first, tokens[1:]
    colour = _is_known_colour(entry.name)
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if token != token.lower() and not _allowed_capital(token, previous, following) and not colour:
            where = "an ingredient" if entry.depth == 0 else "a component"
            return f"'{entry.name}' has an upper-case letter where {where} must be in lower case ('{token}')"
        previous = token
    return None
