import CGSL
import Foundation

/// `kleroterion dropout-rates`: drop-out rates per feature value, estimated from a past assembly's records
/// (its panel.csv and the ids of those who dropped out), with confidence intervals.
///
/// Per value, with `n` members and `d` drop-outs, the estimate is the Jeffreys posterior mean `(d + ½) / (n + 1)` and
/// the interval the Jeffreys interval, the quantiles of Beta(d + ½, n − d + ½) (GSL's `gsl_cdf_beta_Pinv`). Why not
/// `d / n`: with about 15 drop-outs in a panel of 150, many values have none, and a rate of exactly 0 would make that
/// value's relative risk 0 in `DropoutModel`'s product, so that nobody with it could ever drop out. The Jeffreys
/// interval has close to its nominal coverage even for small counts (Brown, Cai & DasGupta, Statistical Science 2001).
public struct DropoutRateEstimate: Sendable {
    public struct Row: Sendable, Equatable {
        public var feature: String
        public var value: String
        public var members: Int
        public var dropouts: Int
        public var rate: Double
        public var low: Double
        public var high: Double
    }

    /// The overall row (feature `*`) first, then each feature's values in order of first appearance.
    public var rows: [Row]
    public var confidence: Double

    /// Rate and interval for `d` drop-outs among `n` members.
    public static func jeffreys(dropouts d: Int, members n: Int, confidence: Double) -> (rate: Double, low: Double, high: Double) {
        GSL.silenceAbort()
        let a = Double(d) + 0.5, b = Double(n - d) + 0.5
        let tail = (1 - confidence) / 2
        let low = d == 0 ? 0 : gsl_cdf_beta_Pinv(tail, a, b)
        let high = d == n ? 1 : gsl_cdf_beta_Pinv(1 - tail, a, b)
        return (a / (a + b), low, high)
    }

    public init(panel: Pool, dropouts: [String], dropoutSource: String, features: [String], confidence: Double) throws {
        guard confidence > 0 && confidence < 1 else {
            throw KleroterionError("the confidence level \(confidence) is not between 0 and 1", fix: "give --confidence as a fraction, e.g. 0.95")
        }
        let onPanel = Set(panel.ids)
        var out = Set<String>()
        for id in dropouts {
            guard onPanel.contains(id) else {
                throw KleroterionError(file: dropoutSource == "--dropouts" ? nil : dropoutSource, "dropout '\(id)' is not a member of the panel \(panel.table.source)",
                                       fix: "list only ids from that panel.csv")
            }
            guard out.insert(id).inserted else {
                throw KleroterionError(file: dropoutSource == "--dropouts" ? nil : dropoutSource, "dropout '\(id)' is listed twice", fix: "list each id once")
            }
        }
        let dropped = panel.ids.map { out.contains($0) }
        let overall = Self.jeffreys(dropouts: out.count, members: panel.count, confidence: confidence)
        var rows = [Row(feature: "*", value: "*", members: panel.count, dropouts: out.count, rate: overall.rate, low: overall.low, high: overall.high)]
        for name in features {
            let c = try panel.table.requireColumn(name, purpose: "named by --features")
            var order: [String] = [], members: [String: Int] = [:], gone: [String: Int] = [:], shown: [String: String] = [:]
            for (i, row) in panel.table.rows.enumerated() {
                let key = QuotaSet.matchKey(row[c])
                if members[key] == nil { order.append(key); shown[key] = row[c].trimmingSpaces() }
                members[key, default: 0] += 1
                if dropped[i] { gone[key, default: 0] += 1 }
            }
            for key in order {
                let n = members[key]!, d = gone[key] ?? 0
                let j = Self.jeffreys(dropouts: d, members: n, confidence: confidence)
                rows.append(Row(feature: name, value: shown[key]!, members: n, dropouts: d, rate: j.rate, low: j.low, high: j.high))
            }
        }
        self.rows = rows
        self.confidence = confidence
    }

    /// The rates file `--dropout-rates` reads (`feature,value,dropout_rate`, plus the counts and the interval).
    public var csv: String {
        let level = Int((confidence * 100).rounded())
        var out = CSVWriter.line(["feature", "value", "dropout_rate", "members", "dropouts", "ci\(level)_low", "ci\(level)_high"])
        for r in rows {
            out += CSVWriter.line([r.feature, r.value, Self.format(r.rate), "\(r.members)", "\(r.dropouts)", Self.format(r.low), Self.format(r.high)])
        }
        return out
    }

    static func format(_ x: Double) -> String { String(format: "%.4f", x) }

    /// The default features: every column but the id with 2 to 12 distinct values.
    public static func defaultFeatures(_ panel: Pool) -> [String] {
        panel.table.header.indices.filter { c in
            guard c != panel.idColumn else { return false }
            let values = Set(panel.table.rows.map { QuotaSet.matchKey($0[c]) })
            return values.count >= 2 && values.count <= 12
        }.map { panel.table.header[$0] }
    }
}
