"""
The reference for lib/math/logisticRegression.ts: scikit-learn's LogisticRegression (L2, C = 1 /
lambda, lbfgs to a tight tolerance) on standardised features (weighted mean and population
standard deviation), on the data test/lib/math/logisticRegression.test.ts builds by formula.
Prints intercept and weights per case; the test holds the TypeScript fit to them.

    apt-get install -y python3-sklearn && /usr/bin/python3 scripts/sklearn-logistic-reference.py
"""
import math

import numpy as np
from sklearn.linear_model import LogisticRegression


def data(n):
    rows, ys, weights = [], [], []
    for i in range(n):
        x1 = math.sin(i * 0.37) * 2
        x2 = ((i * 7919) % 1000) / 1000
        x3 = 1.0 if i % 3 == 0 else 0.0
        eta = 0.5 + 1.2 * x1 - 0.8 * x2 + 0.3 * x3
        p = 1 / (1 + math.exp(-eta))
        ys.append(1 if ((i * 104729) % 1000) / 1000 < p else 0)
        rows.append([x1, x2, x3])
        weights.append(1 + (i % 4))
    return np.array(rows), np.array(ys), np.array(weights, dtype=float)


def fit(X, y, w, l2):
    mean = np.average(X, axis=0, weights=w)
    sd = np.sqrt(np.average((X - mean) ** 2, axis=0, weights=w))
    Z = (X - mean) / sd
    model = LogisticRegression(C=1 / l2, tol=1e-12, max_iter=10000).fit(Z, y, sample_weight=w)
    return [float(model.intercept_[0])] + [float(c) for c in model.coef_[0]]


X, y, w = data(500)
ones = np.ones(len(y))
print('unweighted, l2 = 1:', fit(X, y, ones, 1.0))
print('weighted, l2 = 10:', fit(X, y, w, 10.0))
