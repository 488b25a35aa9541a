#!/usr/bin/env python3
"""Generates a synthetic, Zeist-like population register (BRP extract) deterministically.

No real persons: names are random combinations from short lists of common Dutch first and last names, streets are
made up from word lists, and birth dates are drawn at random. Any resemblance to a real resident is coincidence.
Which numbers are sourced and which are invented is written in zeist_model.py and examples/zeist/README.md.

Usage: generate_register.py --out register.csv [--adults 50000] [--seed 20201101]

The same arguments give a byte-identical file (Python's random.Random is MT19937 with a documented integer seeding,
stable across Python 3 versions for the calls used here: random(), randrange(), choice(), shuffle()).
"""
import argparse
import csv
import datetime
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zeist_model as model  # noqa: E402

FIRST_WOMEN = ["Anna", "Emma", "Sophie", "Julia", "Lotte", "Sanne", "Femke", "Eva", "Lisa", "Iris", "Noor", "Maria",
               "Johanna", "Cornelia", "Wilhelmina", "Ingrid", "Marieke", "Anouk", "Fatima", "Yasmina", "Linda",
               "Petra", "Esther", "Hanneke", "Mirjam", "Sara", "Fleur", "Lieke", "Roos", "Tessa", "Ayse", "Nadia"]
FIRST_MEN = ["Jan", "Pieter", "Kees", "Henk", "Willem", "Johannes", "Daan", "Sem", "Lucas", "Thomas", "Bram",
             "Ruben", "Jeroen", "Martijn", "Mohamed", "Youssef", "Ahmet", "Gerrit", "Hendrik", "Joost", "Bas",
             "Niels", "Stefan", "Erik", "Frank", "Mark", "Tim", "Koen", "Wouter", "Rik", "Mehmet", "Sander"]
LAST_NAMES = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
              "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
              "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok",
              "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
              "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "Hoekstra", "Maas",
              "Verhoeven", "Koster", "van Dam", "Prins", "Blom", "Huisman", "Peeters", "Kaya", "Yilmaz", "El Amrani"]
STREET_WORDS = ["Linden", "Beuken", "Eiken", "Kastanje", "Berken", "Iepen", "Wilgen", "Esdoorn", "Populieren",
                "Acacia", "Merel", "Lijster", "Vinken", "Reiger", "Specht", "Zwaluw", "Roodborst", "Koekoek", "Uilen",
                "Valken", "Tulpen", "Rozen", "Iris", "Lelie", "Anjer", "Hyacint", "Krokus", "Narcis", "Heide",
                "Duin", "Bos", "Veld", "Weide", "Akker", "Beek", "Molen", "Kerk", "Slot", "Dorps", "Stations",
                "School", "Park", "Zon", "Maan", "Ster", "Hazel", "Vlier", "Meidoorn", "Jasmijn", "Lavendel"]
STREET_SUFFIXES = ["laan", "straat", "weg", "hof", "plein", "pad", "singel", "dreef"]
RESIDENTS_PER_STREET = 180   # INVENTED: how many residents a made-up street holds on average
LETTERS = "ABCDEFGHJKLMNPRTVWXZ"


class Register:
    def __init__(self, rng, reference):
        self.rng = rng
        self.reference = datetime.date(*reference)
        self.rows = []
        self.adults = 0
        self.addresses = 0

    def birth_date(self, age):
        """A uniformly random birth date giving `age` completed years on the reference date."""
        latest = self.reference.replace(year=self.reference.year - age)
        earliest = self.reference.replace(year=self.reference.year - age - 1) + datetime.timedelta(days=1)
        span = (latest - earliest).days
        return earliest + datetime.timedelta(days=self.rng.randrange(span + 1))

    def person(self, address, age, gender=None, last_name=None):
        rng = self.rng
        if gender is None:
            gender = "vrouw" if rng.random() < model.SHARE_WOMEN else "man"
        first = rng.choice(FIRST_WOMEN if gender == "vrouw" else FIRST_MEN)
        last = last_name or rng.choice(LAST_NAMES)
        street, number, postcode, district = address
        self.rows.append({
            "id": "", "first_name": first, "last_name": last, "street": street, "house_number": number,
            "postcode": postcode, "district": district, "gender": gender,
            "birth_date": self.birth_date(age).isoformat(),
        })
        if age >= model.MIN_AGE:
            self.adults += 1
        return last


def weighted(rng, pairs):
    x = rng.random() * sum(w for _, w in pairs)
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


def adult_age(rng):
    label = weighted(rng, model.ADULT_AGE_WEIGHTS)
    low, high = next((lo, hi) for name, lo, hi in model.AGE_BANDS if name == label)
    return rng.randint(low, min(high, 96))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="the register CSV to write")
    ap.add_argument("--adults", type=int, default=model.ADULTS_16_PLUS, help="residents aged 16+ to generate")
    ap.add_argument("--seed", type=int, default=20201101, help="integer seed of Python's MT19937")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    reg = Register(rng, model.REFERENCE_DATE)

    # Streets: every word + suffix combination, shuffled, dealt to districts in proportion to their share.
    names = [w + s for w in STREET_WORDS for s in STREET_SUFFIXES]
    rng.shuffle(names)
    total_share = sum(s for _, s, _ in model.DISTRICTS)
    expected_residents = args.adults * 1.2
    streets = {}   # district -> list of [name, next house number, postcode number, letter offset]
    k = 0
    for d, (district, share, postcodes) in enumerate(model.DISTRICTS):
        n = max(2, round(expected_residents * share / total_share / RESIDENTS_PER_STREET))
        streets[district] = []
        for j in range(n):
            streets[district].append([names[k % len(names)] + ("" if k < len(names) else " " + str(k // len(names) + 1)),
                                      1, postcodes[j % len(postcodes)], rng.randrange(len(LETTERS) ** 2)])
            k += 1
    districts = [(name, share / total_share) for name, share, _ in model.DISTRICTS]

    def new_address(district=None):
        district = district or weighted(rng, districts)
        street = rng.choice(streets[district])
        number = street[1]
        street[1] += 1 if rng.random() < 0.9 else 2
        block = street[3] + (number - 1) // 24  # INVENTED: about 24 house numbers share a postcode
        letters = LETTERS[(block // len(LETTERS)) % len(LETTERS)] + LETTERS[block % len(LETTERS)]
        suffix = "" if rng.random() < 0.92 else rng.choice(["A", "B", "-1", "-2"])
        reg.addresses += 1
        return (street[0], str(number) + suffix, f"{street[2]} {letters}", district)

    # Care homes first (INVENTED), then households until there are enough residents aged 16+.
    for _ in range(model.CARE_HOMES):
        address = new_address()
        for _ in range(rng.randint(*model.CARE_HOME_RESIDENTS)):
            reg.person(address, rng.randint(75, 99), gender="vrouw" if rng.random() < 0.7 else "man")
    while reg.adults < args.adults:
        address = new_address()
        kind = weighted(rng, model.HOUSEHOLD_TYPES)
        if kind == "single":
            reg.person(address, adult_age(rng))
        elif kind == "couple":
            age = max(20, adult_age(rng))
            last = reg.person(address, age)
            reg.person(address, max(19, min(99, age + rng.randint(-6, 6))), last_name=last if rng.random() < 0.5 else None)
        elif kind == "family":
            age = rng.randint(28, 56)
            last = reg.person(address, age)
            if rng.random() < 0.8:
                reg.person(address, max(22, age + rng.randint(-5, 5)), last_name=last if rng.random() < 0.5 else None)
            for _ in range(weighted(rng, [(1, 0.4), (2, 0.42), (3, 0.18)])):
                reg.person(address, rng.randint(0, max(0, min(age - 21, 24))), last_name=last)
        else:  # shared house: students and young workers
            for _ in range(rng.randint(2, 4)):
                reg.person(address, rng.randint(18, 29))

    for i, row in enumerate(reg.rows):
        row["id"] = f"Z{i + 1:06d}"
    header = ["id", "first_name", "last_name", "street", "house_number", "postcode", "district", "gender", "birth_date"]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(reg.rows)
    os.replace(tmp, args.out)
    print(f"Wrote {len(reg.rows)} residents ({reg.adults} aged {model.MIN_AGE}+ on "
          f"{datetime.date(*model.REFERENCE_DATE)}) at {reg.addresses} addresses to {args.out}")


if __name__ == "__main__":
    main()
