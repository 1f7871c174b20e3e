"""The CDNOW backtest computed independently, with the Python lifetimes library (0.11.3).

Splits the transactions at 1997-09-30, keeps 1997-10-01 to 1998-06-30 (273 days) held out, fits
BG/NBD, MBG/NBD and Pareto/NBD on the calibration period in days, and scores the held-out days as
Churn Risk's backtest does (lib/models/backtest.ts): held-out log-likelihood of who ordered, MAE of
repeat purchases, Brier score, AUC of the chance of no order, predicted repeat purchases.

    PYTHONPATH=/path/to/lifetimes:/path/to/autograd python3 scripts/lifetimes-backtest-cdnow.py test/fixtures/cdnow/CDNOW_master.txt

lifetimes needs numpy, scipy, pandas, autograd and dill. Prints one JSON object; its figures are
committed in test/engine/churnRiskBacktest.test.ts.
"""
import json
import sys
import warnings

import numpy as np
import pandas as pd
from scipy.stats import rankdata
from lifetimes import BetaGeoFitter, ModifiedBetaGeoFitter, ParetoNBDFitter
from lifetimes.utils import calibration_and_holdout_data

warnings.simplefilter('ignore')
HOLDOUT_DAYS = 273

rows = pd.read_csv(sys.argv[1], sep=r'\s+', header=None, skiprows=1, names=['customer', 'date', 'cds', 'value'], dtype={'customer': str, 'date': str})
rows['date'] = pd.to_datetime(rows['date'], format='%Y%m%d')
data = calibration_and_holdout_data(rows, 'customer', 'date', calibration_period_end='1997-09-30', observation_period_end='1998-06-30', freq='D')
x, tx, T = (data[column].to_numpy() for column in ('frequency_cal', 'recency_cal', 'T_cal'))
held_out = data['frequency_holdout'].to_numpy()
churned = held_out == 0


def area_under_roc(scores, positive):
    ranks = rankdata(scores)
    n_pos = positive.sum()
    n_neg = len(scores) - n_pos
    return (ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


out = {
    'customers': int(len(data)),
    'repeatCustomers': int((x > 0).sum()),
    'holdoutBuyers': int((held_out > 0).sum()),
    'actualRepeatPurchases': int(held_out.sum()),
    'models': {},
}
for name, fitter in (('bgnbd', BetaGeoFitter), ('mbgnbd', ModifiedBetaGeoFitter), ('paretonbd', ParetoNBDFitter)):
    model = fitter().fit(x, tx, T)
    expected = np.asarray(model.conditional_expected_number_of_purchases_up_to_time(HOLDOUT_DAYS, x, tx, T))
    if name == 'paretonbd':
        no_order = np.asarray(model.conditional_probability_of_n_purchases_up_to_time(0, HOLDOUT_DAYS, x, tx, T))
    else:
        # Dead, or alive and silent: lambda | history ~ Gamma(r + x, alpha + T) (MODELS.md).
        r, alpha = model.params_['r'], model.params_['alpha']
        alive = np.asarray(model.conditional_probability_alive(x, tx, T))
        no_order = np.asarray(1 - alive + alive * ((alpha + T) / (alpha + T + HOLDOUT_DAYS)) ** (r + x))
    chance = np.clip(no_order, 1e-12, 1 - 1e-12)
    out['models'][name] = {
        'params': {k: float(v) for k, v in model.params_.items()},
        'holdoutLogLikelihood': float(np.where(churned, np.log(chance), np.log1p(-chance)).sum()),
        'repeatPurchasesMae': float(np.abs(expected - held_out).mean()),
        'brierScore': float(((no_order - churned) ** 2).mean()),
        'churnAuc': float(area_under_roc(no_order, churned)),
        'predictedRepeatPurchases': float(expected.sum()),
    }
print(json.dumps(out, indent=1))
