import CGSL
import Foundation
import Testing
@testable import Kleroterion

@Suite struct ReportStatisticsTests {
    @Test func gslTailsMatchKnownValues() {
        // TECH-NOTES: checked against scipy to about 1e-14.
        #expect(abs(gsl_cdf_chisq_Q(3.841458820694124, 1) - 0.05) < 1e-12)
        #expect(abs(gsl_ran_hypergeometric_pdf(3, 10, 40, 10) - 0.21779270021461933) < 1e-14)
    }

    @Test func chiSquareWhenExpectedCountsAreLarge() throws {
        // 60 vs 40 against 50/50: X² = (10² + 10²) / 50 = 4, df 1, p = Q(4, 1) ≈ 0.0455.
        let test = try #require(try GoodnessOfFit.test(observed: [60, 40], shares: [0.5, 0.5], random: SeededRandom(seed: "x")))
        #expect(test.method == .chiSquare)
        #expect(test.statistic == 4)
        #expect(test.degreesOfFreedom == 1)
        #expect(abs(test.pValue - 0.04550026389635842) < 1e-12)
        #expect(test.showsDifference)
        // A perfect fit gives p = 1 and no evidence.
        let fit = try #require(try GoodnessOfFit.test(observed: [30, 45, 75], shares: [0.2, 0.3, 0.5], random: SeededRandom(seed: "x")))
        #expect(fit.pValue == 1)
        #expect(!fit.showsDifference)
    }

    @Test func sharesAreNormalised() throws {
        let a = try #require(try GoodnessOfFit.test(observed: [60, 40], shares: [0.25, 0.25], random: SeededRandom(seed: "x")))
        #expect(abs(a.pValue - 0.04550026389635842) < 1e-12)
    }

    @Test func exactBinomialForTwoSmallValues() throws {
        // 2 of 10 against p = 0.5 (expected 5 and 5 would be chi-square; use 0.3 so expected is 3 and 7).
        // Two-sided exact binomial, P(X = x) ≤ P(X = 0) for x = 0 and 7…10 with p = 0.3:
        // computed by the definition below with the binomial pdf from first principles.
        let test = try #require(try GoodnessOfFit.test(observed: [0, 10], shares: [0.3, 0.7], random: SeededRandom(seed: "x")))
        #expect(test.method == .exactBinomial)
        func pdf(_ x: Int) -> Double {
            var c = 1.0
            for i in 0..<x { c = c * Double(10 - i) / Double(i + 1) }
            return c * pow(0.3, Double(x)) * pow(0.7, Double(10 - x))
        }
        let expected = (0...10).map(pdf).filter { $0 <= pdf(0) * (1 + 1e-7) }.reduce(0, +)
        #expect(abs(test.pValue - expected) < 1e-12)
        #expect(abs(test.pValue - 0.0282475249 - (0...10).filter { $0 >= 7 }.map(pdf).reduce(0, +)) < 1e-9)
    }

    @Test func exactHypergeometricWhenThePopulationIsKnown() throws {
        // Population of 10 with 5 + 5; a sample of 2 with none of the first: P = 10/45 + 10/45 = 4/9.
        let test = try #require(try GoodnessOfFit.test(observed: [0, 2], shares: [0.5, 0.5], populationSize: 10, random: SeededRandom(seed: "x")))
        #expect(test.method == .exactHypergeometric)
        #expect(abs(test.pValue - 4.0 / 9.0) < 1e-12)
    }

    @Test func exactMultinomialBySmallHand() throws {
        // Three equal values, 3 seats, all on one value: P(observed) = 1/27; outcomes as unlikely: the 3 of that kind.
        let test = try #require(try GoodnessOfFit.test(observed: [0, 0, 3], shares: [1, 1, 1], random: SeededRandom(seed: "x")))
        #expect(test.method == .exactMultinomial)
        #expect(abs(test.pValue - 3.0 / 27.0) < 1e-12)
        // The most likely outcome (1,1,1) has p = 1: every outcome is at most as likely.
        let even = try #require(try GoodnessOfFit.test(observed: [1, 1, 1], shares: [1, 1, 1], random: SeededRandom(seed: "x")))
        #expect(abs(even.pValue - 1) < 1e-12)
    }

    @Test func simulationAgreesWithEnumerationAndIsReproducible() throws {
        // 150 seats over 8 districts with small ones: too many outcomes to enumerate (C(157, 7) ≈ 3e11).
        let shares = [0.27, 0.25, 0.23, 0.10, 0.06, 0.04, 0.02, 0.025]
        let observed = [36, 40, 33, 16, 10, 7, 5, 3]
        let a = try #require(try GoodnessOfFit.test(observed: observed, shares: shares, random: SeededRandom(seed: "s")))
        let b = try #require(try GoodnessOfFit.test(observed: observed, shares: shares, random: SeededRandom(seed: "s")))
        #expect(a.method == .simulatedMultinomial)
        #expect(a == b)
        #expect(a.pValueStandardError! > 0)
        // On a case small enough for both, the simulated p-value is within 4 standard errors of the exact one.
        let small = [1, 9, 2, 0]
        let smallShares = [0.1, 0.5, 0.3, 0.1]
        let exact = try #require(try GoodnessOfFit.test(observed: small, shares: smallShares, random: SeededRandom(seed: "s")))
        #expect(exact.method == .exactMultinomial)
        let simulated = try #require(try GoodnessOfFit.test(observed: small, shares: smallShares, random: SeededRandom(seed: "s"), enumerationLimit: 0))
        #expect(simulated.method == .simulatedMultinomial)
        #expect(abs(simulated.pValue - exact.pValue) < 4 * simulated.pValueStandardError! + 1e-5)
    }

    @Test func valueThePopulationLacksGivesZero() throws {
        let test = try #require(try GoodnessOfFit.test(observed: [3, 1], shares: [1, 0], random: SeededRandom(seed: "x")))
        #expect(test.pValue == 0)
    }

    @Test func giniCoefficient() {
        #expect(Inequality.gini([0.2, 0.2, 0.2, 0.2]) == 0)
        #expect(abs(Inequality.gini([0, 0, 0, 1]) - 0.75) < 1e-12)
        #expect(abs(Inequality.gini([1, 2, 3, 4]) - 0.25) < 1e-12)
        // Order does not matter, and scaling does not either.
        #expect(abs(Inequality.gini([4, 1, 3, 2]) - 0.25) < 1e-12)
        #expect(abs(Inequality.gini([0.04, 0.01, 0.03, 0.02]) - 0.25) < 1e-12)
        // The definition: mean absolute difference over twice the mean.
        let xs = [0.05, 0.1, 0.1, 0.3, 0.45, 0.0, 0.2]
        var sum = 0.0
        for a in xs { for b in xs { sum += abs(a - b) } }
        let mean = xs.reduce(0, +) / Double(xs.count)
        #expect(abs(Inequality.gini(xs) - sum / (2 * Double(xs.count * xs.count) * mean)) < 1e-12)
    }

    @Test func histogramCountsEveryValueOnce() {
        let values = (0..<100).map { Double($0) / 400 } + [0.16, 0.16]
        let bins = Inequality.histogram(values)
        #expect(bins.count == 20)
        #expect(bins.map(\.count).reduce(0, +) == values.count)
        #expect(bins.last!.upper >= values.max()!)
        #expect(Inequality.niceCeiling(0.16) == 0.2)
        #expect(Inequality.niceCeiling(0.2) == 0.2)
        #expect(Inequality.niceCeiling(0.21) == 0.25)
    }

    @Test func histogramOfChancesStaysWithinZeroAndOne() {
        // Someone certain to be chosen (chance exactly 1) lands in the last bin, which ends at 100 %, not 200 %.
        let certain = Inequality.histogram([1, 1, 0.2, 0.05])
        #expect(certain.last!.upper == 1)
        #expect(certain.last!.count == 2)
        #expect(certain.allSatisfy { $0.upper <= 1 && $0.lower < $0.upper })
        #expect(certain.map(\.count).reduce(0, +) == 4)
        #expect(certain[4].count == 1)          // 0.2 starts the fifth bin of 5 % each
        // Chance exactly 0 lands in the first bin; with nobody above 0 the axis still runs 0-100 %.
        let zero = Inequality.histogram([0, 0, 0])
        #expect(zero.first!.lower == 0 && zero.first!.count == 3)
        #expect(zero.last!.upper == 1)
        // A largest chance just below a round number keeps a tight axis; exactly at it, the last bin closes.
        let half = Inequality.histogram([0.5, 0.1])
        #expect(half.last!.upper == 0.5 && half.last!.count == 1)
        let above = Inequality.histogram([1.0000000001])   // rounding noise above 1 is still "certain"
        #expect(above.last!.upper == 1 && above.last!.count == 1)
    }
}
