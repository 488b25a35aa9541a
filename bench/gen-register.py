#!/usr/bin/env python3
"""Writes a synthetic register CSV for parser benchmarks (deterministic; no real persons).

Usage: gen-register.py ROWS OUT.csv
Columns: id,address,postcode,district,gender,birth_date. A quarter of the addresses are quoted and hold a comma,
as in real exports ("Kerkstraat 12, achterhuis").
"""
import random, sys

rows, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20201)
streets = ["Slotlaan", "Kerkstraat", "Utrechtseweg", "Driebergseweg", "Montaubanstraat", "Laan van Vollenhove",
           "Professor Lorentzlaan", "Boulevard", "Hoog Kanje", "Oranje Nassaulaan"]
districts = ["Zeist-Centrum", "Zeist-Noord", "Zeist-West", "Zeist-Oost", "Austerlitz", "Bosch en Duin", "Den Dolder", "Huis ter Heide"]
with open(out, "w", newline="") as f:
    f.write("id,address,postcode,district,gender,birth_date\n")
    for i in range(rows):
        street = rng.choice(streets)
        n = rng.randint(1, 250)
        if rng.random() < 0.25:
            address = '"%s %d, achterhuis %s"' % (street, n, rng.choice("ABCD"))
        else:
            address = "%s %d" % (street, n)
        postcode = "37%02d %s%s" % (rng.randint(0, 99), chr(65 + rng.randint(0, 25)), chr(65 + rng.randint(0, 25)))
        f.write("P%08d,%s,%s,%s,%s,%04d-%02d-%02d\n" % (i, address, postcode, rng.choice(districts),
                rng.choice("MV"), rng.randint(1925, 2010), rng.randint(1, 12), rng.randint(1, 28)))
