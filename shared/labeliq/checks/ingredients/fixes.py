"""What to do about each ingredient-list finding (section 5), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "5.1": Advice(
        title_fr="Liste des ingrédients obligatoire pour un produit de plus d'un ingrédient, sauf exemption",
        fix='Add the list of ingredients in both languages: "Ingredients:" and "Ingrédients :", each ingredient in '
        "descending order of proportion.",
        fix_fr="Ajoutez la liste des ingrédients dans les deux langues : « Ingredients: » et « Ingrédients : », "
        "chaque ingrédient par ordre décroissant de proportion.",
        question="Does this food have more than one ingredient, and is it outside the exemptions of FDR B.01.008(2)?",
        question_fr="Cet aliment a-t-il plus d'un ingrédient, et échappe-t-il aux exemptions du B.01.008(2) du RAD ?",
    ),
    "5.2": Advice(
        title_fr="Titre « Ingredients: » et « Ingrédients : », en gras, suivi de la liste",
        fix='Title the list{quote} exactly "Ingredients:" in English and "Ingrédients :" in French, in bold.',
        fix_fr="Intitulez la liste{quote} exactement « Ingredients: » en anglais et « Ingrédients : » en français, "
        "en gras.",
        question="Is the title of the ingredient list{quote} printed in bold?",
        question_fr="Le titre de la liste des ingrédients{quote} est-il imprimé en gras ?",
        subject="the ingredient list",
        subject_fr="la liste des ingrédients",
    ),
    "5.3": Advice(
        title_fr="Ingrédients par ordre décroissant de poids avant leur combinaison",
        fix="Reorder the ingredient list by descending weight at mixing, so that {term} sits where its proportion "
        "puts it.",
        fix_fr="Réordonnez la liste des ingrédients par ordre décroissant de poids au mélange, pour que {term} soit "
        "à la place que lui donne sa proportion.",
        question="Is {term} listed in its place by weight in the formulation?",
        question_fr="{term} est-il à sa place selon son poids dans la formulation ?",
        subject="the ingredient",
        subject_fr="l'ingrédient",
    ),
    "5.4": Advice(
        title_fr="Épices, fines herbes, assaisonnements, arômes, vitamines, etc. peuvent être énumérés à la fin dans "
        "n'importe quel ordre",
        fix="Move {term} to its place by weight, or to the end of the list only if it is one of the items allowed "
        "there (spices, herbs, seasonings, flavours, vitamins, minerals…).",
        fix_fr="Placez {term} à son rang selon son poids, ou à la fin de la liste seulement s'il fait partie des "
        "éléments qui y sont permis (épices, fines herbes, assaisonnements, arômes, vitamines, minéraux…).",
        question="Is {term} one of the items allowed at the end of the list in any order (and, for other "
        "seasonings, 2 % or less of the food)?",
        question_fr="{term} fait-il partie des éléments permis à la fin de la liste dans n'importe quel ordre (et, "
        "pour les autres assaisonnements, 2 % ou moins de l'aliment) ?",
        subject="the ingredient",
        subject_fr="l'ingrédient",
    ),
    "5.5": Advice(
        title_fr="Casse : chaque ingrédient en minuscules, la première lettre en majuscule",
        fix="Write {term} with a capital first letter and the rest in lower case (not all capitals).",
        fix_fr="Écrivez {term} avec une majuscule initiale et le reste en minuscules (pas tout en majuscules).",
        question="Is {term} written with only its first letter in upper case?",
        question_fr="{term} est-il écrit avec seulement la première lettre en majuscule ?",
        subject="each ingredient",
        subject_fr="chaque ingrédient",
    ),
    "5.6": Advice(
        title_fr="Séparateur : une puce ou une virgule entre les ingrédients",
        fix="Replace {term} with commas between the ingredients (or bullets), and commas between components.",
        fix_fr="Remplacez {term} par des virgules entre les ingrédients (ou des puces), et des virgules entre les "
        "constituants.",
        question="Are the ingredients separated by commas or bullets, and their components by commas?",
        question_fr="Les ingrédients sont-ils séparés par des virgules ou des puces, et leurs constituants par des "
        "virgules ?",
        subject="the separator",
        subject_fr="le séparateur",
    ),
    "5.7": Advice(
        title_fr="Les constituants figurent entre parenthèses juste après l'ingrédient",
        fix="Put the components of {term} in parentheses right after it.",
        fix_fr="Placez les constituants de {term} entre parenthèses juste après lui.",
        question="Are the components of {term} given in parentheses right after it?",
        question_fr="Les constituants de {term} sont-ils donnés entre parenthèses juste après lui ?",
        subject="the ingredient",
        subject_fr="l'ingrédient",
    ),
    "5.8": Advice(
        title_fr="Sucres groupés : tous les ingrédients à base de sucres entre parenthèses après « Sucres »",
        fix='Group {term} with the other sugars-based ingredients in parentheses after "Sugars" ("Sucres"), placed '
        "by the total weight of the group.",
        fix_fr="Groupez {term} avec les autres ingrédients à base de sucres entre parenthèses après « Sucres », à "
        "la place que leur donne leur poids total.",
        question='Is {term} sugars-based, so that it must be grouped after "Sugars"?',
        question_fr="{term} est-il à base de sucres, et donc à grouper après « Sucres » ?",
        subject="the ingredient",
        subject_fr="l'ingrédient",
    ),
    "5.9": Advice(
        title_fr="Groupement des sucres non requis pour les agents édulcorants eux-mêmes, les jus et purées non "
        "sucrés, etc.",
        fix='Group the sugars-based ingredients after "Sugars" ("Sucres"): this food is not one of the exceptions.',
        fix_fr="Groupez les ingrédients à base de sucres après « Sucres » : cet aliment ne fait pas partie des "
        "exceptions.",
        question="Is this food one of the foods exempt from grouping sugars (a sweetening agent, unsweetened juice "
        "or purée, …)?",
        question_fr="Cet aliment est-il exempté du groupement des sucres (agent édulcorant, jus ou purée non "
        "sucrés, …) ?",
    ),
    "5.10": Advice(
        title_fr="Les polyalcools et les édulcorants ne sont pas placés dans le groupe « Sucres »",
        fix='Take {term} out of the "Sugars" group and list it as an ingredient of its own.',
        fix_fr="Retirez {term} du groupe « Sucres » et énumérez-le comme un ingrédient distinct.",
        question="Is {term} a sugar alcohol or sweetener rather than a sugars-based ingredient?",
        question_fr="{term} est-il un polyalcool ou un édulcorant plutôt qu'un ingrédient à base de sucres ?",
        subject="the sweetener",
        subject_fr="l'édulcorant",
    ),
    "5.12": Advice(
        title_fr="Constituants des ingrédients du tableau du B.01.009(1) (beurre, margarine, shortening, saindoux…)",
        fix="Declare the components of {term} that the table does not exempt (allergens, gluten, sulphites and "
        "the listed exceptions).",
        fix_fr="Déclarez les constituants de {term} que le tableau n'exempte pas (allergènes, gluten, sulfites et "
        "exceptions prévues).",
        question="Do the components of {term} need to be declared?",
        question_fr="Les constituants de {term} doivent-ils être déclarés ?",
        subject="the ingredient",
        subject_fr="l'ingrédient",
    ),
    "5.13": Advice(
        title_fr="Noms de catégorie permis seulement selon le Document sur les noms usuels des ingrédients et "
        "constituants",
        fix="Replace the class name{quote} by the common name of each ingredient, unless the Common Names for "
        "Ingredients and Components Document permits it.",
        fix_fr="Remplacez le nom de catégorie{quote} par le nom usuel de chaque ingrédient, sauf si le Document sur "
        "les noms usuels des ingrédients et constituants le permet.",
        question="Is the class name{quote} permitted for this ingredient?",
        question_fr="Le nom de catégorie{quote} est-il permis pour cet ingrédient ?",
        subject="the class name",
        subject_fr="le nom de catégorie",
    ),
    "5.14": Advice(
        title_fr="Caractères : une seule couleur équivalant à 100 % de noir sur fond blanc ou neutre, sans empattement",
        fix="Print the list in one colour equal to 100 % black on a white or neutral background, in a sans-serif "
        "type of the minimum height.",
        fix_fr="Imprimez la liste d'une seule couleur équivalant à 100 % de noir sur fond blanc ou neutre, en "
        "caractères sans empattement de la hauteur minimale.",
        question="Is the ingredient list printed in a single colour equivalent to 100 % black on white or neutral, "
        "in sans-serif type?",
        question_fr="La liste des ingrédients est-elle imprimée d'une seule couleur équivalant à 100 % de noir sur "
        "fond blanc ou neutre, en caractères sans empattement ?",
    ),
    "5.15": Advice(
        title_fr="La liste est encadrée d'un trait plein ou sur un fond contrastant",
        fix="Set the list apart with a solid-line border or a contrasting background.",
        fix_fr="Séparez la liste par un encadré en trait plein ou un fond contrastant.",
        question="Is the ingredient list set apart by a solid-line border or a contrasting background?",
        question_fr="La liste des ingrédients est-elle encadrée d'un trait plein ou placée sur un fond contrastant ?",
    ),
    "5.16": Advice(
        title_fr="Emplacement : tout panneau sauf le dessous seul",
        fix="Move the ingredient list off the bottom of the package, to any other panel.",
        fix_fr="Déplacez la liste des ingrédients hors du dessous de l'emballage, sur un autre panneau.",
        question="Is the panel that carries the ingredient list the bottom of the package?",
        question_fr="Le panneau qui porte la liste des ingrédients est-il le dessous de l'emballage ?",
    ),
    "5.17": Advice(
        title_fr="Les listes anglaise et française ont le même contenu",
        fix="Make the English and French lists name the same ingredients in the same order; {term} has no "
        "counterpart in the other list.",
        fix_fr="Faites en sorte que les listes anglaise et française nomment les mêmes ingrédients dans le même "
        "ordre ; {term} n'a pas d'équivalent dans l'autre liste.",
        question="Is {term} translated in the other language's list?",
        question_fr="{term} est-il traduit dans la liste de l'autre langue ?",
        subject="an ingredient",
        subject_fr="un ingrédient",
    ),
    "5.18": Advice(
        title_fr="Mention « peut contenir X » ou « et/ou » permise pour une variation de la formulation sur 12 mois",
        fix='Use "may contain X" / "and/or" wording only for ingredients that vary within 12 months, and keep the '
        "wording in both languages.",
        fix_fr="N'employez « peut contenir X » ou « et/ou » que pour des ingrédients qui varient sur 12 mois, dans "
        "les deux langues.",
        question="Does {term} describe an ingredient that varies within a 12-month period?",
        question_fr="{term} décrit-il un ingrédient qui varie sur une période de 12 mois ?",
        subject="the substitution wording",
        subject_fr="la mention de substitution",
    ),
}
