import Foundation

/// Population shares per feature and value (`feature,value,population_share`), for the report.
///
/// Values are matched trimmed and case-insensitively, as the quotas are. A decimal comma (`0,27`) is accepted
/// because Dutch spreadsheets write it so.
public struct PopulationShares: Sendable {
    /// The file name (without folders), for the report.
    public var source: String
    private var shares: [String: Double]

    public init(source: String, shares: [(feature: String, value: String, share: Double)]) {
        self.source = source
        self.shares = Dictionary(shares.map { (PopulationShares.key($0.feature, $0.value), $0.share) }, uniquingKeysWith: { a, _ in a })
    }

    public func share(feature: String, value: String) -> Double? { shares[PopulationShares.key(feature, value)] }

    static func key(_ feature: String, _ value: String) -> String {
        QuotaSet.matchKey(feature) + "\u{1F}" + QuotaSet.matchKey(value)
    }

    public static func load(path: String) throws -> PopulationShares {
        let table = try CSVReader.read(path: path)
        let f = try table.requireColumn("feature", purpose: "the feature, e.g. age")
        let v = try table.requireColumn("value", purpose: "the value, e.g. 16-24")
        let s = try table.requireColumn("population_share", purpose: "the share of the population, e.g. 0.12")
        var rows: [(String, String, Double)] = []
        var seen: [String: Int] = [:]
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let text = row[s].trimmingSpaces().replacingOccurrences(of: ",", with: ".")
            guard let share = Double(text), share >= 0, share <= 1 else {
                throw KleroterionError(file: table.source, line: line, column: table.header[s], "'\(row[s])' is not a share between 0 and 1",
                                       fix: "write the population share as a fraction, e.g. 0.27 for 27%")
            }
            let key = key(row[f], row[v])
            if let first = seen[key] {
                throw KleroterionError(file: table.source, line: line, "\(row[f].trimmingSpaces()) = \(row[v].trimmingSpaces()) appears twice (first on line \(first))",
                                       fix: "keep one row per feature and value")
            }
            seen[key] = line
            rows.append((row[f].trimmingSpaces(), row[v].trimmingSpaces(), share))
        }
        return PopulationShares(source: (path as NSString).lastPathComponent, shares: rows.map { (feature: $0.0, value: $0.1, share: $0.2) })
    }
}

/// What the report takes from `invite`'s `invitations-report.json`: the register and letter counts, and letters per
/// stratum. Unknown fields are ignored, so the two commands can evolve separately.
public struct InvitationsSummary: Sendable, Equatable {
    public var registerCount: Int?
    public var invitedCount: Int?
    public var strata: [FunnelStratum]
    public var weighting: String?

    public init(registerCount: Int? = nil, invitedCount: Int? = nil, strata: [FunnelStratum] = [], weighting: String? = nil) {
        self.registerCount = registerCount; self.invitedCount = invitedCount; self.strata = strata; self.weighting = weighting
    }

    /// Reads `invitations-report.json` from a folder; `nil` when the folder has none.
    public static func load(directory: String) throws -> InvitationsSummary? {
        let path = (directory as NSString).appendingPathComponent("invitations-report.json")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            throw KleroterionError(file: path, "this is not a JSON object", fix: "give the folder `kleroterion invite` wrote to, unchanged")
        }
        return parse(top)
    }

    /// Accepts the snake_case and camelCase spellings of the few fields it needs.
    static func parse(_ top: [String: Any]) -> InvitationsSummary {
        func int(_ o: [String: Any], _ keys: [String]) -> Int? {
            for k in keys { if let n = o[k] as? NSNumber { return n.intValue } }
            return nil
        }
        func double(_ o: [String: Any], _ keys: [String]) -> Double? {
            for k in keys { if let n = o[k] as? NSNumber { return n.doubleValue } }
            return nil
        }
        var summary = InvitationsSummary()
        // `invite` writes {"register": {"eligible": …}, "letters": …, "strata": [{"label", "population", "letters",
        // "oversampling_factor", "values": {column: value}}]}; the other spellings are accepted for hand-made files.
        let register = top["register"] as? [String: Any] ?? [:]
        summary.registerCount = int(register, ["eligible"]) ?? int(top, ["register_count", "registerCount", "eligible_count", "population"])
        summary.invitedCount = int(top, ["letters", "invited_count", "invitedCount", "letter_count", "invitations"])
        summary.weighting = top["weighting"] as? String
        let strata = (top["strata"] as? [[String: Any]]) ?? []
        summary.strata = strata.map { s in
            var name = (s["label"] as? String) ?? (s["name"] as? String) ?? (s["stratum"] as? String) ?? "?"
            if name == "?", let key = s["values"] as? [String: Any] {
                name = key.keys.sorted().map { k in key[k].map { "\($0)" } ?? "" }.joined(separator: " · ")
            }
            return FunnelStratum(name: name, population: int(s, ["population", "eligible", "register_count", "registerCount"]),
                                 invited: int(s, ["letters", "invited", "invited_count", "invitedCount"]),
                                 respondents: int(s, ["respondents", "respondent_count", "respondentCount"]),
                                 weight: double(s, ["oversampling_factor", "weight", "oversampling"]))
        }
        return summary
    }
}
