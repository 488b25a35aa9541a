import CGSL

extension RawMT {
    static func stream(seed: UInt, count: Int) -> [UInt32] {
        let r = gsl_rng_alloc(kleroterion_gsl_mt19937())!
        defer { gsl_rng_free(r) }
        gsl_rng_set(r, seed)
        return (0..<count).map { _ in UInt32(gsl_rng_get(r)) }
    }
}
