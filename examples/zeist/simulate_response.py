#!/usr/bin/env python3
"""Simulates who registers after the invitation letters, with the skew Zeist reported in 2020-21.

Reads the invitations (kleroterion invite's invitations.csv), gives every invitee a self-reported education level
(CBS laag / middelbaar / hoog) and decides at random whether they register. Writes:

  respondents.csv                 the registrations: every invitation column, plus age_band (if missing) and
                                  education, as a registration form would collect them
  response_rates.csv              age_band,education,response_rate: the simulated chance to register per cell
  response_rates_by_age_band.csv  age_band,response_rate: the same averaged over the CBS education mix; this is
                                  what a weighted invitation can use, since the register has no education

Usage: simulate_response.py --invitations invitations.csv --out-dir DIR [--seed zeist-response]

Deterministic: each invitee's education and response come from their own random.Random seeded with
"<seed>:<id>" (Python hashes a text seed with SHA-512), so they do not depend on file order or on who else was
invited. The model and which numbers are invented are in zeist_model.py and README.md.
"""
import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zeist_model as model  # noqa: E402


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        sample = f.readline()
        f.seek(0)
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        reader = csv.DictReader(f, delimiter=delimiter)
        rows = list(reader)
        return [h.strip() for h in reader.fieldnames], rows


def write_csv(path, header, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--invitations", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--seed", default="zeist-response")
    args = ap.parse_args()
    header, rows = read_csv(args.invitations)
    for needed in ("id", "birth_date"):
        if needed not in header:
            sys.exit(f"{args.invitations}: there is no column '{needed}'")

    people = []
    for row in rows:
        row = {k.strip(): v for k, v in row.items()}
        band = model.age_band(model.age_on(model.parse_date(row["birth_date"])))
        if band is None:
            sys.exit(f"{args.invitations}: {row['id']} is younger than {model.MIN_AGE} on the reference date")
        rng = random.Random(f"{args.seed}:{row['id']}")
        education = model.EDUCATION_SHARES[-1][0]
        x = rng.random()
        for level, share in model.EDUCATION_SHARES:
            x -= share
            if x < 0:
                education = level
                break
        people.append((row, band, education, rng.random()))

    # Calibrate the base rate so that the expected response over these invitees is 935 / 6,500.
    mean_education = sum(share * model.EDUCATION_FACTOR[level] for level, share in model.EDUCATION_SHARES)
    expected_factor = sum(model.AGE_FACTOR[band] * mean_education for _, band, _, _ in people) / len(people)
    base = model.TARGET_RESPONSE_RATE / expected_factor

    out_header = header + ([] if "age_band" in header else ["age_band"]) + ["education"]
    respondents = []
    for row, band, education, u in people:
        p = min(1.0, base * model.AGE_FACTOR[band] * model.EDUCATION_FACTOR[education])
        if u < p:
            values = [row[h] for h in header]
            if "age_band" not in header:
                values.append(band)
            respondents.append(values + [education])

    os.makedirs(args.out_dir, exist_ok=True)
    write_csv(os.path.join(args.out_dir, "respondents.csv"), out_header, respondents)
    bands = [label for label, _, _ in model.AGE_BANDS]
    write_csv(os.path.join(args.out_dir, "response_rates.csv"), ["age_band", "education", "response_rate"],
              [[b, e, f"{min(1.0, base * model.AGE_FACTOR[b] * model.EDUCATION_FACTOR[e]):.6f}"]
               for b in bands for e, _ in model.EDUCATION_SHARES])
    write_csv(os.path.join(args.out_dir, "response_rates_by_age_band.csv"), ["age_band", "response_rate"],
              [[b, f"{base * model.AGE_FACTOR[b] * mean_education:.6f}"] for b in bands])

    n = len(respondents)
    print(f"{n} of {len(people)} invitees registered ({100 * n / len(people):.1f} %; Zeist 2020: 935 of 6,500, 14.4 %)")
    e_col, b_col = len(out_header) - 1, out_header.index("age_band")
    for level, share in model.EDUCATION_SHARES:
        k = sum(1 for r in respondents if r[e_col] == level)
        print(f"  education {level:<10} {100 * k / max(n, 1):5.1f} % of respondents (CBS Utrecht 2024: {100 * share:.1f} %)")
    over45 = sum(1 for r in respondents if r[b_col] not in ("16-24", "25-34", "35-44"))
    print(f"  aged 45+ {100 * over45 / max(n, 1):.1f} % of respondents")


if __name__ == "__main__":
    main()
