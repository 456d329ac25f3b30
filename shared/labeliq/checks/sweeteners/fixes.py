"""What to do about each sweetener finding (section 11), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "11.1": Advice(
        title_fr="Seuls les édulcorants de la Liste des édulcorants autorisés (liste 9), selon ses conditions",
        fix="Remove {term}, or use a sweetener of Health Canada's List of Permitted Sweeteners within its conditions.",
        fix_fr="Retirez {term}, ou employez un édulcorant de la Liste des édulcorants autorisés de Santé Canada "
        "selon ses conditions.",
        question="Is {term} on the List of Permitted Sweeteners for this food, at a permitted level?",
        question_fr="{term} figure-t-il dans la Liste des édulcorants autorisés pour cet aliment, à une dose permise ?",
        subject="the sweetener",
        subject_fr="l'édulcorant",
    ),
    "11.2": Advice(
        title_fr="Aspartame : mention avertissant les phénylcétonuriques que l'aliment contient de la phénylalanine",
        fix='Add "Phenylketonurics: contains phenylalanine" and "Phénylcétonuriques : contient de la phénylalanine".',
        fix_fr="Ajoutez « Phénylcétonuriques : contient de la phénylalanine » et « Phenylketonurics: contains "
        "phenylalanine ».",
        question="Does the food contain aspartame?",
        question_fr="L'aliment contient-il de l'aspartame ?",
    ),
    "11.3": Advice(
        title_fr="La mention de la phénylalanine est en gras, juste après la liste des ingrédients de la même langue",
        fix="Print {term} in bold right after the ingredient list of the same language.",
        fix_fr="Imprimez {term} en gras juste après la liste des ingrédients de la même langue.",
        question="Is {term} in bold, right after the ingredient list of the same language?",
        question_fr="{term} est-elle en gras, juste après la liste des ingrédients de la même langue ?",
        subject="the phenylalanine statement",
        subject_fr="la mention de la phénylalanine",
    ),
    "11.4": Advice(
        title_fr="Édulcorant de table à l'aspartame, au sucralose, à l'acésulfame-potassium ou au néotame : indiquer "
        "la teneur par portion",
        fix="State the amount of {term} per serving on the principal display panel.",
        fix_fr="Indiquez la teneur en {term} par portion sur l'espace principal.",
        question="Is this a table-top sweetener, and is the amount of {term} per serving stated?",
        question_fr="S'agit-il d'un édulcorant de table, et la teneur en {term} par portion est-elle indiquée ?",
        subject="the sweetener",
        subject_fr="l'édulcorant",
    ),
    "11.5": Advice(
        title_fr="Polydextrose : quantité en grammes par portion indiquée",
        fix="State the amount of polydextrose in grams per serving of stated size.",
        fix_fr="Indiquez la quantité de polydextrose en grammes par portion indiquée.",
        question="Is the amount of polydextrose per serving of stated size shown on the label?",
        question_fr="La quantité de polydextrose par portion indiquée figure-t-elle sur l'étiquette ?",
    ),
    "11.6": Advice(
        title_fr="Érythritol : quantité en grammes par portion, sauf si l'étiquette porte un tableau de la valeur "
        "nutritive",
        fix="State the amount of erythritol in grams per serving, or declare it in the Nutrition Facts table.",
        fix_fr="Indiquez la quantité d'érythritol en grammes par portion, ou déclarez-la dans le tableau de la "
        "valeur nutritive.",
        question="Is the amount of erythritol per serving shown on the label?",
        question_fr="La quantité d'érythritol par portion figure-t-elle sur l'étiquette ?",
    ),
    "11.7": Advice(
        title_fr="Polyalcools ajoutés : mention de l'effet laxatif et quantité par portion selon la dose",
        fix="Add the amount of {term} per serving and, where the daily intake requires it, the laxative-effect "
        'statement ("excessive consumption may have a laxative effect / une consommation excessive peut avoir un '
        'effet laxatif").',
        fix_fr="Ajoutez la quantité de {term} par portion et, si la consommation quotidienne l'exige, la mention "
        "« une consommation excessive peut avoir un effet laxatif ».",
        question="Does the food contain {term} at a level that requires the amount per serving or the "
        "laxative-effect statement?",
        question_fr="L'aliment contient-il {term} à une dose qui exige la quantité par portion ou la mention de "
        "l'effet laxatif ?",
        subject="the sugar alcohol",
        subject_fr="le polyalcool",
    ),
    "11.9": Advice(
        title_fr="Glycosides de stéviol : aucun étiquetage particulier en plus de la liste des ingrédients",
        fix="Declare the steviol glycosides in the ingredient list by their common name.",
        fix_fr="Déclarez les glycosides de stéviol dans la liste des ingrédients par leur nom usuel.",
        question="Are the steviol glycosides declared in the ingredient list?",
        question_fr="Les glycosides de stéviol sont-ils déclarés dans la liste des ingrédients ?",
    ),
}
