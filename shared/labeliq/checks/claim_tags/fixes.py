"""What to do about each claim-tag finding (section 8: natural, kosher, halal, organic…), in English and French.

See labeliq.checks.common.advice.
"""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "8.1": Advice(
        title_fr="« Naturel » (ligne directrice fondée sur le résultat)",
        fix="Remove {term}, or keep it only if no ingredient has been added or processed so that the food is no "
        "longer natural.",
        fix_fr="Retirez {term}, ou ne le gardez que si aucun ingrédient ajouté ni aucune transformation ne fait que "
        "l'aliment n'est plus naturel.",
        question='Is the claim{quote} true under the CFIA guidance on "natural" (no added or removed ingredient '
        "that changes the food's nature)?",
        question_fr="L'allégation{quote} est-elle exacte selon les lignes directrices de l'ACIA sur « naturel » ?",
        subject='the "natural" claim',
        subject_fr="l'allégation « naturel »",
    ),
    "8.2": Advice(
        title_fr="Cachère : le mot « cachère », des lettres hébraïques ou une marque le laissant entendre, seulement "
        "si l'aliment respecte les règles et porte le nom de l'organisme de certification",
        fix="Name the body that certifies the food as kosher next to {term}, or remove the kosher claim.",
        fix_fr="Nommez l'organisme qui certifie l'aliment cachère à côté de {term}, ou retirez l'allégation.",
        question="Is the food certified kosher, and does the label name the certifying body?",
        question_fr="L'aliment est-il certifié cachère, et l'étiquette nomme-t-elle l'organisme de certification ?",
        subject="the kosher claim",
        subject_fr="l'allégation cachère",
    ),
    "8.3": Advice(
        title_fr="Halal : le mot « halal », des lettres arabes ou une marque le laissant entendre exigent le nom de "
        "l'organisme de certification",
        fix="Name the body that certifies the food as halal next to {term}, or remove the halal claim.",
        fix_fr="Nommez l'organisme qui certifie l'aliment halal à côté de {term}, ou retirez l'allégation.",
        question="Does the label name the body that certifies {term}?",
        question_fr="L'étiquette nomme-t-elle l'organisme qui certifie {term} ?",
        subject="the halal claim",
        subject_fr="l'allégation halal",
    ),
    "8.4": Advice(
        title_fr="« Fait maison » seulement pour un aliment qui n'est pas préparé commercialement",
        fix="Remove {term}: a commercially prepared food is not homemade.",
        fix_fr="Retirez {term} : un aliment préparé commercialement n'est pas fait maison.",
        question="Is this food made at home rather than commercially prepared?",
        question_fr="Cet aliment est-il préparé à la maison plutôt que commercialement ?",
        subject='the "homemade" claim',
        subject_fr="l'allégation « fait maison »",
    ),
    "8.5": Advice(
        title_fr="« Artisanal » : petits lots, méthodes manuelles traditionnelles, additifs de cuisine domestique "
        "seulement",
        fix="Remove {term} unless the food is made in small batches by traditional, mostly manual methods.",
        fix_fr="Retirez {term}, sauf si l'aliment est fait en petits lots selon des méthodes traditionnelles "
        "surtout manuelles.",
        question="Is this food made in small batches by traditional manual methods, with household-kitchen "
        "ingredients only?",
        question_fr="Cet aliment est-il fait en petits lots selon des méthodes manuelles traditionnelles, avec des "
        "ingrédients de cuisine domestique seulement ?",
        subject='the "artisan" claim',
        subject_fr="l'allégation « artisanal »",
    ),
    "8.6": Advice(
        title_fr="« Biologique » seulement si l'aliment est certifié biologique (95 % ou plus d'ingrédients "
        "biologiques)",
        fix="Remove {term}, or have the food certified organic under the SFCR Part 13.",
        fix_fr="Retirez {term}, ou faites certifier l'aliment biologique selon la partie 13 du RSAC.",
        question="Is this food certified organic, with 95 % or more organic content?",
        question_fr="Cet aliment est-il certifié biologique, avec 95 % ou plus d'ingrédients biologiques ?",
        subject="the organic claim",
        subject_fr="l'allégation biologique",
    ),
    "8.7": Advice(
        title_fr="Moins de 95 % : seulement « X % d'ingrédients biologiques », X arrondi vers le bas, en caractères "
        "de même taille",
        fix='Replace {term} with "X % organic ingredients / X % d\'ingrédients biologiques", X rounded down.',
        fix_fr="Remplacez {term} par « X % d'ingrédients biologiques », X arrondi vers le bas.",
        question="What is the percentage of organic ingredients in this food?",
        question_fr="Quel est le pourcentage d'ingrédients biologiques de cet aliment ?",
        subject="the organic claim",
        subject_fr="l'allégation biologique",
    ),
    "8.8": Advice(
        title_fr="L'étiquette nomme l'organisme de certification biologique (abréviation permise si identifiable)",
        fix="Name the organic certification body on the label near {term}.",
        fix_fr="Nommez l'organisme de certification biologique sur l'étiquette près de {term}.",
        question="Does the label name the body that certified the food organic?",
        question_fr="L'étiquette nomme-t-elle l'organisme qui a certifié l'aliment biologique ?",
        subject="the organic claim",
        subject_fr="l'allégation biologique",
    ),
    "8.9": Advice(
        title_fr="Logo Biologique Canada : seulement à 95 % ou plus ; importé : « Produit de X » ou « Importé » "
        "près du logo",
        fix='Remove the Canada Organic logo, or (imported food) add "Product of X / Produit de X" or "Imported / '
        'Importé" next to it.',
        fix_fr="Retirez le logo Biologique Canada, ou (aliment importé) ajoutez « Produit de X » ou « Importé » à "
        "côté.",
        question="Does the food qualify for the Canada Organic logo (95 % or more organic), with its origin near "
        "the logo if imported?",
        question_fr="L'aliment a-t-il droit au logo Biologique Canada (95 % ou plus biologique), avec son origine "
        "près du logo s'il est importé ?",
    ),
    "8.10": Advice(
        title_fr="Interdit : « 100 % biologique », « fait avec des ingrédients biologiques »",
        fix='Replace {term} with "organic / biologique" (95 % or more) or "X % organic ingredients".',
        fix_fr="Remplacez {term} par « biologique » (95 % ou plus) ou par « X % d'ingrédients biologiques ».",
        question="Is {term} one of the organic wordings that are not permitted?",
        question_fr="{term} est-il une formulation biologique interdite ?",
        subject="the organic wording",
        subject_fr="la formulation biologique",
    ),
    "8.11": Advice(
        title_fr="Les allégations biologiques sont bilingues (sauf exemption)",
        fix='Give {term} in both languages ("organic / biologique").',
        fix_fr="Donnez {term} dans les deux langues (« organic / biologique »).",
        question="Is {term} shown in both English and French?",
        question_fr="{term} figure-t-elle en anglais et en français ?",
        subject="the organic claim",
        subject_fr="l'allégation biologique",
    ),
    "8.12": Advice(
        title_fr="Allégations GM ou sans OGM : volontaires, véridiques, selon la norme CAN/CGSB-32.315",
        fix="Reword {term} so that it is true and not misleading under CAN/CGSB-32.315, or remove it.",
        fix_fr="Reformulez {term} pour qu'elle soit véridique et non trompeuse selon la norme CAN/CGSB-32.315, ou "
        "retirez-la.",
        question="Can the claim{quote} be substantiated under CAN/CGSB-32.315?",
        question_fr="L'allégation{quote} peut-elle être justifiée selon la norme CAN/CGSB-32.315 ?",
        subject="the GE claim",
        subject_fr="l'allégation sur le génie génétique",
    ),
    "8.13": Advice(
        title_fr="Allégations d'élevage (viande, volaille, poisson) : « élevé sans antibiotiques », « élevé sans "
        "hormones ajoutées »",
        fix="Keep {term} only with the records that substantiate it, and in the wording the CFIA accepts (e.g. "
        '"raised without the use of antibiotics").',
        fix_fr="Ne gardez {term} qu'avec les documents qui la justifient, et dans la formulation acceptée par "
        "l'ACIA (p. ex. « élevé sans antibiotiques »).",
        question="Can the raising claim{quote} be substantiated with records?",
        question_fr="L'allégation d'élevage{quote} peut-elle être justifiée par des documents ?",
        subject="the raising claim",
        subject_fr="l'allégation d'élevage",
    ),
}
