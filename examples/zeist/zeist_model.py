"""Numbers behind the synthetic Zeist example, each marked SOURCED or INVENTED.

SOURCED numbers come from docs/findings.md and strata-templates/sources/ (the project's research, with URLs), and are
repeated in examples/zeist/README.md with their sources. INVENTED numbers are plausible assumptions made only
so that the example behaves like a Dutch municipality; they describe no real data and must not be quoted as facts.

Shared by generate_register.py and simulate_response.py (Python 3 standard library only).
"""

# --- Districts (wijken) --------------------------------------------------------------------------------------
# SOURCED: approximate shares of all residents, Stichting Beter Zeist (citizens' platform, NOT CBS), pages updated
# 2017-2020; docs/findings.md section 1.3 and strata-templates/sources/zeist_iac_2021.csv. They sum to 99.5 %; the generator
# normalises them. Postcode numbers per district are INVENTED approximations (4-digit areas 3701-3737).
DISTRICTS = [
    # name,                  share,  postcode numbers (INVENTED)
    ("Zeist-Noord",           0.27,  [3701, 3702, 3703]),
    ("Zeist-Centrum",         0.25,  [3705, 3706]),
    ("Zeist-West",            0.23,  [3704, 3707, 3708]),
    ("Zeist-Oost",            0.10,  [3709]),
    ("Den Dolder",            0.06,  [3734]),
    ("Huis ter Heide",        0.04,  [3712]),
    ("Bosch en Duin",         0.02,  [3735]),
    ("Austerlitz",            0.025, [3711]),
]

# --- Size ----------------------------------------------------------------------------------------------------
# SOURCED: the brief and docs/findings.md section 1.3 (Zeist had 66,623 residents on 1 Jan 2024, CBS via Wikipedia).
# INVENTED: the example stops adding households once it has ADULTS_16_PLUS residents aged 16 or over.
ADULTS_16_PLUS = 50_000

# --- Reference date ------------------------------------------------------------------------------------------
# SOURCED: the IAC invitations went out in November 2020 (docs/findings.md section 1.1). Ages are counted at this date.
REFERENCE_DATE = (2020, 11, 1)
MIN_AGE = 16  # SOURCED: Zeist's 2023 panel was "16 jaar en ouder" (docs/findings.md 1.2); the IAC's minimum age is unknown.

# --- Age bands (the nl-gemeente template) ---------------------------------------------------------------------
AGE_BANDS = [("16-24", 16, 24), ("25-34", 25, 34), ("35-44", 35, 44), ("45-54", 45, 54),
             ("55-64", 55, 64), ("65-74", 65, 74), ("75+", 75, 200)]

# INVENTED: share of the residents aged 16+ in each band for single and couple households. Chosen to agree roughly
# with the only sourced age split for Zeist (2012, all residents: <20 24 %, 20-64 57.5 %, 65+ 18.6 %; docs/findings.md 1.3).
ADULT_AGE_WEIGHTS = [("16-24", 0.04), ("25-34", 0.12), ("35-44", 0.08), ("45-54", 0.11),
                     ("55-64", 0.19), ("65-74", 0.23), ("75+", 0.23)]

# INVENTED: household types (share of households) and sizes; roughly the Dutch pattern, not Zeist data.
HOUSEHOLD_TYPES = [("single", 0.37), ("couple", 0.31), ("family", 0.29), ("shared", 0.02)]
CARE_HOMES = 4            # INVENTED: addresses with many residents aged 75+ (tests the one-letter-per-address rule)
CARE_HOME_RESIDENTS = (25, 60)

# INVENTED: gender split of the register; the Zeist split was not found (templates/zeist_population_reference.csv).
SHARE_WOMEN = 0.51

# --- Education (not in the register; respondents self-report it) ---------------------------------------------
# SOURCED: CBS StatLine 85525NED, Utrecht province 2024 (provisional), ages 15-75: laag 22.3 %, middelbaar 35.5 %,
# hoog 42.2 % (templates/nl_cbs_education_reference.csv). Zeist's own row was not found; the province is a proxy.
# INVENTED: that the same shares hold at every age and in every district.
EDUCATION_SHARES = [("laag", 0.223), ("middelbaar", 0.355), ("hoog", 0.422)]

# --- Response (who registers after a letter) -----------------------------------------------------------------
# SOURCED: 6,500 letters -> 935 registrations (14.4 %, derived); "een groot deel van de aanmeldingen was
# hoogopgeleid en boven de veertig" (Stadszaken 4021; docs/findings.md 1.1). The Sortition Foundation names lower education
# and young people among the groups least likely to register (docs/findings.md 3.9).
# INVENTED: the relative factors below. A person's chance to register is
#     base * EDUCATION_FACTOR[education] * AGE_FACTOR[age band],
# with `base` calibrated on the invitees so that the expected number of registrations is 935 / 6,500 of them.
INVITATIONS = 6_500
TARGET_RESPONSE_RATE = 935 / 6_500
EDUCATION_FACTOR = {"laag": 0.40, "middelbaar": 0.75, "hoog": 1.55}
AGE_FACTOR = {"16-24": 0.45, "25-34": 0.60, "35-44": 0.85, "45-54": 1.20,
              "55-64": 1.40, "65-74": 1.35, "75+": 0.70}


def age_on(birth, reference=REFERENCE_DATE):
    """Completed years on `reference` for someone born on `birth` (both (y, m, d)); 29 Feb birthdays
    count as 1 March in other years, as in the BRP. The Swift library does the same (CalendarDate.age)."""
    years = reference[0] - birth[0]
    if (reference[1], reference[2]) < (birth[1], birth[2]):
        years -= 1
    return years


def age_band(age):
    """The nl-gemeente band for an age, or None below 16."""
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return None


def parse_date(text):
    """YYYY-MM-DD (what the generator writes) to (y, m, d)."""
    y, m, d = text.strip().split("-")
    return int(y), int(m), int(d)
