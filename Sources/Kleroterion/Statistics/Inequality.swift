import CGSL
import Foundation

/// Summary figures of how evenly selection chances are spread.
public enum Inequality {
    /// The Gini coefficient: 0 when everybody has the same chance, towards 1 when a few have all of it.
    ///
    /// GSL has no Gini routine. With the values sorted ascending (`gsl_sort`) and numbered i = 1…n,
    /// G = Σ (2i − n − 1)·xᵢ / (n · Σ xᵢ), the mean absolute difference divided by twice the mean.
    public static func gini(_ values: [Double]) -> Double {
        let n = values.count
        guard n > 1 else { return 0 }
        var sorted = values
        sorted.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, n) }
        let total = sorted.reduce(0, +)
        guard total > 0 else { return 0 }
        var weighted = 0.0
        for (i, x) in sorted.enumerated() { weighted += Double(2 * (i + 1) - n - 1) * x }
        return max(0, weighted / (Double(n) * total))
    }

    /// Minimum, maximum and mean (`gsl_stats_minmax`, `gsl_stats_mean`).
    public static func summary(_ values: [Double]) -> (min: Double, max: Double, mean: Double) {
        guard !values.isEmpty else { return (0, 0, 0) }
        var lo = 0.0, hi = 0.0
        let mean = values.withUnsafeBufferPointer { b -> Double in
            gsl_stats_minmax(&lo, &hi, b.baseAddress, 1, b.count)
            return gsl_stats_mean(b.baseAddress, 1, b.count)
        }
        return (lo, hi, mean)
    }

    /// Counts per bin over [0, upper] with `bins` equal bins (`gsl_histogram`). `upper` is a round number at or
    /// above the largest value and never above 1: chances lie between 0 and 100 %, so the axis must too.
    /// GSL's bins are half-open, [lower, upper); a value exactly at `upper` (a chance of exactly 1, someone certain
    /// to be chosen) is counted in the last bin, which is therefore closed on both sides.
    public static func histogram(_ values: [Double], bins: Int = 20) -> [HistogramBin] {
        let largest = min(1, values.max() ?? 0)
        let upper = min(1, niceCeiling(largest))
        guard let h = gsl_histogram_alloc(bins) else { return [] }
        defer { gsl_histogram_free(h) }
        gsl_histogram_set_ranges_uniform(h, 0, upper)
        var atTop = 0.0
        for x in values {
            if x >= upper { atTop += 1 } else { _ = gsl_histogram_increment(h, max(0, x)) }
        }
        let width = upper / Double(bins)
        return (0..<bins).map { i in
            HistogramBin(lower: Double(i) * width, upper: i == bins - 1 ? upper : Double(i + 1) * width,
                         count: Int(gsl_histogram_get(h, i) + (i == bins - 1 ? atTop : 0)))
        }
    }

    /// The smallest of 1, 2, 2.5, 5 × 10^e that is at least `x` (1 for x ≤ 0).
    static func niceCeiling(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let scale = pow(10, floor(log10(x)))
        for step in [1.0, 2, 2.5, 5, 10] where step * scale >= x { return step * scale }
        return 10 * scale
    }
}

/// One bar of a histogram: how many values lie in [lower, upper); the last bar also counts values equal to `upper`.
public struct HistogramBin: Codable, Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var count: Int
    public init(lower: Double, upper: Double, count: Int) { self.lower = lower; self.upper = upper; self.count = count }
}
