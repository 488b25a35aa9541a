import Foundation

/// The invitation report (`invitations-report.md` and `.json`): letters per stratum, each resident's chance
/// of a letter, and the expected pool against the population. It holds counts and shares, never a person.
public struct InvitationReport: Codable, Equatable {
    public struct Register: Codable, Equatable {
        public var file: String
        public var rows: Int
        public var eligible: Int
        public var tooYoung: Int
        public var tooOld: Int
        public var excluded: Int
        public var addressesWithEligibleResidents: Int?
        /// Left out for a partly unknown birth date (absent when none were).
        public var unknownBirthDates: Int?
    }
    public struct Settings: Codable, Equatable {
        public var letters: Int
        public var strataColumns: [String]
        public var ageBands: [String]?
        public var onePerAddress: [String]?
        public var minAge: Int?
        public var maxAge: Int?
        public var referenceDate: String?
        public var idColumn: String
        public var birthDateColumn: String?
        public var exclusionList: String?
        public var exclusionListSize: Int
        public var exclusionListFoundInRegister: Int
        public var responseRates: String?
        public var oversampling: String?
        public var responseRatePriorLetters: Double?
    }
    public struct Stratum: Codable, Equatable {
        public var values: [String: String]
        public var label: String
        public var population: Int
        public var populationShare: Double
        public var contactAddresses: Int?
        public var responseRate: Double?
        public var responseRateBasis: String?
        public var oversamplingFactor: Double
        public var letters: Int
        public var lettersInProportionToPopulation: Int
        public var expectedRespondents: Double
        public var expectedPoolShare: Double
        public var expectedPoolShareWithProportionalLetters: Double
        public var inclusionProbabilities: [ProbabilityClass]
        public var probabilitiesExact: Bool
    }
    public struct Marginal: Codable, Equatable {
        public var column: String
        public var value: String
        public var populationShare: Double
        public var expectedPoolShare: Double
        public var expectedPoolShareWithProportionalLetters: Double
    }
    public var seed: String
    public var mt19937Seed: UInt32
    public var randomStreamPurpose: String
    public var register: Register
    public var settings: Settings
    public var letters: Int
    /// How letters were weighted, in words: `none`, `response rates (…)`, `oversampling (…)` or both.
    public var weighting: String
    public var expectedRespondents: Double
    /// Expected respondents had the letters been in proportion to population (same count).
    public var expectedRespondentsWithProportionalLetters: Double
    /// Total variation distance (half the sum of absolute differences of shares, over strata) between the
    /// expected pool and the population: with these letters, and with letters in proportion to population.
    public var expectedPoolDistance: Double
    public var expectedPoolDistanceWithProportionalLetters: Double
    public var strata: [Stratum]
    public var marginals: [Marginal]

    public init(_ o: InvitationOutcome) {
        let s = o.settings
        let totalPopulation = Double(o.eligible)
        let expected = o.strata.map(\.expectedRespondents)
        let expectedProportional = o.strata.map { Double($0.proportionalLetters) * ($0.responseRate ?? 1) }
        let sumE = expected.reduce(0, +), sumP = expectedProportional.reduce(0, +)
        seed = o.seedText
        mt19937Seed = o.mt19937Seed
        randomStreamPurpose = InvitationLottery.purpose
        register = Register(file: o.registerPath, rows: o.registerRows, eligible: o.eligible, tooYoung: o.tooYoung,
                            tooOld: o.tooOld, excluded: o.excluded, addressesWithEligibleResidents: o.addresses,
                            unknownBirthDates: o.unknownBirthDates > 0 ? o.unknownBirthDates : nil)
        settings = Settings(letters: s.count, strataColumns: o.strataColumns,
                            ageBands: o.strataColumns.contains(AgeBand.column) ? Array(AgeBand.labels.dropFirst(s.minAge.map { $0 < 16 ? 0 : 1 } ?? 0)) : nil,
                            onePerAddress: s.addressColumns.isEmpty ? nil : s.addressColumns,
                            minAge: s.minAge, maxAge: s.maxAge, referenceDate: s.referenceDate?.description,
                            idColumn: s.idColumn, birthDateColumn: s.usesAge ? s.birthDateColumn : nil,
                            exclusionList: s.exclusionSource, exclusionListSize: o.exclusionListSize,
                            exclusionListFoundInRegister: o.exclusionsFound,
                            responseRates: s.responseRates?.source, oversampling: s.oversampling?.source,
                            responseRatePriorLetters: s.responseRates.map { $0.strict ? nil : StratumFiles.priorLetters } ?? nil)
        letters = o.invitedRows.count
        weighting = [s.responseRates.map { "response rates (\($0.source))" }, s.oversampling.map { "oversampling (\($0.source))" }]
            .compactMap { $0 }.joined(separator: " and ")
        if weighting.isEmpty { weighting = "none" }
        expectedRespondents = sumE
        expectedRespondentsWithProportionalLetters = sumP
        strata = o.strata.enumerated().map { i, st in
            Stratum(values: Dictionary(uniqueKeysWithValues: zip(o.strataColumns, st.values)),
                    label: StratumKey.label(columns: o.strataColumns, values: st.values),
                    population: st.population, populationShare: Double(st.population) / totalPopulation,
                    contactAddresses: st.contactAddresses, responseRate: st.responseRate,
                    responseRateBasis: s.responseRates.map { $0.notes[StratumKey.normalise(st.values)] ?? ($0.strict ? "given" : "no letters last round: overall rate") },
                    oversamplingFactor: st.factor, letters: st.letters, lettersInProportionToPopulation: st.proportionalLetters,
                    expectedRespondents: expected[i], expectedPoolShare: expected[i] / sumE,
                    expectedPoolShareWithProportionalLetters: expectedProportional[i] / sumP,
                    inclusionProbabilities: st.probabilities, probabilitiesExact: st.probabilitiesExact)
        }
        expectedPoolDistance = strata.reduce(0) { $0 + abs($1.expectedPoolShare - $1.populationShare) } / 2
        expectedPoolDistanceWithProportionalLetters = strata.reduce(0) { $0 + abs($1.expectedPoolShareWithProportionalLetters - $1.populationShare) } / 2
        var marginals: [Marginal] = []
        for (c, column) in o.strataColumns.enumerated() where o.strataColumns.count > 1 || true {
            var order: [String] = []
            var sums: [String: (Double, Double, Double)] = [:]
            for st in strata {
                let v = st.values[column] ?? ""
                if sums[v] == nil { order.append(v); sums[v] = (0, 0, 0) }
                sums[v]!.0 += st.populationShare
                sums[v]!.1 += st.expectedPoolShare
                sums[v]!.2 += st.expectedPoolShareWithProportionalLetters
            }
            _ = c
            for v in order.sorted(by: { a, b in
                if column == AgeBand.column { return (AgeBand.labels.firstIndex(of: a) ?? 0) < (AgeBand.labels.firstIndex(of: b) ?? 0) }
                return a.lowercased() < b.lowercased()
            }) {
                marginals.append(Marginal(column: column, value: v, populationShare: sums[v]!.0, expectedPoolShare: sums[v]!.1,
                                          expectedPoolShareWithProportionalLetters: sums[v]!.2))
            }
        }
        self.marginals = marginals
    }

    /// The JSON form: keys in snake_case and sorted, so the same draw gives the same bytes.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}
