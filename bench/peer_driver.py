#!/usr/bin/env python3
"""Runs the peer `sortition-algorithms` 0.12.15 on a pool and quotas file, for bench/peer.sh.

Runs inside bench/.venv (never a dependency of Kleroterion). It uses only the peer's public API, the same path as
its own `csv` command: CSVFileDataSource -> SelectionData.load_features/load_people -> core.run_stratification,
with Settings(selection_algorithm, solver_backend, random_number_seed, check_same_address).

The peer computes a distribution over panels but writes no probabilities anywhere, so this driver wraps
`core.standardize_distribution` (the step that receives the final panels and their probabilities) to record
them, and computes each respondent's chance from that. Nothing else in the peer is changed.

Writes to OUT: panel.txt (selected ids, sorted), probabilities.csv (id,probability; fair algorithms only),
summary.json (algorithm, backend, seconds inside Python, min probability, panels in the distribution).
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

from sortition_algorithms import adapters, core
from sortition_algorithms.settings import Settings

captured = {}
_standardize = core.standardize_distribution


def recording_standardize(committees, probabilities):
    committees, probabilities = _standardize(committees, probabilities)
    captured["committees"] = committees
    captured["probabilities"] = probabilities
    return committees, probabilities


core.standardize_distribution = recording_standardize


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", required=True)
    ap.add_argument("--quotas", required=True)
    ap.add_argument("--panel-size", type=int, required=True)
    ap.add_argument("--algorithm", required=True, choices=["legacy", "maximin", "leximin", "nash"])
    ap.add_argument("--backend", default="highspy", help="highspy (the peer's default) or mip (CBC)")
    ap.add_argument("--seed", type=int, default=42, help="the peer's random_number_seed (0 would mean: unseeded)")
    ap.add_argument("--household-columns", default="address,postcode")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    address_columns = [c for c in a.household_columns.split(",") if c]
    settings = Settings(
        id_column="id",
        columns_to_keep=[],
        check_same_address=bool(address_columns),
        check_same_address_columns=address_columns,
        max_attempts=100,
        selection_algorithm=a.algorithm,
        solver_backend=a.backend,
        random_number_seed=a.seed,
    )
    data = adapters.SelectionData(adapters.CSVFileDataSource(
        features_file=Path(a.quotas), people_file=Path(a.people), already_selected_file=None,
        selected_file=out / "peer-selected.csv", remaining_file=out / "peer-remaining.csv"))
    features, _ = data.load_features(a.panel_size)
    people, _ = data.load_people(settings, features)
    ok, selected, report = core.run_stratification(features, people, a.panel_size, settings)
    seconds = time.perf_counter() - started
    if not ok:
        print(report.as_text(), file=sys.stderr)
        sys.exit(f"peer_driver: the peer's {a.algorithm} failed (see above)")

    panel = sorted(selected[0])
    (out / "panel.txt").write_text("\n".join(panel) + "\n")
    summary = {"algorithm": a.algorithm, "backend": a.backend, "seconds_in_python": round(seconds, 3),
               "panel_size": len(panel), "min_probability": None, "panels_in_distribution": None}
    # The peer silently falls back from leximin to maximin without gurobipy; say so if it happened.
    if "gurobi_unavailable" in report.as_text().lower() or "gurobi is not available" in report.as_text().lower():
        summary["note"] = "peer fell back to maximin (no Gurobi)"
    if "committees" in captured:
        chance = dict.fromkeys(people, 0.0)
        for committee, p in zip(captured["committees"], captured["probabilities"]):
            for pid in committee:
                chance[pid] += p
        with open(out / "probabilities.csv", "w") as f:
            f.write("id,probability\n")
            for pid in people:
                f.write(f"{pid},{chance[pid]!r}\n")
        summary["min_probability"] = min(chance.values())
        summary["panels_in_distribution"] = len(captured["committees"])
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
