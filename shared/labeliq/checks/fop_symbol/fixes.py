"""What to do about each front-of-package nutrition symbol finding (section 7), in English and French.

See labeliq.checks.common.advice. "High in / Élevé en" is the symbol's wording (FDR Schedule K.1).
"""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "7.1": Advice(
        title_fr="Date d'application : la disposition transitoire du DORS/2022-168 a pris fin le 2025-12-31, le "
        "symbole est donc obligatoire",
        fix='Add the "High in / Élevé en" nutrition symbol the food needs: the transition period is over.',
        fix_fr="Ajoutez le symbole nutritionnel « Élevé en / High in » que l'aliment exige : la période de "
        "transition est terminée.",
        question="On what date is the label judged (the symbol is mandatory from 2026-01-01)?",
        question_fr="À quelle date l'étiquette est-elle évaluée (le symbole est obligatoire depuis le 2026-01-01) ?",
    ),
    "7.2": Advice(
        title_fr="Symbole nutritionnel obligatoire lorsque le % VQ (portion indiquée ou quantité de référence, la "
        "plus élevée) atteint le seuil",
        fix='Add the "High in / Élevé en" symbol on the principal display panel for {term}, or reformulate below '
        "the threshold.",
        fix_fr="Ajoutez le symbole « Élevé en / High in » sur l'espace principal pour {term}, ou reformulez "
        "l'aliment sous le seuil.",
        question="What is the reference amount of this food (Table of Reference Amounts), and does {term} then meet "
        "the symbol's threshold?",
        question_fr="Quelle est la quantité de référence de cet aliment (Tableau des quantités de référence), et "
        "{term} atteint-il alors le seuil du symbole ?",
        subject="any nutrient",
        subject_fr="un élément nutritif",
    ),
    "7.6": Advice(
        title_fr="Produits à reconstituer dont la quantité de référence vise le produit préparé : utiliser la "
        "portion indiquée du produit préparé",
        fix="Compute the symbol thresholds on the prepared product's serving of stated size, and add the symbol if "
        "it is triggered.",
        fix_fr="Calculez les seuils du symbole sur la portion indiquée du produit préparé, et ajoutez le symbole "
        "s'il est déclenché.",
        question="Does the reference amount of this food refer to the prepared (reconstituted) product?",
        question_fr="La quantité de référence de cet aliment vise-t-elle le produit préparé (reconstitué) ?",
    ),
    "7.7": Advice(
        title_fr="Exemptions du symbole : contenants d'expédition, surface exposée disponible de moins de 15 cm², "
        "portions individuelles de restaurant, etc.",
        fix='Add the "High in / Élevé en" symbol: the exemption claimed does not apply.',
        fix_fr="Ajoutez le symbole « Élevé en / High in » : l'exemption invoquée ne s'applique pas.",
        question="Is this package exempt from the nutrition symbol (available display surface under 15 cm², "
        "shipping container, restaurant portion…)?",
        question_fr="Cet emballage est-il exempté du symbole nutritionnel (surface exposée disponible de moins de "
        "15 cm², contenant d'expédition, portion de restaurant…) ?",
    ),
    "7.10": Advice(
        title_fr="Exemptés sauf si un tableau de la valeur nutritive est obligatoire : boissons alcoolisées, viande "
        "crue à ingrédient unique, etc.",
        fix='Add the "High in / Élevé en" symbol: the food carries a Nutrition Facts table, so the exemption is lost.',
        fix_fr="Ajoutez le symbole « Élevé en / High in » : l'aliment porte un tableau de la valeur nutritive, "
        "l'exemption ne s'applique donc pas.",
        question="Is this food one of those exempt from the symbol unless a Nutrition Facts table is required?",
        question_fr="Cet aliment fait-il partie de ceux qui sont exemptés du symbole, sauf si un tableau de la "
        "valeur nutritive est obligatoire ?",
    ),
    "7.11": Advice(
        title_fr="Symbole interdit sur les aliments pour nourrissons de 6 à 12 mois, les succédanés de lait humain, "
        "etc.",
        fix="Remove the nutrition symbol: it is prohibited on this kind of food.",
        fix_fr="Retirez le symbole nutritionnel : il est interdit sur ce type d'aliment.",
        question="Is this food one on which the nutrition symbol is prohibited (foods for infants, human milk "
        "substitutes, …)?",
        question_fr="Cet aliment fait-il partie de ceux sur lesquels le symbole est interdit (aliments pour "
        "nourrissons, succédanés de lait humain, …) ?",
    ),
    "7.12": Advice(
        title_fr="Apparence : noir et blanc, selon l'annexe K.1 ; format bilingue horizontal ou vertical, ou deux "
        "symboles unilingues",
        fix="Print the symbol in black and white exactly as shown in Schedule K.1, in a bilingual format.",
        fix_fr="Imprimez le symbole en noir et blanc exactement comme à l'annexe K.1, dans un format bilingue.",
        question="Does the symbol match Schedule K.1 (black and white, format, dimensions)?",
        question_fr="Le symbole est-il conforme à l'annexe K.1 (noir et blanc, format, dimensions) ?",
    ),
    "7.13": Advice(
        title_fr="Le symbole n'énumère que les éléments nutritifs déclenchés, dans les combinaisons prescrites",
        fix="List in the symbol exactly the nutrients that meet the threshold, in the prescribed order; {term} does "
        "not belong there or is missing.",
        fix_fr="N'énumérez dans le symbole que les éléments nutritifs qui atteignent le seuil, dans l'ordre "
        "prescrit ; {term} n'y a pas sa place ou y manque.",
        question="Does the symbol name exactly the nutrients that meet their thresholds?",
        question_fr="Le symbole nomme-t-il exactement les éléments nutritifs qui atteignent leur seuil ?",
        subject="a nutrient",
        subject_fr="un élément nutritif",
    ),
    "7.14": Advice(
        title_fr="Emplacement : sur l'espace principal, dans la moitié droite si sa hauteur est inférieure à sa "
        "largeur, sinon dans la moitié supérieure",
        fix="Move the symbol to the principal display panel: its right half if the panel is wider than tall, "
        "otherwise its upper half.",
        fix_fr="Déplacez le symbole sur l'espace principal : dans la moitié droite s'il est plus large que haut, "
        "sinon dans la moitié supérieure.",
        question="Is the symbol in the right half (or upper half) of the principal display panel?",
        question_fr="Le symbole est-il dans la moitié droite (ou supérieure) de l'espace principal ?",
    ),
    "7.15": Advice(
        title_fr="Sur un espace principal portant un symbole pour X, aucune allégation nutritionnelle sur X qui "
        "contredirait le symbole",
        fix="Remove {term} from the principal display panel: it contradicts the symbol.",
        fix_fr="Retirez {term} de l'espace principal : elle contredit le symbole.",
        question="Does {term} concern a nutrient the symbol flags as high?",
        question_fr="{term} vise-t-elle un élément nutritif que le symbole signale comme élevé ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "7.16": Advice(
        title_fr="Taille des mentions liées à la santé sur l'espace principal : lettres au plus de la taille de "
        "celles du symbole",
        fix="Print {term} in letters no larger than those of the symbol.",
        fix_fr="Imprimez {term} en lettres pas plus grandes que celles du symbole.",
        question="Are the letters of {term} no larger than those of the symbol?",
        question_fr="Les lettres de {term} sont-elles au plus de la taille de celles du symbole ?",
        subject="the health-related representation",
        subject_fr="la mention liée à la santé",
    ),
    "7.17": Advice(
        title_fr="Les symboles qui imitent le symbole nutritionnel sont interdits",
        fix="Remove {term}: it could be mistaken for the nutrition symbol.",
        fix_fr="Retirez {term} : il pourrait être confondu avec le symbole nutritionnel.",
        question="Does the label carry any symbol or logo that could be mistaken for the nutrition symbol?",
        question_fr="L'étiquette porte-t-elle un symbole ou un logo qui pourrait être confondu avec le symbole "
        "nutritionnel ?",
        subject="the look-alike symbol",
        subject_fr="le symbole d'imitation",
    ),
}
