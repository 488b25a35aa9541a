import Foundation

/// `verify`: checks a committed lottery and its draw without trusting whoever ran them.
///
/// It re-hashes every file, compares the manifest with its announced fingerprint, checks every lottery panel
/// against the committed quotas and the one-per-household rule, **recomputes the fair chances** from the published
/// members and quotas (`FairnessCheck`) and compares each respondent's share of the panels with them, recomputes
/// the panel number from the canonical seed, and compares the draw's records (`audit.json`, `panel.csv`) with the
/// lottery. With committed alternates it checks every panel's list against the rules and **recomputes** it
/// (`AlternatesCheck`), and compares the draw's `audit.json` and `alternates.csv` with the drawn panel's list.
/// Given the inputs, it checks they are the committed ones and that the member table matches them.
public enum Verifier {
    /// What the checks found.
    public struct Report: Sendable {
        /// Everything that differs; empty means verified.
        public var problems: [Finding] = []
        /// What was checked and found right, for the summary (`VerifyCheck.text(_:)` says it in a language).
        public var checks: [VerifyCheck] = []
        /// The checks in English, as verify has always said them.
        public var checked: [String] { checks.map(\.english) }
        /// The panel number the seed gives (when it could be computed), and how many panels the lottery has.
        public var panelNumber: Int?
        public var panelCount: Int?
        /// The manifest's fingerprint, and whether it was compared with an announced one (the option or
        /// announcement.md); when not, whoever checks must compare it with the announcement by hand.
        public var manifestHash: String?
        public var comparedWithAnnouncement = false
        /// The recomputed fair chances and the comparison (when the published files allowed it).
        public var fairness: FairnessCheck.Result?
        public var verified: Bool { problems.isEmpty }
    }

    /// Runs every check. `draw` is the folder holding `audit.json` (default: `DIR/draw`, then `DIR`).
    public static func verify(commitment directory: String, seed: String, people: String? = nil, quotas: String? = nil,
                              draw: String? = nil, announcedHash: String? = nil) -> Report {
        var report = Report()
        let folder: CommitmentFolder
        do { folder = try CommitmentFolder.load(directory) } catch let e as KleroterionError {
            report.problems.append(Finding(file: e.file ?? directory, .unusable(message: e.message, line: nil))); return report
        } catch { report.problems.append(Finding(file: directory, .unusable(message: "\(error)", line: nil))); return report }
        let m = folder.manifest
        report.manifestHash = folder.manifestHash
        // 1. Hashes.
        let changed = folder.changedFiles()
        report.problems += changed
        let fingerprintProblem = folder.manifestFinding(announced: announcedHash)
        if let f = fingerprintProblem { report.problems.append(f) }
        if changed.isEmpty { report.checks.append(.filesMatch(count: m.files.count)) }
        if fingerprintProblem != nil {
            // Reported above as a problem; never also as checked (issue #12).
        } else if announcedHash != nil || folder.announcedHash() != nil {
            report.comparedWithAnnouncement = true
            report.checks.append(.announcedFingerprint(folder.manifestHash))
        } else {
            report.checks.append(.noAnnouncedFingerprint(folder.manifestHash))
        }
        // 2. The lottery table against the quotas and households, in its canonical form.
        guard let panels = attempt(&report, { try folder.lotteryPanels() }),
              let problem = attempt(&report, { try folder.committedProblem() }) else { return report }
        let lotteryPath = folder.path(Commitment.lotteryFile)
        report.panelCount = panels.count
        if panels.count != m.settings.panels {
            report.problems.append(Finding(file: lotteryPath, .panelCount(found: panels.count, manifest: m.settings.panels)))
        }
        if problem.ids != (0..<problem.count).map({ String($0 + 1) }) {
            report.problems.append(Finding(file: folder.path(Commitment.membersFile), .membersNotInOrder(count: problem.count)))
        }
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        var counts = [Int](repeating: 0, count: problem.count)
        var broken = 0
        var previous: [Int] = []
        var canonical = true
        for (t, ids) in panels.enumerated() {
            let members = ids.compactMap { index[$0] }
            var problems = problem.panelViolations(of: members)
            if members.count != ids.count { problems.append(.unknownPseudonyms) }
            if !problems.isEmpty {
                broken += 1
                if broken <= 5 { report.problems.append(Finding(file: lotteryPath, .panelBreaksRules(panel: t + 1, problems))) }
            }
            if members != members.sorted() || members.lexicographicallyPrecedes(previous) { canonical = false }
            previous = members
            for i in Set(members) { counts[i] += 1 }
        }
        if broken > 5 { report.problems.append(Finding(file: lotteryPath, .panelsBreakRules(count: broken))) }
        if broken == 0 { report.checks.append(.panelsKeepRules(panels: panels.count, members: m.settings.panelSize)) }
        if !canonical {
            report.problems.append(Finding(file: lotteryPath, .notCanonical))
        }
        // 3. Fairness: recompute the fair chances and compare everyone's share of the panels with them.
        checkFairness(folder, problem: problem, counts: counts, panelCount: panels.count, into: &report)
        // 3b. The committed alternates, recomputed by their rule (issue #14).
        if m.alternates != nil {
            let (found, fine) = AlternatesCheck.check(folder, problem: problem, panels: panels)
            report.problems += found
            report.checks += fine
        }
        // 4. The seed.
        guard !panels.isEmpty else { return report }
        guard let canonicalSeed = attempt(&report, { try folder.canonicalSeed(seed) }) else { return report }
        let outcome = folder.seedOutcome(canonicalSeed: canonicalSeed, panelCount: panels.count)
        report.panelNumber = outcome.panel
        report.checks.append(.seedGives(seed: seed, format: m.seed.format, canonical: canonicalSeed, panel: outcome.panel, panels: panels.count, rule: SeedRule.name))
        checkDraw(folder, seed: canonicalSeed, outcome: outcome, panel: panels[outcome.panel - 1], draw: draw, into: &report)
        // 5. The inputs, when given.
        if people != nil || quotas != nil { checkInputs(folder, people: people, quotas: quotas, into: &report) }
        return report
    }

    /// The announced bound, the recomputed chances and the published probabilities.
    static func checkFairness(_ folder: CommitmentFolder, problem: SelectionProblem, counts: [Int], panelCount: Int, into report: inout Report) {
        let m = folder.manifest
        let manifestPath = folder.path(Commitment.manifestFile), lotteryPath = folder.path(Commitment.lotteryFile)
        let bound = m.rounding.maxChange
        // k/m is what a careless rounding could cost; a stated bound above it would excuse any lottery.
        let worst = Double(m.settings.panelSize) / Double(max(panelCount, 1))
        if !(bound >= 0 && bound <= worst) {
            report.problems.append(Finding(file: manifestPath, .roundingBound(bound: bound, worst: worst)))
        }
        guard Commitment.algorithms.contains(m.settings.algorithm) else {
            report.problems.append(Finding(file: manifestPath, .unknownAlgorithm(m.settings.algorithm, known: Commitment.algorithms)))
            return
        }
        guard let result = attempt(&report, { try FairnessCheck.check(problem, algorithm: m.settings.algorithm, counts: counts,
                                                                      panelCount: panelCount, bound: min(max(bound, 0), worst)) }) else { return }
        report.fairness = result
        if result.deviations.isEmpty {
            report.checks.append(.fairChances(algorithm: m.settings.algorithm, largest: result.largest, bound: bound,
                                              tolerance: FairnessCheck.solverTolerance, minimum: result.minimum))
        } else {
            report.problems.append(Finding(file: lotteryPath, .unfair(count: result.deviations.count, algorithm: m.settings.algorithm, bound: bound,
                                                                      tolerance: FairnessCheck.solverTolerance, largest: Array(result.deviations.prefix(5)))))
        }
        // probabilities.csv is a convenience copy: it must follow from the lottery and the recomputation, never the other way round.
        guard let table = attempt(&report, { try folder.table(Commitment.probabilitiesFile) }),
              let id = attempt(&report, { try table.requireColumn(Commitment.pseudonymColumn) }),
              let p = attempt(&report, { try table.requireColumn("probability") }),
              let o = attempt(&report, { try table.requireColumn("optimal_probability") }) else { return }
        let path = folder.path(Commitment.probabilitiesFile)
        var index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        var wrong: [String] = [], optimalWrong: [String] = []
        for row in table.rows {
            guard let i = index.removeValue(forKey: row[id]) else { wrong.append(row[id]); continue }
            guard let published = Double(row[p]), abs(published - result.lottery[i]) < 1e-12 else { wrong.append(row[id]); continue }
            if m.settings.algorithm == "leximin", Double(row[o]).map({ abs($0 - result.fair[i]) > FairnessCheck.solverTolerance }) ?? true {
                optimalWrong.append(row[id])
            }
        }
        if !wrong.isEmpty || !index.isEmpty {
            report.problems.append(Finding(file: path, .chancesDoNotFollow(count: wrong.count + index.count, first: (wrong + index.keys.sorted()).first!)))
        }
        if !optimalWrong.isEmpty {
            report.problems.append(Finding(file: path, .optimalNotFair(count: optimalWrong.count, first: optimalWrong[0])))
        }
        if wrong.isEmpty && index.isEmpty && optimalWrong.isEmpty {
            report.checks.append(.probabilitiesFollow(panels: panelCount))
        }
    }

    static func checkDraw(_ folder: CommitmentFolder, seed: String, outcome: SeedRule.Outcome, panel: [String], draw: String?, into report: inout Report) {
        let candidates = draw.map { [$0] } ?? [CommitmentFolder.path(folder.directory, "draw"), folder.directory]
        guard let dir = candidates.first(where: { FileManager.default.fileExists(atPath: CommitmentFolder.path($0, LotteryDraw.auditFile)) }) else {
            if let draw { report.problems.append(Finding(file: CommitmentFolder.path(draw, LotteryDraw.auditFile), .missing)) }
            report.checks.append(.panelMembers(panel: outcome.panel, panel))
            return
        }
        let auditPath = CommitmentFolder.path(dir, LotteryDraw.auditFile)
        guard let audit = attempt(&report, { try LotteryDraw.readAudit(FileManager.default.contents(atPath: auditPath) ?? Data(), source: auditPath) }) else { return }
        var problems: [VerifyFinding] = []
        if audit.manifestSha256 != folder.manifestHash { problems.append(.otherManifest(recorded: audit.manifestSha256, actual: folder.manifestHash)) }
        if audit.seed != seed { problems.append(.otherSeed(recorded: audit.seed, seed: seed)) }
        if audit.panel != outcome.panel { problems.append(.otherPanel(recorded: audit.panel, seedGives: outcome.panel)) }
        if audit.memberPseudonyms.sorted() != panel.sorted() { problems.append(.otherMembers(panel: outcome.panel)) }
        let alternates = folder.manifest.alternates == nil ? nil : (try? LotteryAlternates.rows(folder))?[safe: outcome.panel - 1]
        if folder.manifest.alternates != nil {
            if audit.alternatePseudonyms == nil { problems.append(.noAlternatesRecorded) }
            else if audit.alternatePseudonyms != alternates { problems.append(.otherAlternates(panel: outcome.panel, file: LotteryAlternates.file)) }
        } else if audit.alternatePseudonyms != nil { problems.append(.alternatesRecordedButNone) }
        for p in problems { report.problems.append(Finding(file: auditPath, p)) }
        if problems.isEmpty { report.checks.append(.auditRecords(panel: outcome.panel)) }
        // panel.csv (private: it has names and real ids) must hold exactly the drawn people; only the organiser,
        // who has private/pseudonyms.csv, can check that.
        let panelPath = CommitmentFolder.path(dir, "panel.csv")
        let keyPath = folder.path(Pseudonyms.privateFile)
        if let table = try? CSVReader.read(path: panelPath), let c = table.columnIndex(folder.manifest.settings.idColumn),
           let key = try? CSVReader.read(path: keyPath), let kp = key.columnIndex("pseudonym"), let ki = key.columnIndex("id") {
            let real = Dictionary(key.rows.map { ($0[ki], $0[kp]) }, uniquingKeysWith: { a, _ in a })
            let drawn = table.rows.map { real[$0[c].trimmingSpaces()] ?? "?" }
            if drawn.sorted() != panel.sorted() {
                report.problems.append(Finding(file: panelPath, .otherRespondents(panel: outcome.panel)))
            } else { report.checks.append(.panelFileHolds(members: drawn.count, panel: outcome.panel, key: Pseudonyms.privateFile)) }
            // alternates.csv (private too) must hold the committed alternates, in rank order.
            if let alternates {
                let alternatesPath = CommitmentFolder.path(dir, "alternates.csv")
                if let t = try? CSVReader.read(path: alternatesPath), let ac = t.columnIndex(folder.manifest.settings.idColumn), let rc = t.columnIndex("rank") {
                    let ranked = t.rows.sorted { (Int($0[rc]) ?? .max) < (Int($1[rc]) ?? .max) }.map { real[$0[ac].trimmingSpaces()] ?? "?" }
                    let ranks = t.rows.compactMap { Int($0[rc]) }.sorted()
                    if ranked != alternates || ranks != Array(1..<(ranks.count + 1)) {
                        report.problems.append(Finding(file: alternatesPath, .notTheAlternates(panel: outcome.panel, file: LotteryAlternates.file)))
                    } else { report.checks.append(.alternatesFileHolds(alternates: ranked.count, panel: outcome.panel)) }
                } else {
                    report.problems.append(Finding(file: alternatesPath, .noIdAndRankColumns(idColumn: folder.manifest.settings.idColumn)))
                }
            }
        }
    }

    static func checkInputs(_ folder: CommitmentFolder, people: String?, quotas: String?, into report: inout Report) {
        let m = folder.manifest
        var ok = true
        for (path, input, what) in [(people, m.inputs.people, VerifyInput.pool), (quotas, m.inputs.quotas, .quotas)] {
            guard let path else { continue }
            guard let bytes = FileManager.default.contents(atPath: path) else { report.problems.append(Finding(file: path, .unreadable)); ok = false; continue }
            let actual = Hashing.sha256(bytes)
            if actual != input.sha256 {
                report.problems.append(Finding(file: path, .notCommitted(what, actual: actual, expected: input.sha256)))
                ok = false
            } else { report.checks.append(.inputCommitted(path: path, what)) }
        }
        guard ok, let people, let quotas else { return }
        // With both inputs, the published member table must follow from them.
        guard let (pool, quotaSet) = attempt(&report, { try LotteryDraw.loadInputs(m, people: people, quotas: quotas, fix: "") }),
              let problem = attempt(&report, { try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: m.settings.panelSize, householdColumns: m.settings.householdColumns) })
        else { return }
        if Hashing.sha256(Commitment.membersTable(problem, pseudonyms: Pseudonyms(pool: pool))) != m.files[Commitment.membersFile] {
            report.problems.append(Finding(file: folder.path(Commitment.membersFile), .membersDoNotMatch(pool: people)))
        } else if Hashing.sha256(Commitment.quotasTable(problem)) != m.files[Commitment.quotasFile] {
            report.problems.append(Finding(file: folder.path(Commitment.quotasFile), .quotasDoNotMatch(quotas: quotas)))
        } else { report.checks.append(.inputsMatch) }
    }

    /// Runs a step; a thrown error becomes a finding naming its file.
    private static func attempt<T>(_ report: inout Report, _ body: () throws -> T) -> T? {
        do { return try body() } catch let e as KleroterionError {
            report.problems.append(Finding(file: e.file ?? "?", .unusable(message: e.message, line: e.line))); return nil
        } catch { report.problems.append(Finding(file: "?", .unusable(message: "\(error)", line: nil))); return nil }
    }
}

fileprivate extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
