"""The sticker's ingredient lists and allergen statements, built from the translated foreign list.

Sugars-based ingredients are grouped under "Sugars" / "Sucres" as FDR B.01.008.3 requires (the same lexicon the
ingredient checker uses, ILT Annex 1), unless the one sugars-based ingredient has "sugar" in its name (4)(d). The
group is placed where its first member was: the source gives no weights, so the combined position may be earlier,
and the field says so. Allergen, gluten and sulphite sources are read from the translated lists with the checker's
own matcher (labeliq.checks.allergens_gluten.sources) and declared by their prescribed names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from labeliq.checks.allergens_gluten.sources import Lang, scan_list, source_specs, sulphites_named
from labeliq.checks.common.lexicons import has_sugar_word, sugars_kind
from labeliq.relabel.proposal import ForeignIngredient
from labeliq.relabel.translate import Translation


@dataclass
class TranslatedIngredient:
    en: str
    fr: str
    source: str
    translated: bool
    components: list[TranslatedIngredient] = field(default_factory=list)


@dataclass
class BuiltLists:
    en: str
    fr: str
    notes: list[str]
    untranslated: list[str]


def all_names(items: list[ForeignIngredient]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item.name)
        out.extend(all_names(item.components))
    return out


def translate_items(items: list[ForeignIngredient], table: dict[str, Translation]) -> list[TranslatedIngredient]:
    out = []
    for item in items:
        found = table.get(item.name)
        ok = found is not None and found.translated
        out.append(
            TranslatedIngredient(
                en=found.en if ok and found and found.en else item.name,
                fr=found.fr if ok and found and found.fr else item.name,
                source=item.printed,
                translated=ok,
                components=translate_items(item.components, table),
            )
        )
    return out


def _render(item: TranslatedIngredient, lang: Lang, top: bool) -> str:
    name = item.en if lang == "en" else item.fr
    if top:
        name = name[:1].upper() + name[1:]
    if item.components:
        inner = ", ".join(_render(c, lang, False) for c in item.components)
        return f"{name} ({inner})"
    return name


def _group_sugars(items: list[TranslatedIngredient]) -> tuple[list[TranslatedIngredient], list[str]]:
    sugars = [i for i in items if i.translated and sugars_kind(i.en, "en") == "sugar"]
    if not sugars or (len(sugars) == 1 and has_sugar_word(sugars[0].en)):
        return items, []
    members = [TranslatedIngredient(s.en.lower(), s.fr.lower(), s.source, True, s.components) for s in sugars]
    group = TranslatedIngredient("Sugars", "Sucres", "", True, members)
    out: list[TranslatedIngredient] = []
    for item in items:
        if item in sugars:
            if item is sugars[0]:
                out.append(group)
            continue
        out.append(item)
    note = (
        "Sugars-based ingredients grouped under Sugars / Sucres (FDR B.01.008.3): "
        + ", ".join(s.en for s in sugars)
        + ". The group is placed where its first member was; the source gives no weights, so check that the "
        "group's combined weight does not put it earlier in the list."
    )
    return out, [note]


def build_lists(items: list[ForeignIngredient], table: dict[str, Translation]) -> BuiltLists:
    translated = translate_items(items, table)
    grouped, notes = _group_sugars(translated)
    en = ", ".join(_render(i, "en", True) for i in grouped)
    fr = ", ".join(_render(i, "fr", True) for i in grouped)
    untranslated = [n for n in all_names(items) if not (table.get(n) and table[n].translated)]
    return BuiltLists(en=en + ".", fr=fr + ".", notes=notes, untranslated=untranslated)


@dataclass
class Declared:
    """Sources to declare, with their prescribed names in English and French."""

    keys: list[str]
    en: list[str]
    fr: list[str]


def prescribed(keys: list[str]) -> Declared:
    specs = source_specs()
    ordered = [k for k in dict.fromkeys(keys) if k in specs and not k.endswith(":*")]
    return Declared(ordered, [specs[k].display("en") for k in ordered], [specs[k].display("fr") for k in ordered])


def sources_in(text_en: str, text_fr: str) -> tuple[list[str], list[str]]:
    """Source keys the English and the French texts reveal, and sulphites named (English)."""
    keys = [d.key for d in scan_list(text_en, "en").sources]
    keys += [d.key for d in scan_list(text_fr, "fr").sources if d.key not in keys]
    return keys, sulphites_named(text_en, "en")
