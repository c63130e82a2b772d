#!/usr/bin/env python3
"""Reference figures for AnalysisTableTest: a two-arm trial (PROBIOTIC vs PLACEBO, 7 participants
each) with baseline (W0) and week-8 (W8) values of a primary outcome (HAMD17), four secondary
outcomes (BDNF, CORTISOL_AM, TRP, and IL6, analysed on the log scale) and one analyte measured but
not registered (KYN).

Each outcome's comparison at W8 is the baseline-adjusted one (ANCOVA, Vickers & Altman 2001):
statsmodels OLS of value ~ arm (placebo = reference) + baseline value; for IL6 the same on natural
logs, reported as a ratio exp(coefficient). The secondary outcomes' p values are adjusted together
by Benjamini-Hochberg (statsmodels multipletests(method='fdr_bh')).

Regenerate (Debian python3-statsmodels, python3-numpy):
    /usr/bin/python3 analysis_table.py > analysis_table.json
"""
import json

import numpy as np
import statsmodels
import statsmodels.api as sm
from statsmodels.stats.multitest import multipletests

RNG = np.random.default_rng(20261130)
N = 7
# (code, unit, baseline mean, baseline sd, placebo change, probiotic change, noise sd, log scale)
OUTCOMES = [
    ("HAMD17", "{score}", 22.0, 3.0, -5.0, -9.0, 3.0, False),
    ("BDNF", "ng/mL", 20.0, 4.0, 0.5, 3.0, 2.5, False),
    ("CORTISOL_AM", "nmol/L", 450.0, 80.0, -10.0, -40.0, 60.0, False),
    ("TRP", "umol/L", 60.0, 8.0, 0.0, 1.0, 6.0, False),
    ("IL6", "pg/mL", 2.5, 0.9, 0.0, -0.6, 0.7, True),
    ("KYN", "umol/L", 1.8, 0.3, 0.0, -0.1, 0.2, False),
]
PRIMARY = ["HAMD17"]
SECONDARY = ["BDNF", "CORTISOL_AM", "TRP", "IL6"]


def values(code, base_mean, base_sd, placebo, probiotic, noise, log):
    rows = []
    for arm, change in (("PROBIOTIC", probiotic), ("PLACEBO", placebo)):
        for i in range(1, N + 1):
            participant = f"{arm[:3]}-{i:02d}"
            if log:
                w0 = float(np.round(np.exp(RNG.normal(np.log(base_mean), 0.35)), 3))
                w8 = float(np.round(w0 * np.exp(change + RNG.normal(0, 0.25)), 3))
            else:
                w0 = float(np.round(RNG.normal(base_mean, base_sd), 2))
                w8 = float(np.round(w0 + change + RNG.normal(0, noise), 2))
            rows.append({"participant": participant, "arm": arm, "W0": w0, "W8": w8})
    return rows


def ancova(rows, log):
    y = np.array([r["W8"] for r in rows])
    b = np.array([r["W0"] for r in rows])
    if log:
        y, b = np.log(y), np.log(b)
    arm = np.array([1.0 if r["arm"] == "PROBIOTIC" else 0.0 for r in rows])
    fit = sm.OLS(y, sm.add_constant(np.column_stack([arm, b]))).fit()
    coef = float(fit.params[1])
    low, high = (float(x) for x in fit.conf_int(0.05)[1])
    result = {"estimate": coef, "ciLow": low, "ciHigh": high, "p": float(fit.pvalues[1]),
              "n": len(rows), "df": float(fit.df_resid)}
    if log:
        result.update({"estimate": float(np.exp(coef)), "ciLow": float(np.exp(low)),
                       "ciHigh": float(np.exp(high))})
    return result


def main():
    data, expected = {}, {}
    for code, unit, m, sd, pl, pr, noise, log in OUTCOMES:
        rows = values(code, m, sd, pl, pr, noise, log)
        data[code] = {"unit": unit, "rows": rows}
        expected[code] = ancova(rows, log)
    adjusted = multipletests([expected[c]["p"] for c in SECONDARY], method="fdr_bh")[1]
    for code, p in zip(SECONDARY, adjusted):
        expected[code]["pAdjusted"] = float(p)
    print(json.dumps({
        "source": "statsmodels " + statsmodels.__version__ + " OLS and multipletests(fdr_bh)",
        "primary": PRIMARY, "secondary": SECONDARY, "data": data, "expected": expected,
    }, indent=1))


if __name__ == "__main__":
    main()
