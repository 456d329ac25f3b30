"""A foreign ingredient list split into ingredients and their components, with percentages and emphasis.

EU labels emphasise allergens (Regulation 1169/2011 Art. 21) by type: in plain text that survives as capitals
("farina di GRANO") or as *asterisks*; a list printed all in capitals (common on US labels) emphasises nothing.
The splitter walks the text once, tracking parenthesis depth, so it cannot backtrack.
"""

from __future__ import annotations

import re

from labeliq.relabel.proposal import ForeignIngredient
from labeliq.relabel.units import number
from labeliq.relabel.vocabulary import function_classes, rfold

_PERCENT = re.compile(r"\(?\s?(\d{1,3}(?:[.,]\d{1,2})?)\s?%\s?\)?")
_CAPS_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ]{2,40}")
_STARRED = re.compile(r"\*([^*]{1,60})\*")


def split_top_level(text: str, separators: str = ",;") -> list[str]:
    """Split at separators outside parentheses or brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _outer_parentheses(text: str) -> tuple[str, str]:
    """ "Butter (cream, salt)" -> ("Butter", "cream, salt"); text without a trailing group -> (text, "")."""
    stripped = text.strip()
    if not stripped.endswith(")"):
        return stripped, ""
    depth = 0
    for position in range(len(stripped) - 1, -1, -1):
        ch = stripped[position]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                inner = stripped[position + 1 : -1]
                head = stripped[:position].strip()
                if _PERCENT.fullmatch(f"({inner})"):
                    return stripped, ""  # "basilico (1%)" is a percentage, not a component list
                return head, inner
    return stripped, ""


def emphasised_words(text: str, all_caps: bool) -> list[str]:
    if all_caps:
        return [m.group(1).strip() for m in _STARRED.finditer(text)]
    return [m.group(0) for m in _CAPS_WORD.finditer(text)] + [m.group(1).strip() for m in _STARRED.finditer(text)]


def _drop_function_class(name: str, language: str) -> tuple[str, str]:
    """ "conservante: lisozima" -> ("lisozima", "conservante"): Canadian lists name the additive, not its class."""
    if ":" not in name:
        return name, ""
    head, _, rest = name.partition(":")
    if rfold(head).strip() in function_classes(language):
        return rest.strip(), head.strip()
    return name, ""


def _trailing_percent(text: str) -> tuple[str, float | None]:
    """ "masło (z MLEKA) 12%" -> ("masło (z MLEKA)", 12.0): a percentage after the component list."""
    stripped = text.strip()
    close = stripped.rfind(")")
    if close < 0 or close == len(stripped) - 1:
        return stripped, None
    tail = _PERCENT.fullmatch(stripped[close + 1 :].strip())
    if tail is None:
        return stripped, None
    return stripped[: close + 1], number(tail.group(1))


def parse_ingredient(printed: str, language: str, all_caps: bool) -> ForeignIngredient:
    whole, percent = _trailing_percent(printed)
    head, inner = _outer_parentheses(whole)
    head, _ = _drop_function_class(head, language)
    percent_match = _PERCENT.search(head)
    if percent_match:
        percent = number(percent_match.group(1))
    name = _PERCENT.sub(" ", head).replace("*", "")
    name = " ".join(name.split()).strip(" .:")
    components = [parse_ingredient(part, language, all_caps) for part in split_top_level(inner)] if inner else []
    return ForeignIngredient(
        name=name,
        printed=printed.strip(),
        percent=percent,
        emphasised=emphasised_words(head, all_caps),
        components=components,
    )


def parse_ingredient_list(body: str, language: str) -> list[ForeignIngredient]:
    letters = [ch for ch in body if ch.isalpha()]
    all_caps = bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    text = body.strip().rstrip(".")
    items: list[ForeignIngredient] = []
    for part in split_top_level(text):
        # "substancja spulchniająca: wodorowęglan sodu" names a class then its members
        bare, dropped = _drop_function_class(part, language)
        if dropped and "(" not in part:
            items.extend(parse_ingredient(member, language, all_caps) for member in split_top_level(bare, ","))
        else:
            items.append(parse_ingredient(part, language, all_caps))
    return items
