"""A small lexicon-based language guesser for label lines: English, French, both, or another language.

Label text is short and full of food words, so general-purpose detectors guess badly on it; counting
function words and the food and labelling words that differ between English and French does better.
Words spelled the same in both languages (sodium, calcium, caramel) count for neither.

One guesser serves the parser, which tags facts, and the checkers, which ask again about a fact the parser left
"unknown". A checker would rather have a weak answer than none, so it may ask for the weak markers: words that
decide only when no word of the lists above does ("the", which folds to the same word as the French "thé"; unit
and statement words such as "grams" / "grammes", "irradié", "traité"). The parser does not use them, so the
language it gives a fact does not depend on them.

Imported foods often carry Spanish or Italian (less often German or Portuguese) beside English and French, and
the rules on a third language (none inside the Nutrition Facts table; every mandatory item in both official
languages) need those lines told apart. Three things keep a third language from passing for French:
- its labelling words ("conservar", "refrigerado", "ingredienti") count for "other";
- its function words ("el", "con", "di", "und") count half, so that a brand such as "Del Monte" or
  "Old El Paso" is not made foreign by one of them, and a line needs at least one word's worth of evidence
  to be "other";
- on a line with Spanish, Italian or Portuguese evidence, é, è, à and the other accents count for French
  only beside a French word those languages do not share ("de", "en", "la" are theirs too) or a spelling
  only French has ("ée", "crème", "être"), since those languages write the same accents.
Dish names borrowed into English and French ("salsa", "pesto", "pomodoro", "chili con carne", "queso",
"latte" aside, which was listed before) stay off the lists: they name foods on English and French labels.
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
    chewing gum peppermint spearmint mint candy candies confectionery cereal cheese yogurt meat poultry
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
    gomme macher menthe poivree bonbon bonbons confiserie fromage yogourt viande poulet boeuf cereales enrichies
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
    mantener mantengase conservar conservese consumase consumir consumirse refrigerado refrigerada refrigerador
    refrigeracion refrigerar congelado congelada congelar despues abrir abierto abrirse lugar seco
    preferentemente caducidad fecha vencimiento lote envasado elaborado fabricado importado distribuido producto
    hecho origen contenido neto peso avena barras galletas trigo sal ajo cebolla pimienta huevo huevos
    mantequilla nueces cacahuate cacahuates almendras avellanas girasol maiz arroz frijoles garbanzos lentejas
    pollo cerdo pavo pescado mariscos canela vainilla naranja manzana limon fresas verduras hortalizas frutas
    especias hierbas jugo zumo jarabe glucosa fructosa almidon modificado vinagre colorante conservador
    conservadores conservante emulsionante espesante saborizante sabor naturales trazas alergenos tambien
    conservare conservarsi frigorifero luogo asciutto dopo apertura consumare consumarsi entro preferibilmente
    scadenza giorni prodotto confezionato confezione lotto zucchero grano tenero semola uova uovo extravergine
    oliva aglio cipolla cipolle sedano carote formaggio tracce contenere frutta guscio senape soia
    arachidi nocciole mandorle aceto senza
    mehl eier haltbar mindestens lagern trocken enthalt spuren davon gesattigte fettsauren
    farinha leite ovos manteiga validade produzido pode conter contem
    """
)
# Function words of a third language, worth half a word each (see the module docstring). Words that are also
# English or French ("de", "la", "en", "in", "per", "non", "dos", "do", "il", "se") are left out, and so is
# "com", which every web address ends with.
_OTHER_FUNCTION = _words(
    """
    el los las del al con para sin una su sus es muy
    di lo gli della dello delle dei degli dell nel nella nell alla allo agli alle sull dal dalla da ed
    der und mit ohne oder nicht von aus kann
    sem uma ao
    """
)
# French words that Spanish, Italian or Portuguese spell the same: beside them an accent may be theirs.
_ROMANCE = _words("de la le en un ou non miel tomate tomates cacao soya")
# German words of the lists above: German writes no é or è, so they leave a French accent French.
_GERMAN = _words(
    """
    fett zucker eiweiss eiweiß kohlenhydrate salz nahrwerte ballaststoffe zutaten wasser milch mehl eier haltbar
    mindestens lagern trocken enthalt spuren davon gesattigte fettsauren der und mit ohne oder nicht von aus kann
    """
)
_SHARED = _EN & _FR  # words spelled the same in both languages tell nothing
_EN -= _SHARED
_FR -= _SHARED
_OTHER -= _EN | _FR
_OTHER_FUNCTION -= _EN | _FR | _OTHER

_WORD = re.compile(r"[a-zß]+")
_FR_ELISION = re.compile(r"\b(?:l|d|qu|n|s|c|j)'[a-z]")
_FR_ACCENTS = re.compile(r"[éèêàâçôûùîïœë]", re.IGNORECASE)
# A whole word, not a piece of a hyphenated one ("di-glycerides" is English).
_LONE_WORD = re.compile(r"(?<![-a-zß])[a-zß]+(?![-a-zß])")
# The Italian "e" (and) between two words, with the word before it. The lookbehind starts a match only at the
# start of a word, so each word is scanned once (without it a long word is rescanned from each of its letters).
_ITALIAN_AND = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,}) [eE] (?=[^\W\d_]{2})")
_NOT_CONJUNCTION = frozenset({"vitamin", "vitamine", "vitamins", "vitamines", "vit"})
_FOREIGN_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)
_OTHER_ACCENTS = re.compile(r"[ñáíóúãõäöüß¿¡]", re.IGNORECASE)
_ROMANCE_ACCENTS = re.compile(r"[ñáíóúãõ¿¡]", re.IGNORECASE)
# Spellings no Spanish or Italian word has: "ée" ("hydrolysée"), è inside a word ("crème"; the Italian è ends
# one: "caffè"), and the circumflex, diaeresis and œ.
_FR_MARKS = re.compile(r"ée|è(?=[^\W\d_])|[êâîûôëïœ]", re.IGNORECASE)
# Weak markers (see the module docstring); accents are folded, so "irradie" is also "irradié".
_EN_WEAK = frozenset({"the", "grams", "domestic"})
_FR_WEAK = frozenset({"gramme", "grammes", "irradie", "traite", "eleve"})


def language_scores(text: str) -> tuple[float, float, float]:
    """English, French and other-language evidence in the text, in word counts."""
    folded = fold(text)
    words = _WORD.findall(folded.replace("'", " "))
    en = float(sum(1 for w in words if w in _EN))
    fr = float(sum(1 for w in words if w in _FR)) + len(_FR_ELISION.findall(folded))
    other_words = [w for w in words if w in _OTHER]
    other_words += [w for w in _LONE_WORD.findall(folded.replace("'", " ")) if w in _OTHER_FUNCTION]
    ands = _italian_ands(text)
    other = float(sum(1 if w in _OTHER else 0.5 for w in other_words)) + 0.5 * ands
    other += 2 * len(_FOREIGN_SCRIPT.findall(text)) + len(_OTHER_ACCENTS.findall(text))
    romance = ands > 0 or _ROMANCE_ACCENTS.search(text) is not None or any(w not in _GERMAN for w in other_words)
    french = any(w in _FR and w not in _ROMANCE for w in words) or _FR_MARKS.search(text) is not None
    if french or not romance:  # é, è, à are Spanish and Italian too (see the module docstring)
        fr += 0.5 * min(3, len(_FR_ACCENTS.findall(text)))
    return en, fr, other


def _italian_ands(text: str) -> int:
    """A lone "e" between words is the Italian "and"; a single letter is left off the word lists, since
    "Vitamin E" and "vitamine E" would otherwise read as Italian."""
    return sum(1 for m in _ITALIAN_AND.finditer(text) if m.group(1).lower() not in _NOT_CONJUNCTION)


def weak_scores(text: str) -> tuple[float, float]:
    """English and French weak markers in the text, in word counts."""
    words = _WORD.findall(fold(text).replace("'", " "))
    return float(sum(1 for w in words if w in _EN_WEAK)), float(sum(1 for w in words if w in _FR_WEAK))


def guess_language(text: str, *, weak_markers: bool = False) -> Language:
    """'en', 'fr', 'bilingual' when both carry real weight, 'other' for a third language, else 'unknown'.

    With weak_markers, a text that no listed word places is placed by its weak markers, if it has any.
    """
    en, fr, other = language_scores(text)
    if other >= 1 and other >= max(en, fr):
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


def has_listed_words(text: str) -> bool:
    """Whether any word of the text is on the English or French word lists (accents alone do not count): an
    all-capitals "BORÉALE" or "RIVIÈRE-ROUGE" has accents but no food or labelling word, as a brand has none."""
    words = _WORD.findall(fold(text).replace("'", " "))
    return any(w in _EN or w in _FR for w in words) or bool(_FR_ELISION.search(fold(text)))


def has_language_words(text: str) -> bool:
    """Whether any word of the text marks English or French; "Spaghetti", "Tofu" and "Salsa" have none."""
    en, fr, _ = language_scores(text)
    return en > 0 or fr > 0 or any(weak_scores(text))
