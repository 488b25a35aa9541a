import CGSL
import Foundation

/// A goodness-of-fit test of observed counts (e.g. panel seats per age band) against population shares.
///
/// Which test is used depends on the expected counts (Cochran's rule):
/// - every expected count ≥ 5: Pearson's chi-square, p-value from GSL's `gsl_cdf_chisq_Q`;
/// - otherwise, two values: an exact two-sided test, hypergeometric when the population size is known
///   (`gsl_ran_hypergeometric_pdf`), binomial when not (`gsl_ran_binomial_pdf`);
/// - otherwise, three or more values: the exact multinomial test, by enumerating every possible outcome
///   (`gsl_ran_multinomial_lnpdf`) when there are at most `enumerationLimit` of them, and else by simulation
///   (`gsl_ran_multinomial`, seeded, so the same draw gives the same report) with the p-value's standard error.
///
/// The exact tests are two-sided in the usual way: the p-value is the total probability of every outcome that is
/// no more likely than the observed one.
public struct FitTest: Codable, Sendable, Equatable {
    public enum Method: String, Codable, Sendable {
        case chiSquare = "chi_square"
        case exactHypergeometric = "exact_hypergeometric"
        case exactBinomial = "exact_binomial"
        case exactMultinomial = "exact_multinomial"
        case simulatedMultinomial = "simulated_multinomial"
    }
    public var method: Method
    /// Pearson's X² (chi-square only).
    public var statistic: Double?
    /// Degrees of freedom (chi-square only).
    public var degreesOfFreedom: Int?
    public var pValue: Double
    /// The standard error of a simulated p-value.
    public var pValueStandardError: Double?
    /// How many outcomes were simulated (simulated test only).
    public var simulations: Int?
    /// The smallest expected count, which decided the method.
    public var smallestExpected: Double

    /// True when the p-value is below 5%: evidence of a difference.
    public var showsDifference: Bool { pValue < GoodnessOfFit.significanceLevel }

    public init(method: Method, statistic: Double? = nil, degreesOfFreedom: Int? = nil, pValue: Double,
                pValueStandardError: Double? = nil, simulations: Int? = nil, smallestExpected: Double) {
        self.method = method; self.statistic = statistic; self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue; self.pValueStandardError = pValueStandardError; self.simulations = simulations
        self.smallestExpected = smallestExpected
    }
}

public enum GoodnessOfFit {
    /// The conventional 5% level used for the one-line readings.
    public static let significanceLevel = 0.05
    /// Cochran's rule: the chi-square approximation is trusted when every expected count is at least this.
    public static let minimumExpectedForChiSquare = 5.0
    /// The exact multinomial test enumerates at most this many outcomes; above it, it simulates.
    public static let enumerationLimit = 1_000_000.0
    /// Outcomes simulated when enumeration is too large.
    public static let simulationCount = 100_000
    /// Relative slack when comparing outcome probabilities with the observed one (floating-point ties).
    static let tieTolerance = 1e-7

    /// Tests `observed` counts against `shares` (one per value; normalised here, so they need not sum to 1).
    ///
    /// Returns `nil` when there is nothing to test (fewer than two values with a positive share, or no counts).
    /// `populationSize` enables the hypergeometric test for two values; `random` is used only for simulation.
    /// `enumerationLimit` is lowered by tests to compare simulation with enumeration.
    public static func test(observed: [Int], shares: [Double], populationSize: Int? = nil,
                            random: @autoclosure () throws -> SeededRandom,
                            enumerationLimit: Double = GoodnessOfFit.enumerationLimit) rethrows -> FitTest? {
        precondition(observed.count == shares.count)
        GSL.silenceAbort()
        let n = observed.reduce(0, +)
        let total = shares.reduce(0, +)
        guard n > 0, total > 0 else { return nil }
        // A value the population does not have but the panel does: impossible under the population.
        if zip(observed, shares).contains(where: { $0 > 0 && $1 == 0 }) {
            return FitTest(method: .exactMultinomial, pValue: 0, smallestExpected: 0)
        }
        let kept = shares.indices.filter { shares[$0] > 0 }
        guard kept.count >= 2 else { return nil }
        let o = kept.map { observed[$0] }
        let p = kept.map { shares[$0] / total }
        let expected = p.map { $0 * Double(n) }
        let smallest = expected.min()!

        if smallest >= minimumExpectedForChiSquare {
            let x2 = zip(o, expected).reduce(0.0) { $0 + pow(Double($1.0) - $1.1, 2) / $1.1 }
            let df = kept.count - 1
            return FitTest(method: .chiSquare, statistic: x2, degreesOfFreedom: df,
                           pValue: gsl_cdf_chisq_Q(x2, Double(df)), smallestExpected: smallest)
        }
        if kept.count == 2 {
            if let size = populationSize, size >= n {
                let successes = Int((p[0] * Double(size)).rounded())
                if successes > 0, successes < size {
                    let pdf = { (x: Int) in gsl_ran_hypergeometric_pdf(UInt32(x), UInt32(successes), UInt32(size - successes), UInt32(n)) }
                    return FitTest(method: .exactHypergeometric, pValue: twoSided(range: 0...n, observed: o[0], pdf: pdf),
                                   smallestExpected: smallest)
                }
            }
            let pdf = { (x: Int) in gsl_ran_binomial_pdf(UInt32(x), p[0], UInt32(n)) }
            return FitTest(method: .exactBinomial, pValue: twoSided(range: 0...n, observed: o[0], pdf: pdf), smallestExpected: smallest)
        }
        let lnObserved = lnMultinomial(o, p)
        let threshold = lnObserved + log1p(tieTolerance)
        if outcomeCount(n: n, values: kept.count) <= enumerationLimit {
            var sum = 0.0
            var counts = [UInt32](repeating: 0, count: kept.count)
            enumerate(&counts, index: 0, remaining: n) { c in
                let ln = p.withUnsafeBufferPointer { pp in c.withUnsafeBufferPointer { gsl_ran_multinomial_lnpdf(pp.count, pp.baseAddress, $0.baseAddress) } }
                if ln <= threshold { sum += exp(ln) }
            }
            return FitTest(method: .exactMultinomial, pValue: min(1, sum), smallestExpected: smallest)
        }
        let rng = try random()
        var hits = 0
        var draw = [UInt32](repeating: 0, count: kept.count)
        withExtendedLifetime(rng) {
            for _ in 0..<simulationCount {
                let ln = p.withUnsafeBufferPointer { pp in
                    draw.withUnsafeMutableBufferPointer { d -> Double in
                        gsl_ran_multinomial(rng.generator, pp.count, UInt32(n), pp.baseAddress, d.baseAddress)
                        return gsl_ran_multinomial_lnpdf(pp.count, pp.baseAddress, d.baseAddress)
                    }
                }
                if ln <= threshold { hits += 1 }
            }
        }
        // (hits + 1) / (runs + 1): the observed outcome counts as one of its own kind, so p is never exactly 0.
        let estimate = Double(hits + 1) / Double(simulationCount + 1)
        return FitTest(method: .simulatedMultinomial, pValue: estimate,
                       pValueStandardError: (estimate * (1 - estimate) / Double(simulationCount)).squareRoot(),
                       simulations: simulationCount, smallestExpected: smallest)
    }

    /// Sum of `pdf(x)` over every `x` no more likely than the observed one.
    static func twoSided(range: ClosedRange<Int>, observed: Int, pdf: (Int) -> Double) -> Double {
        let limit = pdf(observed) * (1 + tieTolerance)
        return min(1, range.reduce(0.0) { sum, x in let q = pdf(x); return q <= limit ? sum + q : sum })
    }

    static func lnMultinomial(_ counts: [Int], _ p: [Double]) -> Double {
        let c = counts.map { UInt32($0) }
        return p.withUnsafeBufferPointer { pp in c.withUnsafeBufferPointer { gsl_ran_multinomial_lnpdf(pp.count, pp.baseAddress, $0.baseAddress) } }
    }

    /// The number of ways to split `n` seats over `values` values: C(n + values − 1, values − 1).
    static func outcomeCount(n: Int, values: Int) -> Double {
        exp(gsl_sf_lnchoose(UInt32(n + values - 1), UInt32(values - 1)))
    }

    private static func enumerate(_ counts: inout [UInt32], index: Int, remaining: Int, _ visit: ([UInt32]) -> Void) {
        if index == counts.count - 1 {
            counts[index] = UInt32(remaining)
            visit(counts)
            return
        }
        for x in 0...remaining {
            counts[index] = UInt32(x)
            enumerate(&counts, index: index + 1, remaining: remaining - x, visit)
        }
    }
}
