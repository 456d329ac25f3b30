"""What to do about each nutrient content or health claim finding (section 14), in English and French.

See labeliq.checks.common.advice. The Table of Permitted Nutrient Content Statements and Claims is named in full
(FR "Tableau des mentions et des allégations autorisées concernant la teneur nutritive"), never by its abbreviation.
"""

from labeliq.checks.common.advice import Advice

_TABLE = "the Table of Permitted Nutrient Content Statements and Claims"
_TABLE_FR = "le Tableau des mentions et des allégations autorisées concernant la teneur nutritive"

FIXES: dict[str, Advice] = {
    "14.A1": Advice(
        title_fr="Seules les allégations du Tableau des mentions et des allégations autorisées concernant la teneur "
        "nutritive sont permises",
        fix=f"Replace {{term}} with a claim worded as in {_TABLE}, or remove it.",
        fix_fr=f"Remplacez {{term}} par une allégation formulée comme dans {_TABLE_FR}, ou retirez-la.",
        question=f"Is {{term}} a claim permitted by {_TABLE}, and does the food meet its conditions?",
        question_fr=f"{{term}} est-elle une allégation autorisée par {_TABLE_FR}, et l'aliment en respecte-t-il les "
        "conditions ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.A2": Advice(
        title_fr="Tous les mots et chiffres d'une allégation ont la même taille et la même visibilité",
        fix="Print every word and number of {term} in the same size and prominence.",
        fix_fr="Imprimez tous les mots et chiffres de {term} avec la même taille et la même visibilité.",
        question="Are all words and numbers of {term} of the same size and prominence?",
        question_fr="Tous les mots et chiffres de {term} ont-ils la même taille et la même visibilité ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.A3": Advice(
        title_fr="Les renseignements d'accompagnement requis (colonne 3) sont adjacents à l'allégation, sans texte "
        "intercalé",
        fix="Place the required accompanying information (e.g. the comparison food and the difference) right next "
        "to {term}, with nothing in between.",
        fix_fr="Placez les renseignements d'accompagnement requis (p. ex. l'aliment de référence et l'écart) juste "
        "à côté de {term}, sans rien entre les deux.",
        question="Does the required accompanying information sit right next to {term}?",
        question_fr="Les renseignements d'accompagnement requis sont-ils juste à côté de {term} ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.A4": Advice(
        title_fr="« Très », « ultra », « extra » ou tout autre modificateur ne précède ni ne suit une allégation",
        fix='Remove the modifier ("very", "ultra", "extra" or the like) from {term}.',
        fix_fr="Retirez le modificateur (« très », « ultra », « extra » ou autre) de {term}.",
        question="Does {term} modify a nutrient content claim?",
        question_fr="{term} modifie-t-il une allégation relative à la teneur nutritive ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.A5": Advice(
        title_fr="Une allégation sur un aliment qui n'a pas été transformé pour y satisfaire (naturellement faible "
        "ou exempt) vise tous les aliments de ce type",
        fix='Reword {term} so that it refers to all foods of this kind (e.g. "Broccoli, a low fat food").',
        fix_fr="Reformulez {term} pour qu'elle vise tous les aliments de ce type (p. ex. « Le brocoli, un aliment "
        "faible en lipides »).",
        question="Was this food specially processed or formulated to meet {term}?",
        question_fr="Cet aliment a-t-il été spécialement transformé ou formulé pour satisfaire à {term} ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.A6": Advice(
        title_fr="Aliments destinés uniquement aux enfants de moins de 4 ans : seulement « source de protéines », etc.",
        fix="Remove {term}: on food solely for children under 4 only the protein, vitamin and mineral claims the "
        "FDR lists are allowed.",
        fix_fr="Retirez {term} : sur un aliment destiné uniquement aux enfants de moins de 4 ans, seules les "
        "allégations de protéines, de vitamines et de minéraux prévues au RAD sont permises.",
        question="Is this food intended solely for children under 4 years of age?",
        question_fr="Cet aliment est-il destiné uniquement aux enfants de moins de 4 ans ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.A7": Advice(
        title_fr="Toute allégation exige un tableau de la valeur nutritive qui déclare l'élément nutritif visé",
        fix="Declare {term} in the Nutrition Facts table, or remove the claim.",
        fix_fr="Déclarez {term} dans le tableau de la valeur nutritive, ou retirez l'allégation.",
        question="Does the Nutrition Facts table declare {term}?",
        question_fr="Le tableau de la valeur nutritive déclare-t-il {term} ?",
        subject="the claimed nutrient",
        subject_fr="l'élément nutritif visé",
    ),
    "14.A8": Advice(
        title_fr="Les allégations sont bilingues",
        fix="Give {term} in both English and French.",
        fix_fr="Donnez {term} en anglais et en français.",
        question="Is {term} shown in both English and French?",
        question_fr="{term} figure-t-elle en anglais et en français ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.A10": Advice(
        title_fr="« Non sucré » seulement si l'aliment satisfait à « sans sucres ajoutés » et ne contient aucun "
        "édulcorant",
        fix="Remove {term}: the food contains added sugars or a sweetener (named in the finding).",
        fix_fr="Retirez {term} : l'aliment contient des sucres ajoutés ou un édulcorant (nommés dans le constat).",
        question='Does the food contain added sugars or a sweetener, which rule out "unsweetened"?',
        question_fr="L'aliment contient-il des sucres ajoutés ou un édulcorant, ce qui exclut « non sucré » ?",
        subject='the "unsweetened" claim',
        subject_fr="l'allégation « non sucré »",
    ),
    "14.A11": Advice(
        title_fr="Les allégations de protéines des céréales à déjeuner visent 30 g de céréales et 125 mL de lait",
        fix="State the protein claim for 30 g of cereal with 125 mL of milk.",
        fix_fr="Formulez l'allégation de protéines pour 30 g de céréales avec 125 mL de lait.",
        question="Is this a breakfast cereal whose protein claim counts the milk?",
        question_fr="S'agit-il de céréales à déjeuner dont l'allégation de protéines inclut le lait ?",
    ),
    "14.A12": Advice(
        title_fr="« Léger » pour une caractéristique sensorielle nomme cette caractéristique",
        fix='Name the sensory characteristic next to {term} (e.g. "light in colour / couleur pâle"), or meet the '
        '"light" energy or fat criteria.',
        fix_fr="Nommez la caractéristique sensorielle à côté de {term} (p. ex. « couleur pâle »), ou respectez les "
        "critères de « léger » pour l'énergie ou les lipides.",
        question="Does {term} describe a sensory characteristic (taste, colour, texture) or the energy or fat content?",
        question_fr="{term} décrit-il une caractéristique sensorielle (goût, couleur, texture) ou la teneur en "
        "énergie ou en lipides ?",
        subject='"light"',
        subject_fr="« léger »",
    ),
    "14.A13": Advice(
        title_fr="Mentions de régime (régime à teneur réduite en énergie, régime hyposodique) permises seulement "
        "avec l'allégation correspondante",
        fix="Remove {term}, or make it together with the nutrient content claim it depends on.",
        fix_fr="Retirez {term}, ou présentez-la avec l'allégation relative à la teneur nutritive dont elle dépend.",
        question="Does the food meet the claim that {term} requires?",
        question_fr="L'aliment satisfait-il à l'allégation qu'exige {term} ?",
        subject="the diet representation",
        subject_fr="la mention de régime",
    ),
    "14.A14": Advice(
        title_fr="Allégations de vitamines ou de minéraux : l'élément a une valeur quotidienne et atteint au moins "
        "5 % de la VQ",
        fix="Remove {term}, or declare the vitamin or mineral at the level the claim requires in the Nutrition "
        "Facts table.",
        fix_fr="Retirez {term}, ou déclarez la vitamine ou le minéral au niveau qu'exige l'allégation dans le "
        "tableau de la valeur nutritive.",
        question="Does the food contain enough of the vitamin or mineral of {term} (per reference amount and serving)?",
        question_fr="L'aliment contient-il assez de la vitamine ou du minéral de {term} (par quantité de référence "
        "et par portion) ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.B": Advice(
        title_fr="Critères des allégations du Tableau des mentions et des allégations autorisées concernant la "
        "teneur nutritive",
        fix=f"Remove {{term}}, or reformulate so that the food meets the conditions of {_TABLE} for it.",
        fix_fr=f"Retirez {{term}}, ou reformulez l'aliment pour qu'il respecte les conditions de {_TABLE_FR}.",
        question=f"Does the food meet the conditions of {_TABLE} for {{term}} (per reference amount and serving)?",
        question_fr=f"L'aliment respecte-t-il les conditions de {_TABLE_FR} pour {{term}} (par quantité de "
        "référence et par portion) ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "14.C": Advice(
        title_fr="Allégations santé liées à l'alimentation : le tableau suivant le B.01.603",
        fix="Word {term} exactly as the table following FDR B.01.603 allows and meet its conditions, or remove it.",
        fix_fr="Formulez {term} exactement comme le permet le tableau suivant le B.01.603 du RAD et respectez-en "
        "les conditions, ou retirez-la.",
        question="Does the food meet the conditions of the diet-related health claim{quote}?",
        question_fr="L'aliment respecte-t-il les conditions de l'allégation santé{quote} ?",
        subject="the health claim",
        subject_fr="l'allégation santé",
    ),
}
