import CGSL
import Foundation
import Testing
@testable import Kleroterion

/// Writes CSV text to a fresh temporary file and returns its path.
private func writeTemp(_ text: String, name: String = "register.csv") -> String {
    let path = (temporaryDirectory() as NSString).appendingPathComponent(name)
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// A small register: `addresses` addresses of 1–4 residents, districts A/B, ages spread over the bands.
/// Deterministic (a linear congruential sequence), so the tests are.
private func smallRegister(addresses: Int, seed: UInt64 = 7) -> String {
    var state = seed
    func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
    var text = "id,street,house_number,postcode,district,gender,birth_date\n"
    var id = 0
    for a in 0..<addresses {
        let size = [1, 1, 2, 2, 2, 3, 4][next(7)]
        let district = a % 3 == 0 ? "B" : "A"
        for _ in 0..<size {
            id += 1
            let year = 1940 + next(70)   // ages 16..85 on 2026-01-01 (born 1940…2009)
            text += "p\(id),Laan,\(a + 1),3700AA,\(district),\(next(2) == 0 ? "v" : "m"),\(year)-0\(1 + next(9))-1\(next(9))\n"
        }
    }
    return text
}

/// Σ (O − E)² / (S·π·(1 − π)) over residents with 0 < π < 1, and its p-value from GSL (df = number of terms).
/// For sampling without replacement the letters are negatively correlated, which only makes the test conservative.
private func chiSquarePValue(counts: [Int], probabilities: [Double], draws: Int) -> (statistic: Double, df: Int, p: Double) {
    var x2 = 0.0, df = 0
    for (o, p) in zip(counts, probabilities) where p > 0 && p < 1 {
        let e = Double(draws) * p
        x2 += (Double(o) - e) * (Double(o) - e) / (e * (1 - p))
        df += 1
    }
    return (x2, df, gsl_cdf_chisq_Q(x2, Double(df)))
}

@Suite struct InvitationAllocationTests {
    @Test func largestRemainderSumsExactlyAndStaysWithinOneLetter() {
        var state: UInt64 = 1
        for trial in 0..<500 {
            state = state &* 6364136223846793005 &+ 1
            let n = 1 + Int(state >> 60)
            let weights = (0..<n).map { i in Double((state >> UInt64(i % 50)) % 1000) + 0.5 }
            let total = 1 + trial * 37 % 9000
            let letters = LetterAllocation.largestRemainder(total: total, weights: weights)
            #expect(letters.reduce(0, +) == total)
            let sum = weights.reduce(0, +)
            for (l, w) in zip(letters, weights) { #expect(abs(Double(l) - Double(total) * w / sum) < 1) }
        }
    }

    @Test func largestRemainderKnownCaseAndTieBreak() {
        // Shares 4.2, 3.5, 2.3 of 10 → 4, 3, 2 and one left: the largest remainder (0.5) gets it.
        #expect(LetterAllocation.largestRemainder(total: 10, weights: [42, 35, 23]) == [4, 4, 2])
        // Three equal remainders (1/3 each), 2 letters left: larger weight first, then the earlier stratum.
        #expect(LetterAllocation.largestRemainder(total: 2, weights: [1, 1, 1]) == [1, 1, 0])
        #expect(LetterAllocation.largestRemainder(total: 5, weights: [1, 1, 2, 2]) == [1, 1, 2, 1])
        #expect(LetterAllocation.largestRemainder(total: 1, weights: [1, 1, 1]) == [1, 0, 0])
    }

    @Test func agesAndBands() {
        let ref = CalendarDate(year: 2026, month: 1, day: 1)!
        #expect(CalendarDate(parsing: "2010-01-01")!.age(on: ref) == 16)
        #expect(CalendarDate(parsing: "2010-01-02")!.age(on: ref) == 15)
        #expect(CalendarDate(parsing: "20100101")!.age(on: ref) == 16)
        #expect(CalendarDate(parsing: "01-01-2010")!.age(on: ref) == 16)
        #expect(CalendarDate(parsing: "2008-02-29")!.age(on: CalendarDate(year: 2026, month: 2, day: 28)!) == 17)
        #expect(CalendarDate(parsing: "2008-02-29")!.age(on: CalendarDate(year: 2026, month: 3, day: 1)!) == 18)
        #expect(CalendarDate(parsing: "19700000") == nil)
        #expect(CalendarDate(parsing: "2001-02-29") == nil)
        #expect(CalendarDate(parsing: "gisteren") == nil)
        #expect([15, 16, 24, 25, 74, 75, 104].map(AgeBand.label(forAge:)) == ["0-15", "16-24", "16-24", "25-34", "65-74", "75+", "75+"])
    }

    @Test func addressProbabilityHandComputedCase() {
        // Stratum h, 1 letter. Address 1: x (in h) and y (not); address 2: z (in h).
        // x: contact of 1 with chance 1/2; address 2 is always in h, so A = 2: P = 1/2 · 1/2 = 1/4.
        // z: always contact; address 1 joins h with chance 1/2: E[1/A] = 1/2 · 1 + 1/2 · 1/2 = 3/4.
        var h = AddressProbability()
        h.types[.init(m: 2, k: 1)] = 1
        h.types[.init(m: 1, k: 1)] = 1
        let px = 1.0 / 2 * h.expectedInverseCount(own: .init(m: 2, k: 1))
        let pz = 1.0 / 1 * h.expectedInverseCount(own: .init(m: 1, k: 1))
        #expect(abs(px - 0.25) < 1e-12)
        #expect(abs(pz - 0.75) < 1e-12)
        // Shortfall: 1 letter, address 2 always joins, so none is possible; 2 letters need address 1 too (chance 1/2).
        #expect(h.shortfallChance(letters: 1) == 0)
        #expect(abs(h.shortfallChance(letters: 2) - 0.5) < 1e-12)   // exact: address 1 must join, chance 1/2
        var town = AddressProbability()
        town.types[.init(m: 2, k: 1)] = 4                // X ~ Binomial(4, 1/2): P(X ≤ 1) = 5/16
        #expect(abs(town.shortfallChance(letters: 2) - 5.0 / 16) < 1e-12)
        var city = AddressProbability()
        city.types[.init(m: 2, k: 1)] = 10_000          // about 5,000 addresses join; 1,000 letters never fall short
        #expect(city.shortfallChance(letters: 1000) < 1e-12)
        #expect(city.shortfallChance(letters: 4990) > 0.1)
        // Addresses wholly in one stratum: E[1/A] = 1/A exactly, also for a city-sized A.
        for a in [1, 2, 10, 1000, 2_000_000] {
            var big = AddressProbability()
            big.types[.init(m: 3, k: 3)] = a
            #expect(abs(big.expectedInverseCount(own: .init(m: 3, k: 3)) * Double(a) - 1) < 1e-9)
        }
    }
}

@Suite struct InvitationLotteryTests {
    static let reference = CalendarDate(year: 2026, month: 1, day: 1)!

    @Test func personLettersMatchComputedChancesOverManySeeds() throws {
        let path = writeTemp(smallRegister(addresses: 60))
        var settings = InvitationSettings(count: 20)
        settings.strataColumns = ["district", "gender"]
        let draws = 400
        var counts: [Int] = []
        var probabilities: [Double] = []
        var perStratum: [Int] = []
        let plan = try InvitationPlan(census: RegisterCensus(register: RegisterRows(path: path), settings: settings), register: path, settings: settings)
        for s in 0..<draws {
            let o = try InvitationLottery.draw(plan: plan, seed: "chi-square \(s)")
            if counts.isEmpty {
                counts = [Int](repeating: 0, count: o.registerRows)
                probabilities = o.inclusionProbabilities()
                perStratum = [Int](repeating: 0, count: o.strata.count)
            }
            for r in o.invitedRows { counts[r] += 1; perStratum[Int(o.census.rowStratum[r])] += 1 }
            if s == 0 { for (i, st) in o.strata.enumerated() { #expect(abs(probabilities.enumerated().filter { Int(o.census.rowStratum[$0.offset]) == i }.map(\.element).reduce(0, +) - Double(st.letters)) < 1e-9) } }
        }
        let test = chiSquarePValue(counts: counts, probabilities: probabilities, draws: draws)
        #expect(test.p > 0.001, "χ² = \(test.statistic), df = \(test.df)")
        print("invitation χ² = \(test.statistic), df = \(test.df), p = \(test.p)")
        #expect(perStratum.reduce(0, +) == 20 * draws)
    }

    @Test func onePerAddressChancesAreRightPerResidentAndPerStratum() throws {
        let path = writeTemp(smallRegister(addresses: 80))
        var settings = InvitationSettings(count: 12)
        settings.strataColumns = ["age_band"]
        settings.addressColumns = ["street", "house_number", "postcode"]
        settings.minAge = 16
        settings.maxAge = 74
        settings.referenceDate = InvitationLotteryTests.reference
        let draws = 1500
        var counts: [Int] = []
        var probabilities: [Double] = []
        var lettersPerStratum: [Int] = []
        var expectedPerStratum: [Double] = []
        let plan = try InvitationPlan(census: RegisterCensus(register: RegisterRows(path: path), settings: settings), register: path, settings: settings)
        for s in 0..<draws {
            let o = try InvitationLottery.draw(plan: plan, seed: "address \(s)")
            if counts.isEmpty {
                counts = [Int](repeating: 0, count: o.registerRows)
                probabilities = o.inclusionProbabilities()
                lettersPerStratum = [Int](repeating: 0, count: o.strata.count)
                expectedPerStratum = o.strata.map { Double($0.letters) * Double(draws) }
                // The chances of a stratum's residents add up to its letters (each letter goes to someone in it).
                for (i, st) in o.strata.enumerated() {
                    let sum = probabilities.indices.filter { o.census.rowStratum[$0] == UInt32(i) }.map { probabilities[$0] }.reduce(0, +)
                    #expect(abs(sum - Double(st.letters)) < 1e-9)
                }
            }
            // One letter per address.
            let addresses = o.invitedRows.map { o.census.rowAddress[$0] }
            #expect(Set(addresses).count == addresses.count)
            for r in o.invitedRows { counts[r] += 1; lettersPerStratum[Int(o.census.rowStratum[r])] += 1 }
        }
        #expect(lettersPerStratum.map(Double.init) == expectedPerStratum)
        let test = chiSquarePValue(counts: counts, probabilities: probabilities, draws: draws)
        #expect(test.p > 0.001, "χ² = \(test.statistic), df = \(test.df)")
        print("invitation χ² = \(test.statistic), df = \(test.df), p = \(test.p)")
        // The test has teeth: the naive chance (letters ÷ residents of the stratum) is rejected.
        let o = try InvitationLottery.draw(register: path, settings: settings, seed: "address 0")
        let naive = o.census.rowStratum.map { $0 == RegisterCensus.ineligible ? 0 : Double(o.strata[Int($0)].letters) / Double(o.strata[Int($0)].population) }
        let naiveTest = chiSquarePValue(counts: counts, probabilities: naive, draws: draws)
        print("naive χ² = \(naiveTest.statistic), df = \(naiveTest.df), p = \(naiveTest.p)")
        #expect(naiveTest.p < 1e-6)
    }

    @Test func sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws {
        let path = writeTemp(smallRegister(addresses: 200))
        var settings = InvitationSettings(count: 30)
        settings.strataColumns = ["district", "age_band"]
        settings.addressColumns = ["street", "house_number", "postcode"]
        settings.minAge = 16
        settings.referenceDate = InvitationLotteryTests.reference
        func run(_ seed: String) throws -> [String: Data] {
            let dir = temporaryDirectory()
            var files = OutputFiles(directory: dir)
            try InvitationFiles.add(try InvitationLottery.draw(register: path, settings: settings, seed: seed), to: &files)
            try files.commit()
            return Dictionary(uniqueKeysWithValues: files.names.map { ($0, FileManager.default.contents(atPath: dir + "/" + $0)!) })
        }
        let a = try run("2026-03-14 lotto 3 17 22 31 40 41"), b = try run("2026-03-14 lotto 3 17 22 31 40 41")
        let c = try run("2026-03-14 lotto 3 17 22 31 40 42")
        #expect(a.keys.sorted() == ["invitations-report.json", "invitations-report.md", "invitations.csv"])
        #expect(a == b)
        #expect(a["invitations.csv"] != c["invitations.csv"])
        let csv = String(decoding: a["invitations.csv"]!, as: UTF8.self)
        #expect(csv.hasPrefix("id,street,house_number,postcode,district,gender,birth_date\n"))
        #expect(csv.split(separator: "\n").count == 31)
        // No personal data in the report: no id, street or birth date of the register appears in it.
        let report = String(decoding: a["invitations-report.md"]!, as: UTF8.self) + String(decoding: a["invitations-report.json"]!, as: UTF8.self)
        #expect(!report.contains("p1,") && !report.contains("Laan") && !report.contains("1990-"))
    }

    @Test func invitationsKeepEveryColumnForSemicolonBOMAndCRLFRegisters() throws {
        // Dutch Excel: BOM, ';', CRLF, quoted fields with the delimiter, quotes and a line break.
        var text = "\u{FEFF}id;naam;street;house_number\r\n"
        for i in 0..<40 { text += "\(i);\"de Vries; \"\"Jan\"\"\nB\";Laan;\(i / 2)\r\n" }
        let path = writeTemp(text)
        var settings = InvitationSettings(count: 10)
        settings.addressColumns = ["street", "house_number"]
        let outcome = try InvitationLottery.draw(register: path, settings: settings, seed: "excel")
        var files = OutputFiles(directory: temporaryDirectory())
        try InvitationFiles.add(outcome, to: &files)
        try files.commit()
        let written = try CSVReader.read(path: files.directory + "/invitations.csv")
        let original = try CSVReader.read(path: path)
        #expect(written.header == original.header)
        #expect(written.rows == outcome.invitedRows.map { original.rows[$0] })
        #expect(Set(written.rows.map { $0[3] }).count == 10)   // one per address
    }

    @Test func exclusionsAndAgeLimitsAreApplied() throws {
        let path = writeTemp("id,birth_date\na,2012-05-01\nb,1990-01-01\nc,1980-01-01\nd,1930-01-01\ne,2000-01-01\n")
        var settings = InvitationSettings(count: 2)
        settings.minAge = 16
        settings.maxAge = 90
        settings.referenceDate = InvitationLotteryTests.reference
        settings.excludedIDs = ["c", "zz"]
        for s in 0..<20 {
            let o = try InvitationLottery.draw(register: path, settings: settings, seed: "\(s)")
            #expect(Set(o.invitedRows) == [1, 4])
            #expect(o.tooYoung == 1 && o.tooOld == 1 && o.excluded == 1 && o.exclusionsFound == 1)
        }
    }

    @Test func responseRatesFromAPreviousRoundAreShrunkTowardsTheOverallRate() throws {
        let invitations = writeTemp("id,district\n" + (0..<100).map { "a\($0),A\n" }.joined() + (0..<10).map { "b\($0),B\n" }.joined(), name: "previous.csv")
        let respondents = writeTemp("id\n" + (0..<20).map { "a\($0)\n" }.joined(), name: "respondents.csv")
        let table = try StratumFiles.estimatedRates(invitations: invitations, respondents: respondents, strataColumns: ["district"],
                                                    idColumn: "id", birthDateColumn: "birth_date", referenceDate: nil)
        let overall = 20.0 / 110
        #expect(abs(table.values["a"]!.value - (20 + 30 * overall) / 130) < 1e-12)
        #expect(abs(table.values["b"]!.value - (0 + 30 * overall) / 40) < 1e-12)   // 0 of 10 answered, yet not 0
        #expect(table.fallback == overall)
    }
}

@Suite struct InvitationWeightingTests {
    /// Response by age band as the Zeist example simulates it (examples/zeist/zeist_model.py: AGE_FACTOR times a base
    /// rate of about 14 %, averaged over education). Only the ratios between bands matter for the expected pool.
    static let ageFactor: [String: Double] = ["16-24": 0.45, "25-34": 0.60, "35-44": 0.85, "45-54": 1.20,
                                              "55-64": 1.40, "65-74": 1.35, "75+": 0.70]
    /// The Zeist example's age mix of adults (ADULT_AGE_WEIGHTS), for a register of 6,000 residents.
    static let ageWeights: [(String, Int, Double)] = [("16-24", 16, 0.04), ("25-34", 25, 0.12), ("35-44", 35, 0.08), ("45-54", 45, 0.11),
                                                      ("55-64", 55, 0.19), ("65-74", 65, 0.23), ("75+", 75, 0.23)]

    @Test func weightingBringsTheExpectedPoolCloseToThePopulation() throws {
        var text = "id,birth_date\n"
        var id = 0
        for (_, low, share) in Self.ageWeights {
            for k in 0..<Int(6000 * share) {
                id += 1
                text += "p\(id),\(2025 - low - k % 9)-06-15\n"   // ages low … low+8 on 2026-01-01
            }
        }
        let path = writeTemp(text)
        let rates = writeTemp("age_band,response_rate\n" + Self.ageFactor.sorted { $0.key < $1.key }.map { "\($0.key),\(0.14 * $0.value)\n" }.joined(), name: "rates.csv")
        var settings = InvitationSettings(count: 1500)
        settings.strataColumns = ["age_band"]
        settings.minAge = 16
        settings.referenceDate = InvitationLotteryTests.reference
        settings.responseRates = try StratumFiles.responseRates(path: rates, strataColumns: ["age_band"])
        let report = InvitationReport(try InvitationLottery.draw(register: path, settings: settings, seed: "weights"))
        print("expected pool distance: weighted \(report.expectedPoolDistance), proportional \(report.expectedPoolDistanceWithProportionalLetters)")
        // With letters in proportion to population the expected pool is about 16 percentage points (total variation
        // over age bands) from the population; weighted letters leave only rounding, about 0.08 point: 200 times closer.
        #expect(report.expectedPoolDistanceWithProportionalLetters > 0.10)
        #expect(report.expectedPoolDistance < 0.002)
        #expect(report.expectedPoolDistance * 50 < report.expectedPoolDistanceWithProportionalLetters)
        // The young get more letters than their share, the 55-64s fewer.
        let young = report.strata.first { $0.values["age_band"] == "16-24" }!
        let older = report.strata.first { $0.values["age_band"] == "55-64" }!
        #expect(Double(young.letters) > Double(young.lettersInProportionToPopulation) * 1.8)
        #expect(older.letters < older.lettersInProportionToPopulation)
    }
}

@Suite struct InvitationErrorTests {
    static let reference = CalendarDate(year: 2026, month: 1, day: 1)!

    private func expectError(_ contains: [String], _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected an error containing \(contains)")
        } catch let error as KleroterionError {
            for c in contains { #expect(error.description.contains(c), "\(error.description)") }
            #expect(error.fix != nil)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unreadableBirthDateNamesTheLine() {
        let path = writeTemp("id,birth_date\na,1990-01-01\nb,31-02-1990\n")
        var settings = InvitationSettings(count: 1)
        settings.minAge = 16
        settings.referenceDate = Self.reference
        expectError([":3", "birth_date", "31-02-1990", "cannot be read"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
    }

    @Test func agesWithoutReferenceDateAreRefused() {
        let path = writeTemp("id,birth_date\na,1990-01-01\n")
        var settings = InvitationSettings(count: 1)
        settings.strataColumns = ["age_band"]
        expectError(["reference date"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
    }

    @Test func rateForAStratumWithoutResidents() throws {
        let path = writeTemp("id,district\na,Noord\nb,Zuid\n")
        let rates = writeTemp("district,response_rate\nNoord,0.1\nZuid,0.2\nOost,0.3\n", name: "rates.csv")
        var settings = InvitationSettings(count: 1)
        settings.strataColumns = ["district"]
        settings.responseRates = try StratumFiles.responseRates(path: rates, strataColumns: ["district"])
        expectError(["rates.csv:4", "district=Oost", "nobody"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
        let factors = writeTemp("district,factor\nWest,2\n", name: "factors.csv")
        settings.responseRates = nil
        settings.oversampling = try StratumFiles.oversampling(path: factors, strataColumns: ["district"])
        expectError(["factors.csv:2", "district=West"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
    }

    @Test func responseRateOfZeroOrAboveOne() {
        for (bad, words) in [("0", "nobody would answer"), ("1.2", "above 1"), ("-0.1", "nobody would answer"), ("veel", "not a number")] {
            let rates = writeTemp("district,response_rate\nNoord,0.1\nZuid,\(bad)\n", name: "rates.csv")
            expectError(["rates.csv:3", "response_rate", words]) { _ = try StratumFiles.responseRates(path: rates, strataColumns: ["district"]) }
        }
    }

    @Test func ratesAndFactorsMayUseSomeOfTheStrataColumns() throws {
        let path = writeTemp("id,district,birth_date\n" + (0..<60).map { "p\($0),\($0 % 2 == 0 ? "Noord" : "Zuid"),\(1945 + ($0 * 7) % 65)-05-05\n" }.joined())
        let rates = writeTemp("age_band,response_rate\n16-24,0.05\n25-34,0.1\n35-44,0.1\n45-54,0.2\n55-64,0.2\n65-74,0.2\n75+,0.1\n", name: "rates.csv")
        let factors = writeTemp("district,factor\nZuid,2\n", name: "factors.csv")
        var settings = InvitationSettings(count: 20)
        settings.strataColumns = ["district", "age_band"]
        settings.minAge = 16
        settings.referenceDate = Self.reference
        settings.responseRates = try StratumFiles.responseRates(path: rates, strataColumns: settings.strataColumns)
        settings.oversampling = try StratumFiles.oversampling(path: factors, strataColumns: settings.strataColumns)
        let o = try InvitationLottery.draw(register: path, settings: settings, seed: "subset")
        for st in o.strata {
            #expect(st.factor == (st.values[0] == "Zuid" ? 2 : 1))
            #expect(st.responseRate == ["16-24": 0.05, "25-34": 0.1, "35-44": 0.1, "75+": 0.1][st.values[1]] ?? 0.2)
        }
        // A column that is not a strata column is refused, not ignored.
        let typo = writeTemp("wijk,response_rate\nNoord,0.1\n", name: "typo.csv")
        expectError(["typo.csv:1", "'wijk' is not a strata column", "district, age_band"]) {
            _ = try StratumFiles.responseRates(path: typo, strataColumns: ["district", "age_band"])
        }
    }

    @Test func missingRateForAStratum() throws {
        let path = writeTemp("id,district\na,Noord\nb,Zuid\n")
        let rates = writeTemp("district,response_rate\nNoord,0.1\n", name: "rates.csv")
        var settings = InvitationSettings(count: 1)
        settings.strataColumns = ["district"]
        settings.responseRates = try StratumFiles.responseRates(path: rates, strataColumns: ["district"])
        expectError(["no response rate", "district=Zuid"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
    }

    @Test func moreLettersThanAddressesOrResidents() {
        let path = writeTemp("id,street,house_number\na,Laan,1\nb,Laan,1\nc,Laan,2\n")
        var settings = InvitationSettings(count: 3)
        settings.addressColumns = ["street", "house_number"]
        expectError(["3 letters", "only 2 addresses", "--count"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
        settings.addressColumns = []
        settings.count = 4
        expectError(["4 letters", "only 3 residents"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
    }

    @Test func moreLettersThanAStratumHolds() throws {
        let path = writeTemp("id,district\na,Noord\nb,Noord\nc,Zuid\nd,Zuid\n")
        let factors = writeTemp("district,factor\nNoord,5\n", name: "factors.csv")
        var settings = InvitationSettings(count: 3)
        settings.strataColumns = ["district"]
        settings.oversampling = try StratumFiles.oversampling(path: factors, strataColumns: ["district"])
        expectError(["district=Noord", "3 letters", "only 2"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
    }

    @Test func missingColumnIsNamed() {
        let path = writeTemp("id,district\na,Noord\n")
        var settings = InvitationSettings(count: 1)
        settings.strataColumns = ["wijk"]
        expectError(["no column 'wijk'", "district"]) { _ = try InvitationLottery.draw(register: path, settings: settings, seed: "x") }
    }
}
