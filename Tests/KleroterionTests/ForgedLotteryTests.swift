import Foundation
import Testing
@testable import Kleroterion

/// The Python of `.venv-verify` (made by `make test` from docs/requirements-verify.txt), or nil when missing.
func verifyVenvPython() -> String? {
    let path = LotteryFixture.repositoryRoot.appendingPathComponent(".venv-verify/bin/python").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// Runs docs/verify_fairness.py on a commitment folder.
func runFairnessScript(_ folder: String, extra: [String] = []) throws -> ProgramRun? {
    guard let python = verifyVenvPython() else { return nil }
    let script = LotteryFixture.repositoryRoot.appendingPathComponent("docs/verify_fairness.py").path
    return try runProgram(python, [script, folder] + extra)
}

/// An organiser who writes the lottery they like, with a probabilities.csv to match, a stated bound of 0, and
/// every hash (files, manifest, announcement) redone so that all fingerprints agree.
struct Forger {
    let f: LotteryFixture

    /// Replaces lottery.csv with `panels` (pseudonym lists; put in canonical order), and rehashes everything.
    func write(_ panels: [[String]], bound: Double = 0) throws {
        let problem = f.built.problem
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        let rows = panels.map { $0.map { index[$0]! }.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
        let lottery = Commitment.lotteryTable(rows, ids: problem.ids)
        var counts = [Int](repeating: 0, count: problem.count)
        for panel in rows { for i in panel { counts[i] += 1 } }
        let m = Double(rows.count)
        // probabilities.csv "edited to match": the optimal chance claimed equal to the forged one.
        var probabilities = "pseudonym,probability,optimal_probability,change\n"
        for (i, id) in problem.ids.enumerated() {
            let p = PanelFiles.format(Double(counts[i]) / m)
            probabilities += CSVWriter.line([id, p, p, "0"])
        }
        try rehash(["lottery.csv": lottery, "probabilities.csv": probabilities], bound: bound)
    }

    /// Writes the given files, sets the bound, rewrites manifest.json and announcement.md with the new hashes.
    func rehash(_ files: [String: String], bound: Double) throws {
        var manifest = try CommitmentFolder.load(f.commitment).manifest
        for (name, text) in files {
            try text.write(toFile: f.path(name), atomically: true, encoding: .utf8)
            manifest.files[name] = Hashing.sha256(text)
        }
        manifest.rounding.maxChange = bound
        let json = try manifest.json()
        try json.write(toFile: f.path("manifest.json"), atomically: true, encoding: .utf8)
        try Announcement.text(manifest: manifest, manifestHash: Hashing.sha256(json))
            .write(toFile: f.path("announcement.md"), atomically: true, encoding: .utf8)
    }

    /// The honest panels, as pseudonym lists.
    func honest() throws -> [[String]] { try CommitmentFolder.load(f.commitment).lotteryPanels() }
}

@Suite struct ForgedLotteryTests {
    let seed = "a seed"

    /// Expects `verify` to reject the forged folder as unfair (naming lottery.csv) and the hashes to agree.
    func expectRejected(_ f: LotteryFixture, _ what: String) throws {
        let report = Verifier.verify(commitment: f.commitment, seed: seed)
        #expect(!report.verified, "\(what): verify accepted a forged lottery")
        #expect(!report.problems.contains { $0.message.contains("SHA-256") }, "\(what): the forgery should rehash everything: \(report.problems)")
        #expect(report.problems.contains { $0.file.hasSuffix("lottery.csv") && $0.message.contains("not fair") }, "\(what): \(report.problems)")
        if let run = try runFairnessScript(f.commitment) {
            #expect(run.status == 1 && run.output.contains("NOT fair"), "\(what): verify_fairness.py: \(run.output)")
        } else {
            Issue.record("docs/verify_fairness.py was not run: .venv-verify is missing (make test creates it)")
        }
    }

    @Test func theHonestCommitmentPassesBothCheckers() throws {
        let f = try LotteryFixture()
        let report = Verifier.verify(commitment: f.commitment, seed: seed)
        #expect(report.verified, "\(report.problems)")
        let fairness = try #require(report.fairness)
        #expect(fairness.deviations.isEmpty && fairness.largest <= f.built.rounding.maxDeviation + 1e-6)
        // The recomputed chances are the committed optimum, and they sum to the panel size.
        #expect(zip(fairness.fair, f.built.rounding.optimal).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(abs(fairness.fair.reduce(0, +) - 6) < 1e-6)
        let out = temporaryDirectory() + "/chances.csv"
        if let run = try runFairnessScript(f.commitment, extra: ["--chances-out", out]) {
            #expect(run.status == 0 && run.output.contains("fair:"), "\(run.output)")
            // The independent recomputation agrees to 1e-6 on every person's LEXIMIN chance and the minimum.
            let table = try CSVReader.read(path: out)
            let python = table.rows.map { Double($0[1])! }
            #expect(table.rows.map { $0[0] } == f.built.problem.ids)
            #expect(zip(python, fairness.fair).allSatisfy { abs($0 - $1) <= 1e-6 }, "\(zip(python, fairness.fair).map { $0 - $1 })")
            #expect(abs(python.min()! - fairness.minimum) <= 1e-6)
        } else {
            Issue.record("docs/verify_fairness.py was not run: .venv-verify is missing (make test creates it)")
        }
    }

    @Test func allSamePanel() throws {
        let f = try LotteryFixture()
        let forger = Forger(f: f)
        let panels = try forger.honest()
        try forger.write(Array(repeating: panels[0], count: panels.count))
        try expectRejected(f, "all-same panel")
    }

    @Test func halfTheSlotsToOneFavouritePanel() throws {
        let f = try LotteryFixture()
        let forger = Forger(f: f)
        var panels = try forger.honest()
        let favourite = panels[panels.count / 3]
        for t in 0..<(panels.count / 2) { panels[t] = favourite }
        try forger.write(panels, bound: f.built.rounding.maxDeviation)
        try expectRejected(f, "half the slots to one panel")
    }

    @Test func oneMemberSwappedIntoFivePercentMorePanels() throws {
        let f = try LotteryFixture()
        let forger = Forger(f: f)
        var panels = try forger.honest()
        let problem = f.built.problem
        // A favourite and a stand-in with the same quota values, each alone in their household, so the swap keeps
        // every panel valid: only the favourite's chance moves.
        let single = { (i: Int) in problem.household.filter { $0 == problem.household[i] }.count == 1 }
        let pair = try #require((0..<problem.count).lazy.flatMap { a in (0..<problem.count).lazy.map { (a, $0) } }.first { a, b in
            a != b && single(a) && single(b) && problem.category[a] == problem.category[b]
        })
        let (favourite, standIn) = (problem.ids[pair.0], problem.ids[pair.1])
        var moved = 0
        for t in panels.indices where moved < panels.count / 20 && !panels[t].contains(favourite) && panels[t].contains(standIn) {
            panels[t] = panels[t].map { $0 == standIn ? favourite : $0 }
            moved += 1
        }
        #expect(moved == panels.count / 20)
        try forger.write(panels, bound: f.built.rounding.maxDeviation)
        let report = Verifier.verify(commitment: f.commitment, seed: seed)
        #expect(report.problems.allSatisfy { !$0.message.contains("breaks the rules") }, "the swap must keep every panel valid")
        #expect(report.problems.contains { $0.message.contains("pseudonym \(favourite):") }, "the favourite is named: \(report.problems)")
        try expectRejected(f, "one member in 5% more panels")
    }

    @Test func probabilitiesEditedToClaimAPerfectRounding() throws {
        let f = try LotteryFixture()
        let forger = Forger(f: f)
        // The honest panels, but probabilities.csv and the stated bound claim the lottery is exactly optimal.
        try forger.write(try forger.honest(), bound: 0)
        try expectRejected(f, "probabilities.csv edited to match")
    }
}
