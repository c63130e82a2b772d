#!/usr/bin/env python3
"""Reference Holm-adjusted p values for HolmTest, from statsmodels' multipletests(method='holm').

Regenerate (python3-statsmodels):
    python3 holm.py > holm.json

The service leaves undefined p values (null) out of the family; here they are left out before
calling multipletests and put back as null.
"""
import json

import statsmodels
from statsmodels.stats.multitest import multipletests

CASES = [
    ("one", [0.03]),
    ("two_arms_vs_comparator", [0.15513634201235565, 0.0123]),
    ("three_unsorted", [0.04, 0.01, 0.03]),
    ("ties", [0.02, 0.02, 0.5]),
    ("capped_at_one", [0.6, 0.7, 0.9]),
    ("monotone_step_down", [0.011, 0.012, 0.013, 0.2]),
    ("tiny", [1e-30, 3e-12, 0.049]),
    ("with_undefined", [0.04, None, 0.01]),
]


def main():
    cases = []
    for name, p in CASES:
        defined = [x for x in p if x is not None]
        adjusted = iter(multipletests(defined, method="holm")[1]) if defined else iter([])
        cases.append(
            {"name": name, "p": p, "holm": [None if x is None else float(next(adjusted)) for x in p]}
        )
    print(json.dumps({"generatedBy": "holm.py", "statsmodels": statsmodels.__version__,
                      "cases": cases}, indent=2))


if __name__ == "__main__":
    main()
