import Foundation

/// The committed alternates (issue #14, `commit --alternates A`): each of the m numbered panels comes with its own
/// A ranked alternates, fixed and published before the seed exists, so that the drawn panel's alternates are as
/// verifiable as the panel.
///
/// **The rule** (`method`): for a panel, `Alternates.choose` on the problem as published (`members.csv`,
/// `quotas.csv`), with the published drop-out rate of each pseudonym (`dropout_rates.csv`) and the published target
/// seats per value (`alternate_targets.csv`), always by the greedy route (over every drop-out pattern when at most
/// `Alternates.exactUpTo` members have an uncertain drop-out, else over `Alternates.sampledPatterns` sampled ones),
/// with one random stream seeded by the panel's own content: the seed text is the panel's `lottery.csv` row (its
/// pseudonyms, ascending, joined by single spaces), purpose `commit-alternates`. Nothing else goes in: not the public
/// seed, not the panel's number, not the clock. So the alternates are a function of published files only, and
/// `verify` recomputes them exactly (no time limit, no solver: the exact integer program of `select` is not used
/// here, because a solver may pick another of several equally good sets in another version or on another
/// platform, and a verifier must get the very same list). Identical panels get identical alternates.
public enum LotteryAlternates {
    /// `panel,alternates`: per panel (numbered as in lottery.csv), the alternates' pseudonyms in rank order.
    public static let file = "lottery_alternates.csv"
    /// `pseudonym,dropout_rate`: everybody's drop-out rate, as the rule used it.
    public static let ratesFile = "dropout_rates.csv"
    /// `feature,value,target`: the seats each value should have (population share × k, else the middle of the band).
    public static let targetsFile = "alternate_targets.csv"
    public static let method = "kleroterion-alternates-1"
    public static let description = "per panel, greedy choice minimising the expected seats off quota + 0.01 x distance to the targets after drop-outs (every drop-out pattern when at most 8 members may drop out, else 60 sampled); random stream: the panel's lottery.csv pseudonyms joined by spaces, purpose commit-alternates"
    /// The label of the random stream (`docs/randomness.md`).
    public static let purpose = "commit-alternates"

    /// What the rule needs besides the problem, as read back from the published files.
    public struct Inputs: Sendable {
        public var count: Int
        /// Per person of the problem (pseudonym order).
        public var rates: [Double]
        /// Per feature and value of the problem.
        public var targets: [[Double]]
    }

    /// The ranked alternates of one panel (person indices of `problem`), by the committed rule.
    public static func rank(problem: SelectionProblem, panel: [Int], inputs: Inputs) throws -> [Int] {
        let members = panel.sorted()
        let random = try SeededRandom(seed: members.map { problem.ids[$0] }.joined(separator: " "), purpose: purpose)
        return try Alternates.choose(problem: problem, panel: members, rates: inputs.rates, count: inputs.count, targets: inputs.targets,
                                     random: random, useProgram: false, evaluate: false).ranked
    }

    /// The alternates of every panel, in the panels' order. Equal panels are computed once; distinct panels are
    /// spread over the machine's cores (the greedy route uses no solver, so the runs share nothing).
    public static func rankAll(problem: SelectionProblem, panels: [[Int]], inputs: Inputs,
                               progress: (@Sendable (String) -> Void)? = nil, isCancelled: (@Sendable () -> Bool)? = nil) throws -> [[Int]] {
        var found: [[Int]] = [], slot: [[Int]: Int] = [:]
        let keys = panels.map { $0.sorted() }
        for key in keys where slot[key] == nil { slot[key] = found.count; found.append(key) }
        let distinct = found
        let box = Results(count: distinct.count)
        let step = Swift.max(1, distinct.count / 10)
        DispatchQueue.concurrentPerform(iterations: distinct.count) { j in
            if isCancelled?() == true || box.failed { box.fail(j, WorkflowCancelled()); return }
            do { box.set(j, try rank(problem: problem, panel: distinct[j], inputs: inputs)) } catch { box.fail(j, error) }
            let done = box.finished()
            if done % step == 0 { progress?("alternates: \(done) of \(distinct.count) distinct panels") }
        }
        if let (j, error) = box.firstError {
            if let e = error as? KleroterionError {
                throw KleroterionError(file: e.file, line: e.line, column: e.column, "panel \(keys.firstIndex(of: distinct[j])! + 1): " + e.message, fix: e.fix)
            }
            throw error
        }
        return keys.map { box.values[slot[$0]!] }
    }

    /// Results of the parallel runs, behind a lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [[Int]]
        private var errors: [(Int, any Error)] = []
        private var done = 0
        init(count: Int) { values = Array(repeating: [], count: count) }
        var failed: Bool { lock.withLock { !errors.isEmpty } }
        var firstError: (Int, any Error)? { lock.withLock { errors.min { $0.0 < $1.0 } } }
        func set(_ j: Int, _ v: [Int]) { lock.withLock { values[j] = v } }
        func fail(_ j: Int, _ e: any Error) { lock.withLock { errors.append((j, e)) } }
        func finished() -> Int { lock.withLock { done += 1; return done } }
    }

    /// Each person's chance of being an alternate in the lottery: their share of the m panels' alternate lists.
    public static func chances(_ alternates: [[Int]], personCount: Int) -> [Double] {
        var counts = [Int](repeating: 0, count: personCount)
        for row in alternates { for i in row { counts[i] += 1 } }
        let m = Double(Swift.max(1, alternates.count))
        return counts.map { Double($0) / m }
    }
}

// MARK: - The published files

extension LotteryAlternates {
    /// `panel,alternates`, panels numbered from 1, pseudonyms in rank order.
    public static func table(_ alternates: [[Int]], ids: [String]) -> String {
        var out = "panel,alternates\n"
        for (t, row) in alternates.enumerated() { out += CSVWriter.line(["\(t + 1)", row.map { ids[$0] }.joined(separator: " ")]) }
        return out
    }

    /// `pseudonym,dropout_rate`, by pseudonym.
    public static func ratesTable(_ rates: [Double], ids: [String]) -> String {
        CSVWriter.document(header: [Commitment.pseudonymColumn, "dropout_rate"], rows: zip(ids, rates).map { [$0, PanelFiles.format($1)] })
    }

    /// `feature,value,target`, in the order of the published quotas.csv (every quota row).
    public static func targetsTable(_ problem: SelectionProblem, targets: [[Double]]) -> String {
        var rows: [[String]] = []
        for f in Commitment.sortedFeatures(problem) {
            let feature = problem.features[f]
            let order = feature.values.indices.sorted { QuotaSet.matchKey(feature.values[$0]) < QuotaSet.matchKey(feature.values[$1]) }
            for v in order where feature.isQuotaRow(v) { rows.append([feature.name, feature.values[v], PanelFiles.format(targets[f][v])]) }
        }
        return CSVWriter.document(header: ["feature", "value", "target"], rows: rows)
    }

    /// Reads the rates and targets texts back against `problem` (as `commit` and `verify` both do, so that both
    /// run the rule on the very numbers that are published).
    public static func inputs(rates: String, targets: String, problem: SelectionProblem, count: Int,
                              ratesSource: String = ratesFile, targetsSource: String = targetsFile) throws -> Inputs {
        Inputs(count: count, rates: try readRates(rates, ids: problem.ids, source: ratesSource),
               targets: try readTargets(targets, problem: problem, source: targetsSource))
    }

    static let fix = "use the file exactly as `kleroterion commit` wrote it"

    /// `dropout_rates.csv`: one rate per pseudonym, the rows exactly the pseudonyms `ids` in order.
    public static func readRates(_ text: String, ids: [String], source: String = ratesFile) throws -> [Double] {
        let r = try CSVReader.parse(Array(text.utf8), source: source)
        let rp = try r.requireColumn(Commitment.pseudonymColumn), rr = try r.requireColumn("dropout_rate")
        guard r.rows.map({ $0[rp] }) == ids else {
            throw KleroterionError(file: source, "the rows are not the pseudonyms 1 to \(ids.count) in order, as commit writes them", fix: fix)
        }
        return try zip(r.rows, r.lineNumbers).map { row, line -> Double in
            guard let x = Double(row[rr]), x >= 0, x <= 1 else {
                throw KleroterionError(file: source, line: line, column: "dropout_rate", "'\(row[rr])' is not a drop-out rate between 0 and 1", fix: fix)
            }
            return x
        }
    }

    /// `alternate_targets.csv` for the features and values of `problem` (any order of its values): every quota row
    /// must have a target; values without a row (a combination's other bucket) aim at the middle of their band.
    public static func readTargets(_ text: String, problem: SelectionProblem, source: String = targetsFile) throws -> [[Double]] {
        let t = try CSVReader.parse(Array(text.utf8), source: source)
        let tf = try t.requireColumn("feature"), tv = try t.requireColumn("value"), tt = try t.requireColumn("target")
        var given: [String: Double] = [:]
        for (row, line) in zip(t.rows, t.lineNumbers) {
            guard let x = Double(row[tt]), x.isFinite else {
                throw KleroterionError(file: source, line: line, column: "target", "'\(row[tt])' is not a number of seats", fix: fix)
            }
            given[QuotaSet.matchKey(row[tf]) + "\u{1F}" + QuotaSet.matchKey(row[tv])] = x
        }
        var targets = Misrepresentation.targets(problem, shares: problem.features.map { $0.values.map { _ in nil } })
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices where feature.isQuotaRow(v) {
                guard let x = given[QuotaSet.matchKey(feature.name) + "\u{1F}" + QuotaSet.matchKey(feature.values[v])] else {
                    throw KleroterionError(file: source, "there is no target for \(feature.name) = \(feature.values[v])", fix: fix)
                }
                targets[f][v] = x
            }
        }
        return targets
    }

    /// A warning when the published `dropout_rates.csv` would say more than `members.csv` does: rates per respondent,
    /// or rates by a column that is not a quota feature (the rate then tells that column's value group).
    public static func publicationWarning(ratesFile path: String, quotaFeatures: [String], language: ReportLanguage = .en) -> String? {
        guard let table = try? CSVReader.read(path: path) else { return nil }
        let published = Set(quotaFeatures.flatMap { $0.split(separator: "&").map { QuotaSet.matchKey(String($0)) } })
        let name = (path as NSString).lastPathComponent
        let w = TextTable<ReadingLine>(language), note = TextTable<CommonLine>(language)
        guard let f = table.columnIndex("feature") else { return note(.note, w(.ratesPerPerson, name, ratesFile)) }
        let hidden = Array(Set(table.rows.map { $0[f].trimmingSpaces() }.filter { $0 != "*" && !published.contains(QuotaSet.matchKey($0)) })).sorted()
        guard !hidden.isEmpty else { return nil }
        return note(.note, w(hidden.count == 1 ? .ratesByHiddenOne : .ratesByHiddenMany, name, w.list(hidden), ratesFile))
    }

    /// The text of a published file of the folder.
    static func text(_ folder: CommitmentFolder, _ name: String) throws -> String {
        guard let bytes = folder.data[name] else { throw KleroterionError(file: folder.path(name), "the file is missing", fix: "restore the file from the commitment") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The rows of `lottery_alternates.csv`: panel `t + 1`'s alternates at `[t]`, pseudonyms in rank order.
    public static func rows(_ folder: CommitmentFolder) throws -> [[String]] {
        let table = try folder.table(folder.manifest.alternates?.file ?? file)
        let p = try table.requireColumn("panel"), a = try table.requireColumn("alternates")
        var rows: [[String]] = []
        for (row, line) in zip(table.rows, table.lineNumbers) {
            guard Int(row[p].trimmingSpaces()) == rows.count + 1 else {
                throw KleroterionError(file: table.source, line: line, column: "panel", "expected panel number \(rows.count + 1), found '\(row[p])'",
                                       fix: "the panels must be numbered 1, 2, 3, … in order, as in lottery.csv; restore the committed file")
            }
            rows.append(row[a].isEmpty ? [] : row[a].split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
        return rows
    }

    /// The rule's inputs as published in `folder`, for its committed problem.
    public static func inputs(_ folder: CommitmentFolder, problem: SelectionProblem) throws -> Inputs {
        guard let a = folder.manifest.alternates else {
            throw KleroterionError(file: folder.path(Commitment.manifestFile), "this commitment has no alternates", fix: "commit with --alternates A")
        }
        return try inputs(rates: text(folder, a.dropoutRates), targets: text(folder, a.targets), problem: problem, count: a.count,
                          ratesSource: folder.path(a.dropoutRates), targetsSource: folder.path(a.targets))
    }
}
