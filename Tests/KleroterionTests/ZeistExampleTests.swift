import Foundation
import Testing
@testable import Kleroterion

/// A small Zeist-like draw made by the example's own scripts: a synthetic register of 3,000 residents aged 16+,
/// invitations to every adult at 40 % of the addresses (so that some respondents share an address), the simulated
/// response, and quotas for 20 seats derived with the nl-gemeente template. Built once per test run.
struct ZeistFixture: Sendable {
    let directory: String
    let registerPath: String
    let poolPath: String
    let quotasPath: String
    let panelSize = 20
    static let household = ["street", "house_number", "postcode"]

    static let shared: Result<ZeistFixture, KleroterionError> = Result { try ZeistFixture() }.mapError {
        $0 as? KleroterionError ?? KleroterionError("fixture: \($0)")
    }

    private init() throws {
        directory = temporaryDirectory()
        registerPath = directory + "/register.csv"
        poolPath = directory + "/respondents.csv"
        quotasPath = directory + "/quotas.csv"
        let scripts = repositoryRoot + "/examples/zeist"
        try run("/usr/bin/env", ["python3", scripts + "/generate_register.py", "--out", registerPath, "--adults", "3000", "--seed", "7"])

        // Invitations: every resident aged 16+ at a random 40 % of the addresses.
        let register = try CSVReader.read(path: registerPath)
        let born = try register.requireColumn("birth_date")
        let reference = CalendarDate(year: 2020, month: 11, day: 1)!
        let address = try Self.household.map { try register.requireColumn($0) }
        var byAddress: [String: [[String]]] = [:]
        var order: [String] = []
        for row in register.rows where CalendarDate(parsing: row[born])!.age(on: reference) >= 16 {
            let key = address.map { row[$0] }.joined(separator: "|")
            if byAddress[key] == nil { order.append(key) }
            byAddress[key, default: []].append(row)
        }
        let random = try SeededRandom(seed: "zeist fixture")
        let chosen = random.choose(order.count * 2 / 5, from: order)
        try OutputFiles.write(CSVWriter.document(header: register.header, rows: chosen.flatMap { byAddress[$0]! }), to: directory + "/invitations.csv")
        try run("/usr/bin/env", ["python3", scripts + "/simulate_response.py", "--invitations", directory + "/invitations.csv", "--out-dir", directory])

        let derived = try QuotaDerivation.derive(
            template: StrataTemplate.load(path: repositoryRoot + "/strata-templates/nl-gemeente.yaml"), register: register,
            shares: PopulationShares.load(path: repositoryRoot + "/strata-templates/shares/cbs-education-utrecht-2024.csv"),
            settings: .init(panelSize: panelSize, tolerance: 1, referenceDate: reference))
        try OutputFiles.write(derived.csv, to: quotasPath)
    }

    func problem(pool: Pool? = nil) throws -> SelectionProblem {
        try SelectionProblem(pool: pool ?? Pool.load(path: poolPath), quotas: QuotaSet.load(path: quotasPath),
                             panelSize: panelSize, householdColumns: Self.household)
    }
}

/// Runs a program and fails with its stderr if it does not exit with 0.
@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> String {
    let result = try runProgram(executable, arguments)
    guard result.status == 0 else {
        throw KleroterionError("\(([executable] + arguments).joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
}

/// The `kleroterion select` runs the tests inspect, made once (each run estimates the legacy chances with 1,000
/// repeated draws, which takes seconds in a debug build).
struct SelectRuns: Sendable {
    let first: String, again: String, otherSeed: String, excel: String, sortitionFoundation: String

    static let shared: Result<SelectRuns, KleroterionError> = Result { try SelectRuns(ZeistFixture.shared.get()) }.mapError {
        $0 as? KleroterionError ?? KleroterionError("select runs: \($0)")
    }

    private init(_ f: ZeistFixture) throws {
        func select(people: String? = nil, quotas: String? = nil, seed: String = "Zeist test 2021-01-05") throws -> String {
            let out = temporaryDirectory()
            try run(try kleroterionBinary(), ["select", "--people", people ?? f.poolPath, "--quotas", quotas ?? f.quotasPath,
                                              "--panel-size", String(f.panelSize), "--seed", seed, "--out", out,
                                              "--household-columns", ZeistFixture.household.joined(separator: ",")])
            return out
        }
        // The pool as Dutch Excel writes it: ';', a byte-order mark and CRLF line ends.
        let pool = try CSVReader.read(path: f.poolPath)
        var text = "\u{FEFF}" + CSVWriter.line(pool.header, delimiter: ";")
        for row in pool.rows { text += CSVWriter.line(row, delimiter: ";") }
        let excel = f.directory + "/respondents-excel.csv"
        try OutputFiles.write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: excel)
        // The quotas in the Sortition Foundation's older column names.
        let quotas = try CSVReader.read(path: f.quotasPath)
        let sf = f.directory + "/categories.csv"
        try OutputFiles.write(CSVWriter.document(header: ["category", "name", "min", "max"], rows: quotas.rows.map { Array($0[0..<4]) }), to: sf)

        first = try select()
        again = try select()
        otherSeed = try select(seed: "another seed")
        self.excel = try select(people: excel)
        sortitionFoundation = try select(quotas: sf)
    }
}

@Suite(.serialized) struct ZeistExampleTests {
    func fixture() throws -> ZeistFixture { try ZeistFixture.shared.get() }
    func runs() throws -> SelectRuns { try SelectRuns.shared.get() }

    @Test func theExampleHasTheDocumentedShape() throws {
        let f = try fixture()
        let pool = try Pool.load(path: f.poolPath)
        let register = try CSVReader.read(path: f.registerPath)
        let invited = try CSVReader.read(path: f.directory + "/invitations.csv").rows.count
        // About 14 % respond (Zeist: 935 of 6,500), skewed to high education.
        let rate = Double(pool.count) / Double(invited)
        #expect(rate > 0.10 && rate < 0.19)
        let education = try pool.table.requireColumn("education")
        let high = pool.table.rows.filter { $0[education] == "hoog" }.count
        #expect(Double(high) / Double(pool.count) > 0.5)      // CBS Utrecht: 42 % of the population
        #expect(register.header == ["id", "first_name", "last_name", "street", "house_number", "postcode", "district", "gender", "birth_date"])
        // Some respondents share an address, so the household rule is exercised.
        #expect(try f.problem().hasSharedHouseholds)
        // The simulated age bands agree with the library's (Python and Swift count ages the same way).
        let band = try pool.table.requireColumn("age_band"), born = try pool.table.requireColumn("birth_date")
        let reference = CalendarDate(year: 2020, month: 11, day: 1)!
        for row in pool.table.rows {
            #expect(AgeBands.nlGemeente.label(forAge: CalendarDate(parsing: row[born])!.age(on: reference)) == row[band])
        }
    }

    @Test(arguments: 0..<200)
    func legacyMeetsQuotasAndHouseholdsForEverySeed(seed: Int) throws {
        let problem = try fixture().problem()
        let panel = try #require(LegacySelection().drawPanel(problem, random: try SeededRandom(seed: "zeist \(seed)")))
        #expect(problem.violations(of: panel).isEmpty)
    }

    func ids(_ path: String) throws -> [String] {
        let t = try CSVReader.read(path: path)
        let c = try t.requireColumn("id")
        return t.rows.map { $0[c] }
    }

    @Test func panelAndRemainingAreExactlyThePool() throws {
        let f = try fixture()
        let out = try runs().first
        let pool = try CSVReader.read(path: f.poolPath)
        let panel = try CSVReader.read(path: out + "/panel.csv"), remaining = try CSVReader.read(path: out + "/remaining.csv")
        #expect(panel.rows.count == f.panelSize)
        #expect(panel.header == pool.header && remaining.header == pool.header)
        // Nobody lost, nobody twice, every row unchanged.
        let together = (panel.rows + remaining.rows).map { $0.joined(separator: "\u{1F}") }
        #expect(together.count == pool.rows.count)
        #expect(Set(together).count == together.count)
        #expect(Set(together) == Set(pool.rows.map { $0.joined(separator: "\u{1F}") }))
        // The written panel meets the quotas and the household rule.
        let problem = try f.problem()
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        #expect(problem.violations(of: try ids(out + "/panel.csv").map { index[$0]! }).isEmpty)
    }

    @Test func sameSeedGivesByteIdenticalFilesAndOtherSeedsDiffer() throws {
        let r = try runs()
        let a = r.first, b = r.again, c = r.otherSeed
        let names = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        #expect(names.contains("panel.csv") && names.contains("remaining.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: b).sorted() == names)
        for name in names {
            #expect(FileManager.default.contents(atPath: a + "/" + name) == FileManager.default.contents(atPath: b + "/" + name), "\(name) differs")
        }
        #expect(try ids(a + "/panel.csv") != ids(c + "/panel.csv"))
    }

    @Test func semicolonsWithBOMAndCRLFGiveTheSamePanel() throws {
        let r = try runs()
        #expect(try ids(r.first + "/panel.csv") == ids(r.excel + "/panel.csv"))
        #expect(try ids(r.first + "/remaining.csv") == ids(r.excel + "/remaining.csv"))
        #expect(try CSVReader.read(path: r.excel + "/panel.csv").delimiter == UInt8(ascii: ";"))
    }

    @Test func sortitionFoundationQuotaColumnsGiveTheSamePanel() throws {
        let r = try runs()
        #expect(FileManager.default.contents(atPath: r.first + "/panel.csv") == FileManager.default.contents(atPath: r.sortitionFoundation + "/panel.csv"))
    }
}

@Suite struct QuotasCommandTests {
    @Test func cliWritesTheLibrarysQuotas() throws {
        let f = try ZeistFixture.shared.get()
        let out = f.directory + "/quotas-cli.csv"
        let printed = try run(try kleroterionBinary(), [
            "quotas", "--template", "nl-gemeente", "--register", f.registerPath,
            "--shares", repositoryRoot + "/strata-templates/shares/cbs-education-utrecht-2024.csv",
            "--panel-size", String(f.panelSize), "--tolerance", "1", "--reference-date", "2020-11-01", "--min-age", "16", "--out", out])
        #expect(FileManager.default.contents(atPath: out) == FileManager.default.contents(atPath: f.quotasPath))
        #expect(printed.contains("education = laag"))
    }

    @Test func cliErrorIsOneMessageWithAFixAndExitCode2() throws {
        let result = try runProgram(try kleroterionBinary(), [
            "quotas", "--template", repositoryRoot + "/strata-templates/nl-gemeente.yaml",
            "--register", try ZeistFixture.shared.get().registerPath, "--panel-size", "150",
            "--reference-date", "2020-11-01", "--out", temporaryDirectory() + "/q.csv"])
        let message = result.stderr
        #expect(result.status == 2)
        #expect(message.hasPrefix("error: "))
        #expect(message.contains("education") && message.contains("Fix: add --shares"))
    }
}

/// Issue #11: a lottery over the Zeist-like pool publishes no pool id, name, street or postcode anywhere.
@Suite struct ZeistLotteryPrivacyTests {
    @Test func noPublishableFileOfALotteryNamesAResident() throws {
        let f = try ZeistFixture.shared.get()
        let out = temporaryDirectory() + "/lottery"
        let binary = try kleroterionBinary()
        let commit = try runProgram(binary, ["commit", "--people", f.poolPath, "--quotas", f.quotasPath, "--panel-size", String(f.panelSize),
                                             "--household-columns", ZeistFixture.household.joined(separator: ","), "--panels", "200",
                                             "--seed-format", "lotto:6/45", "--seed-source", "Lotto draw of 14 March 2027", "--out", out])
        #expect(commit.status == 0, "\(commit.output)")
        let draw = try runProgram(binary, ["draw", "--commitment", out, "--seed", "5, 9, 12, 23, 31, 40"])
        #expect(draw.status == 0, "\(draw.output)")
        let pool = try CSVReader.read(path: f.poolPath)
        let personal = try ["id", "first_name", "last_name", "street", "postcode"].map { try pool.requireColumn($0) }
        let secrets = Set(pool.rows.flatMap { row in personal.map { row[$0].trimmingSpaces() } }.filter { $0.count >= 4 })
        let published = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".md") }
            .map { out + "/" + $0 } + [out + "/draw/audit.json"]
        #expect(published.count >= 9)
        for path in published {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let words = Set(text.split(whereSeparator: { ",\n \"".contains($0) }).map(String.init))
            for secret in secrets where words.contains(secret) || (secret.contains(" ") && text.contains(secret)) {
                Issue.record("\((path as NSString).lastPathComponent) publishes '\(secret)'")
            }
            #expect(!text.contains("Z0"), "\(path) holds a register id")
        }
        // The private files do hold them: the key file and the drawn panel.
        let key = try String(contentsOfFile: out + "/private/pseudonyms.csv", encoding: .utf8)
        #expect(pool.rows.allSatisfy { key.contains($0[personal[0]]) })
        let verify = try runProgram(binary, ["verify", "--commitment", out, "--seed", "05 09 12 23 31 40"])
        #expect(verify.status == 0 && verify.output.contains("De eerlijke kansen zijn opnieuw berekend"), "\(verify.output)")
        // Each check's figures only with --verbose, in the language of the verdict (Dutch by default).
        #expect(!verify.output.contains("✓"), "\(verify.output)")
        let verbose = try runProgram(binary, ["verify", "--commitment", out, "--seed", "05 09 12 23 31 40", "--verbose"])
        #expect(verbose.status == 0 && verbose.output.contains("  ✓ de kansen volgens leximin zijn opnieuw berekend"), "\(verbose.output)")
        #expect(!verbose.output.contains("recomputed the leximin chances"), "\(verbose.output)")
    }
}
