/// The result of an invitation lottery: who gets a letter, and everything the report needs.
public struct InvitationOutcome {
    /// The settings the draw ran with.
    public let settings: InvitationSettings
    /// The seed text and the MT19937 seed derived from it.
    public let seedText: String
    public let mt19937Seed: UInt32
    /// The register file.
    public let registerPath: String
    /// The strata columns (with the derived `age_band` where asked).
    public let strataColumns: [String]
    /// One entry per stratum, in canonical order.
    public let strata: [StratumOutcome]
    /// The 0-based data rows of the register that get a letter, ascending.
    public let invitedRows: [Int]
    /// Funnel counts of the register.
    public let registerRows: Int
    public let eligible: Int
    public let excluded: Int
    public let exclusionListSize: Int
    public let exclusionsFound: Int
    public let tooYoung: Int
    public let tooOld: Int
    /// Addresses with at least one eligible resident (one letter per address only).
    public let addresses: Int?

    /// Internal state for `inclusionProbabilities()`.
    let census: RegisterCensus

    /// Residents left out for a partly unknown birth date (`--unknown-birth-dates exclude`).
    public var unknownBirthDates: Int { census.unknownBirthDates }
}

/// One stratum's population, letters and chances.
public struct StratumOutcome: Sendable {
    /// The stratum's values, one per strata column.
    public let values: [String]
    /// Eligible residents.
    public let population: Int
    /// One letter per address: the addresses whose contact (the resident picked by lot) is in this stratum.
    public let contactAddresses: Int?
    /// Letters drawn.
    public let letters: Int
    /// Expected response rate (nil when not weighting by response).
    public let responseRate: Double?
    /// Oversampling factor (1 when none).
    public let factor: Double
    /// The allocation weight: population × factor ÷ rate.
    public let weight: Double
    /// Letters this stratum would get in proportion to its population alone (no weighting).
    public let proportionalLetters: Int
    /// Each resident's chance of a letter, by kind of resident.
    public let probabilities: [ProbabilityClass]
    /// One letter per address: true when the lot of contacts cannot leave fewer addresses than letters, or only
    /// with a chance below 1e-12, so the probabilities are exact; false otherwise (a short lot stops the draw).
    public let probabilitiesExact: Bool

    /// Expected respondents: letters × response rate (× 1 when no rate is known).
    public var expectedRespondents: Double { Double(letters) * (responseRate ?? 1) }
}

/// The chance of a letter for a group of residents of one stratum who share it.
public struct ProbabilityClass: Sendable, Codable, Equatable {
    /// One letter per address: eligible residents at the resident's address (nil without addresses).
    public let residentsAtAddress: Int?
    /// One letter per address: how many of them are in this stratum.
    public let inStratumAtAddress: Int?
    /// How many residents are in this group.
    public let residents: Int
    /// Each one's probability of a letter.
    public let probability: Double
}

extension InvitationOutcome {
    /// Each data row's probability of a letter (0 for rows that may not get one), in row order.
    /// Meant for checks and tests; the report gives the same figures per group.
    public func inclusionProbabilities() -> [Double] {
        var result = [Double](repeating: 0, count: census.rowStratum.count)
        if census.rowAddress.isEmpty {
            for (r, s) in census.rowStratum.enumerated() where s != RegisterCensus.ineligible {
                result[r] = strata[Int(s)].probabilities.first?.probability ?? 0
            }
            return result
        }
        var lookup: [Int: [Int: Double]] = [:]    // stratum → (m * 1_000_000 + k) → p
        for (s, stratum) in strata.enumerated() {
            for c in stratum.probabilities { lookup[s, default: [:]][c.residentsAtAddress! * 1_000_000 + c.inStratumAtAddress!] = c.probability }
        }
        let groups = AddressGroups(census: census)
        for a in 0..<census.addressCount {
            let members = groups.members(of: a).map { Int($0) }
            for r in members {
                let s = Int(census.rowStratum[r])
                let k = members.filter { Int(census.rowStratum[$0]) == s }.count
                result[r] = lookup[s]![members.count * 1_000_000 + k]!
            }
        }
        return result
    }
}
