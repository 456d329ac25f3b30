"""What to do about each Nutrition Facts table finding (section 10), in English and French.

See labeliq.checks.common.advice. The table is "Nutrition Facts / Valeur nutritive"; % DV is "% valeur quotidienne".
"""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "10.A1": Advice(
        title_fr="Tableau de la valeur nutritive obligatoire sur les produits préemballés, sauf exemption",
        fix='Add a "Nutrition Facts / Valeur nutritive" table in one of the formats of the Directory of Nutrition '
        "Facts Table Formats.",
        fix_fr="Ajoutez un tableau « Valeur nutritive / Nutrition Facts » dans l'un des modèles du Répertoire des "
        "modèles de tableaux de la valeur nutritive.",
        question="Is this food exempt from the Nutrition Facts table (FDR B.01.401(2))?",
        question_fr="Cet aliment est-il exempté du tableau de la valeur nutritive (B.01.401(2) du RAD) ?",
    ),
    "10.A2": Advice(
        title_fr="L'exemption est perdue si des vitamines ou minéraux sont ajoutés, ou si une allégation est faite",
        fix="Add the Nutrition Facts table: {term} removes the exemption.",
        fix_fr="Ajoutez le tableau de la valeur nutritive : {term} fait perdre l'exemption.",
        question="Does {term} remove the food's exemption from the Nutrition Facts table?",
        question_fr="{term} fait-il perdre à l'aliment son exemption du tableau de la valeur nutritive ?",
        subject="a claim or an added vitamin or mineral",
        subject_fr="une allégation ou une vitamine ou un minéral ajouté",
    ),
    "10.A3": Advice(
        title_fr="Tableau de la valeur nutritive interdit sur les aliments supplémentés, substituts de repas, "
        "suppléments nutritifs, etc.",
        fix="Replace the Nutrition Facts table with the table this food requires (e.g. Supplemented Food Facts / "
        "Info-aliment supplémenté).",
        fix_fr="Remplacez le tableau de la valeur nutritive par celui qu'exige cet aliment (p. ex. « Info-aliment "
        "supplémenté / Supplemented Food Facts »).",
        question="Is this food one on which a Nutrition Facts table is prohibited (supplemented food, meal "
        "replacement, …)?",
        question_fr="Cet aliment fait-il partie de ceux sur lesquels le tableau de la valeur nutritive est "
        "interdit (aliment supplémenté, substitut de repas, …) ?",
    ),
    "10.A4": Advice(
        title_fr="Petits emballages (surface exposée disponible de moins de 100 cm²) : le tableau peut être remplacé "
        "par un moyen d'obtenir l'information",
        fix="Add the Nutrition Facts table, or (under 100 cm² of available display surface) a postal address or "
        "toll-free number where the information can be obtained.",
        fix_fr="Ajoutez le tableau de la valeur nutritive ou, sous 100 cm² de surface exposée disponible, une "
        "adresse postale ou un numéro sans frais pour obtenir l'information.",
        question="Is the available display surface of this package under 100 cm²?",
        question_fr="La surface exposée disponible de cet emballage est-elle inférieure à 100 cm² ?",
    ),
    "10.A5": Advice(
        title_fr="Les tableaux nutritionnels étrangers (p. ex. américains) ne sont pas permis, seuls ou à côté du "
        "tableau canadien",
        fix="Remove the foreign nutrition panel {term}; keep only the Canadian Nutrition Facts table.",
        fix_fr="Retirez le tableau nutritionnel étranger {term} ; ne gardez que le tableau canadien de la valeur "
        "nutritive.",
        question="Is {term} part of a foreign (e.g. US) nutrition panel?",
        question_fr="{term} fait-il partie d'un tableau nutritionnel étranger (p. ex. américain) ?",
        subject="text",
        subject_fr="texte",
    ),
    "10.A6": Advice(
        title_fr="Présentation simplifiée permise si au moins six des éléments nutritifs de base sont nuls",
        fix="Use the standard format: the simplified format needs at least six core nutrients declared as zero.",
        fix_fr="Utilisez le modèle standard : le modèle simplifié exige qu'au moins six éléments nutritifs de base "
        "soient déclarés nuls.",
        question="Do at least six of the core nutrients round to zero, so that the simplified format is allowed?",
        question_fr="Au moins six éléments nutritifs de base s'arrondissent-ils à zéro, ce qui permet le modèle "
        "simplifié ?",
    ),
    "10.A7": Advice(
        title_fr="Version du modèle : la plus grande qui tient dans 15 % de la surface exposée disponible",
        fix="Use the largest version of the table that fits within 15 % of the available display surface.",
        fix_fr="Utilisez la plus grande version du tableau qui tient dans 15 % de la surface exposée disponible.",
        question="Is the table the largest format version that fits within 15 % of the available display surface?",
        question_fr="Le tableau est-il la plus grande version du modèle qui tient dans 15 % de la surface exposée "
        "disponible ?",
    ),
    "10.B": Advice(
        title_fr="Renseignements de base, descriptions (anglais / français), unités et arrondis (tableau suivant le "
        "B.01.401)",
        fix="Correct {term} in the Nutrition Facts table to the description, unit and rounded value the FDR "
        "prescribes (the finding gives the value).",
        fix_fr="Corrigez {term} dans le tableau de la valeur nutritive selon la description, l'unité et la valeur "
        "arrondie que prescrit le RAD (le constat donne la valeur).",
        question="Is {term} declared with the prescribed description, unit and rounding?",
        question_fr="{term} est-il déclaré avec la description, l'unité et l'arrondi prescrits ?",
        subject="the row",
        subject_fr="la ligne",
    ),
    "10.B.footnote": Advice(
        title_fr="Note en bas du tableau sur le % de la valeur quotidienne, dans les deux langues",
        fix='Print the footnote exactly as prescribed: "*5% or less is a little, 15% or more is a lot" and "*5 % ou '
        "moins c'est peu, 15 % ou plus c'est beaucoup\".",
        fix_fr="Imprimez la note exactement comme prescrit : « *5 % ou moins c'est peu, 15 % ou plus c'est beaucoup » "
        "et « *5% or less is a little, 15% or more is a lot ».",
        question="Is the % Daily Value footnote worded exactly as prescribed in both languages?",
        question_fr="La note sur le % de la valeur quotidienne est-elle formulée exactement comme prescrit dans les "
        "deux langues ?",
    ),
    "10.C": Advice(
        title_fr="Renseignements supplémentaires (B.01.402) : arrondi des éléments facultatifs",
        fix="Declare {term} in the Nutrition Facts table with the description, unit and rounding of FDR B.01.402.",
        fix_fr="Déclarez {term} dans le tableau de la valeur nutritive avec la description, l'unité et l'arrondi "
        "prévus au B.01.402 du RAD.",
        question="Is {term} rounded as FDR B.01.402 prescribes?",
        question_fr="{term} est-il arrondi comme le prescrit le B.01.402 du RAD ?",
        subject="the additional nutrient",
        subject_fr="l'élément nutritif supplémentaire",
    ),
    "10.D": Advice(
        title_fr="Valeurs quotidiennes (Tableau des valeurs quotidiennes, incorporé par renvoi)",
        fix="Correct the % Daily Value of {term}: compute it from the current Table of Daily Values, and show none "
        "where the table gives none (carbohydrate, protein).",
        fix_fr="Corrigez le % de la valeur quotidienne de {term} : calculez-le selon le Tableau des valeurs "
        "quotidiennes en vigueur, et n'en indiquez aucun là où le tableau n'en prévoit pas (glucides, protéines).",
        question="Is the % Daily Value of {term} computed from the current Table of Daily Values?",
        question_fr="Le % de la valeur quotidienne de {term} est-il calculé selon le Tableau des valeurs "
        "quotidiennes en vigueur ?",
        subject="the nutrient",
        subject_fr="l'élément nutritif",
    ),
    "10.E1": Advice(
        title_fr="% VQ des minéraux (sodium, potassium, calcium, fer) calculé à partir de la quantité arrondie",
        fix="Recompute the % Daily Value of {term} from its rounded amount, and round the result as prescribed.",
        fix_fr="Recalculez le % de la valeur quotidienne de {term} à partir de la quantité arrondie, et arrondissez "
        "le résultat comme prescrit.",
        question="Is the % Daily Value of {term} computed from its rounded amount?",
        question_fr="Le % de la valeur quotidienne de {term} est-il calculé à partir de la quantité arrondie ?",
        subject="the mineral",
        subject_fr="le minéral",
    ),
    "10.E2": Advice(
        title_fr="% VQ des lipides, saturés et trans, fibres et sucres : calcul à partir de la quantité arrondie ou "
        "non",
        fix="Recompute the % Daily Value of {term} and round it as prescribed.",
        fix_fr="Recalculez le % de la valeur quotidienne de {term} et arrondissez-le comme prescrit.",
        question="Does the % Daily Value of {term} match the amount declared (from the rounded or unrounded amount)?",
        question_fr="Le % de la valeur quotidienne de {term} correspond-il à la quantité déclarée (arrondie ou non) ?",
        subject="the nutrient",
        subject_fr="l'élément nutritif",
    ),
    "10.E3": Advice(
        title_fr="Quantité déclarée de 0 g ou 0 mg : le % VQ est « 0 % »",
        fix='Declare the % Daily Value of {term} as "0 %", since its amount is 0.',
        fix_fr="Déclarez « 0 % » comme % de la valeur quotidienne de {term}, puisque sa quantité est nulle.",
        question="Is the % Daily Value of {term} 0 % when its amount is 0?",
        question_fr="Le % de la valeur quotidienne de {term} est-il de 0 % lorsque sa quantité est nulle ?",
        subject="the nutrient",
        subject_fr="l'élément nutritif",
    ),
    "10.E4": Advice(
        title_fr="Saturés + trans ≤ lipides ; sucres + fibres ≤ glucides",
        fix="Correct the amounts of {term}: the parts cannot add up to more than the total.",
        fix_fr="Corrigez les quantités de {term} : les parties ne peuvent dépasser le total.",
        question="Are the amounts of {term} consistent with the total declared?",
        question_fr="Les quantités de {term} concordent-elles avec le total déclaré ?",
        subject="the sub-nutrients",
        subject_fr="les composantes",
    ),
    "10.E5": Advice(
        title_fr="Vérification de l'énergie : facteurs d'Atwater (protéines 4, lipides 9, glucides 4 Cal/g)",
        fix="Check the Calories{quote} against protein, fat and carbohydrate (4, 9 and 4 Cal/g) and correct the "
        "value or the nutrients.",
        fix_fr="Vérifiez les Calories{quote} par rapport aux protéines, lipides et glucides (4, 9 et 4 Cal/g) et "
        "corrigez la valeur ou les éléments nutritifs.",
        question="Is the energy value{quote} consistent with the declared protein, fat and carbohydrate?",
        question_fr="La valeur énergétique{quote} concorde-t-elle avec les protéines, lipides et glucides déclarés ?",
        subject="declared",
        subject_fr="déclarées",
    ),
    "10.E6": Advice(
        title_fr="kJ (facultatif) ≈ Calories × 4,184, arrondi à 10 kJ",
        fix="Declare the kilojoules{quote} as Calories × 4.184, rounded to the nearest 10 kJ.",
        fix_fr="Déclarez les kilojoules{quote} comme Calories × 4,184, arrondies à 10 kJ près.",
        question="Are the kilojoules{quote} equal to Calories × 4.184, rounded to 10 kJ?",
        question_fr="Les kilojoules{quote} sont-ils égaux aux Calories × 4,184, arrondis à 10 kJ ?",
        subject="declared",
        subject_fr="déclarés",
    ),
    "10.E8": Advice(
        title_fr="La portion indiquée correspond au Tableau des quantités de référence",
        fix="Set the serving of stated size{quote} close to the reference amount of the food's category.",
        fix_fr="Fixez la portion indiquée{quote} près de la quantité de référence de la catégorie de l'aliment.",
        question="Is the serving of stated size{quote} consistent with the reference amount of the food's category "
        "in the Table of Reference Amounts?",
        question_fr="La portion indiquée{quote} concorde-t-elle avec la quantité de référence de la catégorie de "
        "l'aliment dans le Tableau des quantités de référence ?",
        subject="shown",
        subject_fr="indiquée",
    ),
    "10.E9": Advice(
        title_fr="Présentation du tableau : une couleur, 100 % de noir sur fond blanc ou neutre, sans empattement",
        fix="Print the table in one colour equal to 100 % black on white or neutral, in sans-serif type, with the "
        "rules and spacing of its format.",
        fix_fr="Imprimez le tableau d'une seule couleur équivalant à 100 % de noir sur fond blanc ou neutre, en "
        "caractères sans empattement, avec les filets et l'espacement de son modèle.",
        question="Is the table printed in one colour (100 % black or equivalent) on white or neutral, in sans-serif "
        "type, with the rules and spacing of its format?",
        question_fr="Le tableau est-il imprimé d'une seule couleur (100 % de noir ou l'équivalent) sur fond blanc "
        "ou neutre, en caractères sans empattement, avec les filets et l'espacement de son modèle ?",
    ),
}
