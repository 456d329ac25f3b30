"""Ingredient lists re-read from the printed text, shared by the ingredient, sweetener and additive checks.

The format rules (separators, brackets, case, sugars grouping) are about how the list is printed, so
they are judged on `IngredientList.text` as printed rather than on the parser's tree, which may have
repaired what the rules must see. When only the tree is available it is written back as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from labeliq.checks.common.evidence import QUOTE_CHARS, excerpt
from labeliq.models import MAX_INGREDIENT_DEPTH, MAX_INGREDIENTS, Ingredient, IngredientList, LabelFacts
from labeliq.text import fold

ListLanguage = Literal["en", "fr"]

OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in OPENERS.items()}
TOP_SEPARATORS = ",•·●"
# A statement the parser may have left glued to the list body: it starts a new sentence.
_STATEMENT_START = re.compile(
    r"(?:^|[.;]\s*)(Contains|Contient|May contain|Peut contenir|Persons with phenylketonuria|Phenylketonurics"
    r"|Aspartame contains|Phénylcétonuriques|Personnes atteintes|L'aspartame contient)\b"
)
_FR_WORDS = re.compile(r"\b(de|du|des|et|sucre|sel|huile|farine|eau|lait|arôme|ingrédients)\b", re.I)
_EN_WORDS = re.compile(r"\b(of|and|sugar|salt|oil|flour|water|milk|flavour|ingredients)\b", re.I)


@dataclass
class Entry:
    """One ingredient or component as printed: its name, its bracketed part and what is inside."""

    name: str  # the text before the first bracket, trimmed
    raw: str  # the whole entry as printed
    depth: int  # 0 for an ingredient, 1 for a component, ...
    components: list[Entry] = field(default_factory=list)
    bracket_body: str = ""  # the text inside the first bracket pair, "" when none
    separators: str = ""  # separator characters used between the components

    @property
    def folded(self) -> str:
        return fold(self.name)


@dataclass
class ParsedList:
    """An ingredient list with its language settled and its entries re-read from the text."""

    source: IngredientList
    language: ListLanguage | None
    body: str
    entries: list[Entry]
    top_separators: str  # separator characters found between top-level entries

    @property
    def panel(self) -> str:
        return self.source.source.panel


def list_language(lst: IngredientList) -> ListLanguage | None:
    """The list's language: as the parser gave it, else from its title, else from its words."""
    if lst.language in ("en", "fr"):
        return lst.language
    title = fold(lst.title)
    if lst.language == "bilingual" or title.count("ingredients") > 1:
        return None  # one list under "Ingredients / Ingrédients": neither language's rules can be applied alone
    if "ingredients" in title:
        return "fr" if "ingrédients" in lst.title.lower() else "en"
    fr_hits = len(_FR_WORDS.findall(lst.text))
    en_hits = len(_EN_WORDS.findall(lst.text))
    if fr_hits == en_hits:
        return None
    return "fr" if fr_hits > en_hits else "en"


def _tree_as_text(ingredients: list[Ingredient]) -> str:
    parts = []
    for ing in ingredients:
        if ing.components:
            parts.append(f"{ing.name} ({_tree_as_text(ing.components)})")
        else:
            parts.append(ing.name)
    return ", ".join(parts)


def list_body(lst: IngredientList) -> str:
    """The list body as printed, without a trailing full stop or a statement the parser left attached."""
    text = lst.text.strip() or _tree_as_text(lst.ingredients)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^/\s*ingr[ée]dients\s*:?\s*", "", text, flags=re.I)  # "Ingredients / Ingrédients:" split
    match = _STATEMENT_START.search(text)
    if match and match.start() > 0:
        text = text[: match.start()]
    return text.strip().rstrip(".").strip()


def split_level(text: str, separators: str) -> tuple[list[str], str]:
    """Split at separators that are outside every bracket; also return the separators seen."""
    parts: list[str] = []
    seen = ""
    depth = 0
    current: list[str] = []
    for i, ch in enumerate(text):
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        decimal_comma = ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if depth == 0 and ch in separators and not decimal_comma:
            parts.append("".join(current))
            seen += ch
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()], seen


def _first_bracket(text: str) -> tuple[int, int] | None:
    """Start and end index of the first top-level bracket pair, None when the entry has none."""
    start = next((i for i, ch in enumerate(text) if ch in OPENERS), None)
    if start is None:
        return None
    depth = 0
    for i in range(start, len(text)):
        if text[i] in OPENERS:
            depth += 1
        elif text[i] in CLOSERS:
            depth -= 1
            if depth == 0:
                return start, i
    return start, len(text)


def parse_entry(raw: str, depth: int, budget: list[int] | None = None) -> Entry:
    """One entry and its components; below MAX_INGREDIENT_DEPTH a bracket's body stays text (as in the parser),
    so a label's nesting can neither exhaust the stack nor make each level re-split the whole body. `budget`
    holds how many more entries the list may give (MAX_INGREDIENTS in all, as the parser)."""
    budget = budget if budget is not None else [MAX_INGREDIENTS]
    span = _first_bracket(raw)
    if span is None or depth >= MAX_INGREDIENT_DEPTH:
        return Entry(name=raw.strip(), raw=raw, depth=depth)
    start, end = span
    body = raw[start + 1 : end]
    parts, seen = split_level(body, TOP_SEPARATORS + ";")
    components = []
    for part in parts:
        if budget[0] <= 0:
            break
        budget[0] -= 1
        components.append(parse_entry(part, depth + 1, budget))
    return Entry(
        name=raw[:start].strip(),
        raw=raw,
        depth=depth,
        components=components,
        bracket_body=body,
        separators=seen,
    )


def parse_list(lst: IngredientList) -> ParsedList:
    body = list_body(lst)
    parts, seen = split_level(body, TOP_SEPARATORS + ";")
    budget = [MAX_INGREDIENTS]  # as the parser: past it the list is text only
    entries = []
    for part in parts:
        if budget[0] <= 0:
            break
        budget[0] -= 1
        entries.append(parse_entry(part, 0, budget))
    return ParsedList(
        source=lst,
        language=list_language(lst),
        body=body,
        entries=entries,
        top_separators=seen,
    )


def parsed_lists(facts: LabelFacts) -> list[ParsedList]:
    return [parse_list(lst) for lst in facts.ingredients]


def walk(entries: list[Entry]) -> Iterator[Entry]:
    """Every entry and component, depth first, in printed order."""
    for entry in entries:
        yield entry
        yield from walk(entry.components)


def bracket_problems(text: str) -> list[str]:
    """Why the brackets of a list do not balance, in words; empty when they do."""
    stack: list[str] = []
    problems = []
    for ch in text:
        if ch in OPENERS:
            stack.append(ch)
        elif ch in CLOSERS:
            if not stack:
                problems.append(f"'{ch}' closes a bracket that was never opened")
            elif stack[-1] != CLOSERS[ch]:
                problems.append(f"'{stack[-1]}' is closed by '{ch}'")
                stack.pop()
            else:
                stack.pop()
    problems.extend(f"'{ch}' is never closed" for ch in stack)
    return problems


_STARS = re.compile(r"\s*\*+$|^\*+\s*")
_LEADING_QUALIFIER = re.compile(r"^(organic|pure|natural|certified organic|unsulphured|unsulfured|raw|bio)\s+")
_TRAILING_QUALIFIER = re.compile(r"\s+(biologiques?|bio|pure?|naturel(le)?s?)$")


def strip_qualifiers(name: str, language: ListLanguage | None) -> str:
    """Drop the words that qualify an ingredient without changing what it is (organic, pure, liquid)."""
    folded = _STARS.sub("", fold(name))
    previous = None
    while previous != folded:
        previous = folded
        folded = _LEADING_QUALIFIER.sub("", folded)
        folded = _TRAILING_QUALIFIER.sub("", folded)
    return folded.strip()


def short(text: str, limit: int = QUOTE_CHARS) -> str:
    """The text on one line, cut at a word with "…" past `limit`. As evidence, the default keeps a whole list, so
    the finding's constructor can quote it around the words that matter (common/evidence.py), not a prefix."""
    text = re.sub(r"\s+", " ", text).strip()
    return excerpt(text, None, limit).text


def _list_line_span(lst: IngredientList, panel_lines: list[str]) -> tuple[int, int] | None:
    """First and last line of a list in its panel: from provenance, else by finding its title and body."""
    src = lst.source
    if src.line_start is not None:
        return src.line_start, src.line_end if src.line_end is not None else src.line_start
    title = lst.title.strip()
    start = next((i for i, line in enumerate(panel_lines) if title and line.strip().startswith(title)), None)
    if start is None:
        return None
    tail = re.sub(r"\s+", " ", list_body(lst))[-12:]
    for end in range(start, len(panel_lines)):
        joined = re.sub(r"\s+", " ", " ".join(panel_lines[start : end + 1]))
        if tail and tail in joined:
            return start, end
    return start, start


def list_line_span(facts: LabelFacts, lst: IngredientList) -> tuple[int, int] | None:
    panel = facts.panel(lst.source.panel)
    if panel is None:
        src = lst.source
        if src.line_start is None:
            return None
        return src.line_start, src.line_end if src.line_end is not None else src.line_start
    return _list_line_span(lst, panel.text.splitlines())


def text_outside_lists(facts: LabelFacts) -> list[tuple[str, int, str]]:
    """(panel, line index, line) for every panel line that is not part of an ingredient list.

    Claims and statements are looked for here, so that "Organic oats" or "Natural flavour" in a list
    is not read as a claim.
    """
    skipped: dict[str, set[int]] = {}
    for lst in facts.ingredients:
        span = list_line_span(facts, lst)
        if span is not None:
            skipped.setdefault(lst.source.panel, set()).update(range(span[0], span[1] + 1))
    out = []
    for panel in facts.panels:
        for i, line in enumerate(panel.text.splitlines()):
            if i not in skipped.get(panel.name, set()):
                out.append((panel.name, i, line))
    return out
