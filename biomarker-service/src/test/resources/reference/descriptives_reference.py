#!/usr/bin/env python3
"""Reference values for DescriptivesTest, computed with NumPy/SciPy, independently of the Java.

Regenerate (python3-scipy):
    python3 descriptives_reference.py > descriptives_reference.json

Per data set, for each group (a = experimental, b = comparator): n, mean, sample SD (ddof=1),
min, max, and the median and quartiles as R's "type 7" (numpy's default "linear" method:
h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])). For a vs b:
  - Hedges' g from the textbook formula (Hedges & Olkin 1985): pooled SD
    s_p = sqrt(((n1-1)s1^2 + (n2-1)s2^2) / (n1+n2-2)), d = (m1-m2)/s_p,
    J = 1 - 3/(4(n1+n2)-9), g = J*d; Var(g) = (n1+n2)/(n1*n2) + g^2/(2(n1+n2));
    95% CI g -/+ 1.959964*sqrt(Var(g)) (the service's documented z);
  - Welch's t, Welch-Satterthwaite df and the two-sided p from scipy.stats.ttest_ind(equal_var=False).
"""
import json
import math

import numpy as np
import scipy
from scipy import stats

Z_975 = 1.959964

DATA_SETS = {
    # repeated values: quartiles fall on and between ties
    "ties": ([2, 4, 4, 4, 5, 5, 7, 9], [1, 3, 3, 3, 6, 6]),
    # the smallest groups that have an SD
    "n2": ([1.5, 3.5], [2.0, 2.5]),
    # one spread-out arm against a tight one: Welch's df far from n1+n2-2
    "unequal_variances": (
        [10.1, 12.4, 9.8, 30.2, 25.7, 8.9, 15.0],
        [11.0, 11.2, 10.9, 11.1, 11.3],
    ),
    # IL-6-like concentrations (pg/mL), a lower experimental arm
    "il6": (
        [3.2, 4.1, 2.8, 5.6, 3.9, 4.4, 2.1, 6.3, 3.3, 4.8],
        [4.5, 5.2, 6.1, 4.9, 5.8, 7.0, 5.5, 4.7, 6.4],
    ),
    # arms far apart: t near 990, so 1 - F(|t|) is 0 in doubles while p is about 1e-30
    "far_apart": (
        [100.0, 100.2, 99.8, 100.1, 99.9],
        [1.0, 1.2, 0.8, 1.1, 0.9],
    ),
}


def describe(values):
    x = np.array(values, dtype=float)
    q1, median, q3 = np.quantile(x, [0.25, 0.5, 0.75], method="linear")
    return {
        "values": [float(v) for v in values],
        "n": int(x.size),
        "mean": float(np.mean(x)),
        "sd": float(np.std(x, ddof=1)),
        "median": float(median),
        "q1": float(q1),
        "q3": float(q3),
        "min": float(np.min(x)),
        "max": float(np.max(x)),
    }


def compare(a, b):
    n1, n2 = len(a), len(b)
    m1, m2 = float(np.mean(a)), float(np.mean(b))
    s1, s2 = float(np.std(a, ddof=1)), float(np.std(b, ddof=1))
    pooled = math.sqrt(((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / (n1 + n2 - 2))
    j = 1 - 3 / (4 * (n1 + n2) - 9)
    g = j * (m1 - m2) / pooled
    var_g = (n1 + n2) / (n1 * n2) + g**2 / (2 * (n1 + n2))
    welch = stats.ttest_ind(a, b, equal_var=False)
    return {
        "meanDifference": m1 - m2,
        "hedgesG": g,
        "hedgesGVariance": var_g,
        "hedgesGCiLow": g - Z_975 * math.sqrt(var_g),
        "hedgesGCiHigh": g + Z_975 * math.sqrt(var_g),
        "welchT": float(welch.statistic),
        "welchDf": float(welch.df),
        "welchP": float(welch.pvalue),
    }


def main():
    cases = []
    for name, (a, b) in DATA_SETS.items():
        cases.append(
            {"name": name, "a": describe(a), "b": describe(b), "comparison": compare(a, b)}
        )
    fixture = {"generatedBy": "descriptives_reference.py", "scipy": scipy.__version__, "cases": cases}
    print(json.dumps(fixture, indent=2))


if __name__ == "__main__":
    main()
