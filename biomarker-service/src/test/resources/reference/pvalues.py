#!/usr/bin/env python3
"""Reference two-sided p values of Student's t for DescriptivesTest, computed with SciPy.

Regenerate (python3-scipy):
    python3 pvalues.py > pvalues.json

p = 2 * stats.t.sf(|t|, df): SciPy's survival function evaluates the upper tail directly, so
far-out t keep their tiny p instead of rounding 1 - F(|t|) to 0. The cases: ordinary ones (an
integer df and Welch's non-integer df), and t far enough out that 1 - F(|t|) is 0 in doubles.
"""
import json

import scipy
from scipy import stats

CASES = [
    # (name, t, df)
    ("ordinary", 2.1, 18.0),
    ("negative_t", -2.1, 18.0),
    ("welch_non_integer_df", -0.761315, 6.998169),
    ("welch_non_integer_df_larger_t", 3.7, 11.397417767940988),
    ("far_tail", 40.0, 30.0),
    ("far_tail_welch_df", -25.0, 17.25),
    ("very_far_tail", 120.0, 60.0),
    # SummaryQcTest's W8 arms without their FAIL results: 3, 5, 9 vs 6, 10 (worked by hand there):
    # t = -0.875, df = 4096/1688
    ("summary_qc_arms", -0.875, 4096 / 1688),
]


def main():
    cases = [
        {"name": name, "t": t, "df": df, "p": float(2 * stats.t.sf(abs(t), df))}
        for name, t, df in CASES
    ]
    fixture = {"generatedBy": "pvalues.py", "scipy": scipy.__version__, "cases": cases}
    print(json.dumps(fixture, indent=2))


if __name__ == "__main__":
    main()
