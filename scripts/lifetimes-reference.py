"""
The same stages as Customer Data -> Churn Risk, done by Python's `lifetimes` on the same order
file, so `npm run bench -- --lifetimes` can time both side by side and compare the fits.

    python3 scripts/lifetimes-reference.py FILE ANALYSIS_DATE [CUSTOMER DATE AMOUNT]

Stages: read the CSV (only the three columns used), the per-customer summary in days, BG/NBD
fitted, P(alive) and expected orders over Churn Risk's default 90-day horizon, Gamma-Gamma
fitted on repeat buyers and the 12-month CLV at 1% a month (Churn Risk's defaults). Prints one
JSON line: seconds per stage and in all, the peak RSS, and the fitted parameters.
"""
import json
import resource
import sys
import time

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data

HORIZON_DAYS = 90
CLV_MONTHS = 12
MONTHLY_DISCOUNT = 0.01


def main():
    path, analysis_date = sys.argv[1], sys.argv[2]
    customer, date, amount = sys.argv[3:6] if len(sys.argv) >= 6 else ("customer_id", "created_at", "amount")
    seconds = {}
    started = last = time.perf_counter()

    def lap(name):
        nonlocal last
        now = time.perf_counter()
        seconds[name] = round(now - last, 3)
        last = now

    orders = pd.read_csv(path, usecols=[customer, date, amount], parse_dates=[date])
    lap("read")
    summary = summary_data_from_transaction_data(
        orders, customer, date, monetary_value_col=amount, observation_period_end=analysis_date, freq="D"
    )
    lap("summary")
    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(summary["frequency"], summary["recency"], summary["T"])
    lap("bgnbdFit")
    summary["p_alive"] = bgf.conditional_probability_alive(summary["frequency"], summary["recency"], summary["T"])
    summary["expected_orders"] = bgf.conditional_expected_number_of_purchases_up_to_time(
        HORIZON_DAYS, summary["frequency"], summary["recency"], summary["T"]
    )
    lap("score")
    repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.fit(repeat["frequency"], repeat["monetary_value"])
    summary["clv"] = ggf.customer_lifetime_value(
        bgf,
        summary["frequency"],
        summary["recency"],
        summary["T"],
        summary["monetary_value"],
        time=CLV_MONTHS,
        discount_rate=MONTHLY_DISCOUNT,
        freq="D",
    )
    lap("gammaGammaAndClv")
    seconds["total"] = round(time.perf_counter() - started, 3)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "customers": int(len(summary)),
                "orders": int(len(orders)),
                # ru_maxrss is in kilobytes on Linux.
                "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "bgnbd": {k: float(v) for k, v in bgf.params_.items()},
                "gammaGamma": {k: float(v) for k, v in ggf.params_.items()},
            }
        )
    )


main()
