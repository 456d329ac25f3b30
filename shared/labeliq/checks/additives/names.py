"""How additives are named in the list (cfia-rules.md 13.2, 13.4; FDR B.01.010(2),(3)).

An additive is declared by its common name: the name in the Lists of Permitted Food Additives or a name the
Common Names for Ingredients and Components Document (CNICD) sets out, including its class names such as
"sodium phosphates" or "sulphites". A function word ("emulsifier", "preservative") is neither: used alone as an
entry it hides which additive is there. With a specific name after it ("Emulsifier (soy lecithin)") the name is
present, so only the bare function word fails.
"""

from __future__ import annotations

from labeliq.checks.additives.rules import R13_2, R13_4
from labeliq.checks.common.findings import failed, not_applicable, passed
from labeliq.checks.common.ingredients_text import ParsedList, short, strip_qualifiers, walk
from labeliq.checks.common.lexicons import additive_names
from labeliq.models import Finding
from labeliq.text import fold

CITE_COMMON_NAME = "FDR B.01.010(2),(3); B.01.008.2(4)(d); CFIA ILT, food additives"
CITE_CLASS = "FDR B.01.010(3)(b); Common Names for Ingredients and Components Document"

# Additive class names the CNICD sets out (cfia-rules.md 13.4, 9.5: B.01.010.2(6) names the sulphite ones).
_CNICD_CLASS_NAMES = frozenset(
    fold(n)
    for n in (
        "sodium phosphates",
        "potassium phosphates",
        "sulphites",
        "sulfites",
        "sulphiting agents",
        "sulfiting agents",
        "phosphates de sodium",
        "phosphates de potassium",
        "agents de sulfitage",
    )
)


def _lang(pl: ParsedList) -> str:
    return (pl.language or "unknown").upper()


def function_word_findings(pl: ParsedList, known: list[str]) -> Finding:
    """13.2: each additive by its common name, never by a bare function word."""
    functions = additive_names().function_class_names
    bare = [
        e.raw.strip()
        for e in walk(pl.entries)
        if strip_qualifiers(e.name, pl.language) in functions and not e.components
    ]
    if bare:
        return failed(
            R13_2,
            f"The {_lang(pl)} list declares {', '.join(bare)} by a function word only. Each food additive must be "
            "shown by its common name (the name in the Lists of Permitted Food Additives or a CFIA permitted "
            "synonym), e.g. 'soy lecithin', not 'emulsifier'.",
            CITE_COMMON_NAME,
            short(pl.body),
            pl.panel,
        )
    if known:
        return passed(
            R13_2,
            f"The {_lang(pl)} list names its additives by common names ({', '.join(known)}); they may sit at the "
            "end of the list in any order.",
            CITE_COMMON_NAME,
            short(pl.body),
            pl.panel,
        )
    return not_applicable(
        R13_2, f"No food additive was recognised in the {_lang(pl)} list.", CITE_COMMON_NAME, short(pl.body), pl.panel
    )


def class_name_finding(pl: ParsedList) -> Finding | None:
    """13.4: a CNICD additive class name is a permitted common name; said so the reader sees it was weighed."""
    used = [e.raw.strip() for e in walk(pl.entries) if strip_qualifiers(e.name, pl.language) in _CNICD_CLASS_NAMES]
    if not used:
        return None
    return passed(
        R13_4,
        f"The {_lang(pl)} list uses {', '.join(used)}, a class name the Common Names for Ingredients and Components "
        "Document allows for these additives.",
        CITE_CLASS,
        short(pl.body),
        pl.panel,
    )
