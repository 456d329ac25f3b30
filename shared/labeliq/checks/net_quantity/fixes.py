"""What to do about each net-quantity finding (section 3), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "3.11": Advice(
        title_fr="Quantité nette sur l'espace principal, en unités métriques",
        fix='Show the net quantity in metric units on the principal display panel, e.g. "200 g" or "500 mL".',
        fix_fr="Indiquez la quantité nette en unités métriques sur l'espace principal, p. ex. « 200 g » ou « 500 mL ».",
        question="Is the net quantity{quote} shown on the principal display panel?",
        question_fr="La quantité nette{quote} figure-t-elle sur l'espace principal ?",
        subject="the net quantity",
        subject_fr="la quantité nette",
    ),
    "3.12": Advice(
        title_fr="Unités : mL sous 1000 mL, L à partir de 1000 mL ; g sous 1000 g, kg à partir de 1000 g",
        fix="Write {term} in the prescribed unit: mL below 1000 mL and L from 1000 mL, g below 1000 g and kg from "
        "1000 g.",
        fix_fr="Écrivez {term} dans l'unité prescrite : mL sous 1000 mL et L à partir de 1000 mL, g sous 1000 g et "
        "kg à partir de 1000 g.",
        question="Is {term} declared by volume or weight as the food requires?",
        question_fr="{term} est-elle déclarée en volume ou en poids comme l'exige l'aliment ?",
        subject="the net quantity",
        subject_fr="la quantité nette",
    ),
    "3.13": Advice(
        title_fr="Quantité nette arrondie à trois chiffres significatifs",
        fix="Write {term} as a metric number to three figures, with a decimal rather than a fraction (e.g. 0.5 kg, "
        "454 g).",
        fix_fr="Écrivez {term} en nombre métrique à trois chiffres, avec une décimale plutôt qu'une fraction (p. ex. "
        "0,5 kg, 454 g).",
        question="Is the net quantity{quote} written to three figures?",
        question_fr="La quantité nette{quote} est-elle écrite à trois chiffres ?",
        subject="the net quantity",
        subject_fr="la quantité nette",
    ),
    "3.14": Advice(
        title_fr="Symboles bilingues : g, kg, mL, ml, mℓ, L, l, ℓ, sans ponctuation après le symbole",
        fix="Write the unit in {term} as one of the bilingual symbols g, kg, mL, L, with no period after it.",
        fix_fr="Écrivez l'unité de {term} avec l'un des symboles bilingues g, kg, mL, L, sans point après.",
        question="Is the unit of {term} one of the bilingual symbols?",
        question_fr="L'unité de {term} est-elle l'un des symboles bilingues ?",
        subject="the net quantity",
        subject_fr="la quantité nette",
    ),
    "3.15": Advice(
        title_fr="Les qualificatifs comme « environ », « poids moyen », « gros litre » ou « litre plein » sont "
        "interdits",
        fix="Remove the qualifier{quote} from the net quantity.",
        fix_fr="Retirez le qualificatif{quote} de la quantité nette.",
        question="Does {term} qualify the net quantity?",
        question_fr="{term} qualifie-t-il la quantité nette ?",
        subject="the qualifier",
        subject_fr="le qualificatif",
    ),
    "3.16": Advice(
        title_fr="Chiffres de la quantité nette en gras, bien contrastés",
        fix="Print the numerals of the net quantity in bold type, in distinct contrast with the background.",
        fix_fr="Imprimez les chiffres de la quantité nette en caractères gras, bien contrastés avec le fond.",
        question="Are the net-quantity numerals in bold and at least the minimum height for the principal display "
        "surface?",
        question_fr="Les chiffres de la quantité nette sont-ils en gras et d'au moins la hauteur minimale prévue "
        "pour la principale surface exposée ?",
    ),
    "3.17": Advice(
        title_fr="Unités métriques et canadiennes (impériales) groupées",
        fix="Group the metric and imperial quantities{quote} together, metric first.",
        fix_fr="Groupez les quantités métriques et impériales {term}, le métrique en premier.",
        question="Are the metric and imperial quantities shown together?",
        question_fr="Les quantités métriques et impériales sont-elles groupées ?",
        subject="the net quantities",
        subject_fr="les quantités nettes",
    ),
}
