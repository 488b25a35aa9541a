import Foundation
import Testing
@testable import Kleroterion

/// Alternates in `commit`/`draw`/`verify` (issue #14): each committed panel's ranked alternates are fixed before the
/// seed, recomputed by `verify`, and handed out by `draw`; a forged list fails even with every hash redone, and
/// commitments made before alternates existed verify as before.
@Suite struct LotteryAlternatesTests {
    let seed = "a seed"

    /// 30 % drop-out for the 16-34s (every third respondent of the fixture), 10 % for the others.
    static let model = DropoutModel(rates: (0..<36).map { $0 % 3 == 0 ? 0.3 : 0.1 }, summary: "test: 30 % for 16-34, else 10 %")

    static func fixture(alternates: Int = 3) throws -> LotteryFixture {
        try LotteryFixture(alternates: alternates, dropoutModel: model)
    }

    /// The folder written before alternates could be committed (see its README).
    static var oldFixture: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/commitment-v2").path
    }

    /// Every alternates row, checked by the test itself (not by `AlternatesCheck`): A people, none twice, none on
    /// the panel, none in a member's household, one per household.
    static func expectRules(_ f: LotteryFixture, count: Int) throws -> [[String]] {
        let folder = try CommitmentFolder.load(f.commitment)
        let panels = try folder.lotteryPanels(), rows = try LotteryAlternates.rows(folder)
        let problem = f.built.problem
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        #expect(rows.count == panels.count)
        for (panel, row) in zip(panels, rows) {
            let people = row.map { index[$0]! }, members = panel.map { index[$0]! }
            #expect(people.count == count && Set(people).count == count, "\(row)")
            #expect(Set(people).isDisjoint(with: members), "an alternate of \(panel) is on it: \(row)")
            let homes = Set(members.map { problem.household[$0] })
            #expect(people.allSatisfy { !homes.contains(problem.household[$0]) }, "an alternate lives with a member: \(row)")
            #expect(Set(people.map { problem.household[$0] }).count == count, "two alternates share an address: \(row)")
        }
        return rows
    }

    @Test func honestAlternatesVerifyAndKeepTheRules() throws {
        let f = try Self.fixture()
        let rows = try Self.expectRules(f, count: 3)
        #expect(Set(rows).count > 1, "every panel got the same alternates: the test would not see a wrong panel's list")
        #expect(f.built.manifest.format == Manifest.formatWithAlternates && f.built.manifest.alternates?.count == 3)
        for name in [LotteryAlternates.file, LotteryAlternates.ratesFile, LotteryAlternates.targetsFile] {
            #expect(f.built.manifest.files[name] != nil, "\(name) is not fingerprinted")
        }
        // The published rates are the model's, by pseudonym (the pool's row rowOf[p] is pseudonym p + 1).
        let rates = try LotteryAlternates.readRates(String(contentsOfFile: f.path(LotteryAlternates.ratesFile), encoding: .utf8), ids: f.built.problem.ids)
        let pseudonyms = Pseudonyms(pool: f.pool)
        #expect(rates == pseudonyms.rowOf.map { Self.model.rates[$0] })
        try f.draw(seed)
        let report = Verifier.verify(commitment: f.commitment, seed: seed)
        #expect(report.verified, "\(report.problems)")
        #expect(report.checked.contains { $0.hasPrefix("recomputed the alternates of the") }, "\(report.checked)")
        #expect(report.checked.contains { $0.hasPrefix("alternates.csv holds exactly the 3 committed alternates") }, "\(report.checked)")
        let script = LotteryFixture.repositoryRoot.appendingPathComponent("docs/verify_draw.py").path
        let python = try runProgram("python3", [script, f.commitment, seed, f.built.manifestHash])
        #expect(python.status == 0 && python.output.contains("alternates in rank order"), "\(python.output)")
        if let run = try runFairnessScript(f.commitment) {
            #expect(run.status == 0, "verify_fairness.py: \(run.output)")
        } else {
            Issue.record("docs/verify_fairness.py was not run: .venv-verify is missing (make test creates it)")
        }
    }

    @Test func theSameInputsGiveTheSameAlternates() throws {
        let a = try Self.fixture(), b = try Self.fixture()
        #expect(try String(contentsOfFile: a.path(LotteryAlternates.file), encoding: .utf8)
                == String(contentsOfFile: b.path(LotteryAlternates.file), encoding: .utf8))
        #expect(a.built.manifest.files == b.built.manifest.files)
    }

    @Test func drawHandsOutThePanelsAlternatesAndKeepsEverybodyOnce() throws {
        let f = try Self.fixture()
        let result = try f.draw(seed)
        let folder = try CommitmentFolder.load(f.commitment)
        let row = try LotteryAlternates.rows(folder)[result.panelNumber - 1]
        let pseudonyms = Pseudonyms(pool: f.pool)
        #expect(result.alternates.map { pseudonyms.pseudonym($0) } == row)
        let audit = try LotteryDraw.readAudit(Data(contentsOf: URL(fileURLWithPath: f.path("draw/audit.json"))), source: "audit.json")
        #expect(audit.alternatePseudonyms == row)
        let alternates = try CSVReader.read(path: f.path("draw/alternates.csv"))
        #expect(alternates.header == f.pool.table.header + ["rank"])
        #expect(alternates.rows.map { $0.last! } == ["1", "2", "3"])
        #expect(alternates.rows.map { $0[0] } == result.alternates.map { f.pool.ids[$0] })
        // panel + alternates + remaining = the pool, each respondent exactly once.
        let panel = try CSVReader.read(path: f.path("draw/panel.csv")), remaining = try CSVReader.read(path: f.path("draw/remaining.csv"))
        let all = panel.rows.map { $0[0] } + alternates.rows.map { $0[0] } + remaining.rows.map { $0[0] }
        #expect(all.sorted() == f.pool.ids.sorted())
        // Everybody's chance of being an alternate adds up to A (their share of the lottery's lists).
        let chances = try CSVReader.read(path: f.path("draw/alternate-probabilities.csv"))
        #expect(abs(chances.rows.compactMap { Double($0[1]) }.reduce(0, +) - 3) < 1e-9)
        #expect(result.report.dropouts != nil, "the report's section After drop-outs is missing")
    }

    enum Forgery: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case changedRank, swappedPerson, alternateOnThePanel, droppedAlternate
        var testDescription: String { rawValue }
    }

    /// Forges the drawn panel's alternates, rehashes everything (files, manifest, announcement), and expects
    /// `verify` to reject the list and `draw` to refuse it.
    @Test(arguments: Forgery.allCases)
    func forgedAlternatesFailVerification(_ forgery: Forgery) throws {
        let f = try Self.fixture()
        let number = try f.draw(seed).panelNumber
        let folder = try CommitmentFolder.load(f.commitment)
        var rows = try LotteryAlternates.rows(folder)
        let problem = f.built.problem
        let panel = try folder.lotteryPanels()[number - 1]
        var row = rows[number - 1]
        switch forgery {
        case .changedRank: row.swapAt(0, 1)
        case .alternateOnThePanel: row[0] = panel[0]
        case .droppedAlternate: row.removeLast()
        case .swappedPerson:
            // Somebody who keeps every rule (off the panel, no housemate of a member or an alternate), not on the list.
            let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
            let homes = Set((panel + row.dropLast()).map { problem.household[index[$0]!] })
            row[row.count - 1] = try #require(problem.ids.first { !row.contains($0) && !panel.contains($0) && !homes.contains(problem.household[index[$0]!]) })
            #expect(AlternatesCheck.ruleProblems(problem: problem, panel: panel.map { index[$0]! }, alternates: row, count: 3, index: index).isEmpty)
        }
        rows[number - 1] = row
        let table = LotteryAlternates.table(rows.map { $0.map { Int($0)! - 1 } }, ids: problem.ids)
        try Forger(f: f).rehash([LotteryAlternates.file: table], bound: f.built.manifest.rounding.maxChange)
        let report = Verifier.verify(commitment: f.commitment, seed: seed)
        #expect(!report.verified, "verify accepted forged alternates (\(forgery))")
        #expect(!report.problems.contains { $0.message.contains("SHA-256") }, "the forgery should rehash everything: \(report.problems)")
        let expected = forgery == .alternateOnThePanel ? "on the panel itself" : forgery == .droppedAlternate ? "but the manifest says 3" : "not those the committed rule gives"
        #expect(report.problems.contains { $0.file.hasSuffix(LotteryAlternates.file) && $0.message.contains("panel \(number)'s alternates") && $0.message.contains(expected) },
                "\(report.problems)")
        // The honest draw's record no longer matches the forged list either.
        #expect(report.problems.contains { $0.file.hasSuffix("audit.json") }, "\(report.problems)")
        #expect(throws: KleroterionError.self) { try LotteryDraw.perform(commitment: f.commitment, seed: seed) }
        if forgery == .alternateOnThePanel || forgery == .droppedAlternate {
            let script = LotteryFixture.repositoryRoot.appendingPathComponent("docs/verify_draw.py").path
            let python = try runProgram("python3", [script, f.commitment, seed])
            #expect(python.status == 1 && python.output.contains(LotteryAlternates.file), "\(python.output)")
        }
    }

    /// The rule's inputs are fingerprinted and used: other drop-out rates, rehashed, no longer give the published lists.
    @Test func forgedDropoutRatesFailVerification() throws {
        let f = try Self.fixture()
        let problem = f.built.problem
        // Men almost certain to leave, women almost certain to stay: the alternates would lean towards men.
        let gender = try #require(problem.features.firstIndex { $0.name == "gender" })
        let male = try #require(problem.features[gender].values.firstIndex(of: "male"))
        let rates = problem.ids.indices.map { problem.category[$0][gender] == male ? 0.9 : 0.01 }
        try Forger(f: f).rehash([LotteryAlternates.ratesFile: LotteryAlternates.ratesTable(rates, ids: problem.ids)], bound: f.built.manifest.rounding.maxChange)
        let report = Verifier.verify(commitment: f.commitment, seed: seed)
        #expect(!report.verified && report.problems.contains { $0.file.hasSuffix(LotteryAlternates.file) && $0.message.contains("committed rule") },
                "\(report.problems)")
    }

    /// A manifest whose format and alternates disagree is refused: dropping the alternates entry shows.
    @Test func aManifestThatDropsItsAlternatesIsRefused() throws {
        let f = try Self.fixture()
        var manifest = f.built.manifest
        manifest.alternates = nil
        let json = try manifest.json()
        #expect(throws: KleroterionError.self) { try Manifest.parse(Data(json.utf8), source: "manifest.json") }
        manifest = f.built.manifest
        manifest.format = Manifest.formatName
        #expect(throws: KleroterionError.self) { try Manifest.parse(Data(manifest.json().utf8), source: "manifest.json") }
        try json.write(toFile: f.path("manifest.json"), atomically: true, encoding: .utf8)
        try Announcement.text(manifest: manifest, manifestHash: Hashing.sha256(json)).write(toFile: f.path("announcement.md"), atomically: true, encoding: .utf8)
        let report = Verifier.verify(commitment: f.commitment, seed: seed)
        #expect(!report.verified && report.problems.contains { $0.file.hasSuffix("manifest.json") && $0.message.contains("lists no alternates") }, "\(report.problems)")
    }

    @Test func commitmentsMadeBeforeAlternatesStillVerify() throws {
        let dir = Self.oldFixture
        let folder = try CommitmentFolder.load(dir + "/lottery")
        #expect(folder.manifest.format == Manifest.formatName && folder.manifest.alternates == nil)
        let report = Verifier.verify(commitment: dir + "/lottery", seed: "3 14 22 31 40 45", people: dir + "/pool.csv", quotas: dir + "/quotas.csv")
        #expect(report.verified, "\(report.problems)")
        #expect(report.panelNumber == 14 && !report.checked.contains { $0.hasPrefix("recomputed the alternates") || $0.hasPrefix("alternates.csv") },
                "\(report.checked)")
        let script = LotteryFixture.repositoryRoot.appendingPathComponent("docs/verify_draw.py").path
        let python = try runProgram("python3", [script, dir + "/lottery", "3 14 22 31 40 45", folder.manifestHash])
        #expect(python.status == 0 && !python.output.contains("alternates"), "\(python.output)")
    }

    /// Without `--alternates` a commitment is what it was before: format 2, no alternates entry, the same files;
    /// the solver-independent files of the old fixture come out byte for byte.
    @Test func withoutAlternatesACommitmentIsAsBefore() throws {
        let dir = Self.oldFixture
        let old = try CommitmentFolder.load(dir + "/lottery")
        let pool = try Pool.load(path: dir + "/pool.csv"), quotas = try QuotaSet.load(path: dir + "/quotas.csv")
        let m = old.manifest
        let settings = Commitment.Settings(panels: m.settings.panels, panelSize: m.settings.panelSize, householdColumns: m.settings.householdColumns,
                                           seedSource: m.seedSource, seedFormat: try m.seed.parsed(), people: m.inputs.people, quotas: m.inputs.quotas,
                                           created: try #require(ISO8601DateFormatter().date(from: m.createdUtc)), language: .en)
        let built = try Commitment.build(pool: pool, quotas: quotas, settings: settings)
        #expect(built.manifest.format == Manifest.formatName && built.manifest.alternates == nil)
        #expect(Set(built.manifest.files.keys) == Set(m.files.keys))
        for name in [Commitment.membersFile, Commitment.quotasFile, Pseudonyms.commitmentsFile] {
            #expect(built.manifest.files[name] == m.files[name], "\(name) changed")
        }
        let keys = { (text: String) throws -> Set<String> in Set(try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]).keys) }
        #expect(try keys(built.manifest.json()) == keys(String(contentsOfFile: dir + "/lottery/manifest.json", encoding: .utf8)))
        #expect(!(try built.manifest.json()).contains("alternates"))
    }

    /// Panels of 10 (more than 8 members who may drop out): the rule samples patterns, seeded by the panel; the
    /// workflows commit, draw and verify it, and the CLI passes the options on.
    @Test func largerPanelsThroughTheWorkflowsAndTheCLI() throws {
        let dir = temporaryDirectory()
        var pool = "id,age,gender,address\n"
        for i in 0..<48 { pool += "r\(i),\(i % 4 == 0 ? "16-24" : "25+"),\(i % 2 == 0 ? "f" : "m"),\(i < 8 ? "A\(i / 2)" : "B\(i)")\n" }
        try pool.write(toFile: dir + "/pool.csv", atomically: true, encoding: .utf8)
        try "feature,value,min,max,population_share\nage,16-24,2,4,0.25\nage,25+,6,8,0.75\ngender,f,5,5,0.5\ngender,m,5,5,0.5\n"
            .write(toFile: dir + "/quotas.csv", atomically: true, encoding: .utf8)
        try "feature,value,dropout_rate\n*,*,0.1\nage,16-24,0.3\n".write(toFile: dir + "/rates.csv", atomically: true, encoding: .utf8)
        var commit = CommitWorkflow.Request(people: dir + "/pool.csv", quotas: dir + "/quotas.csv", panelSize: 10, seedFormat: "text")
        commit.householdColumns = ["address"]
        commit.panels = 60
        commit.allowWeakSeed = true
        commit.seedSource = "a test"
        commit.alternates = 4
        commit.dropoutRates = dir + "/rates.csv"
        let folder = dir + "/commitment"
        var files = OutputFiles(directory: folder, placement: .newFolder, inputs: RunInputs(commit.inputs))
        let committed = try CommitWorkflow.run(commit, into: &files)
        try files.commit()
        #expect(committed.alternates == 4 && committed.files.contains(LotteryAlternates.file) && committed.files.last == Pseudonyms.privateFile)
        #expect(committed.manifest.alternates?.ratesInput?.sha256 == Hashing.sha256(file: dir + "/rates.csv"))
        // Rates by a quota feature publish nothing new; rates per respondent or by another column get a warning.
        #expect(committed.warnings.isEmpty, "\(committed.warnings)")
        try "id,dropout_rate\nr1,0.5\n".write(toFile: dir + "/by-id.csv", atomically: true, encoding: .utf8)
        try "feature,value,dropout_rate\naddress,A1,0.5\n".write(toFile: dir + "/by-address.csv", atomically: true, encoding: .utf8)
        #expect(LotteryAlternates.publicationWarning(ratesFile: dir + "/rates.csv", quotaFeatures: ["age", "gender"]) == nil)
        #expect(LotteryAlternates.publicationWarning(ratesFile: dir + "/by-id.csv", quotaFeatures: ["age", "gender"])?.contains("per respondent") == true)
        #expect(LotteryAlternates.publicationWarning(ratesFile: dir + "/by-address.csv", quotaFeatures: ["age", "gender"])?.contains("by address") == true)
        // The targets are the population shares × k.
        let targets = try CSVReader.read(path: folder + "/" + LotteryAlternates.targetsFile)
        #expect(targets.rows.map { $0[2] } == ["2.5", "7.5", "5.0", "5.0"], "\(targets.rows)")
        let draw = DrawWorkflow.Request(commitment: folder, seed: "the seed of the test")
        var drawFiles = OutputFiles(directory: draw.defaultFolder)
        let drawn = try DrawWorkflow.run(draw, into: &drawFiles)
        try drawFiles.commit()
        #expect(drawn.alternateIDs.count == 4 && Set(drawn.alternateIDs).isDisjoint(with: drawn.memberIDs))
        #expect(drawn.files.contains("alternates.csv") && drawn.files.contains("alternate-probabilities.csv"))
        let verified = try VerifyWorkflow.run(VerifyWorkflow.Request(commitment: folder, seed: "the seed of the test"))
        #expect(verified.verified, "\(verified.lines)")
        #expect(verified.checked.contains { $0.hasPrefix("recomputed the alternates") })
        // Rates without alternates are refused: in a commitment they only serve the alternates.
        var rates = commit
        rates.alternates = 0
        #expect(throws: KleroterionError.self) { try rates.validate() }
        // The CLI: the same options, the same published alternates.
        let cli = try runProgram(try kleroterionBinary(), ["commit", "--people", dir + "/pool.csv", "--quotas", dir + "/quotas.csv", "--panel-size", "10",
                                                          "--household-columns", "address", "--panels", "60", "--seed-format", "text", "--allow-weak-seed",
                                                          "--seed-source", "a test", "--alternates", "4", "--dropout-rates", dir + "/rates.csv",
                                                          "--out", dir + "/cli"])
        #expect(cli.status == 0, "\(cli.output)")
        #expect(try String(contentsOfFile: dir + "/cli/" + LotteryAlternates.file, encoding: .utf8)
                == String(contentsOfFile: folder + "/" + LotteryAlternates.file, encoding: .utf8))
    }
}
