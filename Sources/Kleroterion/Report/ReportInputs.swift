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
    /// Per stratum, the register values that define it (column → value), e.g. `district → Zeist-Noord`.
    public var strataValues: [[String: String]] = []
    public var weighting: String?
    /// Every row of the register, of any age (`register.rows`).
    public var allResidentsCount: Int?
    /// The youngest age invited (`settings.min_age`).
    public var minimumAge: Int?
    /// With one letter per address: the chance of a letter alone and at the fullest address.
    public var addressChances: AddressChances?

    public init(registerCount: Int? = nil, invitedCount: Int? = nil, strata: [FunnelStratum] = [], weighting: String? = nil) {
        self.registerCount = registerCount; self.invitedCount = invitedCount; self.strata = strata; self.weighting = weighting
    }

    /// Reads `invitations-report.json` from a folder; `nil` when the folder has none.
    public static func load(directory: String) throws -> InvitationsSummary? {
        let path = (directory as NSString).appendingPathComponent("invitations-report.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try InputFile.read(path) // a regular file only: a pipe named like it must not block
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
        summary.allResidentsCount = int(register, ["rows"])
        let settings = top["settings"] as? [String: Any] ?? [:]
        summary.minimumAge = int(settings, ["min_age"])
        summary.addressChances = addressChances(top)
        let strata = (top["strata"] as? [[String: Any]]) ?? []
        summary.strataValues = strata.map { s in
            ((s["values"] as? [String: Any]) ?? [:]).compactMapValues { $0 as? String }
        }
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

extension InvitationsSummary {
    /// From the strata's `inclusion_probabilities` (one letter per address): the mean chance of someone alone at an
    /// address, and the chance at the address with the most residents. Nil without addresses.
    static func addressChances(_ top: [String: Any]) -> AddressChances? {
        var aloneResidents = 0.0, aloneSum = 0.0
        var largest = 0, largestResidents = 0.0, largestSum = 0.0
        for stratum in (top["strata"] as? [[String: Any]]) ?? [] {
            for c in (stratum["inclusion_probabilities"] as? [[String: Any]]) ?? [] {
                guard let at = (c["residents_at_address"] as? NSNumber)?.intValue, let n = (c["residents"] as? NSNumber)?.doubleValue,
                      let p = (c["probability"] as? NSNumber)?.doubleValue, n > 0 else { continue }
                if at == 1 { aloneResidents += n; aloneSum += n * p }
                if at > largest { largest = at; largestResidents = 0; largestSum = 0 }
                if at == largest { largestResidents += n; largestSum += n * p }
            }
        }
        guard aloneResidents > 0, largest > 1, largestResidents > 0 else { return nil }
        return AddressChances(alone: aloneSum / aloneResidents, largestAddress: largest, atLargestAddress: largestSum / largestResidents)
    }

    /// Fills in the respondents per stratum by counting the pool rows with the stratum's values, when the pool
    /// has every column that defines the strata (e.g. `district`). Values match trimmed and case-insensitively.
    public func countingRespondents(in pool: Table) -> InvitationsSummary {
        guard strataValues.count == strata.count, !strataValues.isEmpty, !strataValues.contains(where: \.isEmpty) else { return self }
        let columns = Set(strataValues.flatMap(\.keys))
        var index: [String: Int] = [:]
        for c in columns {
            guard let i = pool.columnIndex(c) else { return self }
            index[c] = i
        }
        func key(_ values: [String: String]) -> String {
            values.keys.sorted().map { QuotaSet.matchKey(values[$0]!) }.joined(separator: "\u{1F}")
        }
        var counts: [String: Int] = [:]
        for row in pool.rows {
            var values: [String: String] = [:]
            for (c, i) in index { values[c] = row[i] }
            counts[key(values), default: 0] += 1
        }
        var result = self
        for (i, values) in strataValues.enumerated() where Set(values.keys) == columns {
            result.strata[i].respondents = counts[key(values)] ?? 0
        }
        return result
    }
}
