#!/usr/bin/env python3
"""Stand-in for `kleroterion invite`, used by run-demo.sh only while that command is not built.

A plain random draw of COUNT addresses among the addresses with a resident aged 16+ on the reference date, and one
random such resident per drawn address. No strata, no published seed derivation: it is NOT a verifiable lottery.
Usage: fallback_invite.py --register register.csv --count 6500 --out DIR
"""
import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zeist_model as model  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--register", required=True)
ap.add_argument("--count", type=int, required=True)
ap.add_argument("--out", required=True)
args = ap.parse_args()
with open(args.register, newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    header = reader.fieldnames
    addresses = {}
    for row in reader:
        if model.age_on(model.parse_date(row["birth_date"])) >= model.MIN_AGE:
            addresses.setdefault((row["street"], row["house_number"], row["postcode"]), []).append(row)
rng = random.Random("zeist-demo-fallback-invite")
drawn = rng.sample(sorted(addresses), args.count)
os.makedirs(args.out, exist_ok=True)
with open(os.path.join(args.out, "invitations.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rng.choice(addresses[a]) for a in drawn)
print(f"(stand-in) invited {args.count} residents at {args.count} of {len(addresses)} addresses")
