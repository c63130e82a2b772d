#!/usr/bin/env python3
"""Reference values for SummaryArmsTest, computed with statsmodels and SciPy.

Regenerate (python3-statsmodels, python3-scipy):
    python3 arm_comparisons.py > arm_comparisons.json

A three-arm trial (active comparator, probiotic, placebo) with IL-6 values (pg/mL) at W0
(baseline) and W8; the test posts exactly these values. Each arm but the comparator is compared
with the comparator, for two choices of comparator:
  - sole_placebo: no comparator declared, the only PLACEBO_COMPARATOR arm is it;
  - declared_active: the record declares the active comparator.
Per comparison at W8:
  - Welch's t test (statsmodels ttest_ind, usevar='unequal'), p Holm-adjusted over the
    comparisons (statsmodels multipletests, method='holm');
  - ANCOVA (Vickers & Altman 2001): one OLS model W8 ~ C(arm, Treatment(comparator)) + W0 over
    all participants with both values (statsmodels ols), the arm's coefficient, its SE, 95% CI,
    p on the residual df, Holm over the comparisons;
  - on natural logs (values <= 0 left out): Welch on ln W8 with the CI of the difference
    (CompareMeans.tconfint_diff, usevar='unequal'), exponentiated to a geometric mean ratio; the
    ANCOVA ln W8 ~ arm + ln W0 over participants with both values > 0, exponentiated.
Per arm at W8, and pooled: the geometric mean of the positive values with its t interval
(DescrStatsW.tconfint_mean on the logs), exponentiated.
"""
import json
import math

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.formula.api as smf
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW, ttest_ind

ARMS = [
    {"code": "ACTIVE", "label": "Escitalopram", "type": "ACTIVE_COMPARATOR"},
    {"code": "PROBIOTIC", "label": "Probiotic", "type": "EXPERIMENTAL"},
    {"code": "PLACEBO", "label": "Placebo", "type": "PLACEBO_COMPARATOR"},
]

# (participant, arm, W0, W8); None = no result at that visit
PARTICIPANTS = [
    ("AR-01", "ACTIVE", 2.1, 1.8),
    ("AR-02", "ACTIVE", 3.4, 2.9),
    ("AR-03", "ACTIVE", 1.2, 1.5),
    ("AR-04", "ACTIVE", 5.6, 4.1),
    ("AR-05", "ACTIVE", 2.8, 2.2),
    ("AR-06", "ACTIVE", None, 3.3),  # no baseline: in Welch, not in the ANCOVA
    ("PR-01", "PROBIOTIC", 2.5, 1.6),
    ("PR-02", "PROBIOTIC", 4.2, 2.7),
    ("PR-03", "PROBIOTIC", 1.9, 0.0),  # 0 has no log: left out of the log-scale figures only
    ("PR-04", "PROBIOTIC", 6.3, 3.9),
    ("PR-05", "PROBIOTIC", 3.1, 2.4),
    ("PR-06", "PROBIOTIC", 2.2, 1.7),
    ("PL-01", "PLACEBO", 2.4, 2.6),
    ("PL-02", "PLACEBO", 3.9, 4.4),
    ("PL-03", "PLACEBO", 1.7, 1.6),
    ("PL-04", "PLACEBO", 5.1, 5.8),
    ("PL-05", "PLACEBO", 2.9, 3.0),
    ("PL-06", "PLACEBO", 3.6, None),  # no W8 value: in nothing at W8
]


def w8(arm):
    return np.array([v8 for _, a, _, v8 in PARTICIPANTS if a == arm and v8 is not None])


def ancova(rows, comparator, others, log):
    frame = pd.DataFrame(
        [
            {"arm": a, "baseline": math.log(v0) if log else v0, "value": math.log(v8) if log else v8}
            for _, a, v0, v8 in rows
        ]
    )
    fit = smf.ols(
        f"value ~ C(arm, Treatment(reference='{comparator}')) + baseline", data=frame
    ).fit()
    ci = fit.conf_int(alpha=0.05)
    out = []
    for arm in others:
        term = f"C(arm, Treatment(reference='{comparator}'))[T.{arm}]"
        out.append(
            {
                "n": int(fit.nobs),
                "nExperimental": int((frame.arm == arm).sum()),
                "nComparator": int((frame.arm == comparator).sum()),
                "meanDifference": float(fit.params[term]),
                "standardError": float(fit.bse[term]),
                "ciLow": float(ci.loc[term, 0]),
                "ciHigh": float(ci.loc[term, 1]),
                "t": float(fit.tvalues[term]),
                "df": float(fit.df_resid),
                "p": float(fit.pvalues[term]),
            }
        )
    holm = multipletests([c["p"] for c in out], method="holm")[1]
    for c, p in zip(out, holm):
        c["pHolm"] = float(p)
    return out


def scenario(comparator):
    others = [a["code"] for a in ARMS if a["code"] != comparator]
    comparisons = []
    for arm in others:
        x1, x2 = w8(arm), w8(comparator)
        t, p, df = ttest_ind(x1, x2, usevar="unequal")
        l1, l2 = np.log(x1[x1 > 0]), np.log(x2[x2 > 0])
        lt, lp, ldf = ttest_ind(l1, l2, usevar="unequal")
        low, high = CompareMeans(DescrStatsW(l1), DescrStatsW(l2)).tconfint_diff(
            alpha=0.05, usevar="unequal"
        )
        comparisons.append(
            {
                "experimentalCode": arm,
                "comparatorCode": comparator,
                "meanDifference": float(x1.mean() - x2.mean()),
                "welchT": float(t),
                "welchDf": float(df),
                "welchP": float(p),
                "logScale": {
                    "nExperimental": int(len(l1)),
                    "nComparator": int(len(l2)),
                    "nNonPositive": int((x1 <= 0).sum() + (x2 <= 0).sum()),
                    "geometricMeanRatio": float(math.exp(l1.mean() - l2.mean())),
                    "ciLow": float(math.exp(low)),
                    "ciHigh": float(math.exp(high)),
                    "t": float(lt),
                    "df": float(ldf),
                    "p": float(lp),
                },
            }
        )
    holm = multipletests([c["welchP"] for c in comparisons], method="holm")[1]
    log_holm = multipletests([c["logScale"]["p"] for c in comparisons], method="holm")[1]
    both = [r for r in PARTICIPANTS if r[2] is not None and r[3] is not None]
    positive = [r for r in both if r[2] > 0 and r[3] > 0]
    adjusted = ancova(both, comparator, others, log=False)
    log_adjusted = ancova(positive, comparator, others, log=True)
    for i, c in enumerate(comparisons):
        c["welchPHolm"] = float(holm[i])
        c["ancova"] = adjusted[i]
        c["logScale"]["pHolm"] = float(log_holm[i])
        c["logScale"]["ancova"] = log_adjusted[i]
        c["logScale"]["ancovaRatio"] = math.exp(log_adjusted[i]["meanDifference"])
        c["logScale"]["ancovaRatioCiLow"] = math.exp(log_adjusted[i]["ciLow"])
        c["logScale"]["ancovaRatioCiHigh"] = math.exp(log_adjusted[i]["ciHigh"])
        c["logScale"]["ancovaNNonPositive"] = len(both) - len(positive)
    return {"comparator": comparator, "comparisons": comparisons}


def geometric_mean(x):
    logs = np.log(x[x > 0])
    low, high = DescrStatsW(logs).tconfint_mean(alpha=0.05)
    return {
        "n": int(len(logs)),
        "nNonPositive": int((x <= 0).sum()),
        "geometricMean": float(math.exp(logs.mean())),
        "ciLow": float(math.exp(low)),
        "ciHigh": float(math.exp(high)),
    }


def geometric_means():
    return {arm["code"]: geometric_mean(w8(arm["code"])) for arm in ARMS}


def main():
    fixture = {
        "generatedBy": "arm_comparisons.py",
        "statsmodels": statsmodels.__version__,
        "scipy": scipy.__version__,
        "analyte": "IL6",
        "arms": ARMS,
        "participants": [
            {"code": c, "arm": a, "W0": v0, "W8": v8} for c, a, v0, v8 in PARTICIPANTS
        ],
        "geometricMeans": geometric_means(),
        "pooledGeometricMean": geometric_mean(
            np.array([v8 for _, _, _, v8 in PARTICIPANTS if v8 is not None])
        ),
        "scenarios": {
            "sole_placebo": scenario("PLACEBO"),
            "declared_active": scenario("ACTIVE"),
        },
    }
    print(json.dumps(fixture, indent=2))


if __name__ == "__main__":
    main()
