import Foundation

extension PopulationShares {
    /// The share of one value (matched trimmed and case-insensitively), when the file gives it.
    public func share(feature: String, value: String) -> Double? {
        let f = QuotaSet.matchKey(feature), v = QuotaSet.matchKey(value)
        return entries.first { QuotaSet.matchKey($0.feature) == f && QuotaSet.matchKey($0.value) == v }?.share
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
