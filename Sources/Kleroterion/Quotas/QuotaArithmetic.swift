/// The check of a quota table that needs no respondents: each feature's bands must leave room for exactly the
/// panel's seats (the minimums add up to at most the panel size, the maximums to at least it).
///
/// It is the first thing an organiser sees while editing quotas, before anyone has registered; the exact check
/// against the pool (`FeasibilityCheck`) comes once the respondents are known.
public struct QuotaArithmetic: Sendable, Equatable {
    /// A feature whose bands cannot add up to the panel size.
    public struct Conflict: Sendable, Equatable {
        public var feature: String
        public var minimums: Int
        public var maximums: Int
        /// True when the minimums ask for more seats than the panel has; false when the maximums allow fewer.
        public var tooMany: Bool
    }

    public var conflicts: [Conflict]

    public init(_ quotas: QuotaSet, panelSize: Int) {
        conflicts = quotas.features.compactMap { feature in
            // A combination feature (gender&age_band) has an "any other combination" bucket, so its bands need not cover the panel.
            guard !feature.contains("&") else { return nil }
            let bands = quotas.quotas(for: feature)
            let minimums = bands.reduce(0) { $0 + $1.min }, maximums = bands.reduce(0) { $0 + $1.max }
            if minimums > panelSize { return Conflict(feature: feature, minimums: minimums, maximums: maximums, tooMany: true) }
            if maximums < panelSize { return Conflict(feature: feature, minimums: minimums, maximums: maximums, tooMany: false) }
            return nil
        }
    }
}
