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
        /// What was checked and found right, for the summary.
        public var checked: [String] = []
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
            report.problems.append(Finding(file: e.file ?? directory, e.message)); return report
        } catch { report.problems.append(Finding(file: directory, "\(error)")); return report }
        let m = folder.manifest
        report.manifestHash = folder.manifestHash
        // 1. Hashes.
        let changed = folder.changedFiles()
        report.problems += changed
        let fingerprintProblem = folder.manifestFinding(announced: announcedHash)
        if let f = fingerprintProblem { report.problems.append(f) }
        if changed.isEmpty { report.checked.append("all \(m.files.count) published files match the SHA-256 in manifest.json") }
        if fingerprintProblem != nil {
            // Reported above as a problem; never also as checked (issue #12).
        } else if announcedHash != nil || folder.announcedHash() != nil {
            report.comparedWithAnnouncement = true
            report.checked.append("manifest.json has the announced fingerprint \(folder.manifestHash)")
        } else {
            report.checked.append("no announced fingerprint to compare with: check that the announcement published before the draw says \(folder.manifestHash)")
        }
        // 2. The lottery table against the quotas and households, in its canonical form.
        guard let panels = attempt(&report, { try folder.lotteryPanels() }),
              let problem = attempt(&report, { try folder.committedProblem() }) else { return report }
        let lotteryPath = folder.path(Commitment.lotteryFile)
        report.panelCount = panels.count
        if panels.count != m.settings.panels {
            report.problems.append(Finding(file: lotteryPath, "it has \(panels.count) panels, but the manifest says \(m.settings.panels)"))
        }
        if problem.ids != (0..<problem.count).map({ String($0 + 1) }) {
            report.problems.append(Finding(file: folder.path(Commitment.membersFile), "the rows are not the pseudonyms 1 to \(problem.count) in order, as commit writes them"))
        }
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        var counts = [Int](repeating: 0, count: problem.count)
        var broken = 0
        var previous: [Int] = []
        var canonical = true
        for (t, ids) in panels.enumerated() {
            let members = ids.compactMap { index[$0] }
            var problems = problem.violations(of: members)
            if members.count != ids.count { problems.append("it names pseudonyms that are not in members.csv") }
            if !problems.isEmpty {
                broken += 1
                if broken <= 5 { report.problems.append(Finding(file: lotteryPath, "panel \(t + 1) breaks the rules: \(problems.joined(separator: "; "))")) }
            }
            if members != members.sorted() || members.lexicographicallyPrecedes(previous) { canonical = false }
            previous = members
            for i in Set(members) { counts[i] += 1 }
        }
        if broken > 5 { report.problems.append(Finding(file: lotteryPath, "\(broken) panels in all break the rules")) }
        if broken == 0 { report.checked.append("every one of the \(panels.count) panels has \(m.settings.panelSize) members, meets the quotas and has at most one person per household") }
        if !canonical {
            report.problems.append(Finding(file: lotteryPath, "the panels are not in their canonical order (members ascending, panels sorted), so their order was chosen by hand"))
        }
        // 3. Fairness: recompute the fair chances and compare everyone's share of the panels with them.
        checkFairness(folder, problem: problem, counts: counts, panelCount: panels.count, into: &report)
        // 3b. The committed alternates, recomputed by their rule (issue #14).
        if m.alternates != nil {
            let (found, fine) = AlternatesCheck.check(folder, problem: problem, panels: panels)
            report.problems += found
            report.checked += fine
        }
        // 4. The seed.
        guard !panels.isEmpty else { return report }
        guard let canonicalSeed = attempt(&report, { try folder.canonicalSeed(seed) }) else { return report }
        let outcome = folder.seedOutcome(canonicalSeed: canonicalSeed, panelCount: panels.count)
        report.panelNumber = outcome.panel
        report.checked.append("the seed \"\(seed)\" (canonical \(m.seed.format) text \"\(canonicalSeed)\") gives panel \(outcome.panel) of \(panels.count) (rule \(SeedRule.name))")
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
            report.problems.append(Finding(file: manifestPath, "the stated rounding bound \(bound) is not between 0 and k/m = \(worst); a bound that large would excuse any lottery"))
        }
        guard Commitment.algorithms.contains(m.settings.algorithm) else {
            report.problems.append(Finding(file: manifestPath, "the algorithm '\(m.settings.algorithm)' is not one whose chances can be recomputed (\(Commitment.algorithms.joined(separator: ", ")))"))
            return
        }
        guard let result = attempt(&report, { try FairnessCheck.check(problem, algorithm: m.settings.algorithm, counts: counts,
                                                                      panelCount: panelCount, bound: min(max(bound, 0), worst)) }) else { return }
        report.fairness = result
        if result.deviations.isEmpty {
            report.checked.append(String(format: "recomputed the %@ chances from members.csv and quotas.csv: every respondent's share of the panels is within %.6f of their fair chance (the announced bound %.6f plus %g for solver tolerance); the smallest fair chance is %.9f",
                                         m.settings.algorithm, result.largest, bound, FairnessCheck.solverTolerance, result.minimum))
        } else {
            let worstOnes = result.deviations.prefix(5).map { String(format: "pseudonym %@: %.5f in the lottery, fair chance %.5f", $0.pseudonym, $0.lottery, $0.fair) }
            report.problems.append(Finding(file: lotteryPath, String(format: "the lottery is not fair: %d respondents' chances differ from the recomputed %@ chances by more than the announced bound %.5f (+%g); largest: %@",
                                                                      result.deviations.count, m.settings.algorithm, bound, FairnessCheck.solverTolerance,
                                                                      worstOnes.joined(separator: "; "))))
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
            report.problems.append(Finding(file: path, "the chances of \(wrong.count + index.count) respondents do not follow from lottery.csv (first: \((wrong + index.keys.sorted()).first!))"))
        }
        if !optimalWrong.isEmpty {
            report.problems.append(Finding(file: path, "\(optimalWrong.count) respondents' optimal_probability is not their recomputed fair chance (first: pseudonym \(optimalWrong[0]))"))
        }
        if wrong.isEmpty && index.isEmpty && optimalWrong.isEmpty {
            report.checked.append("probabilities.csv holds each respondent's share of the \(panelCount) panels and the recomputed fair chance")
        }
    }

    static func checkDraw(_ folder: CommitmentFolder, seed: String, outcome: SeedRule.Outcome, panel: [String], draw: String?, into report: inout Report) {
        let candidates = draw.map { [$0] } ?? [CommitmentFolder.path(folder.directory, "draw"), folder.directory]
        guard let dir = candidates.first(where: { FileManager.default.fileExists(atPath: CommitmentFolder.path($0, LotteryDraw.auditFile)) }) else {
            if let draw { report.problems.append(Finding(file: CommitmentFolder.path(draw, LotteryDraw.auditFile), "the file is missing")) }
            report.checked.append("panel \(outcome.panel) consists of: \(panel.joined(separator: " "))")
            return
        }
        let auditPath = CommitmentFolder.path(dir, LotteryDraw.auditFile)
        guard let audit = attempt(&report, { try LotteryDraw.readAudit(FileManager.default.contents(atPath: auditPath) ?? Data(), source: auditPath) }) else { return }
        var problems: [String] = []
        if audit.manifestSha256 != folder.manifestHash { problems.append("the draw was made on the manifest \(audit.manifestSha256), not on this one (\(folder.manifestHash))") }
        if audit.seed != seed { problems.append("the draw used the seed \"\(audit.seed)\", not \"\(seed)\"") }
        if audit.panel != outcome.panel { problems.append("it records panel \(audit.panel), but the seed gives panel \(outcome.panel)") }
        if audit.memberPseudonyms.sorted() != panel.sorted() { problems.append("its member pseudonyms are not those of panel \(outcome.panel) in lottery.csv") }
        let alternates = folder.manifest.alternates == nil ? nil : (try? LotteryAlternates.rows(folder))?[safe: outcome.panel - 1]
        if folder.manifest.alternates != nil {
            if audit.alternatePseudonyms == nil { problems.append("it records no alternates, but the commitment has them") }
            else if audit.alternatePseudonyms != alternates { problems.append("its alternate pseudonyms are not those of panel \(outcome.panel) in \(LotteryAlternates.file), in rank order") }
        } else if audit.alternatePseudonyms != nil { problems.append("it records alternates, but the commitment has none") }
        for p in problems { report.problems.append(Finding(file: auditPath, p)) }
        if problems.isEmpty { report.checked.append("audit.json records this seed, this manifest and panel \(outcome.panel)") }
        // panel.csv (private: it has names and real ids) must hold exactly the drawn people; only the organiser,
        // who has private/pseudonyms.csv, can check that.
        let panelPath = CommitmentFolder.path(dir, "panel.csv")
        let keyPath = folder.path(Pseudonyms.privateFile)
        if let table = try? CSVReader.read(path: panelPath), let c = table.columnIndex(folder.manifest.settings.idColumn),
           let key = try? CSVReader.read(path: keyPath), let kp = key.columnIndex("pseudonym"), let ki = key.columnIndex("id") {
            let real = Dictionary(key.rows.map { ($0[ki], $0[kp]) }, uniquingKeysWith: { a, _ in a })
            let drawn = table.rows.map { real[$0[c].trimmingSpaces()] ?? "?" }
            if drawn.sorted() != panel.sorted() {
                report.problems.append(Finding(file: panelPath, "its respondents are not those of panel \(outcome.panel) in lottery.csv"))
            } else { report.checked.append("panel.csv holds exactly the \(drawn.count) members of panel \(outcome.panel) (matched through \(Pseudonyms.privateFile))") }
            // alternates.csv (private too) must hold the committed alternates, in rank order.
            if let alternates {
                let alternatesPath = CommitmentFolder.path(dir, "alternates.csv")
                if let t = try? CSVReader.read(path: alternatesPath), let ac = t.columnIndex(folder.manifest.settings.idColumn), let rc = t.columnIndex("rank") {
                    let ranked = t.rows.sorted { (Int($0[rc]) ?? .max) < (Int($1[rc]) ?? .max) }.map { real[$0[ac].trimmingSpaces()] ?? "?" }
                    let ranks = t.rows.compactMap { Int($0[rc]) }.sorted()
                    if ranked != alternates || ranks != Array(1..<(ranks.count + 1)) {
                        report.problems.append(Finding(file: alternatesPath, "its respondents are not the alternates of panel \(outcome.panel) in \(LotteryAlternates.file), ranked 1, 2, 3, …"))
                    } else { report.checked.append("alternates.csv holds exactly the \(ranked.count) committed alternates of panel \(outcome.panel), in rank order") }
                } else {
                    report.problems.append(Finding(file: alternatesPath, "the file is missing or has no \(folder.manifest.settings.idColumn) and rank columns"))
                }
            }
        }
    }

    static func checkInputs(_ folder: CommitmentFolder, people: String?, quotas: String?, into report: inout Report) {
        let m = folder.manifest
        var ok = true
        for (path, input, what) in [(people, m.inputs.people, "pool"), (quotas, m.inputs.quotas, "quotas file")] {
            guard let path else { continue }
            guard let bytes = FileManager.default.contents(atPath: path) else { report.problems.append(Finding(file: path, "the file cannot be read")); ok = false; continue }
            let actual = Hashing.sha256(bytes)
            if actual != input.sha256 {
                report.problems.append(Finding(file: path, "this is not the committed \(what): its SHA-256 is \(actual), but manifest.json says \(input.sha256)"))
                ok = false
            } else { report.checked.append("\(path) is the committed \(what)") }
        }
        guard ok, let people, let quotas else { return }
        // With both inputs, the published member table must follow from them.
        guard let (pool, quotaSet) = attempt(&report, { try LotteryDraw.loadInputs(m, people: people, quotas: quotas, fix: "") }),
              let problem = attempt(&report, { try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: m.settings.panelSize, householdColumns: m.settings.householdColumns) })
        else { return }
        if Hashing.sha256(Commitment.membersTable(problem, pseudonyms: Pseudonyms(pool: pool))) != m.files[Commitment.membersFile] {
            report.problems.append(Finding(file: folder.path(Commitment.membersFile), "the member table does not match the pool \(people)"))
        } else if Hashing.sha256(Commitment.quotasTable(problem)) != m.files[Commitment.quotasFile] {
            report.problems.append(Finding(file: folder.path(Commitment.quotasFile), "the committed quotas do not match \(quotas)"))
        } else { report.checked.append("members.csv and quotas.csv follow from the given pool and quotas") }
    }

    /// Runs a step; a thrown error becomes a finding naming its file.
    private static func attempt<T>(_ report: inout Report, _ body: () throws -> T) -> T? {
        do { return try body() } catch let e as KleroterionError {
            report.problems.append(Finding(file: e.file ?? "?", e.line.map { "line \($0): " + e.message } ?? e.message)); return nil
        } catch { report.problems.append(Finding(file: "?", "\(error)")); return nil }
    }
}

fileprivate extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
