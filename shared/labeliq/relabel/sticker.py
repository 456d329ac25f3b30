"""build_relabel: a foreign label's facts and the product context in, the proposed Canadian sticker out.

Pure (the translator is the only edge): the jobs API and the CLI call the same function. A field that cannot be
made (no source text, no context key) is still present, empty, with a note saying what is missing, so the reviewer
sees the gap instead of a shorter sticker.
"""

from __future__ import annotations

from labeliq.models import ProductContext, Provenance
from labeliq.relabel.ingredients_list import all_names, build_lists, prescribed, sources_in
from labeliq.relabel.nutrition_convert import ConversionError, convert
from labeliq.relabel.proposal import ConvertedNutrition, ForeignFacts, ForeignIngredient, RelabelProposal, StickerField
from labeliq.relabel.translate import Translation, Translator
from labeliq.relabel.units import canadian_date, read_date
from labeliq.relabel.vocabulary import country, rfold

NAME_NOTE = (
    "The common name is a proposal: a person must confirm it is the food's common name in Canada (a prescribed "
    "name, or the name by which it is generally known; FDR B.01.001, SFCR 218) before approving it."
)


def _field(
    key: str,
    en: str,
    fr: str,
    source_text: str,
    provenance: list[Provenance],
    *,
    machine_made: bool = True,
    notes: list[str] | None = None,
    untranslated: list[str] | None = None,
) -> StickerField:
    notes = list(notes or [])
    untranslated = list(untranslated or [])
    if untranslated:
        notes.append("Left untranslated (not in the glossary; a person must translate): " + ", ".join(untranslated))
    return StickerField(
        key=key,
        en=en,
        fr=fr,
        source_text=source_text,
        provenance=provenance,
        machine_made=machine_made,
        needs_person=bool(notes) or key == "common_name",
        notes=notes,
        untranslated=untranslated,
    )


def _translations(translator: Translator, terms: list[str], language: str) -> dict[str, Translation]:
    unique = list(dict.fromkeys(t for t in terms if t.strip()))
    return {t.source: t for t in translator.translate(unique, language)} if unique else {}


def build_relabel(facts: ForeignFacts, context: ProductContext, translator: Translator) -> RelabelProposal:
    lang = facts.language
    emphasis = [w for item in facts.ingredient_items for w in _emphasis(item)]
    names = [n.text for n in facts.names]
    terms = [
        *names,
        *all_names(facts.ingredient_items),
        *facts.contains_items,
        *facts.may_contain_items,
        *emphasis,
        *(s.text for s in facts.storage),
    ]
    table = _translations(translator, terms, lang)
    unsettled: list[str] = []
    fields: dict[str, StickerField] = {}

    fields["common_name"] = _common_name(facts, table)
    fields["net_quantity"] = _net_quantity(facts)
    ingredients, contains, may_contain = _ingredients_and_allergens(facts, table, emphasis)
    fields["ingredients"], fields["contains"], fields["may_contain"] = ingredients, contains, may_contain
    nutrition, nft_field = _nutrition(facts, context)
    fields["nutrition_facts"] = nft_field
    fields["best_before"] = _best_before(facts)
    fields["storage"] = _storage(facts, table)
    fields["origin"] = _origin(facts, context)
    fields["imported_by"] = _imported_by(context)

    untranslated = sorted({t for f in fields.values() for t in f.untranslated})
    for item in fields.values():
        unsettled.extend(f"{item.key}: {note}" for note in item.notes if item.key != "common_name")
    unsettled.append(f"common_name: {NAME_NOTE}")
    errors = getattr(translator, "errors", [])
    unsettled.extend(f"translation: {e}" for e in errors)
    return RelabelProposal(
        source_language=lang,
        source_language_name=facts.language_name,
        translator=translator.name,
        source_facts=facts,
        fields=fields,
        nutrition=nutrition,
        untranslated_terms=untranslated,
        unsettled=unsettled,
    )


def _emphasis(item: ForeignIngredient) -> list[str]:
    return [*item.emphasised, *(w for c in item.components for w in _emphasis(c))]


def _common_name(facts: ForeignFacts, table: dict[str, Translation]) -> StickerField:
    known = [n for n in facts.names if (t := table.get(n.text)) is not None and t.translated]
    if known:
        chosen = known[-1]  # the fullest legal name is printed last, under the brand and the fancy name
        found = table[chosen.text]
        return _field(
            "common_name",
            (found.en or "")[:1].upper() + (found.en or "")[1:],
            (found.fr or "")[:1].upper() + (found.fr or "")[1:],
            chosen.text,
            [chosen.source],
            notes=[NAME_NOTE],
        )
    candidates = " | ".join(n.text for n in facts.names) or "(no name read on the front panel)"
    return _field(
        "common_name",
        "",
        "",
        candidates,
        [n.source for n in facts.names],
        notes=[NAME_NOTE, "No line of the front panel could be translated: a person must write the common name."],
        untranslated=[n.text for n in facts.names],
    )


def _net_quantity(facts: ForeignFacts) -> StickerField:
    quantity = facts.net_quantity
    if quantity is None:
        return _field("net_quantity", "", "", "", [], notes=["No net quantity was read on the foreign label."])
    value = f"{quantity.amount:g} {quantity.unit}"
    notes = []
    if quantity.converted_from:
        notes.append(f"Converted from {quantity.converted_from} and stated to three significant figures.")
    return _field("net_quantity", value, value, quantity.text, [quantity.source], notes=notes)


def _ingredients_and_allergens(
    facts: ForeignFacts, table: dict[str, Translation], emphasis: list[str]
) -> tuple[StickerField, StickerField, StickerField]:
    source = facts.ingredients
    if source is None:
        missing = ["No ingredient list was read on the foreign label."]
        empty = _field("ingredients", "", "", "", [], notes=missing)
        return empty, _field("contains", "", "", "", [], notes=missing), _may_contain(facts, table)
    built = build_lists(facts.ingredient_items, table)
    ingredients = _field(
        "ingredients",
        f"Ingredients: {built.en}",
        f"Ingrédients : {built.fr}",
        source.text,
        [source.source],
        notes=built.notes,
        untranslated=built.untranslated,
    )
    keys, sulphites = sources_in(built.en, built.fr)
    notes: list[str] = []
    for word in [*emphasis, *facts.contains_items]:
        found = table.get(word)
        if found is None or not found.translated:
            continue
        extra, _ = sources_in(found.en or "", found.fr or "")
        for key in extra:
            if key not in keys:
                keys.append(key)
                notes.append(f"'{word}' (emphasised or declared on the source) adds {key}; check the list names it.")
    declared = prescribed(keys)
    en_items, fr_items = list(declared.en), list(declared.fr)
    if sulphites:
        en_items.append("Sulphites")
        fr_items.append("Sulfites")
    source_text = " ".join(t for t in ((facts.contains.evidence if facts.contains else ""), ", ".join(emphasis)) if t)
    provenance = [source.source] + ([facts.contains.source] if facts.contains else [])
    if en_items:
        contains = _field(
            "contains",
            "Contains: " + ", ".join(en_items) + ".",
            "Contient : " + ", ".join(fr_items) + ".",
            source_text or source.text,
            provenance,
            notes=notes,
        )
    else:
        contains = _field("contains", "", "", source_text, provenance, notes=notes)
    return ingredients, contains, _may_contain(facts, table)


def _may_contain(facts: ForeignFacts, table: dict[str, Translation]) -> StickerField:
    statement = facts.may_contain
    if statement is None:
        return _field("may_contain", "", "", "", [])
    keys: list[str] = []
    notes: list[str] = []
    untranslated: list[str] = []
    for item in facts.may_contain_items:
        found = table.get(item)
        if found is not None and found.status == "not_prescribed":
            notes.append(
                f"'{item}' names a group with no Canadian prescribed name (each tree nut, fish or shellfish is "
                "named individually): ask the supplier which ones and add them."
            )
            continue
        if found is None or not found.translated:
            untranslated.append(item)
            continue
        revealed, _ = sources_in(found.en or "", found.fr or "")
        if not revealed:
            notes.append(
                f"'{item}' ({found.en}) is not a Canadian priority allergen, gluten source or sulphite: it is not "
                "carried over to the precautionary statement."
            )
        keys.extend(k for k in revealed if k not in keys)
    declared = prescribed(keys)
    en = ("May contain: " + ", ".join(declared.en) + ".") if declared.en else ""
    fr = ("Peut contenir : " + ", ".join(declared.fr) + ".") if declared.fr else ""
    return _field("may_contain", en, fr, statement.evidence, [statement.source], notes=notes, untranslated=untranslated)


def _nutrition(facts: ForeignFacts, context: ProductContext) -> tuple[ConvertedNutrition | None, StickerField]:
    table = facts.nutrition
    if table is None:
        return None, _field("nutrition_facts", "", "", "", [], notes=["No nutrition declaration was read."])
    notes: list[str] = []
    try:
        converted = convert(table, context)
    except ConversionError as exc:
        return None, _field("nutrition_facts", "", "", table.title, [table.source], notes=[f"Not converted: {exc}."])
    if converted.not_declared:
        notes.append(
            "Not declared on the source label and not given as supplier data, so not computed (never invented): "
            + ", ".join(converted.not_declared)
            + ". Ask the supplier, or give supplier_nutrients_per_100 in the context."
        )
    if not converted.serving_household_en:
        notes.append("The serving's household measure (e.g. 1/2 cup) is not known: give serving_household_measure.")
    if table.serving_metric_converted:
        notes.append(
            f"The source serving '{table.serving_text}' was converted to metric (1 cup = 240 mL, 1 oz = 28.35 g)."
        )
    if converted.dropped:
        notes.append("Rows of the source not shown on a Canadian core table: " + ", ".join(converted.dropped) + ".")
    if any(r.origin == "supplier" for r in converted.rows):
        notes.append("Rows marked 'supplier' come from the supplier's data in the context, not from the label.")
    metric_size = f"({converted.serving_amount:g} {converted.serving_unit})"
    en = f"Nutrition Facts per {converted.serving_household_en or 'serving'} {metric_size}"
    fr = f"Valeur nutritive pour {converted.serving_household_fr or 'portion'} {metric_size}"
    field = _field("nutrition_facts", en, fr, table.title, [table.source], notes=notes)
    return converted, field


def _best_before(facts: ForeignFacts) -> StickerField:
    mark = facts.best_before
    if mark is None:
        return _field("best_before", "", "", "", [], notes=["No date of minimum durability was read."])
    read = read_date(mark.date_text or mark.words, month_first=facts.language == "en")
    if read is None:
        return _field("best_before", "", "", mark.words, [mark.source], notes=["The date could not be read."])
    code = canadian_date(read.date)
    notes = []
    if not read.day_printed:
        notes.append(f"Only the month and year were printed: the last day of the month ({read.date}) is proposed.")
    return _field(
        "best_before", f"Best before {code}", f"Meilleur avant {code}", mark.words, [mark.source], notes=notes
    )


def _storage(facts: ForeignFacts, table: dict[str, Translation]) -> StickerField:
    if not facts.storage:
        return _field("storage", "", "", "", [])
    en, fr, untranslated = [], [], []
    for sentence in facts.storage:
        found = table.get(sentence.text)
        if found is None or not found.translated:
            untranslated.append(sentence.text)
            continue
        en.append(found.en or "")
        fr.append(found.fr or "")
    source = " ".join(s.text for s in facts.storage)
    return _field(
        "storage", " ".join(en), " ".join(fr), source, [s.source for s in facts.storage], untranslated=untranslated
    )


def _origin(facts: ForeignFacts, context: ProductContext) -> StickerField:
    printed = facts.origin.text if facts.origin else ""
    found = None
    if facts.origin is not None:
        words = rfold(printed).replace(":", " ").split()
        for size in range(len(words), 0, -1):  # the longest run of words that names a country
            for start in range(0, len(words) - size + 1):
                found = found or country(" ".join(words[start : start + size]))
    if found is None and context.country_of_origin:
        found = country(context.country_of_origin)
    if found is None:
        return _field(
            "origin",
            "",
            "",
            printed,
            [facts.origin.source] if facts.origin else [],
            notes=["The country of origin could not be read: give country_of_origin in the context."],
        )
    notes = []
    if context.country_of_origin and country(context.country_of_origin) not in (None, found):
        notes.append(f"The label says '{printed}' but the context says '{context.country_of_origin}'.")
    return _field(
        "origin",
        f"Product of {found['en']}",
        f"Produit {found['fr_of']}",
        printed or f"context country_of_origin: {context.country_of_origin}",
        [facts.origin.source] if facts.origin else [],
        notes=notes,
    )


def _imported_by(context: ProductContext) -> StickerField:
    dealer = context.canadian_dealer
    if dealer is None:
        return _field(
            "imported_by",
            "",
            "",
            "",
            [],
            machine_made=False,
            notes=["The Canadian importer is not known: give canadian_dealer {name, address} in the context."],
        )
    text = f"{dealer.name}, {dealer.address}"
    return _field(
        "imported_by",
        f"Imported by: {text}",
        f"Importé par : {text}",
        "context canadian_dealer",
        [],
        machine_made=False,
    )
