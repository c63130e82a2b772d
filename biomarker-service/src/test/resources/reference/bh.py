#!/usr/bin/env python3
"""Reference Benjamini-Hochberg adjusted p values for BenjaminiHochbergTest, from statsmodels'
multipletests(method='fdr_bh').

Regenerate (Debian python3-statsmodels):
    /usr/bin/python3 bh.py > bh.json

Undefined (null) p values are left out of the family, as the service does, and put back as null.
"""
import json

import statsmodels
from statsmodels.stats.multitest import multipletests

CASES = [
    ("one", [0.03]),
    ("four_unsorted", [0.0141, 0.1917, 0.4742, 0.0982]),
    ("ties", [0.02, 0.02, 0.5]),
    ("step_up_keeps_monotone", [0.01, 0.04, 0.03, 0.05, 0.2]),
    ("capped_at_one", [0.6, 0.9, 0.95]),
    ("tiny", [1e-30, 3e-12, 0.049]),
    ("with_undefined", [0.04, None, 0.01]),
]


def main():
    cases = []
    for name, p in CASES:
        defined = [x for x in p if x is not None]
        adjusted = iter(multipletests(defined, method="fdr_bh")[1])
        cases.append({"name": name, "p": p,
                      "bh": [None if x is None else float(next(adjusted)) for x in p]})
    print(json.dumps({"generatedBy": "bh.py", "statsmodels": statsmodels.__version__,
                      "cases": cases}, indent=2))


if __name__ == "__main__":
    main()
