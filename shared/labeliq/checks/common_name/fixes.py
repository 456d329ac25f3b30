"""What to do about each common-name finding (section 1), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "1.1": Advice(
        title_fr="Nom usuel obligatoire sur l'espace principal",
        fix="Show the common name of the food on the principal display panel, in English and French.",
        fix_fr="Indiquez le nom usuel de l'aliment sur l'espace principal, en anglais et en français.",
        question="Is {term} the common name of this food (the name a standard prescribes, or the name it is "
        "generally known by)?",
        question_fr="{term} est-il le nom usuel de cet aliment (le nom prescrit par une norme, ou celui sous lequel "
        "il est généralement connu) ?",
        subject="the name on the front panel",
        subject_fr="le nom sur l'espace principal",
    ),
    "1.2": Advice(
        title_fr="Nom usuel en anglais et en français",
        fix="Add the common name in the other official language next to the one shown{quote}.",
        fix_fr="Ajoutez le nom usuel dans l'autre langue officielle à côté de celui qui figure{quote}.",
        question="Is {term} the common name in both English and French, or a name the same in both languages?",
        question_fr="{term} est-il le nom usuel en anglais et en français, ou un nom identique dans les deux langues ?",
        subject="the common name",
        subject_fr="le nom usuel",
    ),
    "1.3": Advice(
        title_fr="Hauteur minimale des caractères du nom usuel",
        fix="Print the common name in characters at least as high as the minimum for the principal display "
        "surface (1.6 mm for most packages).",
        fix_fr="Imprimez le nom usuel en caractères d'une hauteur au moins égale au minimum prévu pour l'aire "
        "principale (1,6 mm pour la plupart des emballages).",
        question="Are the characters of the common name at least the minimum height for the principal display surface?",
        question_fr="Les caractères du nom usuel atteignent-ils la hauteur minimale prévue pour la principale surface "
        "exposée ?",
    ),
    "1.5": Advice(
        title_fr="Mots qui précisent la véritable nature de l'aliment lorsqu'il pourrait être confondu avec un autre",
        fix="Add the words that tell the true nature of the food (e.g. the packing medium or the form) to {term}.",
        fix_fr="Ajoutez à {term} les mots qui précisent la véritable nature de l'aliment (p. ex. le milieu de "
        "conditionnement ou la forme).",
        question="Could a buyer mistake this food for another with the name{quote} alone?",
        question_fr="Un acheteur pourrait-il confondre cet aliment avec un autre sur la seule foi du nom{quote} ?",
        subject="the common name",
        subject_fr="le nom usuel",
    ),
    "1.6": Advice(
        title_fr="Les noms normalisés sont employés tels quels",
        fix="Use the standardized name exactly as the standard gives it, in place of {term}.",
        fix_fr="Employez le nom normalisé exactement comme la norme le prévoit, au lieu de {term}.",
        question="Is {term} the name of a food with a compositional standard, and does the food meet it?",
        question_fr="{term} désigne-t-il un aliment normalisé, et l'aliment respecte-t-il la norme ?",
        subject="the common name",
        subject_fr="le nom usuel",
    ),
    "1.6.water": Advice(
        title_fr="Eau et glace préemballées : source, sels minéraux dissous et fluorure en ppm",
        fix="Add the statements Division 12 requires: for mineral or spring water the geographical location of the "
        "underground source, the total dissolved mineral salt content and the total fluoride ion content, both in "
        "parts per million; for other water the total fluoride ion content in ppm on the principal display panel, "
        "for ice on the label.",
        fix_fr="Ajoutez les indications exigées au titre 12 : pour l'eau minérale ou de source, la position "
        "géographique de la source souterraine, la teneur totale en sels minéraux dissous et la teneur totale en ion "
        "fluorure, en parties par million ; pour une autre eau, la teneur totale en ion fluorure en ppm dans l'espace "
        "principal, pour la glace sur l'étiquette.",
        question="Does the label state {term} as Division 12 requires (the source location; amounts in parts per "
        "million)?",
        question_fr="L'étiquette indique-t-elle {term} comme l'exige le titre 12 (la position de la source ; les "
        "teneurs en parties par million) ?",
        subject="the Division 12 statement",
        subject_fr="l'indication exigée au titre 12",
    ),
    "1.7": Advice(
        title_fr="Les noms inventés, commerciaux ou de marque ne sont généralement pas des noms usuels",
        fix="Add a descriptive common name; {term} is a brand or coined name, not a common name.",
        fix_fr="Ajoutez un nom usuel descriptif ; {term} est un nom de marque ou inventé, pas un nom usuel.",
        question="Is {term} a common name, or a brand, trade or coined name?",
        question_fr="{term} est-il un nom usuel, ou un nom de marque, commercial ou inventé ?",
        subject="the name",
        subject_fr="le nom",
    ),
    "1.8": Advice(
        title_fr="Viande simulée : le nom usuel comprend « simulé » (p. ex. « poulet simulé »)",
        fix='Add "simulated" / "simulé" to the common name{quote}.',
        fix_fr="Ajoutez « simulé » au nom usuel{quote}.",
        question="Is this food a simulated meat or poultry product?",
        question_fr="Cet aliment est-il un produit de viande ou de volaille simulée ?",
        subject="the common name",
        subject_fr="le nom usuel",
    ),
    "1.9": Advice(
        title_fr="Arôme artificiel avec une illustration de l'arôme naturel : l'étiquette indique « artificiel » "
        "ou « imitation »",
        fix='Add "artificial" or "imitation" ("artificiel", "imitation") to the flavour named in {term}, next to '
        "the picture.",
        fix_fr="Ajoutez « artificiel » ou « imitation » à l'arôme nommé dans {term}, près de l'illustration.",
        question="Does the label picture the natural flavour of an artificial flavouring?",
        question_fr="L'étiquette illustre-t-elle l'arôme naturel d'un aromatisant artificiel ?",
        subject="the common name",
        subject_fr="le nom usuel",
    ),
}
