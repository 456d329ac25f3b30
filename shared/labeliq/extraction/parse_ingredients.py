"""Ingredient lists: the title, the body as printed, and the nested ingredient tree.

Components sit in parentheses or square brackets after their ingredient (FDR B.01.008.2(5)); a list
whose brackets do not balance is still read as far as possible, and the fault is recorded in
parse_errors for the ingredient-list checker instead of stopping extraction. Brackets nested deeper than
MAX_INGREDIENT_DEPTH are kept as text inside the deepest component (and said in parse_errors), so no label can
build a tree deep enough to break a walk over it.
"""

from __future__ import annotations

import re

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, join_texts, provenance
from labeliq.extraction.statement_body import collect_body
from labeliq.extraction.titles import ingredients_title
from labeliq.models import MAX_INGREDIENT_DEPTH, MAX_INGREDIENTS, Ingredient, IngredientList, Language

_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_BULLETS = {"•", "·"}
_SEPARATORS = {",", ";", *_BULLETS}


def bracket_balance(text: str) -> int:
    return sum(1 for ch in text if ch in _OPEN) - sum(1 for ch in text if ch in _CLOSE)


def parse_ingredient_text(text: str) -> tuple[list[Ingredient], list[str]]:
    """Split a list body into ingredients with nested components; return them and the faults met (each once)."""
    errors: dict[str, None] = {}  # ordered and each fault once, so a list of 100 000 commas gives one message
    body = text.strip().rstrip(".").strip()
    # each stack frame: (closing bracket expected, finished items, current name buffer, pending components)
    stack: list[tuple[str, list[Ingredient], list[str], list[Ingredient]]] = [("", [], [], [])]

    made = 0  # ingredients and components made so far, at most MAX_INGREDIENTS

    def flush(frame: tuple[str, list[Ingredient], list[str], list[Ingredient]]) -> None:
        nonlocal made
        _, items, buffer, pending = frame
        name = " ".join("".join(buffer).split()).strip(" .:")
        if name or pending:
            items.append(Ingredient(name=name, components=list(pending)))
            made += 1
        buffer.clear()
        pending.clear()

    previous_separator = ","
    too_deep = 0  # brackets open beyond MAX_INGREDIENT_DEPTH, kept as text
    for ch in body:
        if made >= MAX_INGREDIENTS:
            errors.setdefault(f"more than {MAX_INGREDIENTS} ingredients: the rest is kept as text only")
            break
        frame = stack[-1]
        if not ch.isspace() and ch not in _SEPARATORS:
            previous_separator = ""
        if too_deep:
            too_deep += 1 if ch in _OPEN else -1 if ch in _CLOSE else 0
            frame[2].append(ch)
        elif ch in _OPEN and len(stack) > MAX_INGREDIENT_DEPTH:
            errors.setdefault(
                f"brackets nested deeper than {MAX_INGREDIENT_DEPTH} levels: the deeper part is kept as text"
            )
            too_deep = 1
            frame[2].append(ch)
        elif ch in _OPEN:
            stack.append((_OPEN[ch], [], [], []))
        elif ch in _CLOSE:
            if len(stack) == 1:
                errors.setdefault(f"unbalanced brackets: unexpected '{ch}'")
                continue
            if ch != frame[0]:
                errors.setdefault(f"mismatched brackets: '{ch}' closes '{_CLOSE[frame[0]]}'")
            flush(frame)
            stack.pop()
            parent = stack[-1]
            parent[3].extend(frame[1])
        elif ch in _SEPARATORS:
            empty = not "".join(frame[2]).strip() and not frame[3]
            # a bullet next to a comma is how OCR reads a dot printed beside it, not a missing entry
            if empty and (ch in _BULLETS or previous_separator in _BULLETS):
                previous_separator = ch
                continue
            if empty:
                errors.setdefault("empty entry between separators")
            flush(frame)
            previous_separator = ch
            continue
        else:
            frame[2].append(ch)
    if len(stack) > 1:
        errors.setdefault(f"unbalanced brackets: {len(stack) - 1} not closed")
        while len(stack) > 1:
            frame = stack.pop()
            flush(frame)
            stack[-1][3].extend(frame[1])
    flush(stack[0])
    return stack[0][1], list(errors)


def _list_language(title: str, body: str) -> Language:
    if any(ch in title for ch in "éÉ") or title.rstrip().endswith(" :"):
        title_lang: Language = "fr"
    else:
        title_lang = "unknown"
    body_lang = guess_language(body)
    if body_lang in ("en", "fr"):
        return body_lang
    if title_lang != "unknown":
        return title_lang
    return "en" if body_lang == "unknown" else body_lang


def find_ingredient_lists(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> list[IngredientList]:
    """Every titled ingredient list in the stream; marks its lines as consumed."""
    found: list[IngredientList] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        match = ingredients_title(line.text) if position not in consumed else None
        if match is None or line.blank:
            position += 1
            continue
        end = collect_body(lines, position, open_brackets=bracket_balance)
        block = lines[position:end]
        title = line.text[: match.end(1)]
        first = line.text[match.end() :]
        body = join_texts([first, *(b.text for b in block[1:])], vocabulary)
        ingredients, errors = parse_ingredient_text(body)
        found.append(
            IngredientList(
                language=_list_language(title, body),
                title=title.strip(),
                text=body,
                ingredients=ingredients,
                parse_errors=errors,
                source=provenance(block),
            )
        )
        consumed.update(range(position, end))
        position = end
    return found


_OTHER_TITLE = re.compile(r"^\s*([^\W\d][^:,()]{0,30}?)\s*:\s*(?=\S)")


def find_mistitled_lists(
    lines: list[SourceLine], consumed: set[int], vocabulary: str, found: list[IngredientList]
) -> list[IngredientList]:
    """An ingredient list printed under another title ("Made with:", "Contents:"): the one official language
    whose titled list is missing, a title of a few words, and a body with about as many entries as the other
    language's list. It is reported with the title as printed, so the title rule (B.01.008.2(1)) can fail it."""
    have = {lst.language for lst in found}
    missing = ({"en", "fr"} - have) if have & {"en", "fr"} else set()
    if len(missing) != 1 or not found:
        return []
    expected = max(len(lst.ingredients) for lst in found)
    out: list[IngredientList] = []
    for position, line in enumerate(lines):
        match = _OTHER_TITLE.match(line.text) if position not in consumed and not line.blank else None
        if match is None or len(match.group(1).split()) > 3 or ingredients_title(line.text):
            continue
        end = collect_body(lines, position, open_brackets=bracket_balance)
        block = lines[position:end]
        body = join_texts([line.text[match.end() :], *(b.text for b in block[1:])], vocabulary)
        ingredients, errors = parse_ingredient_text(body)
        language = guess_language(body)
        if language not in missing or len(ingredients) < 4 or abs(len(ingredients) - expected) > expected * 0.4:
            continue
        out.append(
            IngredientList(
                language=language,
                title=line.text[: match.end()].strip(),
                text=body,
                ingredients=ingredients,
                parse_errors=errors,
                source=provenance(block),
            )
        )
        consumed.update(range(position, end))
        break
    return out
