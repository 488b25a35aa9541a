#!/usr/bin/env python3
"""An independent re-implementation of Kleroterion's random stream (see docs/randomness.md).

Python 3 standard library only; it does not use GSL. It reproduces, from the seed text alone, what Kleroterion
draws through GSL: the 32-bit seed, MT19937's raw outputs, gsl_rng_uniform, gsl_rng_uniform_int, gsl_ran_choose and
gsl_ran_shuffle. Usage:

    python3 docs/randomness_reference.py "2026-03-14 lotto 3 17 22 31 40 41" [purpose]
"""
import hashlib
import sys


def derive_seed(seed_text, purpose=None):
    """SHA-256 of the UTF-8 seed text (+ 0x1F + UTF-8 purpose); the first 4 bytes, big-endian."""
    data = seed_text.encode("utf-8")
    if purpose is not None:
        data += b"\x1f" + purpose.encode("utf-8")
    return int.from_bytes(hashlib.sha256(data).digest()[:4], "big")


class MT19937:
    """The reference MT19937 (Matsumoto and Nishimura, 2002 init_genrand), as GSL's gsl_rng_mt19937."""

    def __init__(self, seed):
        seed &= 0xFFFFFFFF
        if seed == 0:
            seed = 4357                      # GSL (and the 1998 reference code) use 4357 for seed 0
        self.mt = [seed]
        for i in range(1, 624):
            prev = self.mt[i - 1]
            self.mt.append((1812433253 * (prev ^ (prev >> 30)) + i) & 0xFFFFFFFF)
        self.index = 624

    def get(self):
        """gsl_rng_get: the next raw 32-bit output."""
        if self.index >= 624:
            for i in range(624):
                y = (self.mt[i] & 0x80000000) | (self.mt[(i + 1) % 624] & 0x7FFFFFFF)
                self.mt[i] = self.mt[(i + 397) % 624] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
            self.index = 0
        y = self.mt[self.index]
        self.index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        return y

    def uniform(self):
        """gsl_rng_uniform: raw / 2^32, in [0, 1)."""
        return self.get() / 4294967296.0

    def uniform_int(self, n):
        """gsl_rng_uniform_int: scale = (2^32 - 1) // n; draw raw // scale until it is below n."""
        scale = 0xFFFFFFFF // n
        while True:
            k = self.get() // scale
            if k < n:
                return k

    def choose(self, k, items):
        """gsl_ran_choose: selection sampling (Knuth's Algorithm S); keeps the input order."""
        chosen, n = [], len(items)
        for i, item in enumerate(items):
            if len(chosen) == k:
                break
            if (n - i) * self.uniform() < k - len(chosen):
                chosen.append(item)
        return chosen

    def shuffle(self, items):
        """gsl_ran_shuffle: Fisher-Yates from the last position down, j = uniform_int(i + 1)."""
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.uniform_int(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


if __name__ == "__main__":
    text = sys.argv[1] if len(sys.argv) > 1 else "2026-03-14 lotto 3 17 22 31 40 41"
    purpose = sys.argv[2] if len(sys.argv) > 2 else None
    s = derive_seed(text, purpose)
    print("seed text:", repr(text), "purpose:", repr(purpose))
    print("32-bit seed:", s)
    r = MT19937(s)
    print("first 5 raw:", [r.get() for _ in range(5)])
    r = MT19937(s)
    print("uniform_int for n = 10, 935, 6500, 3, 1000000007, 2147483649:",
          [r.uniform_int(n) for n in (10, 935, 6500, 3, 1000000007, 2147483649)])
    r = MT19937(s)
    first = r.uniform()
    print("uniform, uniform:", repr(first), repr(r.uniform()))
    print("choose 5 of 0..19:", MT19937(s).choose(5, range(20)))
    print("shuffle 0..9:", MT19937(s).shuffle(range(10)))
