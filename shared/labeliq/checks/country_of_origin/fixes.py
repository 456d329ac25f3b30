"""What to do about each origin finding (section 3), in English and French: see common/advice.py."""

from labeliq.checks.common.advice import Advice

FIXES: dict[str, Advice] = {
    "3.3": Advice(
        title_fr="Aliment importé entièrement fabriqué à l'étranger avec un marchand canadien : « Imported by / "
        "Importé par » ou « Imported for / Importé pour »",
        fix='Put "Imported by / Importé par" (or "Imported for / Importé pour") before the Canadian dealer\'s name '
        'and address, or show the foreign origin ("Product of X / Produit de X") near it.',
        fix_fr="Faites précéder le nom et l'adresse du marchand canadien de « Imported by / Importé par » (ou "
        "« Imported for / Importé pour »), ou indiquez l'origine étrangère (« Produit de X ») à proximité.",
        question="Was the food wholly manufactured outside Canada, and is {term} a Canadian dealer?",
        question_fr="L'aliment a-t-il été entièrement fabriqué hors du Canada, et {term} est-il un marchand canadien ?",
        subject="the dealer named",
        subject_fr="le marchand nommé",
    ),
    "3.4": Advice(
        title_fr="La mention d'origine (« Produit de X ») est près du nom du marchand, en caractères au moins aussi "
        "grands",
        fix="Place {term} close to the dealer's name and address, in characters at least as large.",
        fix_fr="Placez {term} près du nom et de l'adresse du marchand, en caractères au moins aussi grands.",
        question="Is {term} in close proximity to the dealer's name, in characters at least as large?",
        question_fr="{term} est-elle à proximité du nom du marchand, en caractères au moins aussi grands ?",
        subject="the origin statement",
        subject_fr="la mention d'origine",
    ),
    "3.5": Advice(
        title_fr="« Produit de [pays] » obligatoire pour certains produits (vin, produits laitiers, miel, poisson, "
        "fruits et légumes frais…)",
        fix='Add the country of origin, "Product of X / Produit de X", as the commodity rules require.',
        fix_fr="Ajoutez le pays d'origine, « Product of X / Produit de X », comme l'exigent les règles propres au "
        "produit.",
        question="Is this food one of the commodities that must show its country of origin?",
        question_fr="Cet aliment fait-il partie des produits qui doivent indiquer leur pays d'origine ?",
    ),
    "3.6": Advice(
        title_fr="« Produit de France et des États-Unis » (plusieurs pays) n'est pas acceptable",
        fix='Replace {term} with a single country of origin, or with "Made in X from imported ingredients" wording.',
        fix_fr="Remplacez {term} par un seul pays d'origine, ou par une mention « Fabriqué en X avec des "
        "ingrédients importés ».",
        question="Does {term} name more than one country as the origin of the food?",
        question_fr="{term} nomme-t-elle plus d'un pays comme origine de l'aliment ?",
        subject="the origin statement",
        subject_fr="la mention d'origine",
    ),
    "3.7": Advice(
        title_fr="« Produit du Canada » : la totalité ou la quasi-totalité des ingrédients principaux, de la "
        "transformation et de la main-d'œuvre sont canadiens",
        fix='Replace {term} with "Made in Canada from imported ingredients" (or "from domestic and imported '
        'ingredients") unless virtually all of the food is Canadian.',
        fix_fr="Remplacez {term} par « Fabriqué au Canada avec des ingrédients importés » (ou « avec des "
        "ingrédients canadiens et importés »), sauf si la quasi-totalité de l'aliment est canadienne.",
        question="Are all or virtually all the major ingredients, processing and labour of this food Canadian?",
        question_fr="La totalité ou la quasi-totalité des ingrédients principaux, de la transformation et de la "
        "main-d'œuvre de cet aliment sont-elles canadiennes ?",
        subject="the claim",
        subject_fr="l'allégation",
    ),
    "3.8": Advice(
        title_fr="« Fabriqué au Canada » porte un qualificatif : « avec des ingrédients importés » ou « avec des "
        "ingrédients canadiens et importés »",
        fix='Complete {term}: "Made in Canada from imported ingredients / Fabriqué au Canada avec des ingrédients '
        'importés" (or "from domestic and imported ingredients").',
        fix_fr="Complétez {term} : « Fabriqué au Canada avec des ingrédients importés » (ou « avec des ingrédients "
        "canadiens et importés »).",
        question="Is the last substantial transformation of this food done in Canada?",
        question_fr="La dernière transformation substantielle de cet aliment a-t-elle eu lieu au Canada ?",
        subject='"Made in Canada"',
        subject_fr="« Fabriqué au Canada »",
    ),
    "3.9": Advice(
        title_fr="« Local » : produit dans la province ou le territoire de vente, ou vendu à moins de 50 km de là",
        fix="Remove {term}, or sell the food only where it is local (same province or territory, or within 50 km).",
        fix_fr="Retirez {term}, ou vendez l'aliment seulement là où il est local (même province ou territoire, ou à "
        "moins de 50 km).",
        question="Is this food sold in the province or territory where it was produced, or within 50 km of it?",
        question_fr="Cet aliment est-il vendu dans la province ou le territoire où il a été produit, ou à moins de "
        "50 km ?",
        subject='the "local" claim',
        subject_fr="l'allégation « local »",
    ),
    "3.10": Advice(
        title_fr="Une mention sur le lieu de fabrication de l'étiquette ou du contenant précise qu'elle ne vise que "
        "celui-ci",
        fix="Add next to {term} that it refers only to the label or the container, not to the food.",
        fix_fr="Précisez à côté de {term} qu'elle ne vise que l'étiquette ou le contenant, et non l'aliment.",
        question="Does {term} refer to where the label or container was made rather than the food?",
        question_fr="{term} vise-t-elle le lieu de fabrication de l'étiquette ou du contenant plutôt que celui de "
        "l'aliment ?",
        subject="the statement",
        subject_fr="la mention",
    ),
}
