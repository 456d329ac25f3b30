"""What to do about each bilingual-labelling finding (section 2), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "2.1": Advice(
        title_fr="Toutes les mentions obligatoires figurent dans les deux langues officielles",
        fix="Add the French (or English) version of {term}, with the same information as the other language.",
        fix_fr="Ajoutez la version française (ou anglaise) de {term}, avec la même information que dans l'autre "
        "langue.",
        question="Is {term} shown in both English and French on the label?",
        question_fr="{term} figure-t-il en anglais et en français sur l'étiquette ?",
        subject="the mandatory information",
        subject_fr="la mention obligatoire",
    ),
    "2.2": Advice(
        title_fr="Exception : le nom et l'établissement principal peuvent être en anglais ou en français seulement",
        fix="No change needed for the dealer's name and address in one language; show every other mandatory item "
        "in both languages.",
        fix_fr="Le nom et l'adresse du fabricant peuvent rester dans une seule langue ; donnez toutes les autres "
        "mentions obligatoires dans les deux langues.",
        question="Is {term} the name and principal place of business (which may be in one language)?",
        question_fr="{term} est-il le nom et l'établissement principal (qui peuvent être dans une seule langue) ?",
        subject="the one-language text",
        subject_fr="le texte unilingue",
    ),
    "2.3": Advice(
        title_fr="Exception : aliment local ou de marché-test, lorsqu'une langue officielle est la langue "
        "maternelle de moins de 10 % des résidents",
        fix="Show the mandatory information in both official languages: the local-food and test-market exemptions "
        "do not apply.",
        fix_fr="Donnez les mentions obligatoires dans les deux langues officielles : les exemptions d'aliment local "
        "et de marché-test ne s'appliquent pas.",
        question="Is this a local food or a test-market food that qualifies for the one-language exemption (FDR "
        "B.01.012(3))?",
        question_fr="S'agit-il d'un aliment local ou de marché-test admissible à l'exemption unilingue (B.01.012(3) "
        "du RAD) ?",
    ),
    "2.4": Advice(
        title_fr="Exception : aliment de spécialité (importance religieuse, ou aliment importé peu répandu sans "
        "équivalent canadien)",
        fix="Show the mandatory information in both official languages: the specialty-food exemption does not apply.",
        fix_fr="Donnez les mentions obligatoires dans les deux langues officielles : l'exemption des aliments de "
        "spécialité ne s'applique pas.",
        question="Is this a specialty food that qualifies for the one-language exemption (FDR B.01.012(7))?",
        question_fr="S'agit-il d'un aliment de spécialité admissible à l'exemption unilingue (B.01.012(7) du RAD) ?",
    ),
    "2.6": Advice(
        title_fr="Espaces principaux anglais et français distincts permis si l'autre surface a la même taille et la "
        "même visibilité",
        fix="Give the other-language principal display panel the same size and prominence, with all mandatory "
        "front-panel information.",
        fix_fr="Donnez à l'espace principal de l'autre langue la même taille et la même visibilité, avec toutes les "
        "mentions obligatoires de l'espace principal.",
        question="Are the English and French principal display panels of the same size and prominence?",
        question_fr="Les espaces principaux anglais et français ont-ils la même taille et la même visibilité ?",
    ),
    "2.7": Advice(
        title_fr="Mentions volontaires qui doivent alors être bilingues : allégations nutritionnelles, allégations "
        "santé, etc.",
        fix="Add the other-language version of {term} next to it.",
        fix_fr="Ajoutez la version dans l'autre langue de {term} à côté.",
        question="Is {term} shown in both English and French?",
        question_fr="{term} figure-t-il en anglais et en français ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "2.8": Advice(
        title_fr="Aucune autre langue n'est permise dans le tableau de la valeur nutritive",
        fix="Remove {term} from inside the Nutrition Facts table; other languages may appear elsewhere on the label.",
        fix_fr="Retirez {term} du tableau de la valeur nutritive ; d'autres langues peuvent figurer ailleurs sur "
        "l'étiquette.",
        question="Is {term} in a language other than English or French, inside the Nutrition Facts table?",
        question_fr="{term} est-il dans une autre langue que l'anglais ou le français, à l'intérieur du tableau de "
        "la valeur nutritive ?",
        subject="the third-language text",
        subject_fr="le texte dans une troisième langue",
    ),
    "2.9": Advice(
        title_fr="Les versions anglaise et française de la liste des ingrédients, de la mention « Contient » et de "
        "la mise en garde commencent chacune sur une nouvelle ligne",
        fix="Start the French version of {term} on a new line, after the end of the English version.",
        fix_fr="Commencez la version française de {term} sur une nouvelle ligne, après la fin de la version anglaise.",
        question="Do the English and French versions of {term} start on separate lines?",
        question_fr="Les versions anglaise et française de {term} commencent-elles sur des lignes distinctes ?",
        subject="the statement",
        subject_fr="la mention",
    ),
    "2.10": Advice(
        title_fr="Le Québec ajoute ses règles sur la langue française (Charte, loi 96) : hors de la portée des "
        "règles fédérales",
        fix="Have the French-language requirements of Quebec (Charter of the French language) checked separately.",
        fix_fr="Faites vérifier séparément les exigences du Québec (Charte de la langue française).",
        question="Will this food be sold in Quebec, and does it meet the Charter of the French language?",
        question_fr="Cet aliment sera-t-il vendu au Québec, et respecte-t-il la Charte de la langue française ?",
    ),
}
