import CGSL
import Foundation

/// The chance of a letter for a resident when letters go one per address.
///
/// The design (see docs/invitations.md): every address first picks one of its eligible residents by lot,
/// its *contact*; the address then belongs to the contact's stratum. In stratum h, `n` addresses are drawn
/// from the `A` addresses whose contact is in h, and the letter goes to the contact.
///
/// For a resident of stratum h at an address with `m` eligible residents, `k` of them in h:
///
///     P(letter) = (1/m) · E[ n / A | this resident is the contact ]
///
/// Given that, A = 1 + Σ over the other addresses b of a coin that comes up with chance p_b = k_b / m_b
/// (b's own contact lands in h). For such a sum, E[1/(1+X)] = ∫₀¹ E[t^X] dt = ∫₀¹ Π_b (1 − p_b·s) ds
/// (s = 1 − t). The integrand depends only on how many addresses there are of each type (m_b, k_b), so it
/// is cheap to evaluate; it is integrated with GSL's fixed Gauss–Legendre rule on pieces [0, 1/μ], [1/μ, 2/μ],
/// [2/μ, 4/μ], … (μ = the expected number of other addresses), which follow the integrand's exponential
/// decay. Beyond s = 64/μ the integrand is below e^−64 and is dropped. The result is exact up to rounding
/// (about 1e−12 relative), not an approximation such as n / (m · E[A]).
///
/// This holds as long as the lot of contacts leaves at least `n` addresses in the stratum (otherwise the draw stops);
/// `shortfallBound` bounds the chance that it does not.
struct AddressProbability {
    /// Address types of one stratum: (eligible residents m, of whom in the stratum k) → number of addresses.
    var types: [AddressType: Int] = [:]

    struct AddressType: Hashable, Comparable {
        let m: Int
        let k: Int
        var p: Double { Double(k) / Double(m) }
        static func < (a: AddressType, b: AddressType) -> Bool { (a.m, a.k) < (b.m, b.k) }
    }

    /// Addresses whose residents are all in the stratum: they are in it whatever the contact lot.
    var certainAddresses: Int { types.filter { $0.key.k == $0.key.m }.values.reduce(0, +) }

    /// The chance that the contact lot leaves fewer than `letters` addresses in the stratum (0 when that cannot
    /// happen). The addresses not wholly in the stratum join independently, each of type (m, k) with chance k/m, so
    /// their number X is a sum of binomials. For a shortfall of up to 1,500 addresses the chance is computed exactly
    /// (the binomials, from `gsl_ran_binomial_pdf`, convolved up to the shortfall); beyond that, or when tiny, the
    /// Chernoff bound P(X ≤ (1 − δ)μ) ≤ exp(−δ²μ / 2) stands in for it (an upper bound).
    func shortfallChance(letters: Int) -> Double {
        let needed = letters - certainAddresses      // X must reach this
        if needed <= 0 { return 0 }
        let uncertain = types.filter { $0.key.k < $0.key.m }.sorted { $0.key < $1.key }
        let mu = uncertain.reduce(0.0) { $0 + Double($1.value) * $1.key.p }
        let t = needed - 1                           // shortfall: X ≤ needed − 1
        guard mu > 0, Double(t) < mu else { return 1 }
        let delta = 1 - Double(t) / mu
        let bound = exp(-delta * delta * mu / 2)
        if bound < 1e-12 || t > 1500 { return bound }
        var pmf = [Double](repeating: 0, count: t + 1)   // P(X = i) for i ≤ t, over the types so far
        pmf[0] = 1
        for (type, count) in uncertain {
            let top = min(count, t)
            let b = (0...top).map { gsl_ran_binomial_pdf(UInt32($0), type.p, UInt32(count)) }
            var next = [Double](repeating: 0, count: t + 1)
            for i in 0...t where pmf[i] > 0 {
                for j in 0...min(top, t - i) { next[i + j] += pmf[i] * b[j] }
            }
            pmf = next
        }
        return min(bound, pmf.reduce(0, +))
    }

    /// E[1/A] for a resident at an address of type `own`, where A counts that address plus the others.
    func expectedInverseCount(own: AddressType) -> Double {
        let terms = types.sorted { $0.key < $1.key }.compactMap { type, count -> (p: Double, count: Double)? in
            let c = Double(count - (type == own ? 1 : 0))
            return c > 0 ? (type.p, c) : nil
        }
        let mu = terms.reduce(0) { $0 + $1.p * $1.count }
        func integrand(_ s: Double) -> Double {
            var log = 0.0
            for t in terms { log += t.count * log1p(-t.p * s) }
            return exp(log)
        }
        var breaks: [Double] = [0]
        if mu > 1 {
            var b = 1 / mu
            while b < 1 && b <= 64 / mu { breaks.append(b); b *= 2 }
        }
        if breaks.last! < 1 { breaks.append(min(1, mu > 1 ? 128 / mu : 1)) }
        let table = AddressProbability.glTable
        var total = 0.0
        for j in 0..<(breaks.count - 1) {
            for i in 0..<AddressProbability.glPoints {
                var x = 0.0, w = 0.0
                gsl_integration_glfixed_point(breaks[j], breaks[j + 1], i, &x, &w, table)
                total += w * integrand(x)
            }
        }
        return total
    }

    static let glPoints = 32
    /// GSL's Gauss–Legendre nodes and weights; computed once and never freed (read-only, shared).
    nonisolated(unsafe) static let glTable: UnsafeMutablePointer<gsl_integration_glfixed_table> = {
        gsl_integration_glfixed_table_alloc(glPoints)!
    }()
}

