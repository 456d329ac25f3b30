"""A small lexicon-based language guesser for label lines: English, French, both, or another language.

Label text is short and full of food words, so general-purpose detectors guess badly on it; counting
function words and the food and labelling words that differ between English and French does better.
Words spelled the same in both languages (sodium, calcium, caramel) count for neither.

One guesser serves the parser, which tags facts, and the checkers, which ask again about a fact the parser left
"unknown". A checker would rather have a weak answer than none, so it may ask for the weak markers: words that
decide only when no word of the lists above does ("the", which folds to the same word as the French "thé"; unit
and statement words such as "grams" / "grammes", "irradié", "traité"). The parser does not use them, so the
language it gives a fact does not depend on them.
"""

from __future__ import annotations

import re

from labeliq.models import Language
from labeliq.text import fold


def _words(text: str) -> set[str]:
    return set(text.split())


_EN = _words(
    """
    the and or of with in on for to from by a an is are be this that these it its as at not no all per may
    contains contain ingredients ingredient best before packaged expiry use keep store refrigerated
    refrigerate frozen freeze after opening once opened dry cool place product made imported distributed
    manufactured packed prepared nutrition facts daily value serving size servings amount fat saturated
    saturates trans cholesterol carbohydrate carbohydrates fibre fiber sugars sugar protein iron total
    calories energy source good excellent high low free reduced light less more added healthy diet risk reduce
    heart disease water salt yeast flour wheat whole grain oats oat rolled honey brown syrup rice crisp
    sunflower oil almonds milk powder soy lecithin natural flavour flavor spices spice onion onions dried
    cheese bacterial culture enzyme microbial chloride extract malt barley tomato tomatoes paste citric acid
    soup bars bar crackers cracker granola cheddar butter cream eggs egg peanuts peanut nuts tree sesame
    mustard fish shellfish corn starch modified vinegar garlic pepper black sea lemon juice concentrate orange
    apple beans chickpeas lentils peas chicken beef pork turkey smoked roasted toasted baked sweet sweetened
    unsweetened canola olive palm vegetable vegetables fruit fruits berries strawberries blueberries
    raspberries cinnamon vanilla chocolate cocoa coconut dark mixed crushed ground sliced diced chopped fresh
    frozen cup cups tbsp tsp pieces piece package container about little lot or less than contains see bottom
    side lid top certified organic halal kosher gluten allergen health helps help maintain promotes
    supports body good quality sauce pasta wheat semolina durum biscuits cookies cereal flakes sparkling
    mineral spring tea coffee peel dehydrated sulphur sulfur dioxide sulphites sulfites persons
    phenylketonuria contains phenylalanine aspartame sweet as tablespoon teaspoon polydextrose irradiated
    treated radiation italy product packed distributed imported by for
    """
)
_FR = _words(
    """
    le la les de du des d l un une et ou en au aux avec sans pour par sur dans est sont ce cette ces peut
    contenir contient ingredients meilleur avant empaquete emballe employez garder conserver refrigere
    refrigerer congele congeler apres ouverture endroit frais sec fabrique importe distribue prepare produit
    valeur nutritive quotidienne portion portions lipides satures glucides fibres sucres proteines fer total
    calories teneur elevee elevee faible reduite source excellente bonne riche leger alimentation saine risque
    reduire maladies coeur eau sel levure farine ble entier entiers grains avoine flocons miel cassonade sirop
    riz croustillant tournesol huile amandes lait poudre soya lecithine arome naturel naturelle naturels
    epices oignon oignons deshydrate fromage culture bacterienne enzyme microbienne chlorure extrait malt orge
    tomate tomates pate acide citrique soupe barre barres craquelins beurre creme oeufs oeuf arachides noix
    sesame moutarde poisson crustaces mais amidon modifie vinaigre ail poivre noir mer citron jus concentre
    pomme haricots pois chiches lentilles poulet boeuf porc dinde fume grille rotie sucre sucree non legumes
    fruit fruits petits baies fraises bleuets framboises cannelle vanille chocolat cacao noix coco fonce
    melange broye moulu tranche coupe frais congele tasse tasses c soupe the morceaux morceau emballage
    contenant environ peu beaucoup moins voir fond cote couvercle dessus certifie biologique halal casher
    gluten sante aide maintenir favorise contribue corps sauce pates semoule biscuits cereales petillante
    minerale source cafe zeste anhydride sulfureux sulfites personnes phenylcetonurie phenylalanine aspartame
    aussi que cuillere cuilleres italie importe poids net canadiens importes partir
    """
)
_OTHER = _words(
    """
    grasa grasas saturada saturadas calorias galletas por colesterol sodio carbohidratos hidratos carbono
    fibra azucares azucar proteinas proteina potasio calcio hierro informacion nutricional porcion porciones
    valor diario tamano ingredientes contiene puede contener harina agua leche aceite grassi zuccheri proteine
    sale carboidrati valori nutrizionali ingredienti acqua latte olio fett zucker eiweiss eiweiß kohlenhydrate
    salz nahrwerte ballaststoffe zutaten wasser milch gorduras acucares informacao sodio proteinas
    ingredientes
    """
)
_SHARED = _EN & _FR  # words spelled the same in both languages tell nothing
_EN -= _SHARED
_FR -= _SHARED
_OTHER -= _EN | _FR

_WORD = re.compile(r"[a-zß]+")
_FR_ELISION = re.compile(r"\b(?:l|d|qu|n|s|c|j)'[a-z]")
_FR_ACCENTS = re.compile(r"[éèêàâçôûùîïœë]", re.IGNORECASE)
_FOREIGN_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)
_OTHER_ACCENTS = re.compile(r"[ñáíóúãõäöüß¿¡]", re.IGNORECASE)
# Weak markers (see the module docstring); accents are folded, so "irradie" is also "irradié".
_EN_WEAK = frozenset({"the", "grams", "domestic"})
_FR_WEAK = frozenset({"gramme", "grammes", "irradie", "traite", "eleve"})


def language_scores(text: str) -> tuple[float, float, float]:
    """English, French and other-language evidence in the text, in word counts."""
    folded = fold(text)
    words = _WORD.findall(folded.replace("'", " "))
    en = float(sum(1 for w in words if w in _EN))
    fr = float(sum(1 for w in words if w in _FR))
    other = float(sum(1 for w in words if w in _OTHER))
    fr += len(_FR_ELISION.findall(folded)) + 0.5 * min(3, len(_FR_ACCENTS.findall(text)))
    other += 2 * len(_FOREIGN_SCRIPT.findall(text)) + len(_OTHER_ACCENTS.findall(text))
    return en, fr, other


def weak_scores(text: str) -> tuple[float, float]:
    """English and French weak markers in the text, in word counts."""
    words = _WORD.findall(fold(text).replace("'", " "))
    return float(sum(1 for w in words if w in _EN_WEAK)), float(sum(1 for w in words if w in _FR_WEAK))


def guess_language(text: str, *, weak_markers: bool = False) -> Language:
    """'en', 'fr', 'bilingual' when both carry real weight, 'other' for a third language, else 'unknown'.

    With weak_markers, a text that no listed word places is placed by its weak markers, if it has any.
    """
    en, fr, other = language_scores(text)
    if other > 0 and other >= max(en, fr):
        return "other"
    if en == 0 and fr == 0 and weak_markers:
        en, fr = weak_scores(text)
    if en == 0 and fr == 0:
        return "unknown"
    if en > 0 and fr > 0 and min(en, fr) / max(en, fr) >= 0.4 and min(en, fr) >= 1:
        return "bilingual"
    return "en" if en > fr else "fr" if fr > en else "bilingual"


def is_other_language(text: str) -> bool:
    return guess_language(text) == "other"


def has_language_words(text: str) -> bool:
    """Whether any word of the text marks English or French; "Spaghetti", "Tofu" and "Salsa" have none."""
    en, fr, _ = language_scores(text)
    return en > 0 or fr > 0 or any(weak_scores(text))
