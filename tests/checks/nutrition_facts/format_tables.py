"""Nutrition Facts tables in the formats the FDR allows (B.01.454-B.01.466), built from the regulation's rules,
not from our samples: each one's numbers were worked out by hand (legal rounding of column 4, %DV of the Daily
Value, energy from 9/4/4 kcal/g), as its comment shows. Shared by the parser and the checker tests."""

from __future__ import annotations

# Dual format, foods requiring preparation (B.01.406(5), B.01.456): as sold and as prepared columns under one
# serving. Cake mix 40 g: fat 3 g = 4 % of 75 g; sat 1.5 + trans 0 = 7.5 % of 20 g; sodium 280 mg = 12 %; energy 27
# + 128 + 8 = 163 -> 160.
DUAL = """Nutrition Facts
Valeur nutritive
Per 1/3 cup mix (40 g) / pour 1/3 tasse de mélange (40 g)
                          As sold           Prepared
                          Tel que vendu     Préparé
Calories                  160               280
                          % Daily Value* / % valeur quotidienne*
Fat / Lipides 3 g         4 %               20 %
Saturated / saturés 1.5 g
+ Trans / trans 0 g       8 %               15 %
Carbohydrate / Glucides 32 g
Fibre / Fibres 1 g        4 %               4 %
Sugars / Sucres 18 g      18 %              18 %
Protein / Protéines 2 g
Cholesterol / Cholestérol 0 mg
Sodium 280 mg             12 %              14 %
Potassium 50 mg           1 %               2 %
Calcium 50 mg             4 %               6 %
Iron / Fer 1 mg           6 %               8 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""

# Dual format, different amounts of food (B.01.406(7), B.01.458): per cup and per can side by side. Soft drink 250
# mL: sugars 27 g = 27 %, sodium 30 mg = 1 %; energy 4 x 28 = 112 -> 110.
TWOAMOUNTS = """Nutrition Facts
Valeur nutritive
Per 1 cup (250 mL)        Per 1 can (355 mL)
pour 1 tasse (250 mL)     pour 1 canette (355 mL)
Calories 110              Calories 150
                %DV*/%VQ*                 %DV*/%VQ*
Fat / Lipides 0 g     0 %       0 g       0 %
Saturated / saturés 0 g         0 g
+ Trans / trans 0 g   0 %       0 g       0 %
Carbohydrate / Glucides 28 g    39 g
Fibre / Fibres 0 g    0 %       0 g       0 %
Sugars / Sucres 27 g  27 %      38 g      38 %
Protein / Protéines 0 g         0 g
Cholesterol / Cholestérol 0 mg  0 mg
Sodium 30 mg          1 %       40 mg     2 %
Potassium 0 mg        0 %       0 mg      0 %
Calcium 0 mg          0 %       0 mg      0 %
Iron / Fer 0 mg       0 %       0 mg      0 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""

# Bilingual horizontal format (B.01.454 Part 4): two rows side by side. Bar 40 g: fat 7 g = 9 %, sat 3 + trans 0 =
# 15 %, fibre 2 g = 7 %, sodium 95 mg = 4 %, potassium 150 mg = 4 %, calcium 30 mg = 2 %, iron 1 mg = 6 %; energy 63
# + 104 + 12 = 179 -> 180.
HORIZONTAL = """Nutrition Facts / Valeur nutritive
Per 1 bar (40 g) / pour 1 barre (40 g)
Calories 180        % DV* / % VQ*                              % DV* / % VQ*
Fat / Lipides 7 g            9 %        Carbohydrate / Glucides 26 g
Saturated / saturés 3 g                 Fibre / Fibres 2 g             7 %
+ Trans / trans 0 g         15 %        Sugars / Sucres 12 g          12 %
Cholesterol / Cholestérol 0 mg          Protein / Protéines 3 g
Sodium 95 mg                 4 %        Calcium 30 mg                  2 %
Potassium 150 mg             4 %        Iron / Fer 1 mg                6 %
*5% or less is a little, 15% or more is a lot / *5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""

# Narrow standard format (B.01.454 Part 2): labels wrap over two lines, the trans row's %DV on the next line. Milk
# 250 mL: fat 5 g = 7 %, sat 3 + trans 0.2 = 16 %, sodium 120 mg = 5 %, potassium 400 mg = 12 %, calcium 300 mg = 23
# %, vitamin D 2.5 ug = 13 % (of 20 ug); energy 45 + 48 + 36 = 129 -> 130.
NARROW = """Nutrition Facts
Valeur nutritive
Per 1 cup (250 mL)
pour 1 tasse (250 mL)
Calories 130
% Daily Value*
% valeur quotidienne*
Fat / Lipides
5 g 7 %
Saturated / saturés 3 g
+ Trans / trans 0.2 g
16 %
Carbohydrate /
Glucides 12 g
Fibre / Fibres 0 g 0 %
Sugars / Sucres 12 g 12 %
Protein / Protéines 9 g
Cholesterol /
Cholestérol 20 mg
Sodium 120 mg 5 %
Potassium 400 mg 12 %
Calcium 300 mg 23 %
Iron / Fer 0 mg 0 %
Vitamin D / Vitamine D 2.5 µg 13 %
*5% or less is a little,
15% or more is a lot
*5 % ou moins
c'est peu, 15 % ou
plus c'est beaucoup
"""

# Aggregate format, different kinds of foods (B.01.406(3)(a), B.01.457): one column per variety; the first is read.
# Oatmeal 43 g: fat 3 g = 4 %, fibre 4 g = 14 %, iron 1.5 mg = 8 %; energy 27 + 108 + 20 = 155 -> 160.
AGGREGATE = """Nutrition Facts / Valeur nutritive
                              Original      Maple / Érable
Per 1 pouch (43 g) / pour 1 sachet (43 g)
Calories                      160           170
                              % Daily Value* / % valeur quotidienne*
Fat / Lipides 3 g             4 %           3 g    4 %
Saturated / saturés 0.5 g                   0.5 g
+ Trans / trans 0 g           3 %           0 g    3 %
Carbohydrate / Glucides 27 g                30 g
Fibre / Fibres 4 g            14 %          3 g    11 %
Sugars / Sucres 1 g           1 %           12 g   12 %
Protein / Protéines 5 g                     4 g
Cholesterol / Cholestérol 0 mg              0 mg
Sodium 0 mg                   0 %           150 mg 7 %
Potassium 150 mg              4 %           150 mg 4 %
Calcium 30 mg                 2 %           30 mg  2 %
Iron / Fer 1.5 mg             8 %           1.25 mg 7 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""

# Simplified format (B.01.401(6), B.01.455): 7 of 13 items are 0 or omitted; the omitted ones are named. Sauce 15
# mL: sodium 190 mg = 8 %.
SIMPLIFIED = """Nutrition Facts / Valeur nutritive
Per 1 tbsp (15 mL) / pour 1 c. à soupe (15 mL)
Calories 5
% Daily Value* / % valeur quotidienne*
Fat / Lipides 0 g          0 %
Carbohydrate / Glucides 1 g
Protein / Protéines 0 g
Sodium 190 mg              8 %
Not a significant source of saturated fat, trans fat, cholesterol, fibre, sugars, potassium, calcium or iron
Source négligeable de lipides saturés, lipides trans, cholestérol, fibres, sucres, potassium, calcium et fer
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""

# Standard format for a food solely for infants 6 to 12 months (B.01.403, B.01.461): no %DV for fat, fibre, sugars,
# sodium (B.01.403(2)), saturated, trans and cholesterol omitted (B.01.403(3)). Infant cereal 28 g: potassium 100 mg
# = 14 % of 700 mg, calcium 150 mg = 58 % of 260 mg, iron 6 mg = 55 % of 11 mg; energy 13.5 + 84 + 12 = 110.
INFANT = """Nutrition Facts
Valeur nutritive
Per 1/2 cup (28 g) / pour 1/2 tasse (28 g)
Calories 110
                                % Daily Value* / % valeur quotidienne*
Fat / Lipides 1.5 g
Carbohydrate / Glucides 21 g
Fibre / Fibres 2 g
Sugars / Sucres 1 g
Protein / Protéines 3 g
Sodium 10 mg
Potassium 100 mg                 14 %
Calcium 150 mg                   58 %
Iron / Fer 6 mg                  55 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""
