#!/usr/bin/env python3
"""Reference values for SubgroupInteractionTest and SubgroupAnalysisTest, computed with statsmodels.

Regenerate (python3-statsmodels, python3-numpy, python3-pandas):
    python3 subgroups.py > subgroups.json

A two-arm trial (PROBIOTIC vs PLACEBO, the comparator) with baseline hs-CRP (mg/L) at W0 and
HAMD-17 at W0 (baseline) and W8; the Quarkus test posts exactly these values. Participants left
out of every analysis, as the service must leave them out:
  P11 (hs-CRP failed QC only), Q11 (no hs-CRP): no usable baseline subgroup value;
  P12 (no W8 score), Q12 (no W0 score): no complete outcome.
P03's hs-CRP is censored (< 0.5, the LLOQ): every first cut is above 0.5, so P03 is in the
lowest group, and is left out of the values the quantile cuts are computed from.

Scenarios:
  - CRP3: cut at 3 (P05 has exactly 3.0: at or above the cut, the upper group);
  - TERTILES: cuts at the type-7 quantiles 1/3 and 2/3 (numpy's default 'linear' method) of the
    pooled uncensored baseline hs-CRP of the analysed participants (both arms);
  - CRP3_LOG_IL6: cut at 3, the outcome IL-6 (a log-scale analyte) on natural logs, W8 ~ W0;
    within-group estimates and intervals also exponentiated (ratios of geometric means).
For each: the interaction test of one OLS model y ~ C(arm) * C(grp) + base (statsmodels ols),
the arm x group terms tested jointly against y ~ C(arm) + C(grp) + base (compare_f_test:
F, df1, df2, p), and with two groups the interaction coefficient's t; within each group the
ANCOVA y ~ C(arm) + base (the arm's coefficient, SE, 95% CI, residual df).
"""
import json
import math

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf

# (participant, arm, hs-CRP at W0 (None: none usable; a string: censored '<limit'), HAMD W0, W8)
PARTICIPANTS = [
    ("P01", "PROBIOTIC", 1.2, 22, 12),
    ("P02", "PROBIOTIC", 0.8, 24, 15),
    ("P03", "PROBIOTIC", "<0.5", 20, 11),
    ("P04", "PROBIOTIC", 2.1, 25, 14),
    ("P05", "PROBIOTIC", 3.0, 23, 16),
    ("P06", "PROBIOTIC", 4.5, 26, 10),
    ("P07", "PROBIOTIC", 6.2, 21, 8),
    ("P08", "PROBIOTIC", 3.8, 24, 9),
    ("P09", "PROBIOTIC", 5.1, 27, 13),
    ("P10", "PROBIOTIC", 2.6, 19, 10),
    ("P11", "PROBIOTIC", None, 23, 12),
    ("P12", "PROBIOTIC", 7.4, 22, None),
    ("Q01", "PLACEBO", 1.5, 21, 15),
    ("Q02", "PLACEBO", 0.9, 23, 17),
    ("Q03", "PLACEBO", 2.4, 25, 18),
    ("Q04", "PLACEBO", 1.9, 20, 16),
    ("Q05", "PLACEBO", 4.1, 24, 20),
    ("Q06", "PLACEBO", 3.3, 22, 19),
    ("Q07", "PLACEBO", 5.8, 26, 21),
    ("Q08", "PLACEBO", 2.8, 21, 14),
    ("Q09", "PLACEBO", 8.2, 25, 22),
    ("Q10", "PLACEBO", 3.6, 23, 16),
    ("Q11", "PLACEBO", None, 22, 15),
    ("Q12", "PLACEBO", 1.1, None, 17),
]

LLOQ_OF = {"<0.5": 0.5}

# IL-6 (pg/mL, analysed on natural logs) at W0 and W8 of every participant: the log-scale outcome.
# Q02's W8 of 0 has no log (NON_POSITIVE_OUTCOME); P11 and Q11 have no subgroup value; P12 and Q12,
# without a complete HAMD-17, have a complete IL-6 and are analysed here.
IL6 = {
    "P01": (2.1, 1.6), "P02": (3.4, 2.2), "P03": (1.8, 1.5), "P04": (2.6, 2.4),
    "P05": (4.2, 2.9), "P06": (5.5, 3.1), "P07": (6.8, 3.6), "P08": (3.9, 2.0),
    "P09": (5.1, 3.3), "P10": (2.9, 2.5), "P11": (3.0, 2.0), "P12": (7.2, 4.4),
    "Q01": (2.4, 2.3), "Q02": (1.9, 0.0), "Q03": (3.1, 3.0), "Q04": (2.2, 2.4),
    "Q05": (4.6, 4.4), "Q06": (3.8, 3.9), "Q07": (6.1, 5.6), "Q08": (2.7, 2.5),
    "Q09": (7.5, 7.9), "Q10": (4.0, 3.5), "Q11": (3.3, 3.1), "Q12": (2.0, 1.8),
}


def analysed():
    return [p for p in PARTICIPANTS if p[2] is not None and p[3] is not None and p[4] is not None]


def group(value, cuts):
    """Index of the group: below the first cut 0, at or above cut i → i + 1."""
    if isinstance(value, str):
        limit = LLOQ_OF[value]
        assert limit <= cuts[0]
        return 0
    return sum(1 for c in cuts if value >= c)


def scenario(name, cuts, log_il6=False):
    if log_il6:
        rows = [
            {"participant": p[0], "arm": p[1], "grp": group(p[2], cuts),
             "base": math.log(IL6[p[0]][0]), "y": math.log(IL6[p[0]][1])}
            for p in PARTICIPANTS if p[2] is not None and min(IL6[p[0]]) > 0
        ]
    else:
        rows = [
            {"participant": p[0], "arm": p[1], "grp": group(p[2], cuts), "base": float(p[3]),
             "y": float(p[4])}
            for p in analysed()
        ]
    data = pd.DataFrame(rows)
    full = smf.ols('y ~ C(arm, Treatment("PLACEBO")) * C(grp) + base', data).fit()
    reduced = smf.ols('y ~ C(arm, Treatment("PLACEBO")) + C(grp) + base', data).fit()
    f, p, df1 = full.compare_f_test(reduced)
    interaction = {"f": float(f), "df1": float(df1), "df2": float(full.df_resid), "p": float(p),
                   "n": int(full.nobs)}
    terms = [t for t in full.params.index if ":" in t]
    if len(terms) == 1:
        interaction["estimate"] = float(full.params[terms[0]])
        interaction["t"] = float(full.tvalues[terms[0]])
    groups = []
    for g in sorted(data.grp.unique()):
        sub = data[data.grp == g]
        fit = smf.ols('y ~ C(arm, Treatment("PLACEBO")) + base', sub).fit()
        term = 'C(arm, Treatment("PLACEBO"))[T.PROBIOTIC]'
        low, high = fit.conf_int(0.05).loc[term]
        groups.append({
            "group": int(g),
            "participants": sorted(sub.participant),
            "nExperimental": int((sub.arm == "PROBIOTIC").sum()),
            "nComparator": int((sub.arm == "PLACEBO").sum()),
            "estimate": float(fit.params[term]),
            "standardError": float(fit.bse[term]),
            "ciLow": float(low),
            "ciHigh": float(high),
            "df": float(fit.df_resid),
        })
        if log_il6:  # back-transformed: a ratio of geometric means and its interval
            groups[-1].update(ratio=math.exp(groups[-1]["estimate"]),
                              ratioCiLow=math.exp(low), ratioCiHigh=math.exp(high))
    return {"name": name, "cuts": [float(c) for c in cuts], "rows": rows,
            "interaction": interaction, "groups": groups}


def tertile_cuts():
    values = np.array([p[2] for p in analysed() if not isinstance(p[2], str)], dtype=float)
    return list(np.quantile(values, [1 / 3, 2 / 3]))  # method='linear' = type 7


print(json.dumps({
    "generator": "subgroups.py",
    "statsmodels": statsmodels.__version__,
    "participants": [list(p) for p in PARTICIPANTS],
    "il6": IL6,
    "scenarios": [scenario("CRP3", [3.0]), scenario("TERTILES", tertile_cuts()),
                  scenario("CRP3_LOG_IL6", [3.0], log_il6=True)],
}, indent=2))
