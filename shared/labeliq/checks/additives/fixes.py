"""What to do about each food-additive finding (section 13), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "13.1": Advice(
        title_fr="Additifs alimentaires seulement selon les 15 Listes des additifs alimentaires autorisés de Santé "
        "Canada",
        fix="Remove {term}, or use it only as Health Canada's Lists of Permitted Food Additives allow for this food.",
        fix_fr="Retirez {term}, ou ne l'employez que comme le permettent les Listes des additifs alimentaires "
        "autorisés de Santé Canada pour cet aliment.",
        question="Is {term} permitted in this food, for this purpose and at this level, by the Lists of Permitted "
        "Food Additives?",
        question_fr="{term} est-il autorisé dans cet aliment, pour cet usage et à cette dose, par les Listes des "
        "additifs alimentaires autorisés ?",
        subject="the additive",
        subject_fr="l'additif",
    ),
    "13.2": Advice(
        title_fr="Chaque additif est déclaré par son nom usuel (celui des listes, ou un synonyme permis par l'ACIA)",
        fix="Declare {term} by its common name as given in the Lists of Permitted Food Additives (or a permitted "
        "synonym), in both languages.",
        fix_fr="Déclarez {term} par son nom usuel tel qu'il figure dans les Listes des additifs alimentaires "
        "autorisés (ou un synonyme permis), dans les deux langues.",
        question="Is {term} the common name of the additive, or a permitted synonym?",
        question_fr="{term} est-il le nom usuel de l'additif, ou un synonyme permis ?",
        subject="the additive",
        subject_fr="l'additif",
    ),
    "13.3": Advice(
        title_fr="Un numéro SIN ou E seul n'est pas un nom usuel acceptable",
        fix='Replace {term} with the additive\'s common name (e.g. "citric acid" for E330).',
        fix_fr="Remplacez {term} par le nom usuel de l'additif (p. ex. « acide citrique » pour E330).",
        question="Is {term} the only name given for the additive?",
        question_fr="{term} est-il le seul nom donné à l'additif ?",
        subject="the E or INS number",
        subject_fr="le numéro E ou SIN",
    ),
    "13.4": Advice(
        title_fr="Noms de catégorie permis par le tableau 2 du Document sur les noms usuels (p. ex. « phosphates "
        "de sodium »)",
        fix="Replace the class name{quote} with the common name of each additive, or with a class name the table "
        "permits.",
        fix_fr="Remplacez le nom de catégorie{quote} par le nom usuel de chaque additif, ou par un nom de catégorie "
        "que le tableau permet.",
        question="Is the class name{quote} permitted for these additives?",
        question_fr="Le nom de catégorie{quote} est-il permis pour ces additifs ?",
        subject="class name used",
        subject_fr="employé",
    ),
    "13.5": Advice(
        title_fr="Colorants : le nom précis (p. ex. « rouge allura », « tartrazine ») ; « colorant » comme nom de "
        "catégorie seulement si permis",
        fix="Replace {term} with the specific name of each colour in the List of Permitted Colouring Agents (e.g. "
        '"allura red / rouge allura").',
        fix_fr="Remplacez {term} par le nom précis de chaque colorant dans la Liste des colorants autorisés (p. ex. « "
        "rouge allura / allura red »).",
        question="{term}: is it a name the List of Permitted Colouring Agents (or the CFIA) accepts for this colour?",
        question_fr="{term} : est-ce un nom que la Liste des colorants autorisés (ou l'ACIA) accepte pour ce colorant "
        "?",
        subject="the colour's name as declared",
        subject_fr="le nom du colorant tel que déclaré",
    ),
    "13.6": Advice(
        title_fr="Préparations d'additifs et prémélanges : quantité de chaque additif, ou mode d'emploi",
        fix="State the amount of each additive in {term}, or directions that keep it within the permitted level.",
        fix_fr="Indiquez la quantité de chaque additif de {term}, ou un mode d'emploi qui la maintient sous la dose "
        "permise.",
        question="Is {term} an additive preparation sold to manufacturers, and does it state each additive's amount?",
        question_fr="{term} est-il une préparation d'additifs vendue aux fabricants, et indique-t-il la quantité de "
        "chaque additif ?",
        subject="the preparation",
        subject_fr="la préparation",
    ),
    "13.8": Advice(
        title_fr="L'extrait ou l'essence de vanille (normalisés) ne contient pas de colorant ajouté",
        fix="Remove the added colour{quote} from the vanilla extract or vanilla flavour.",
        fix_fr="Retirez le colorant ajouté{quote} de l'extrait ou de l'essence de vanille.",
        question="Does the vanilla extract or flavour contain added colour?",
        question_fr="L'extrait ou l'essence de vanille contient-il un colorant ajouté ?",
    ),
    "13.9": Advice(
        title_fr="Arôme artificiel : « artificiel » ou « imitation » fait partie du nom, dans les mêmes caractères",
        fix='Add "artificial" or "imitation" ("artificiel", "imitation") to {term}, in the same type.',
        fix_fr="Ajoutez « artificiel » ou « imitation » à {term}, dans les mêmes caractères.",
        question="Is {term} an artificial flavour, and does its name say so in the same type?",
        question_fr="{term} est-il un arôme artificiel, et son nom le dit-il dans les mêmes caractères ?",
        subject="the flavour name",
        subject_fr="le nom de l'arôme",
    ),
}
