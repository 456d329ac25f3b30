"""What to do about each dealer name-and-address finding, in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "3.1": Advice(
        title_fr="Nom et établissement principal de la personne par qui ou pour qui l'aliment a été fabriqué ou "
        "emballé",
        fix="Show the name and principal place of business of the company by or for whom the food was made or "
        'packaged (e.g. "Prairie Crisp Snacks Ltd., Montréal QC H2Y 1G6"), or "Imported by / Importé par" with '
        "the Canadian importer.",
        fix_fr="Indiquez le nom et l'établissement principal de l'entreprise par qui ou pour qui l'aliment a été "
        "fabriqué ou emballé, ou « Imported by / Importé par » suivi de l'importateur canadien.",
        question="Is {term} the name and principal place of business of the company the food was made or packaged "
        "by or for?",
        question_fr="{term} est-il le nom et l'établissement principal de l'entreprise par qui ou pour qui "
        "l'aliment a été fabriqué ou emballé ?",
        subject="the name and address",
        subject_fr="le nom et l'adresse",
    ),
    "3.2": Advice(
        title_fr="L'adresse est un lieu physique",
        fix="Replace {term} with a physical address (city and province, with a postal code if you wish); a post "
        "office box or a website is not enough.",
        fix_fr="Remplacez {term} par une adresse physique (ville et province) ; une case postale ou un site Web ne "
        "suffit pas.",
        question="Is {term} enough for the company to be reached by mail (a physical location)?",
        question_fr="{term} suffit-il pour joindre l'entreprise par la poste (un lieu physique) ?",
        subject="the address",
        subject_fr="l'adresse",
    ),
}
