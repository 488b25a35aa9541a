import Foundation

/// `verify`: checks a committed lottery and its draw without trusting whoever ran them.
///
/// It re-hashes every file, compares the manifest with its announced fingerprint, recomputes the panel number
/// from the seed, checks every lottery panel against the committed quotas and the one-per-household rule,
/// recomputes the chances from the table, and compares the draw's records (`audit.json`, `panel.csv`) with the
/// lottery. Given the inputs, it checks they are the committed ones and that the member table matches them.
public enum Verifier {
    /// What the checks found.
    public struct Report: Sendable {
        /// Everything that differs; empty means verified.
        public var problems: [Finding] = []
        /// What was checked and found right, for the summary.
        public var checked: [String] = []
        /// The panel number the seed gives (when it could be computed).
        public var panelNumber: Int?
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
        // 1. Hashes.
        let changed = folder.changedFiles()
        report.problems += changed
        let fingerprintProblem = folder.manifestFinding(announced: announcedHash)
        if let f = fingerprintProblem { report.problems.append(f) }
        if changed.isEmpty { report.checked.append("all \(m.files.count) published files match the SHA-256 in manifest.json") }
        if fingerprintProblem != nil {
            // Reported above as a problem; never also as checked (issue #12).
        } else if announcedHash != nil || folder.announcedHash() != nil {
            report.checked.append("manifest.json has the announced fingerprint \(folder.manifestHash)")
        } else {
            report.checked.append("no announced fingerprint to compare with: check that the announcement published before the draw says \(folder.manifestHash)")
        }
        // 2. The lottery table against the quotas and households.
        guard let panels = attempt(&report, { try folder.lotteryPanels() }),
              let problem = attempt(&report, { try folder.committedProblem() }) else { return report }
        let lotteryPath = folder.path(Commitment.lotteryFile)
        if panels.count != m.settings.panels {
            report.problems.append(Finding(file: lotteryPath, "it has \(panels.count) panels, but the manifest says \(m.settings.panels)"))
        }
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        var counts = [Int](repeating: 0, count: problem.count)
        var broken = 0
        for (t, ids) in panels.enumerated() {
            let members = ids.compactMap { index[$0] }
            var problems = problem.violations(of: members)
            if members.count != ids.count { problems.append("it names ids that are not in members.csv") }
            if !problems.isEmpty {
                broken += 1
                if broken <= 5 { report.problems.append(Finding(file: lotteryPath, "panel \(t + 1) breaks the rules: \(problems.joined(separator: "; "))")) }
            }
            for i in Set(members) { counts[i] += 1 }
        }
        if broken > 5 { report.problems.append(Finding(file: lotteryPath, "\(broken) panels in all break the rules")) }
        if broken == 0 { report.checked.append("every one of the \(panels.count) panels has \(m.settings.panelSize) members, meets the quotas and has at most one person per household") }
        // 3. The published chances follow from the table and stay within the stated bound.
        checkProbabilities(folder, problem: problem, counts: counts, panelCount: panels.count, into: &report)
        // 4. The seed.
        guard !panels.isEmpty else { return report }
        let outcome = SeedRule.panel(manifestHash: folder.manifestHash, seed: seed, panelCount: panels.count)
        report.panelNumber = outcome.panel
        report.checked.append("the seed \"\(seed)\" gives panel \(outcome.panel) of \(panels.count) (rule \(SeedRule.name))")
        checkDraw(folder, seed: seed, outcome: outcome, panel: panels[outcome.panel - 1], draw: draw, into: &report)
        // 5. The inputs, when given.
        if people != nil || quotas != nil { checkInputs(folder, people: people, quotas: quotas, into: &report) }
        return report
    }

    static func checkProbabilities(_ folder: CommitmentFolder, problem: SelectionProblem, counts: [Int], panelCount: Int, into report: inout Report) {
        guard let table = attempt(&report, { try folder.table(Commitment.probabilitiesFile) }),
              let id = attempt(&report, { try table.requireColumn("id") }),
              let p = attempt(&report, { try table.requireColumn("probability") }),
              let o = attempt(&report, { try table.requireColumn("optimal_probability") }) else { return }
        let path = folder.path(Commitment.probabilitiesFile)
        let bound = folder.manifest.rounding.maxChange
        var seen = 0, wrong: [String] = [], beyond: [String] = []
        var index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        for row in table.rows {
            guard let i = index.removeValue(forKey: row[id]) else { wrong.append(row[id]); continue }
            seen += 1
            let expected = Double(counts[i]) / Double(panelCount)
            guard let published = Double(row[p]), let optimal = Double(row[o]), abs(published - expected) < 1e-12 else { wrong.append(row[id]); continue }
            if abs(published - optimal) > bound + 1e-12 { beyond.append(row[id]) }
        }
        if !wrong.isEmpty || !index.isEmpty {
            report.problems.append(Finding(file: path, "the chances of \(wrong.count + index.count) respondents do not follow from lottery.csv (first: \((wrong + index.keys.sorted()).first!))"))
        }
        if !beyond.isEmpty {
            report.problems.append(Finding(file: path, "\(beyond.count) respondents' chances differ from the optimum by more than the stated bound \(bound) (first: \(beyond[0]))"))
        }
        if wrong.isEmpty && index.isEmpty && beyond.isEmpty {
            report.checked.append("each of the \(seen) respondents' chances equals their share of the \(panelCount) panels, within \(String(format: "%.5f", bound)) of the optimum")
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
        if audit.memberIds.sorted() != panel.sorted() { problems.append("its member ids are not those of panel \(outcome.panel) in lottery.csv") }
        for p in problems { report.problems.append(Finding(file: auditPath, p)) }
        if problems.isEmpty { report.checked.append("audit.json records this seed, this manifest and panel \(outcome.panel)") }
        // panel.csv (private: it has names) must hold exactly the drawn ids.
        let panelPath = CommitmentFolder.path(dir, "panel.csv")
        if let table = try? CSVReader.read(path: panelPath), let c = table.columnIndex(folder.manifest.settings.idColumn) {
            let ids = table.rows.map { $0[c].trimmingSpaces() }
            if ids.sorted() != panel.sorted() {
                report.problems.append(Finding(file: panelPath, "its respondents are not those of panel \(outcome.panel) in lottery.csv"))
            } else { report.checked.append("panel.csv holds exactly the \(ids.count) members of panel \(outcome.panel)") }
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
        if Hashing.sha256(Commitment.membersTable(problem)) != m.files[Commitment.membersFile] {
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
