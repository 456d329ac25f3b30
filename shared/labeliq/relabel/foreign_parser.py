"""Read a foreign label's panels into ForeignFacts, in the label's own language, keeping where each fact was read.

The language is chosen by which language's section titles the label uses (relabel_sections.json), then only that
language's titles open sections, so Spanish "contiene" and Italian "contiene" never compete. A section runs from
its title to a blank line or the next title. Lines no section takes stay visible in `unread`.
"""

from __future__ import annotations

from labeliq.models import Panel, Provenance
from labeliq.relabel.foreign_ingredients import parse_ingredient_list, split_top_level
from labeliq.relabel.foreign_nutrition import Line, read_nutrition
from labeliq.relabel.proposal import ForeignDate, ForeignFacts, ForeignQuantity, ForeignText
from labeliq.relabel.units import amounts, metric, three_significant
from labeliq.relabel.vocabulary import UnreadableLabel, language_name, languages, rfold, titles, unsupported_script

SECTIONS = ("ingredients", "contains", "may_contain", "nutrition", "best_before", "storage", "origin", "producer")
_SCORED = ("ingredients", "contains", "may_contain", "nutrition", "best_before", "origin", "producer", "net_quantity")


def _lines(panels: list[Panel]) -> list[Line]:
    return [Line(p.name, i, text) for p in panels for i, text in enumerate(p.text.splitlines())]


def _starts(folded: str, title: str) -> bool:
    return folded.startswith(title) and (len(folded) == len(title) or not folded[len(title)].isalnum())


def detect_language(panels: list[Panel]) -> str:
    """The supported language whose section titles the label uses most; refuses a script it cannot read."""
    text = "\n".join(p.text for p in panels)
    script = unsupported_script(text)
    if script is not None:
        raise UnreadableLabel(
            f"the label is written in {script} script: relabel mode reads labels in Latin-alphabet languages only "
            f"(Italian, Spanish, German, Portuguese, Polish, American English); the local OCR engine (RapidOCR) "
            f"and the glossary cannot read {script}. Give the label's text translated by a person, or use a "
            "translator that reads it."
        )
    folded_lines = [rfold(line) for line in text.splitlines()]
    scores: dict[str, int] = {}
    for code in languages():
        score = 0
        for section in _SCORED:
            if any(_starts(line, t) for line in folded_lines for t in titles(code, section)):
                score += 1
        scores[code] = score
    best = max(scores.values())
    if best == 0:
        raise UnreadableLabel(
            "no section title of a supported language was found (e.g. 'Ingredienti', 'Ingredientes', 'Zutaten', "
            "'Składniki', 'Ingredients', 'Nutrition Facts'): relabel mode cannot tell which language the label is in. "
            "For a photo: the local OCR engine (RapidOCR) reads Latin alphabets only, so a label in Korean, Chinese, "
            "Japanese, Cyrillic, Greek or Arabic script comes out unreadable"
        )
    ranked = sorted(scores, key=lambda code: (-scores[code], code == "en"))  # a tie goes to the foreign language
    return ranked[0]


def _section_of(folded: str, code: str) -> tuple[str, str] | None:
    """(section, title) when the line opens a section of this language."""
    for section in SECTIONS:
        for title in titles(code, section):
            if _starts(folded, title):
                return section, title
    return None


def _body(lines: list[Line], start: int, title: str, code: str) -> tuple[str, int]:
    """The section's text after its title, with its continuation lines; and the index after it."""
    rest = _after_title(lines[start].text.strip(), title)
    parts = [rest]
    position = start + 1
    while position < len(lines):
        folded = rfold(lines[position].text)
        if not folded or _section_of(folded, code) is not None or lines[position].panel != lines[start].panel:
            break
        parts.append(lines[position].text.strip())
        position += 1
    return " ".join(p for p in parts if p).strip(), position


def _after_title(text: str, title: str) -> str:
    """The text after a title whose folded form is `title` (folding keeps the length of these titles' letters)."""
    folded = rfold(text)
    cut = len(title)
    # folding may shorten "ß" -> "ss" the other way round; find the cut on the original by counting letters
    if len(folded) != len(text.strip()):
        for position in range(len(text) + 1):
            if rfold(text[:position]) == title:
                cut = position
                break
    return text.strip()[cut:].lstrip(" :.-")


def _text(lines: list[Line], start: int, end: int, text: str) -> ForeignText:
    first, last = lines[start], lines[max(start, end - 1)]
    return ForeignText(
        text=text,
        evidence="\n".join(line.text for line in lines[start:end]),
        source=Provenance(panel=first.panel, line_start=first.index, line_end=last.index),
    )


def _quantity(text: str, source: Provenance) -> ForeignQuantity | None:
    found = [(a, metric(a)) for a in amounts(text)]
    usable = [(a, m) for a, m in found if m is not None]
    printed = next(((a, m) for a, m in usable if not m[2]), None)
    chosen = printed or (usable[0] if usable else None)
    if chosen is None:
        return None
    amount, (value, unit, conversion) = chosen
    if conversion:
        value = three_significant(value)
    return ForeignQuantity(
        text=text.strip(),
        amount=value,
        unit="g" if unit == "g" else "mL",
        converted_from=amount.text if conversion else "",
        source=source,
    )


def _is_quantity_line(folded: str, code: str) -> bool:
    if any(_starts(folded, t) for t in titles(code, "net_quantity")):
        return True
    stripped = folded.removeprefix("e ").strip()  # the EU "e" mark
    found = amounts(stripped)
    return len(found) >= 1 and found[0].start <= 1 and len(stripped) <= 30


def parse_foreign_label(panels: list[Panel]) -> ForeignFacts:
    code = detect_language(panels)
    lines = _lines(panels)
    facts = ForeignFacts(language=code, language_name=language_name(code))
    position = 0
    while position < len(lines):
        line = lines[position]
        folded = rfold(line.text)
        if not folded:
            position += 1
            continue
        if any(_starts(folded, t) for t in titles(code, "nutrition")):
            table, after = read_nutrition(lines, position, code)
            if table is not None and facts.nutrition is None:
                facts.nutrition = table
                position = after
                continue
        found = _section_of(folded, code)
        if found is None:
            position = _free_line(facts, lines, position, code)
            continue
        section, title = found
        body, after = _body(lines, position, title, code)
        fact = _text(lines, position, after, body)
        _store(facts, section, fact, lines[position].text, code)
        position = after
    return facts


def _store(facts: ForeignFacts, section: str, fact: ForeignText, first_line: str, code: str) -> None:
    if section == "ingredients" and facts.ingredients is None:
        facts.ingredients = fact
        facts.ingredient_items = parse_ingredient_list(fact.text, code)
    elif section == "contains":
        facts.contains = fact
        facts.contains_items = _items(fact.text)
    elif section == "may_contain":
        facts.may_contain = fact
        facts.may_contain_items = _items(fact.text)
    elif section == "best_before":
        facts.best_before = ForeignDate(words=first_line.strip(), date_text=fact.text, source=fact.source)
        if any(rfold(fact.text).startswith(w) or f" {w} " in f" {rfold(first_line)} " for w in _end_words(code)):
            facts.best_before = facts.best_before.model_copy(update={"end_of_period": True})
    elif section == "storage":
        facts.storage.append(fact.model_copy(update={"text": first_line.strip() if not fact.text else _whole(fact)}))
    elif section == "origin":
        facts.origin = fact.model_copy(update={"text": _whole(fact)})
    elif section == "producer":
        facts.producer.append(fact.model_copy(update={"text": _whole(fact)}))


def _whole(fact: ForeignText) -> str:
    """Storage, origin and producer lines are kept whole (their title is part of the sentence)."""
    return " ".join(fact.evidence.split())


def _end_words(code: str) -> list[str]:
    words: list[str] = languages()[code].get("end_of", [])
    return words


def _items(text: str) -> list[str]:
    """The entries of a Contains / May contain statement: "SEDANO e SENAPE", "orzechy laskowe, sezam"."""
    body = text.strip().rstrip(".")
    out: list[str] = []
    for part in split_top_level(body, ",;"):
        for piece in _split_and(part):
            if piece:
                out.append(piece)
    return out


_AND_WORDS = (" e ", " y ", " und ", " i ", " and ", " & ", " oraz ")


def _split_and(text: str) -> list[str]:
    pieces = [text]
    for word in _AND_WORDS:
        pieces = [p for piece in pieces for p in _split_word(piece, word)]
    return [p.strip(" .") for p in pieces]


def _split_word(text: str, word: str) -> list[str]:
    lowered = text.lower()
    out: list[str] = []
    start = 0
    at = lowered.find(word)
    while at >= 0:
        out.append(text[start:at])
        start = at + len(word)
        at = lowered.find(word, start)
    out.append(text[start:])
    return out


def _free_line(facts: ForeignFacts, lines: list[Line], position: int, code: str) -> int:
    line = lines[position]
    folded = rfold(line.text)
    fact = _text(lines, position, position + 1, line.text.strip())
    if facts.net_quantity is None and _is_quantity_line(folded, code):
        quantity = _quantity(line.text, fact.source)
        if quantity is not None:
            facts.net_quantity = quantity
            return position + 1
    if line.panel.lower().startswith("front"):
        facts.names.append(fact)
    else:
        facts.unread.append(fact)
    return position + 1
