"""The Nutrition Facts / Valeur nutritive table, every value as printed.

The parser records each row's amount, unit and %DV exactly as printed (rounding and %DV are judged by
the table checkers). The %DV printed beside the saturated or the trans row belongs to the combined
"saturated + trans" line of the bilingual table, so it is stored under `saturated_plus_trans`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, fold_same_length, make_line, provenance
from labeliq.extraction.titles import NFT_TITLE, SFFT_TITLE, nft_heading, starts_section
from labeliq.models import Language, NutrientValue, NutritionFacts

# Row labels, tried in order: compound names before the words they contain (polyunsaturated > saturated).
_ROW_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("polyunsaturated_fat", r"poly\s*-?\s*unsaturat|poly\s*-?\s*insatur"),
        ("monounsaturated_fat", r"mono\s*-?\s*unsaturat|mono\s*-?\s*insatur"),
        ("omega_6", r"omega\s*-?\s*6"),
        ("omega_3", r"omega\s*-?\s*3"),
        ("trans_fat", r"^\W*\+?\s*(?:trans\b|acides\s+gras\s+trans|lipides\s+trans)"),
        ("saturated_fat", r"saturated|saturates|\bsatures?\b|\bsat\.?\s*fat"),
        ("fat", r"\bfat\b|\blipides\b"),
        ("cholesterol", r"cholesterol"),
        ("sodium", r"\bsodium\b"),
        ("carbohydrate", r"carbohydrate|glucides"),
        ("insoluble_fibre", r"insoluble"),
        ("soluble_fibre", r"\bsoluble"),
        ("fibre", r"\bfib(?:re|er)s?\b|fibres\s+alimentaires"),
        ("sugar_alcohols", r"sugar\s+alcohol|polyol|polyalcool"),
        ("sugars", r"\bsugars?\b|\bsucres\b"),
        ("starch", r"\bstarch\b|\bamidon\b"),
        ("protein", r"\bprotein|\bproteines?\b"),
        ("potassium", r"\bpotassium\b"),
        ("calcium", r"\bcalcium\b"),
        ("iron", r"\biron\b|^\W*fer\b|/\s*fer\b"),
        # vitamins and mineral nutrients, B.01.402 table items 14-37, EN and FR descriptions (column 2)
        ("thiamine", r"\bthiamin"),
        ("riboflavin", r"\briboflavin"),
        ("niacin", r"\bniacin"),
        ("vitamin_b12", r"\bvit(?:amine?)?\.?\s*b\s*12\b"),
        ("vitamin_b6", r"\bvit(?:amine?)?\.?\s*b\s*6\b"),
        ("folate", r"\bfolate\b"),
        ("biotin", r"\bbiotine?\b"),
        ("pantothenic_acid", r"pantoth[eé]n"),
        ("choline", r"\bcholine\b"),
        ("phosphorus", r"\bphosphor(?:us|e)\b"),
        ("iodide", r"\biod(?:ide|ine|ure|e)\b"),
        ("magnesium", r"\bmagnesium\b"),
        ("zinc", r"\bzinc\b"),
        ("selenium", r"\bselenium\b"),
        ("copper", r"\bcopper\b|\bcuivre\b"),
        ("manganese", r"\bmanganese\b"),
        ("chromium", r"\bchrom(?:ium|e)\b"),
        ("molybdenum", r"\bmolybd(?:enum|ene)\b"),
        ("chloride", r"\bchlor(?:ide|ure)\b"),
        ("vitamin_a", r"\bvit(?:amine?)?\.?\s+a\b"),
        ("vitamin_c", r"\bvit(?:amine?)?\.?\s+c\b"),
        ("vitamin_d", r"\bvit(?:amine?)?\.?\s+d\d?\b"),
        ("vitamin_e", r"\bvit(?:amine?)?\.?\s+e\b"),
        ("vitamin_k", r"\bvit(?:amine?)?\.?\s+k\d?\b"),
    )
)
_BULLETS = re.compile(r"[•·]")
_AMOUNT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(mg|g|µg|μg|mcg|ug|kj|kJ|KJ|IU|UI|I\.U\.)(?![\w])")
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?%")
_CALORIES = re.compile(r"\bcalories?\b[^\d%\n]{0,30}?(\d+(?:[.,]\d+)?)(?![\d.,])", re.IGNORECASE)
_KJ = re.compile(r"(\d+(?:[.,]\d+)?)\s?(kj)\b", re.IGNORECASE)
_SERVING_LEAD = re.compile(r"^\W*(?:per\b|pour\b|par\b|serving|portion|amount\s+per|for\s+\d|teneur\s+pour)")
_SERVINGS_PER = re.compile(r"servings?\s+per|portions?\s+par|per\s+container|par\s+contenant")
_METRIC_SERVING = re.compile(r"\(\s*(?:about\s+|environ\s+)?(\d+(?:[.,]\d+)?)\s?(g|mL|ml|ML|L)\s*\)")
_METRIC_ANY = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(g|mL|ml|ML|L)(?![\w])")
_FOOTNOTE = re.compile(
    r"or\s+less\s+is\s+a\s+little|or\s+more\s+is\s+a\s+lot|is\s+a\s+lot|ou\s+moins\s+c'est\s+peu|c'est\s+beaucoup"
)
_NOT_SIGNIFICANT = re.compile(r"not\s+a\s+significant\s+source|source\s+negligeable")
# Column headings of the dual and aggregate formats (B.01.456-B.01.459): "As sold / Prepared", "Tel que vendu /
# Préparé", "with 1/2 cup milk / avec 1/2 tasse de lait", "Per 1 cup (250 mL)   Per 1 can (355 mL)".
_COLUMN_HEADER = re.compile(
    r"\bas\s+(?:sold|packaged)\b|\bprepared\b|tel\s+que\s+vendu|\bprepare[es]?\b|\b(?:with|avec)\s+\d"
)
_DV_HEADER = re.compile(r"daily\s+value|valeur\s+quotidienne|%\s*dv\b|%\s*vq\b|^\W*amount\b|^\W*teneur\b")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _unit(token: str) -> str:
    lowered = token.lower()
    if lowered in ("µg", "μg", "mcg", "ug"):
        return "µg"
    if lowered == "kj":
        return "kJ"
    if lowered in ("iu", "ui", "i.u."):
        return "IU"  # international units: not a unit of the table to B.01.402 (the checker says so)
    return lowered


def row_key(label: str) -> str | None:
    folded = fold_same_length(label)
    for key, pattern in _ROW_LABELS:
        if pattern.search(folded):
            return key
    return None


def _is_other_language(text: str) -> bool:
    parts = [part for part in re.split(r"/", re.sub(r"[\d.,]+\s*(?:mg|g|%)?", " ", text)) if part.strip()]
    return any(guess_language(part) == "other" for part in parts) or guess_language(text) == "other"


def _without_bullets(line: SourceLine) -> SourceLine:
    """Bullets mean nothing inside the table (OCR reads them from dotted leaders and rules)."""
    return replace(line, text=" ".join(_BULLETS.sub(" ", line.text).split()))


def _is_table_line(line: SourceLine) -> bool:
    line = _without_bullets(line)
    text = fold_same_length(line.text)
    if NFT_TITLE.search(text) or _SERVING_LEAD.search(text) or _CALORIES.search(text) or _DV_HEADER.search(text):
        return True
    if _FOOTNOTE.search(text) or _NOT_SIGNIFICANT.search(text) or _SUPPLEMENTED_WITH.search(text):
        return True
    value = _AMOUNT.search(line.text) or _PERCENT.search(line.text)
    if value is None:
        return False
    # a short label before an amount is a table row even when it is not a core nutrient (caffeine)
    return row_key(line.text) is not None or _is_other_language(line.text) or len(line.text[: value.start()]) <= 40


# FDR B.29.002 table item 17: the "Supplemented with" subheading and its interpretative statement, lines of an SFFt
_SUPPLEMENTED_WITH = re.compile(
    r"supplemented\s+with|supplemente\s+en|includes\s+naturally\s+occurring|comprend\s+les\s+quantites\s+naturelles"
)


def table_span(lines: list[SourceLine], start: int) -> int:
    """One past the table's last line: the table runs while lines read as table lines."""
    end = start + 1
    open_statement = False  # a "Not a significant source of ..." sentence still running
    while end < len(lines):
        line = lines[end]
        if open_statement and not line.blank:
            open_statement = not line.text.rstrip().endswith(".")
            end += 1
            continue
        if _NOT_SIGNIFICANT.search(fold_same_length(line.text)):
            open_statement = not line.text.rstrip().endswith(".")
        if line.blank:
            following = next((x for x in lines[end + 1 :] if not x.blank), None)
            if following is None or not _is_table_line(following) or starts_section(following):
                break
            end += 1
            continue
        text = fold_same_length(line.text)
        if starts_section(line) and not NFT_TITLE.search(text) and not SFFT_TITLE.search(text):
            break
        if not _is_table_line(line) and not _is_other_language(line.text) and not _COLUMN_HEADER.search(text):
            # a short unknown line inside the table (a wrapped label, the names of an aggregate table's foods) is
            # kept while a table line follows within two lines; prose ends the table
            upcoming = list(itertools.islice((x for x in itertools.islice(lines, end + 1, None) if not x.blank), 2))
            if not any(_is_table_line(x) for x in upcoming) or len(line.text) > 60 or line.text.rstrip().endswith("."):
                break
        end += 1
    return end


def _find_start(lines: list[SourceLine], consumed: set[int]) -> int | None:
    for position, line in enumerate(lines):
        if position not in consumed and nft_heading(line.text):
            return position
    if any(SFFT_TITLE.search(fold_same_length(line.text)) for line in lines):
        return None
    for position, line in enumerate(lines):
        if position in consumed:
            continue
        if _CALORIES.search(line.text) and any(
            row_key(x.text) and _AMOUNT.search(x.text) for x in lines[position + 1 : position + 6]
        ):
            back = position
            while back > 0 and _SERVING_LEAD.search(fold_same_length(lines[back - 1].text)):
                back -= 1
            return back
    return None


def read_table_at(lines: list[SourceLine], start: int) -> NutritionFacts | None:
    """The rows of the table whose title is at `start` (a Supplemented Food Facts table: FDR B.29.002 words its core
    rows as B.01.401 does), read like a Nutrition Facts table."""
    end = table_span(lines, start)
    table = [_without_bullets(line) for line in lines[start:end] if not line.blank]
    return _read_table(_wrapped_rows(_side_by_side_rows(_linear_rows(table))))


_SLUG = re.compile(r"[^a-z0-9]+")


def supplemental_rows(lines: list[SourceLine], start: int) -> list[NutrientValue]:
    """The rows under the "Supplemented with" subheading of the table whose title is at `start` (FDR B.29.002 table
    item 18: each supplemental ingredient, a nutrient or another substance such as caffeine, with its amount and, for
    a nutrient with a daily value, its %DV). A row that is not a nutrient of the table is keyed by its first name."""
    out: list[NutrientValue] = []
    under = False
    for line in (_without_bullets(x) for x in lines[start : table_span(lines, start)] if not x.blank):
        folded = fold_same_length(line.text)
        if _SUPPLEMENTED_WITH.search(folded) and not _FOOTNOTE.search(folded):
            under = not re.search(r"includes\s+naturally|comprend\s+les\s+quantites", folded)
            continue
        amount = _AMOUNT.search(line.text)
        if not under or amount is None or _FOOTNOTE.search(folded):
            continue
        label = line.text[: amount.start()].strip(" :*†")
        first_name = fold_same_length(label).split("/")[0]
        key = row_key(label) or _SLUG.sub("_", first_name).strip("_")
        if not key:
            continue
        percent = _PERCENT.search(line.text, amount.end())
        out.append(
            NutrientValue(
                key=key,
                label=label,
                amount=_number(amount.group(1)),
                unit=_unit(amount.group(2)),
                amount_text=amount.group(0),
                dv_percent=_number(percent.group(1)) if percent else None,
                source=provenance([line]),
            )
        )
    return out


def find_nutrition_facts(lines: list[SourceLine], consumed: set[int]) -> NutritionFacts | None:
    start = _find_start(lines, consumed)
    if start is None:
        return None
    end = table_span(lines, start)
    table = [_without_bullets(line) for line in lines[start:end] if not line.blank]
    consumed.update(range(start, end))
    return _read_table(_wrapped_rows(_side_by_side_rows(_linear_rows(table))))


# Linear and horizontal formats (B.01.461 ff.) print the rows one after another, separated by commas: a line
# holding several amounts is cut into one row per nutrient before the rows are read.
_LINEAR_CUT = re.compile(
    r"(?<=[%\dgL)]),\s+(?=[^\d\s])|(?<=\)):\s+|(?<=%)\.\s+(?=\*)|\s(?=(?:per|pour|par)\s+\d)|\s(?=\+\s*trans)",
    re.I,
)


def _linear_rows(table: list[SourceLine]) -> list[SourceLine]:
    out: list[SourceLine] = []
    for line in table:
        if len(_AMOUNT.findall(line.text)) < 4:
            out.append(line)
            continue
        for piece in _LINEAR_CUT.split(line.raw or line.text):
            if piece.strip():
                out.append(make_line(line.panel, line.index, piece.strip(" ,;"), line.column))
    return out


# The horizontal formats (B.01.454 Part 4, B.01.455 Part 3) print two or three rows side by side, a wide gap
# between them: "Fat / Lipides 7 g   9 %      Carbohydrate / Glucides 26 g".
_WIDE = re.compile(r"\s{3,}")


def _side_by_side_rows(table: list[SourceLine]) -> list[SourceLine]:
    out: list[SourceLine] = []
    for line in table:
        pieces = [p for p in _WIDE.split(line.raw or "") if p.strip()]
        rows: list[str] = []
        for piece in pieces:
            starts_row = piece[:1].isalpha() or piece.lstrip()[:1] == "+"
            if (
                rows
                and starts_row
                and row_key(piece) is not None
                and _AMOUNT.search(piece)
                and _AMOUNT.search(rows[-1])
            ):
                rows.append(piece)
            elif rows:
                rows[-1] += "   " + piece
            else:
                rows.append(piece)
        if len(rows) < 2:
            out.append(line)
            continue
        out += [_without_bullets(make_line(line.panel, line.index, row.strip(), line.column)) for row in rows]
    return out


def _wrapped_rows(table: list[SourceLine]) -> list[SourceLine]:
    """Narrow formats wrap a row: "Carbohydrate /" over "Glucides 12 g", "Fat / Lipides" over "5 g 7 %", or the
    %DV of the trans row on the line below it. Such pieces are joined back into one row."""
    out: list[SourceLine] = []
    for line in table:
        if out and _continues(out[-1], line):
            previous = out.pop()
            joined = f"{previous.raw or previous.text} {line.raw or line.text}"
            out.append(_without_bullets(make_line(line.panel, previous.index, joined, previous.column)))
            continue
        out.append(line)
    return out


def _continues(previous: SourceLine, line: SourceLine) -> bool:
    key = row_key(previous.text)
    if key is None or _CALORIES.search(previous.text) or _FOOTNOTE.search(fold_same_length(line.text)):
        return False
    own = row_key(line.text)
    has_value = bool(_AMOUNT.search(line.text) or _PERCENT.search(line.text))
    if not _AMOUNT.search(previous.text) and not _PERCENT.search(previous.text):
        # a label alone: the next line holds its value, maybe after the label's other language
        return has_value and (own is None or own == key) and not _CALORIES.search(line.text)
    # a row with an amount but no %DV, and a line holding only a percentage
    only_percent = re.fullmatch(r"\W*\d+(?:[.,]\d+)?\s?%\W*", line.text) is not None
    return only_percent and not _PERCENT.search(previous.text)


def _read_table(table: list[SourceLine]) -> NutritionFacts:
    title_lines: list[SourceLine] = []
    serving_lines: list[SourceLine] = []
    footnote_lines: list[str] = []
    not_significant: list[str] = []
    other_language: list[str] = []
    unattached: list[str] = []
    nutrients: dict[str, NutrientValue] = {}
    servings_per: str | None = None
    calories: float | None = None
    calories_text = ""
    saturated: tuple[SourceLine, NutrientValue, float | None] | None = None
    seen_calories = False
    in_not_significant = False

    for line in table:
        text = line.text
        folded = fold_same_length(text)
        if _is_other_language(text):
            other_language.append(text)
        if NFT_TITLE.search(folded) and not seen_calories and not nutrients:
            title_lines.append(line)
            continue
        if _SERVINGS_PER.search(folded):
            servings_per = text
            continue
        if _FOOTNOTE.search(folded):
            footnote_lines.append(text)
            in_not_significant = False
            continue
        if _NOT_SIGNIFICANT.search(folded) or (in_not_significant and not _AMOUNT.search(text)):
            not_significant.append(text)
            in_not_significant = not text.rstrip().endswith(".")
            continue
        calorie_match = _CALORIES.search(text)
        if calorie_match:
            seen_calories = True
            calories = _number(calorie_match.group(1))
            calories_text = calorie_match.group(0).strip()
            kj = _KJ.search(text)
            if kj:
                nutrients["energy_kj"] = NutrientValue(
                    key="energy_kj",
                    label="kJ",
                    amount=_number(kj.group(1)),
                    unit="kJ",
                    amount_text=kj.group(0),
                    source=provenance([line]),
                )
            continue
        if not seen_calories and not nutrients and (_SERVING_LEAD.search(folded) or _METRIC_SERVING.search(text)):
            serving_lines.append(line)
            continue
        amount = _AMOUNT.search(text)
        first_percent = _PERCENT.search(text)
        label_end = amount.start() if amount else first_percent.start() if first_percent else len(text)
        label = text[:label_end].strip(" :*")
        key = row_key(label)
        if key is None:
            if label_end == 0 and not _DV_HEADER.search(folded) and not _KJ.search(text):
                unattached.append(text)  # a value on a line of its own: no row took it
            if _KJ.search(text) and "energy_kj" not in nutrients:
                kj = _KJ.search(text)
                assert kj is not None
                nutrients["energy_kj"] = NutrientValue(
                    key="energy_kj",
                    label=label,
                    amount=_number(kj.group(1)),
                    unit="kJ",
                    amount_text=kj.group(0),
                    source=provenance([line]),
                )
            continue
        percent = _PERCENT.search(text, amount.end() if amount else 0)
        dv = _number(percent.group(1)) if percent else None
        value = NutrientValue(
            key=key,
            label=label,
            amount=_number(amount.group(1)) if amount else None,
            unit=_unit(amount.group(2)) if amount else None,
            amount_text=amount.group(0) if amount else "",
            dv_percent=dv,
            source=provenance([line]),
        )
        both = re.search(r"saturat|satur", fold_same_length(label)) and re.search(r"trans", fold_same_length(label))
        if both:
            nutrients["saturated_plus_trans"] = value.model_copy(
                update={"key": "saturated_plus_trans", "amount": None, "unit": None, "amount_text": ""}
            )
            continue
        if key == "saturated_fat":
            saturated = (line, value.model_copy(update={"dv_percent": None}), dv)
            nutrients[key] = saturated[1]
            if dv is not None:
                nutrients["saturated_plus_trans"] = _combined(saturated[1], None, dv, [line])
            continue
        if key == "trans_fat":
            nutrients[key] = value.model_copy(update={"dv_percent": None})
            sat_line, sat_value, sat_dv = saturated if saturated else (None, None, None)
            combined_dv = dv if dv is not None else sat_dv
            if combined_dv is not None:
                source_lines = [x for x in (sat_line, line) if x is not None]
                nutrients["saturated_plus_trans"] = _combined(sat_value, nutrients[key], combined_dv, source_lines)
            continue
        if key not in nutrients:
            nutrients[key] = value

    title = " ".join(line.text for line in title_lines)
    folded_title = fold_same_length(title)
    title_languages: list[Language] = []
    if re.search(r"nutrition\s*facts?", folded_title):
        title_languages.append("en")
    if re.search(r"valeurs?\s*nutritives?", folded_title):
        title_languages.append("fr")
    serving_text = " / ".join(line.text for line in serving_lines)
    serving = _METRIC_SERVING.search(serving_text) or _METRIC_ANY.search(serving_text)
    unit = None
    if serving:
        unit = "mL" if serving.group(2).lower() == "ml" else serving.group(2)
    return NutritionFacts(
        title=title,
        title_languages=title_languages,
        serving_text=serving_text,
        serving_amount=_number(serving.group(1)) if serving else None,
        serving_unit=unit,
        servings_per_container=servings_per,
        calories=calories,
        calories_text=calories_text,
        nutrients=nutrients,
        dv_footnote="\n".join(footnote_lines),
        not_significant_source=" ".join(not_significant),
        other_language_text=other_language,
        unattached_values=unattached,
        source=provenance(table),
    )


def _combined(
    saturated: NutrientValue | None, trans: NutrientValue | None, dv: float, lines: list[SourceLine]
) -> NutrientValue:
    label = " ".join(x.label for x in (saturated, trans) if x is not None)
    return NutrientValue(key="saturated_plus_trans", label=label, dv_percent=dv, source=provenance(lines))
