"""What to do about each date-marking finding (section 6), in English and French: see labeliq.checks.common.advice."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "6.1": Advice(
        title_fr="Durée de conservation de 90 jours ou moins : une date « meilleur avant » est obligatoire",
        fix='Add a best-before date with its words: "Best before / Meilleur avant" followed by the date, e.g. '
        '"Best before / Meilleur avant 27 JN 15".',
        fix_fr="Ajoutez une date limite de conservation précédée de « Best before / Meilleur avant », p. ex. "
        "« Best before / Meilleur avant 27 JN 15 ».",
        question="Is the durable life of this food 90 days or less (so that a best-before date is required)?",
        question_fr="La durée de conservation de cet aliment est-elle de 90 jours ou moins (une date « meilleur "
        "avant » est alors obligatoire) ?",
    ),
    "6.2": Advice(
        title_fr="Emballé au magasin de détail : date « empaqueté le » et durée de conservation",
        fix='Add the packaging date with "Packaged on / Empaqueté le" and the durable life (e.g. "Best before / '
        'Meilleur avant 5 days / jours"), or a best-before date.',
        fix_fr="Ajoutez la date d'emballage précédée de « Packaged on / Empaqueté le » et la durée de conservation, "
        "ou une date « meilleur avant ».",
        question="Was this food packaged at the retail store where it is sold?",
        question_fr="Cet aliment a-t-il été emballé au magasin de détail où il est vendu ?",
    ),
    "6.3": Advice(
        title_fr="Les mentions « meilleur avant » accompagnent la date, sauf explication claire ailleurs",
        fix='Print "Best before / Meilleur avant" next to the date{quote}, or an explanation such as "Best before: '
        'see bottom / Meilleur avant : voir le dessous".',
        fix_fr="Inscrivez « Best before / Meilleur avant » à côté de la date{quote}, ou une explication comme "
        "« Meilleur avant : voir le dessous ».",
        question="Do the words that go with the date{quote} appear elsewhere on the label with a clear explanation?",
        question_fr="Les mentions qui accompagnent la date{quote} figurent-elles ailleurs sur l'étiquette avec une "
        "explication claire ?",
        subject="the date",
        subject_fr="la date",
    ),
    "6.4": Advice(
        title_fr="Format de la date : l'année (facultative, au moins 2 chiffres), puis le mois, puis le jour",
        fix="Write the date{quote} as year, month, day with the month in letters, e.g. 27 JN 15 (the year may be "
        "left out).",
        fix_fr="Écrivez la date{quote} dans l'ordre année, mois, jour, le mois en lettres, p. ex. 27 JN 15 "
        "(l'année peut être omise).",
        question="Is {term} a date written year, month, day?",
        question_fr="{term} est-elle une date écrite dans l'ordre année, mois, jour ?",
        subject="the date",
        subject_fr="la date",
    ),
    "6.5": Advice(
        title_fr="Mois : abréviations bilingues JA FE MR AL MA JN JL AU SE OC NO DE, ou le mois en toutes lettres "
        "dans les deux langues",
        fix="Write {term} as one of the bilingual codes JA FE MR AL MA JN JL AU SE OC NO DE, or in words "
        "in both English and French.",
        fix_fr="Écrivez {term} avec l'une des abréviations bilingues JA FE MR AL MA JN JL AU SE OC NO DE, ou "
        "en toutes lettres en anglais et en français.",
        question="Is {term} one of the bilingual codes, or written in both languages?",
        question_fr="{term} est-il écrit avec une abréviation bilingue ou dans les deux langues ?",
        subject="the month",
        subject_fr="le mois",
    ),
    "6.7": Advice(
        title_fr="Aliments exemptés de la datation (fruits et légumes frais préemballés, portions de restaurant, etc.)",
        fix="Add the date marking the food needs: the exemption claimed does not apply to it.",
        fix_fr="Ajoutez la datation requise : l'exemption invoquée ne s'applique pas à cet aliment.",
        question="Is this food one of the foods exempt from date marking (FDR B.01.007(3))?",
        question_fr="Cet aliment fait-il partie des aliments exemptés de la datation (B.01.007(3) du RAD) ?",
    ),
    "6.8": Advice(
        title_fr="Durée de conservation de plus de 90 jours : la date est facultative, mais si elle figure, elle "
        "suit les règles de format",
        fix='Write the date{quote} as the rules require ("Best before / Meilleur avant", then year, month, day with a '
        "bilingual month code), or remove it.",
        fix_fr="Écrivez la date{quote} comme l'exigent les règles (« Best before / Meilleur avant », puis année, "
        "mois, jour avec une abréviation bilingue du mois), ou retirez-la.",
        question="Is the durable life of this food more than 90 days?",
        question_fr="La durée de conservation de cet aliment dépasse-t-elle 90 jours ?",
        subject="the date",
        subject_fr="la date",
    ),
    "6.9": Advice(
        title_fr="« Use by / employez avant » n'est permis que pour la levure fraîche préemballée",
        fix='Replace {term} with "Best before / Meilleur avant" (or "Expiry date / Date limite d\'utilisation" '
        "for the foods that need one).",
        fix_fr="Remplacez {term} par « Best before / Meilleur avant » (ou « Expiry date / Date limite "
        "d'utilisation » pour les aliments qui l'exigent).",
        question="Is this food prepackaged fresh yeast?",
        question_fr="Cet aliment est-il de la levure fraîche préemballée ?",
        subject='"use by"',
        subject_fr="« employez avant »",
    ),
    "6.10": Advice(
        title_fr="Date limite d'utilisation obligatoire (préparations pour régimes liquides, substituts de repas, "
        "suppléments nutritifs, préparations pour nourrissons…)",
        fix='Add an expiration date with "Expiry date / Date limite d\'utilisation" (or "Expiration date / Date '
        "d'expiration\") and the storage conditions.",
        fix_fr="Ajoutez une date limite d'utilisation précédée de « Expiry date / Date limite d'utilisation » ainsi "
        "que les conditions d'entreposage.",
        question="Is this food a formulated liquid diet, meal replacement, nutritional supplement or human milk "
        "substitute (which need an expiration date)?",
        question_fr="Cet aliment est-il une préparation pour régime liquide, un substitut de repas, un supplément "
        "nutritif ou un succédané de lait humain (qui exigent une date limite d'utilisation) ?",
    ),
    "6.11": Advice(
        title_fr="Instructions d'entreposage lorsque les conditions diffèrent de la température ambiante",
        fix='Add the storage instructions in both languages, e.g. "Keep refrigerated / Garder réfrigéré".',
        fix_fr="Ajoutez les instructions d'entreposage dans les deux langues, p. ex. « Keep refrigerated / Garder "
        "réfrigéré ».",
        question="Must this food be stored other than at room temperature (refrigerated or frozen)?",
        question_fr="Cet aliment doit-il être conservé autrement qu'à la température ambiante (réfrigéré ou congelé) ?",
    ),
    "6.12": Advice(
        title_fr="La date, ses mentions et les instructions d'entreposage ne sont pas groupées avec la liste des "
        "ingrédients",
        fix="Move {term} away from the ingredient list, so that it is not read as part of it.",
        fix_fr="Éloignez {term} de la liste des ingrédients, pour qu'il ne soit pas lu comme en faisant partie.",
        question="Is {term} set apart from the ingredient list on the printed label?",
        question_fr="{term} est-il séparé de la liste des ingrédients sur l'étiquette imprimée ?",
        subject="the date and its words",
        subject_fr="la date et ses mentions",
    ),
    "6.13": Advice(
        title_fr="Les codes de lot contenant « BB » ou « MA » sont déconseillés (risque de confusion)",
        fix='Change {term} so that it does not contain "BB" or "MA", which read as best-before words.',
        fix_fr="Modifiez {term} pour qu'il ne contienne ni « BB » ni « MA », qui se lisent comme une mention de date.",
        question="Could {term} be mistaken for a best-before date?",
        question_fr="{term} peut-il être confondu avec une date « meilleur avant » ?",
        subject="the lot code",
        subject_fr="le code de lot",
    ),
}
