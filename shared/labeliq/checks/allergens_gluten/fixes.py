"""What to do about each allergen, gluten and sulphite finding (section 9), in English and French.

See labeliq.checks.common.advice. Source names follow FDR B.01.010.1(1) and the CFIA French texts ("Contient",
"Peut contenir", "sulfites").
"""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "9.3": Advice(
        title_fr="Les sulfites ajoutés totalisant 10 p.p.m. ou plus sont déclarés (dans la liste ou la mention "
        "« Contient »)",
        fix='Declare the sulphites: write "sulphites" in the ingredient list (e.g. after {term}) or add '
        '"Sulphites / Sulfites" to the Contains / Contient statement.',
        fix_fr="Déclarez les sulfites : écrivez « sulfites » dans la liste des ingrédients (p. ex. après {term}) ou "
        "ajoutez « Sulfites » à la mention « Contient ».",
        question="Does the food contain 10 ppm or more of added sulphites in total?",
        question_fr="L'aliment contient-il au total 10 p.p.m. ou plus de sulfites ajoutés ?",
        subject="the sulphiting agent",
        subject_fr="l'agent de sulfitage",
    ),
    "9.4": Advice(
        title_fr="Noms prescrits des sources d'allergènes (noix par leur nom, crustacés et mollusques par leur nom, "
        "etc.)",
        fix="Name {term} by its prescribed source name (e.g. the name of the tree nut, the fish, the "
        "crustacean or the shellfish) in both languages.",
        fix_fr="Désignez {term} par son nom de source prescrit (p. ex. le nom de la noix, du poisson, du "
        "crustacé ou du mollusque) dans les deux langues.",
        question="Is {term} the prescribed name of the allergen source it stands for?",
        question_fr="{term} est-il le nom prescrit de la source d'allergène qu'il désigne ?",
        subject="the allergen source",
        subject_fr="la source d'allergène",
    ),
    "9.5": Advice(
        title_fr="Noms des sulfites : « sulfites » ou « agents de sulfitage » (l'anhydride sulfureux, le dithionite "
        "de sodium et l'acide sulfureux doivent être suivis de « sulfites »)",
        fix="Add '(sulphites)' (in the French list '(sulfites)') right after {term} in the ingredient list, or add "
        "Sulphites / Sulfites to the Contains / Contient statement.",
        fix_fr="Ajoutez « (sulfites) » entre parenthèses juste après {term} dans la liste des ingrédients, ou "
        "ajoutez Sulfites à la mention « Contient ».",
        question="Is {term} identified as a sulphite in the ingredient list or the Contains statement?",
        question_fr="{term} est-il désigné comme sulfite dans la liste des ingrédients ou la mention « Contient » ?",
        subject="the sulphiting agent",
        subject_fr="l'agent de sulfitage",
    ),
    "9.6": Advice(
        title_fr="Où déclarer : la source entre parenthèses juste après l'ingrédient ou le constituant, ou dans la "
        "mention « Contient »",
        fix="Declare the allergen source of {term}: in parentheses right after it in the ingredient list (e.g. "
        '"whey (milk)"), or in the Contains / Contient statement, in both languages.',
        fix_fr="Déclarez la source d'allergène de {term} : entre parenthèses juste après l'ingrédient (p. ex. "
        "« lactosérum (lait) ») ou dans la mention « Contient », dans les deux langues.",
        question="Is {term} made from a priority allergen, gluten source or sulphites that must be declared?",
        question_fr="{term} est-il fait d'un allergène prioritaire, d'une source de gluten ou de sulfites à déclarer ?",
        subject="the ingredient",
        subject_fr="l'ingrédient",
    ),
    "9.7": Advice(
        title_fr="Mention « Contient » : titre « Contains » / « Contient » (deux-points facultatifs), en gras",
        fix='Declare every allergen, gluten source and sulphites in the statement titled "Contains" / "Contient" '
        "(in bold), including {term}.",
        fix_fr="Déclarez chaque allergène, source de gluten et les sulfites dans la mention intitulée « Contient » "
        "(en gras), y compris {term}.",
        question="Does the Contains statement name every allergen, gluten source and sulphite of the food, with the "
        "title in bold?",
        question_fr="La mention « Contient » nomme-t-elle chaque allergène, source de gluten et sulfite de "
        "l'aliment, avec le titre en gras ?",
        subject="the missing source",
        subject_fr="la source manquante",
    ),
    "9.8": Advice(
        title_fr="Ordre et emplacement : liste des ingrédients, mention de la phénylalanine, « Contient », puis "
        "« Peut contenir », sur le même panneau",
        fix="Place the statements in this order right after the ingredient list: phenylalanine statement, "
        '"Contains / Contient", then "May contain / Peut contenir".',
        fix_fr="Placez les mentions dans cet ordre juste après la liste des ingrédients : mention de la "
        "phénylalanine, « Contient », puis « Peut contenir ».",
        question="Do the Contains and May contain statements follow the ingredient list, in that order, with no "
        "intervening text?",
        question_fr="Les mentions « Contient » et « Peut contenir » suivent-elles la liste des ingrédients, dans cet "
        "ordre, sans texte intercalé ?",
    ),
    "9.9": Advice(
        title_fr="Si la mention « Contient » commence sur la même ligne que la mention de la phénylalanine, son "
        "titre commence par une majuscule",
        fix='Start the Contains statement on its own line, or begin its title with a capital: "Contains" / "Contient".',
        fix_fr="Commencez la mention « Contient » sur sa propre ligne, ou son titre par une majuscule.",
        question="Does the Contains statement start on the same line as the phenylalanine statement?",
        question_fr="La mention « Contient » commence-t-elle sur la même ligne que la mention de la phénylalanine ?",
    ),
    "9.10": Advice(
        title_fr="Mise en garde « Peut contenir » : facultative, mais en anglais et en français",
        fix='Give the precautionary statement in both languages: "May contain: X" and "Peut contenir : X".',
        fix_fr="Donnez la mise en garde dans les deux langues : « May contain: X » et « Peut contenir : X ».",
        question="Is the precautionary statement{quote} shown in both languages with the same allergens?",
        question_fr="La mise en garde{quote} figure-t-elle dans les deux langues avec les mêmes allergènes ?",
        subject='the "May contain" statement',
        subject_fr="la mention « Peut contenir »",
    ),
    "9.11": Advice(
        title_fr="Contradiction : « sans X » avec « peut contenir X » est inacceptable",
        fix='Remove either {term} or the "May contain" warning for the same allergen: they cannot appear together.',
        fix_fr="Retirez soit {term}, soit la mise en garde « Peut contenir » visant le même allergène : les deux ne "
        "peuvent figurer ensemble.",
        question="Do the free-from claim and the precautionary statement on this label name the same allergen?",
        question_fr="L'allégation « sans » et la mise en garde visent-elles le même allergène ?",
        subject='the "free" claim',
        subject_fr="l'allégation « sans »",
    ),
    "9.12": Advice(
        title_fr="« Sans gluten » (B.24.018) : interdit si l'aliment contient une protéine de gluten des cinq céréales",
        fix="Remove {term}: the food contains a gluten source (named in the finding), so it cannot be called "
        "gluten-free.",
        fix_fr="Retirez {term} : l'aliment contient une source de gluten (nommée dans le constat) et ne peut donc "
        "être dit sans gluten.",
        question="Does the food contain any gluten protein, or any part of wheat, barley, rye, oats or triticale?",
        question_fr="L'aliment contient-il une protéine de gluten ou une partie de blé, d'orge, de seigle, d'avoine "
        "ou de triticale ?",
        subject='the "gluten-free" claim',
        subject_fr="l'allégation « sans gluten »",
    ),
    "9.13": Advice(
        title_fr="« Sans blé » n'équivaut pas à « sans gluten » ; la graine d'alpiste ne peut porter « sans blé »",
        fix='Reword {term}: "wheat-free" says nothing about gluten, and a food with canary seed cannot claim it.',
        fix_fr="Reformulez {term} : « sans blé » ne dit rien du gluten, et un aliment contenant de la graine "
        "d'alpiste ne peut l'affirmer.",
        question="Is the claim{quote} true of this food as formulated?",
        question_fr="L'allégation{quote} est-elle exacte pour cet aliment tel que formulé ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "9.14": Advice(
        title_fr="Les huiles hautement raffinées tirées d'allergènes ne sont pas visées par les règles renforcées",
        fix="Declare the allergen source of {term} unless the oil is highly refined.",
        fix_fr="Déclarez la source d'allergène de {term}, sauf si l'huile est hautement raffinée.",
        question="Is {term} a highly refined oil?",
        question_fr="{term} est-elle une huile hautement raffinée ?",
        subject="the oil",
        subject_fr="l'huile",
    ),
    "9.15": Advice(
        title_fr="Les produits exemptés (B.01.008(2)a) à e)) n'ont pas à déclarer les allergènes, sauf s'ils "
        "portent volontairement une liste",
        fix="Since the label shows a list of ingredients, declare the allergens, gluten sources and sulphites in it "
        "or in a Contains statement.",
        fix_fr="Comme l'étiquette porte une liste des ingrédients, déclarez-y les allergènes, les sources de gluten "
        "et les sulfites, ou dans une mention « Contient ».",
        question="Is this product one of those exempt from the list of ingredients (FDR B.01.008(2))?",
        question_fr="Ce produit est-il exempté de la liste des ingrédients (B.01.008(2) du RAD) ?",
    ),
}
