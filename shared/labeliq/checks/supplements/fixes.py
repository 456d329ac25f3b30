"""What to do about each supplemented-food finding (section 12), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "12.1": Advice(
        title_fr="Aliment supplémenté : tableau tableau des renseignements sur les aliments supplémentés au lieu du "
        "tableau de la valeur nutritive",
        fix='Replace the Nutrition Facts table with a "Supplemented Food Facts / Info-aliment supplémenté" table '
        "that declares each supplemental ingredient.",
        fix_fr="Remplacez le tableau de la valeur nutritive par un tableau « Info-aliment supplémenté / "
        "Supplemented Food Facts » qui déclare chaque ingrédient supplémentaire.",
        question="Does this food contain added supplemental ingredients (vitamins, minerals, amino acids, caffeine, "
        "other ingredients of the List of Permitted Supplemental Ingredients)?",
        question_fr="Cet aliment contient-il des ingrédients supplémentaires ajoutés (vitamines, minéraux, acides "
        "aminés, caféine, autres ingrédients de la Liste des ingrédients supplémentaires autorisés) ?",
    ),
    "12.2": Advice(
        title_fr="Les mises en garde (colonne 4 de la liste) figurent dans une liste intitulée « Mises en garde »",
        fix='Group the cautionary statements under the title "Cautions / Mises en garde", including {term}.',
        fix_fr="Groupez les mises en garde sous le titre « Mises en garde / Cautions », y compris {term}.",
        question="Does the caution list hold every cautionary statement the supplemental ingredients require?",
        question_fr="La liste des mises en garde contient-elle chaque mise en garde qu'exigent les ingrédients "
        "supplémentaires ?",
        subject="the missing caution",
        subject_fr="la mise en garde manquante",
    ),
    "12.3": Advice(
        title_fr="La liste des mises en garde est adjacente au tableau des renseignements sur les aliments "
        "supplémentés de la même langue",
        fix="Move the caution list right next to the Supplemented Food Facts table of the same language, with "
        "nothing in between.",
        fix_fr="Placez la liste des mises en garde juste à côté du tableau des renseignements sur les aliments "
        "supplémentés de la même "
        "langue, sans rien entre les deux.",
        question="Is the caution list right next to the Supplemented Food Facts table of the same language?",
        question_fr="La liste des mises en garde est-elle juste à côté du tableau des renseignements sur les aliments "
        "supplémentés de la "
        "même langue ?",
    ),
    "12.4": Advice(
        title_fr="Certains ingrédients supplémentaires exigent des mises en garde à toute dose, d'autres au-delà "
        "d'un seuil",
        fix="Add the cautionary statement that {term} requires at its declared amount.",
        fix_fr="Ajoutez la mise en garde qu'exige {term} à la quantité déclarée.",
        question="Does the amount of {term} trigger a cautionary statement?",
        question_fr="La quantité de {term} exige-t-elle une mise en garde ?",
        subject="the supplemental ingredient",
        subject_fr="l'ingrédient supplémentaire",
    ),
    "12.5": Advice(
        title_fr="Identifiant des aliments supplémentés avec mise en garde (annexe K.2) obligatoire sur l'espace "
        "principal lorsqu'il y a "
        "une mise en garde",
        fix="Show the caution identifier (Schedule K.2) on the principal display panel whenever the label has "
        "cautionary statements, and only then.",
        fix_fr="Apposez l'identifiant des aliments supplémentés avec mise en garde (annexe K.2) sur l'espace "
        "principal lorsque "
        "l'étiquette porte des mises en garde, et seulement dans ce cas.",
        question="Does the principal display panel carry the supplemented food caution identifier?",
        question_fr="L'espace principal porte-t-il l'identifiant des aliments supplémentés avec mise en garde ?",
    ),
    "12.6": Advice(
        title_fr="Aliments avec mises en garde : pas d'allégation générale de « maintien d'une bonne santé » pour un "
        "ingrédient qui a une mise en garde",
        fix="Remove {term}: no general health-maintenance claim for an ingredient with a caution.",
        fix_fr="Retirez {term} : aucune allégation générale de maintien de la santé pour un ingrédient assorti "
        "d'une mise en garde.",
        question="Does {term} promise general maintenance of good health for an ingredient with a caution?",
        question_fr="{term} allègue-t-elle le maintien d'une bonne santé pour un ingrédient assorti d'une mise en "
        "garde ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "12.7": Advice(
        title_fr="Mentions liées à la santé sur un aliment supplémenté avec mises en garde : lettres au plus deux "
        "fois celles de l'identifiant",
        fix="Print {term} in letters no more than twice the height of the caution identifier's letters.",
        fix_fr="Imprimez {term} en lettres au plus deux fois plus hautes que celles de l'identifiant.",
        question="Are the letters of {term} at most twice the height of the caution identifier's letters?",
        question_fr="Les lettres de {term} ont-elles au plus deux fois la hauteur de celles de l'identifiant ?",
        subject="the health-related representation",
        subject_fr="la mention liée à la santé",
    ),
    "12.8": Advice(
        title_fr="Un produit non supplémenté qui contient un aliment supplémenté comme ingrédient est falsifié",
        fix="Remove the supplemented food {term} from the ingredients, or label the product as a supplemented food.",
        fix_fr="Retirez l'aliment supplémenté {term} des ingrédients, ou étiquetez le produit comme aliment "
        "supplémenté.",
        question="Is {term} a supplemented food used as an ingredient?",
        question_fr="{term} est-il un aliment supplémenté employé comme ingrédient ?",
        subject="ingredient",
        subject_fr="ingrédient",
    ),
    "12.9": Advice(
        title_fr="Les règles du symbole nutritionnel s'appliquent aux aliments supplémentés",
        fix='Add the "High in / Élevé en" symbol the supplemented food needs.',
        fix_fr="Ajoutez le symbole « Élevé en / High in » que l'aliment supplémenté exige.",
        question="Does this supplemented food meet a nutrition symbol threshold?",
        question_fr="Cet aliment supplémenté atteint-il un seuil du symbole nutritionnel ?",
    ),
    "12.10": Advice(
        title_fr="Transition : les dispositions transitoires du DORS/2022-169 ont pris fin le 2025-12-31",
        fix="Bring the label into full compliance with the supplemented food rules: the transition period is over.",
        fix_fr="Rendez l'étiquette entièrement conforme aux règles sur les aliments supplémentés : la période de "
        "transition est terminée.",
        question="On what date is the label judged (the transition ended on 2025-12-31)?",
        question_fr="À quelle date l'étiquette est-elle évaluée (la transition a pris fin le 2025-12-31) ?",
    ),
    "12.11": Advice(
        title_fr="Petits emballages (moins de 100 cm²) : le tableau des renseignements sur les aliments supplémentés "
        "peut être remplacé par "
        "un moyen d'obtenir l'information",
        fix="Add the Supplemented Food Facts table, or the way to obtain it, as the small-package rules allow.",
        fix_fr="Ajoutez le tableau des renseignements sur les aliments supplémentés, ou le moyen de l'obtenir, comme "
        "le permettent les "
        "règles sur les petits emballages.",
        question="Is the available display surface of this package under 100 cm²?",
        question_fr="La surface exposée disponible de cet emballage est-elle inférieure à 100 cm² ?",
    ),
}
