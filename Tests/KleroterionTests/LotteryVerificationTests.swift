import Foundation
import Testing
@testable import Kleroterion

@Suite struct LotteryVerificationTests {
    let seed = "4 2 6 — dice, council meeting 1 April 2027"

    @Test func aFreshDrawVerifies() throws {
        let f = try LotteryFixture()
        let result = try f.draw(seed)
        let report = Verifier.verify(commitment: f.commitment, seed: seed, people: f.poolPath, quotas: f.quotasPath)
        #expect(report.verified, "\(report.problems)")
        #expect(report.panelNumber == result.panelNumber)
        #expect(f.problem.violations(of: result.members).isEmpty)
        // panel.csv and remaining.csv together are the pool: nobody lost, nobody twice.
        let panel = try CSVReader.read(path: f.path("draw/panel.csv")), remaining = try CSVReader.read(path: f.path("draw/remaining.csv"))
        #expect(panel.header == f.pool.table.header)
        #expect((panel.rows + remaining.rows).map { $0[0] }.sorted() == f.pool.ids.sorted())
    }

    @Test func sameSeedSamePanelOtherSeedsReachOtherPanels() throws {
        let f = try LotteryFixture()
        let a = try LotteryDraw.perform(commitment: f.commitment, seed: seed)
        let b = try LotteryDraw.perform(commitment: f.commitment, seed: seed)
        #expect(a.panelNumber == b.panelNumber && a.members == b.members)
        let others = Set(try (0..<10).map { try LotteryDraw.perform(commitment: f.commitment, seed: "other \($0)").panelNumber })
        #expect(others.count > 5)
    }

    @Test func everyLotteryPanelMeetsTheQuotasAndTheHouseholdRule() throws {
        let f = try LotteryFixture()
        let folder = try CommitmentFolder.load(f.commitment)
        let panels = try folder.lotteryPanels()
        #expect(panels.count == 200)
        let index = Dictionary(uniqueKeysWithValues: f.built.problem.ids.enumerated().map { ($1, $0) })
        for ids in panels { #expect(f.built.problem.violations(of: ids.map { index[$0]! }).isEmpty) }
        // The household rule is live in this fixture: persons 0 and 1 share an address.
        #expect(f.problem.household[0] == f.problem.household[1])
    }

    @Test func publishedFilesCarryNoNamesOrAddresses() throws {
        let f = try LotteryFixture()
        try f.draw(seed)
        let personal = ["first_name", "last_name", "street", "postcode"].map { f.pool.table.columnIndex($0)! }
        let secrets = Set(f.pool.table.rows.flatMap { row in personal.map { row[$0] } })
        let published = ["lottery.csv", "manifest.json", "members.csv", "quotas.csv", "probabilities.csv", "pseudonym_commitments.csv",
                         "announcement.md", "draw/audit.json"]
        for name in published {
            let text = try String(contentsOfFile: f.path(name), encoding: .utf8)
            // No pool id (r100…r135) as a word: the published files carry pseudonyms.
            #expect(text.range(of: "\\br1[0-9][0-9]\\b", options: .regularExpression) == nil, "\(name) carries a pool id")
            for secret in secrets { #expect(!text.contains(secret), "\(name) leaks \(secret)") }
            for fragment in ["Voornaam", "Achternaam", "Dorpsstraat", "3701"] { #expect(!text.contains(fragment), "\(name) leaks \(fragment)") }
        }
    }

    @Test func theManifestRecordsHashesSettingsVersionAndRule() throws {
        let f = try LotteryFixture()
        let m = try CommitmentFolder.load(f.commitment).manifest
        #expect(m.inputs.people.sha256 == Hashing.sha256(file: f.poolPath))
        #expect(m.inputs.quotas.sha256 == Hashing.sha256(file: f.quotasPath))
        #expect(m.files[Commitment.lotteryFile] == Hashing.sha256(file: f.path("lottery.csv")))
        #expect(m.settings.panels == 200 && m.settings.panelSize == 6)
        #expect(m.drawRule.name == SeedRule.name)
        #expect(m.tool.contains(ToolVersion.current))
        #expect(m.rounding.maxChange == f.built.rounding.maxDeviation)
        let announcement = try String(contentsOfFile: f.path("announcement.md"), encoding: .utf8)
        #expect(announcement.contains(f.built.manifestHash) && announcement.contains("three dice"))
    }

    // MARK: tampering: each must fail and name the file.

    func expectFailure(_ f: LotteryFixture, naming file: String, seed: String? = nil, people: Bool = true) {
        let report = Verifier.verify(commitment: f.commitment, seed: seed ?? self.seed,
                                     people: people ? f.poolPath : nil, quotas: people ? f.quotasPath : nil)
        #expect(!report.verified)
        #expect(report.problems.contains { $0.file.hasSuffix(file) }, "expected a problem naming \(file), got \(report.problems)")
    }

    @Test func oneByteChangedInThePool() throws {
        let f = try LotteryFixture(); try f.draw(seed)
        try f.changeOneByte(f.poolPath)
        expectFailure(f, naming: "pool.csv")
        #expect(throws: KleroterionError.self) { try LotteryDraw.perform(commitment: f.commitment, seed: seed) }
    }

    @Test func oneByteChangedInTheQuotas() throws {
        let f = try LotteryFixture(); try f.draw(seed)
        try f.changeOneByte(f.quotasPath)
        expectFailure(f, naming: "quotas.csv")
        #expect(throws: KleroterionError.self) { try LotteryDraw.perform(commitment: f.commitment, seed: seed) }
    }

    @Test func oneByteChangedInTheLotteryTable() throws {
        let f = try LotteryFixture(); try f.draw(seed)
        try f.changeOneByte(f.path("lottery.csv"))
        expectFailure(f, naming: "lottery.csv", people: false)
        let error = #expect(throws: KleroterionError.self) { try LotteryDraw.perform(commitment: f.commitment, seed: seed) }
        #expect(error?.file?.hasSuffix("lottery.csv") == true)
    }

    @Test func oneByteChangedInTheManifest() throws {
        let f = try LotteryFixture(); try f.draw(seed)
        // A change that keeps valid JSON: only the announced fingerprint can catch it.
        let text = try String(contentsOfFile: f.path("manifest.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "three dice", with: "three dicf").write(toFile: f.path("manifest.json"), atomically: true, encoding: .utf8)
        expectFailure(f, naming: "manifest.json", people: false)
        let error = #expect(throws: KleroterionError.self) { try LotteryDraw.perform(commitment: f.commitment, seed: seed) }
        #expect(error?.file?.hasSuffix("manifest.json") == true)
        // The fingerprint given on the command line catches it too, even with announcement.md gone.
        try FileManager.default.removeItem(atPath: f.path("announcement.md"))
        let report = Verifier.verify(commitment: f.commitment, seed: seed, announcedHash: f.built.manifestHash)
        #expect(report.problems.contains { $0.file.hasSuffix("manifest.json") })
    }

    @Test func aByteThatBreaksTheManifestIsNamedToo() throws {
        let f = try LotteryFixture()
        try f.changeOneByte(f.path("manifest.json"), fromEnd: 2)
        expectFailure(f, naming: "manifest.json", people: false)
    }

    @Test func aDifferentSeedThanTheDrawUsed() throws {
        let f = try LotteryFixture(); try f.draw(seed)
        expectFailure(f, naming: "audit.json", seed: seed + "x")
    }

    @Test func swappedPanelRowsInTheLotteryTable() throws {
        let f = try LotteryFixture()
        var lines = try String(contentsOfFile: f.path("lottery.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        // Swap the member lists of two different panels, keeping the panel numbers in order.
        let j = (2..<lines.count).first { lines[$0].split(separator: ",")[1] != lines[1].split(separator: ",")[1] }!
        let a = lines[1].split(separator: ",").map(String.init), b = lines[j].split(separator: ",").map(String.init)
        lines[1] = a[0] + "," + b[1]; lines[j] = b[0] + "," + a[1]
        try (lines.joined(separator: "\n") + "\n").write(toFile: f.path("lottery.csv"), atomically: true, encoding: .utf8)
        expectFailure(f, naming: "lottery.csv")
    }

    @Test func aPanelFileWithAnotherPersonSwappedIn() throws {
        let f = try LotteryFixture()
        let result = try f.draw(seed)
        // Move one row of remaining.csv into panel.csv in place of a member.
        let panel = try CSVReader.read(path: f.path("draw/panel.csv")), remaining = try CSVReader.read(path: f.path("draw/remaining.csv"))
        let swapped = CSVWriter.document(header: panel.header, rows: Array(panel.rows.dropFirst()) + [remaining.rows[0]])
        try swapped.write(toFile: f.path("draw/panel.csv"), atomically: true, encoding: .utf8)
        expectFailure(f, naming: "panel.csv")
        #expect(result.members.count == 6)
    }

    @Test func theStandAlonePythonScriptVerifiesAndCatchesTampering() throws {
        let f = try LotteryFixture()
        let result = try f.draw(seed)
        let script = LotteryFixture.repositoryRoot.appendingPathComponent("docs/verify_draw.py").path
        let good = try runProgram("python3", [script, f.commitment, seed, f.built.manifestHash])
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("gives panel \(result.panelNumber) of 200"))
        let otherSeed = try runProgram("python3", [script, f.commitment, "another seed", f.built.manifestHash])
        #expect(otherSeed.status == 1 && otherSeed.output.contains("audit.json"))
        try f.changeOneByte(f.path("lottery.csv"))
        let tampered = try runProgram("python3", [script, f.commitment, seed])
        #expect(tampered.status == 1 && tampered.output.contains("lottery.csv"))
    }
}

/// `commit`, `draw` and `verify` as the user runs them: exit codes, messages, files.
@Suite struct LotteryCLITests {
    func kleroterion(_ arguments: [String]) throws -> ProgramRun {
        try runProgram(try kleroterionBinary(), arguments)
    }

    @Test func drawThenVerifyExitZeroAndATamperedTableExitsOneNamingIt() throws {
        let f = try LotteryFixture()
        let seed = "Lotto 2027-04-01: 3 17 22 31 40 41"
        let draw = try kleroterion(["draw", "--commitment", f.commitment, "--seed", seed, "--language", "en"])
        #expect(draw.status == 0, "\(draw.output)")
        for name in ["panel.csv", "remaining.csv", "audit.json", "report.md", "report.json", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: f.path("draw/" + name)), "\(name)")
        }
        let report = try String(contentsOfFile: f.path("draw/report.md"), encoding: .utf8)
        #expect(report.contains(f.built.manifestHash))
        #expect(report.contains("changed anyone's chance by at most \(String(format: "%.5f", f.built.rounding.maxDeviation))"))
        let again = try kleroterion(["draw", "--commitment", f.commitment, "--seed", "another seed"])
        #expect(again.status == 2 && again.output.contains("already drawn"))
        let ok = try kleroterion(["verify", "--commitment", f.commitment, "--seed", seed, "--people", f.poolPath, "--quotas", f.quotasPath])
        #expect(ok.status == 0 && ok.output.hasPrefix("In orde: alles in \(f.commitment) klopt."), "\(ok.output)")
        #expect(!ok.output.contains("✓"), "the checks' figures and hashes only with --verbose: \(ok.output)")
        try f.changeOneByte(f.path("lottery.csv"))
        let bad = try kleroterion(["verify", "--commitment", f.commitment, "--seed", seed])
        #expect(bad.status == 1 && bad.output.contains("lottery.csv"), "\(bad.output)")
        let refused = try kleroterion(["draw", "--commitment", f.commitment, "--seed", seed, "--out", f.directory + "/draw2"])
        #expect(refused.status == 2 && refused.output.contains("lottery.csv"))
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/draw2/panel.csv"))
    }

    @Test func commitWithLeximinThenDrawAndVerify() throws {
        let f = try LotteryFixture()
        let dir = f.directory + "/leximin"
        let commit = try kleroterion(["commit", "--people", f.poolPath, "--quotas", f.quotasPath, "--panel-size", "6",
                                      "--household-columns", "street,postcode", "--panels", "100", "--seed-source", "two dice", "--seed-format", "dice:2",
                                      "--allow-weak-seed", "--out", dir])
        #expect(commit.status == 0, "\(commit.output)")
        let manifest = try CommitmentFolder.load(dir).manifest
        #expect(manifest.settings.algorithm == "leximin")
        #expect(manifest.rounding.maxChange < manifest.rounding.worstCase / 4)
        #expect(try kleroterion(["draw", "--commitment", dir, "--seed", "3 5"]).status == 0)
        let ok = try kleroterion(["verify", "--commitment", dir, "--seed", "3 5", "--people", f.poolPath, "--quotas", f.quotasPath, "--language", "en", "--verbose"])
        #expect(ok.status == 0 && ok.output.hasPrefix("Verified: everything in \(dir) is in order."), "\(ok.output)")
        #expect(ok.output.contains("  ✓ members.csv and quotas.csv follow from the given pool and quotas"), "\(ok.output)")
    }

    @Test func commitWithoutAFairAlgorithmSaysSo() throws {
        let f = try LotteryFixture()
        let r = try kleroterion(["commit", "--people", f.poolPath, "--quotas", f.quotasPath, "--panel-size", "6",
                                 "--algorithm", "legacy", "--seed-format", "lotto:6/45", "--out", f.directory + "/c2"])
        #expect(r.status == 2 && r.output.contains("fair algorithm"), "\(r.output)")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/c2/manifest.json"))
        // An existing (perhaps announced) commitment is never overwritten.
        let before = try Data(contentsOf: URL(fileURLWithPath: f.path("manifest.json")))
        let again = try kleroterion(["commit", "--people", f.poolPath, "--quotas", f.quotasPath, "--panel-size", "6",
                                     "--seed-format", "lotto:6/45", "--out", f.commitment])
        #expect(again.status == 2 && again.output.contains("already holds a commitment"), "\(again.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.path("manifest.json"))) == before)
    }
}
