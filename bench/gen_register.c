/* Generates a synthetic population register for the invitation benchmark (make bench-register).
 * Same columns as the Zeist example register (examples/zeist/generate_register.py):
 * id,first_name,last_name,street,house_number,postcode,district,gender,birth_date.
 * Usage: gen_register ROWS [SEED] > register.csv
 * Deterministic (xorshift64*), no real persons. About 2.1 residents per address, ages 0-99 so that the
 * age limits have something to remove, a quarter of the street names quoted because they hold a comma. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint64_t s = 88172645463325252ULL;
static inline uint64_t next(void) { s ^= s >> 12; s ^= s << 25; s ^= s >> 27; return s * 2685821657736338717ULL; }
static inline unsigned below(unsigned n) { return (unsigned)((next() >> 32) % n); }

static const char *streets[] = { "Dorpsstraat", "Kerkweg", "Lindenlaan", "Slotlaan", "Utrechtseweg", "Driebergseweg",
    "Het Rond", "Oranje Nassaulaan", "Laan van Vollenhove", "Bergweg", "Jagerlaan", "Montaubanstraat",
    "Boulevard", "Steynlaan", "Thorbeckelaan", "Woudenbergseweg" };
static const char *first_names[] = { "Anna", "Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Finn", "Sophie", "Noah",
    "Tess", "Levi", "Zoë", "Bram", "Fatima", "Mohammed" };
static const char *last_names[] = { "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
    "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yılmaz", "El Amrani", "Bos", "Vos" };
static const char *districts[] = { "Centrum", "Zeist-West", "Zeist-Noord", "Zeist-Oost", "Austerlitz",
    "Den Dolder", "Bosch en Duin", "Huis ter Heide", "Kerckebosch", "Vollenhove" };

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s ROWS [SEED]\n", argv[0]); return 1; }
    long rows = atol(argv[1]);
    if (argc > 2) s ^= (uint64_t)atoll(argv[2]) * 0x9E3779B97F4A7C15ULL;
    static char buf[1 << 20];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    fputs("id,first_name,last_name,street,house_number,postcode,district,gender,birth_date\n", stdout);
    static const unsigned sizes[] = { 1, 1, 1, 2, 2, 2, 3, 3, 4, 5 };
    long id = 0, address = 0;
    while (id < rows) {
        unsigned size = sizes[below(10)];
        address++;
        unsigned street = below(16), district = below(10);
        unsigned pc = 3700 + (unsigned)(address % 300);
        char l1 = 'A' + below(26), l2 = 'A' + below(26);
        int quoted = below(4) == 0;
        const char *family = last_names[below(16)];
        for (unsigned k = 0; k < size && id < rows; k++) {
            id++;
            const char *first = first_names[below(16)];
            unsigned year = 1926 + below(100), month = 1 + below(12), day = 1 + below(28);
            if (quoted)
                printf("%ld,%s,%s,\"%s, Zeist\",%ld,%u%c%c,%s,%c,%04u-%02u-%02u\n", 100000000L + id, first, family, streets[street], address,
                       pc, l1, l2, districts[district], below(2) ? 'v' : 'm', year, month, day);
            else
                printf("%ld,%s,%s,%s,%ld,%u%c%c,%s,%c,%04u-%02u-%02u\n", 100000000L + id, first, family, streets[street], address,
                       pc, l1, l2, districts[district], below(2) ? 'v' : 'm', year, month, day);
        }
    }
    return 0;
}
