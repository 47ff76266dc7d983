"""Calibration of the change-point penalty on simulated dyad series.

For each penalty: how often a break is found in white noise (false alarms) and
how often exactly one break is found where a step of 1 or 2 standard deviations
sits in the middle of the series. Gaussian noise, seeds 0..reps-1.

    .venv/bin/python bench/bench_changepoints.py [--reps 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np

from dyadwatch.analysis import SeriesPoint, change_points

SCENARIOS = [  # (label, [(level, periods), ...], count of breaks that is "right")
    ("white noise, 12 periods", [(0.0, 12)], 0),
    ("white noise, 40 periods", [(0.0, 40)], 0),
    ("1 sd step, 20+20 periods", [(0.0, 20), (1.0, 20)], 1),
    ("2 sd step, 20+20 periods", [(0.0, 20), (2.0, 20)], 1),
    ("2 sd step, 6+6 periods", [(0.0, 6), (2.0, 6)], 1),
]


def series(values: np.ndarray) -> list[SeriesPoint]:
    start = dt.date(2024, 1, 1)
    return [SeriesPoint(start + dt.timedelta(weeks=i), 5, 5, 0, 0, 0, 0, float(v), 0.0, None, None)
            for i, v in enumerate(values)]


def rate(levels: list[tuple[float, int]], expected: int, penalty: float, reps: int) -> float:
    hits = 0
    for seed in range(reps):
        rng = np.random.default_rng(seed)
        values = np.concatenate([level + rng.normal(0, 1, n) for level, n in levels])
        hits += len(change_points(series(values), penalty=penalty)) == expected
    return hits / reps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--penalties", default="3,4,5,6")
    args = parser.parse_args()
    penalties = [float(p) for p in args.penalties.split(",")]
    t0 = time.perf_counter()
    print(f"Share of {args.reps} simulated series where the right number of breaks is found "
          "(0 in noise, 1 with a step), PELT l2, min_size 2:\n")
    print("| scenario | " + " | ".join(f"penalty {p:g}" for p in penalties) + " |")
    print("| --- |" + " --- |" * len(penalties))
    for label, levels, expected in SCENARIOS:
        cells = [f"{rate(levels, expected, p, args.reps):.1%}" for p in penalties]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print(f"\n({time.perf_counter() - t0:.0f} s; command: .venv/bin/python bench/bench_changepoints.py "
          f"--reps {args.reps} --penalties {args.penalties})")


if __name__ == "__main__":
    main()
