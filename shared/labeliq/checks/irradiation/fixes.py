"""What to do about each irradiation finding (section 4), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "4.1": Advice(
        title_fr="Seuls les aliments du tableau du titre 26 peuvent être irradiés",
        fix="Do not irradiate this food and remove {term}: only the foods of the Division 26 table may be irradiated.",
        fix_fr="N'irradiez pas cet aliment et retirez {term} : seuls les aliments du tableau du titre 26 peuvent être "
        "irradiés.",
        question="Is {term} one of the foods of the Division 26 table?",
        question_fr="{term} figure-t-il au tableau du titre 26 ?",
        subject="the irradiation statement",
        subject_fr="la mention d'irradiation",
    ),
    "4.2": Advice(
        title_fr="Aliment irradié préemballé : le symbole international (radura) sur l'espace principal et la "
        "mention « traité par irradiation »",
        fix='Show the radura symbol on the principal display panel with "treated with radiation / traité par '
        'irradiation" (or "irradiated / irradié").',
        fix_fr="Apposez le symbole radura sur l'espace principal avec la mention « traité par irradiation » (ou "
        "« irradié »), dans les deux langues.",
        question="Does the principal display panel show the radura symbol with the irradiation statement?",
        question_fr="L'espace principal porte-t-il le symbole radura avec la mention d'irradiation ?",
    ),
    "4.3": Advice(
        title_fr="Diamètre du symbole au moins égal à la hauteur des chiffres de la quantité nette",
        fix="Print the radura symbol with an outer diameter at least the height of the net-quantity numerals.",
        fix_fr="Imprimez le symbole radura avec un diamètre extérieur au moins égal à la hauteur des chiffres de la "
        "quantité nette.",
        question="Is the outer diameter of the radura symbol at least the height of the net-quantity numerals?",
        question_fr="Le diamètre extérieur du symbole radura est-il au moins égal à la hauteur des chiffres de la "
        "quantité nette ?",
    ),
    "4.4": Advice(
        title_fr="Un ingrédient irradié formant 10 % ou plus du produit est précédé de « irradié » dans la liste",
        fix='Write "irradiated" / "irradié" before {term} in the ingredient lists.',
        fix_fr="Écrivez « irradié » devant {term} dans les listes des ingrédients.",
        question="Does {term} make up 10 % or more of the food?",
        question_fr="{term} représente-t-il 10 % ou plus de l'aliment ?",
        subject="the irradiated ingredient",
        subject_fr="l'ingrédient irradié",
    ),
    "4.5": Advice(
        title_fr="Mentions d'irradiation dans les deux langues",
        fix='Give {term} in both languages: "treated with radiation / traité par irradiation".',
        fix_fr="Donnez {term} dans les deux langues : « treated with radiation / traité par irradiation ».",
        question="Is {term} shown in both English and French?",
        question_fr="{term} figure-t-elle en anglais et en français ?",
        subject="the irradiation statement",
        subject_fr="la mention d'irradiation",
    ),
}
