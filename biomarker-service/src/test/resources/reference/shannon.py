#!/usr/bin/env python3
"""Reference Shannon diversity of a genus-level stool profile, for DerivationsTest and
DerivedAnalytesTest, computed with SciPy.

Regenerate (python3-scipy):
    python3 shannon.py > shannon.json

The profile: 50 gut genera (real NCBI Taxonomy ids) with abundances in % that fall off roughly
geometrically, as genus profiles of stool do (a few genera above 10 %, a long tail below 0.1 %),
plus 7.25 % unclassified at genus level; abundances rounded to 4 decimals as a pipeline writes
them, the last genus absorbing the rounding so that genera + unclassified = 100 % exactly.

H = scipy.stats.entropy(genus abundances), natural log: SciPy normalises the abundances to sum 1,
i.e. the unclassified share is left out and the genera renormalised (the service's rule).
"shannon_unclassified_as_one_genus" is the other convention, for comparison only.
"incomplete": the same profile without its 5 most abundant genera after the first (sum far below
100 %), for which no Shannon index may be derived.
"""
import json
import math

import scipy
from scipy import stats

GENERA = [
    # (name, NCBI Taxonomy id)
    ("Bacteroides", 816), ("Faecalibacterium", 216851), ("Prevotella", 838),
    ("Blautia", 572511), ("Alistipes", 239759), ("Ruminococcus", 1263),
    ("Bifidobacterium", 1678), ("Roseburia", 841), ("Eubacterium", 1730),
    ("Parabacteroides", 375288), ("Subdoligranulum", 292632), ("Coprococcus", 33042),
    ("Agathobacter", 1766253), ("Dorea", 189330), ("Akkermansia", 239934),
    ("Collinsella", 102106), ("Anaerostipes", 207244), ("Oscillibacter", 459786),
    ("Fusicatenibacter", 1407607), ("Dialister", 39948), ("Phascolarctobacterium", 33024),
    ("Odoribacter", 283168), ("Barnesiella", 397864), ("Clostridium", 1485),
    ("Lachnospira", 28050), ("Streptococcus", 1301), ("Butyricimonas", 574697),
    ("Sutterella", 40544), ("Paraprevotella", 577309), ("Holdemanella", 1573535),
    ("Romboutsia", 1501226), ("Escherichia", 561), ("Veillonella", 29465),
    ("Bilophila", 35832), ("Methanobrevibacter", 2172), ("Lactobacillus", 1578),
    ("Intestinibacter", 1505657), ("Turicibacter", 191303), ("Megasphaera", 906),
    ("Desulfovibrio", 872), ("Catenibacterium", 135858), ("Christensenella", 990721),
    ("Eggerthella", 84111), ("Lachnoclostridium", 1506553), ("Megamonas", 158846),
    ("Butyrivibrio", 830), ("Coprobacter", 1348911), ("Enterococcus", 1350),
    ("Klebsiella", 570), ("Haemophilus", 724),
]
UNCLASSIFIED = 7.25


def profile():
    weights = [math.exp(-0.11 * i) * (1 + 0.35 * math.sin(1.7 * i)) for i in range(len(GENERA))]
    scale = (100 - UNCLASSIFIED) / sum(weights)
    values = [round(w * scale, 4) for w in weights]
    values[-1] = round(100 - UNCLASSIFIED - sum(values[:-1]), 4)
    assert min(values) > 0
    return values


def main():
    values = profile()
    incomplete = values[:1] + values[6:]
    print(json.dumps({
        "scipy": scipy.__version__,
        "genera": [{"name": n, "ncbiTaxonId": t, "percent": v} for (n, t), v in zip(GENERA, values)],
        "unclassified": UNCLASSIFIED,
        "sum": round(sum(values) + UNCLASSIFIED, 10),
        "shannon": float(stats.entropy(values)),
        "shannon_unclassified_as_one_genus": float(stats.entropy(values + [UNCLASSIFIED])),
        "ln8": math.log(8),
        "incomplete": {
            "genera": [t for (_, t) in GENERA[:1] + GENERA[6:]],
            "sum": round(sum(incomplete) + UNCLASSIFIED, 10),
        },
    }, indent=2))


if __name__ == "__main__":
    main()
