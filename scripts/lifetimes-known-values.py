"""Known answers for the purchase models' tests, from the Python lifetimes library (0.11.3).

Run with lifetimes on the path (it needs numpy, scipy, pandas, autograd and dill):
    PYTHONPATH=/path/to/lifetimes:/path/to/autograd python3 scripts/lifetimes-known-values.py
The printed values are committed in test/lib/models/purchaseModels.test.ts.
"""
import numpy as np
from lifetimes import BetaGeoFitter, ModifiedBetaGeoFitter, ParetoNBDFitter, BetaGeoBetaBinomFitter
from lifetimes.datasets import load_cdnow_summary, load_donations

cdnow = load_cdnow_summary(index_col=[0])
x, tx, T = cdnow['frequency'], cdnow['recency'], cdnow['T']
probe = [(0, 0.0, 38.86), (1, 1.71, 38.86), (2, 30.43, 38.86), (26, 30.857, 31.0)]
for fitter in (BetaGeoFitter, ModifiedBetaGeoFitter, ParetoNBDFitter):
    model = fitter().fit(x, tx, T)
    print(fitter.__name__, {k: round(v, 6) for k, v in model.params_.items()})
    params = model.params_.to_numpy()
    weights = np.ones(len(x))
    if fitter is ParetoNBDFitter:
        summed = -fitter._negative_log_likelihood(params, x.values, tx.values, T.values, weights, 0.0)
    else:
        # These two return the mean over customers.
        summed = -fitter._negative_log_likelihood(np.log(params), x.values, tx.values, T.values, weights, 0.0) * weights.sum()
    print('  log-likelihood', round(float(summed), 4))
    for h in probe:
        alive = model.conditional_probability_alive(*h)
        expected = model.conditional_expected_number_of_purchases_up_to_time(39, *h)
        print('  history', h, 'P(alive)', round(float(alive), 6), 'E[Y(39)]', round(float(expected), 6))
    print('  E[X(t)] for t = 1, 13, 52:', [round(float(model.expected_number_of_purchases_up_to_time(t)), 6) for t in (1, 13, 52)])
    if fitter is ParetoNBDFitter:
        for h in probe:
            none = model.conditional_probability_of_n_purchases_up_to_time(0, 13, *h)
            print('  history', h, 'P(no purchase in 13)', round(float(none), 6))

donations = load_donations()
bgbb = BetaGeoBetaBinomFitter().fit(donations['frequency'], donations['recency'], donations['periods'], donations['weights'])
print('BetaGeoBetaBinomFitter', {k: round(v, 6) for k, v in bgbb.params_.items()})
for h in [(0, 0, 6), (3, 4, 6), (6, 6, 6), (1, 1, 6)]:
    arrays = [np.array([v]) for v in h]
    alive = bgbb.conditional_probability_alive(1, *arrays)[0]
    expected = bgbb.conditional_expected_number_of_purchases_up_to_time(5, *arrays)[0]
    print('  history', h, 'P(alive at n+1)', round(float(alive), 6), 'E[X(n, n+5)]', round(float(expected), 6))
