import Foundation

/// The published files of a lottery commitment and how they are made.
///
/// `commit` writes, into one folder:
/// - `lottery.csv`: `panel,member_ids`, the m equally likely panels (ids joined by single spaces);
/// - `members.csv`: `id,household_group,<feature>…`, each respondent's quota values and a numbered household
///   group, so that anyone can check the quotas and the one-per-household rule without names or addresses;
/// - `quotas.csv`: `feature,value,min,max`, the quotas as used;
/// - `probabilities.csv`: `id,probability,optimal_probability,change`, each chance in the lottery and in the
///   fair distribution;
/// - `manifest.json` (hashes of all the above and of the inputs) and `announcement.md` (text to publish).
public enum Commitment {
    public static let lotteryFile = "lottery.csv"
    public static let membersFile = "members.csv"
    public static let quotasFile = "quotas.csv"
    public static let probabilitiesFile = "probabilities.csv"
    public static let manifestFile = "manifest.json"
    public static let announcementFile = "announcement.md"
    /// The column of `members.csv` that holds the numbered household groups.
    public static let householdColumn = "household_group"

    /// What `commit` needs besides the distribution.
    public struct Settings: Sendable {
        public var panels: Int
        public var algorithm: String
        public var idColumn: String
        public var householdColumns: [String]
        public var seedSource: String
        /// The input files as named on the command line, with the SHA-256 of their bytes.
        public var people: Manifest.Input
        public var quotas: Manifest.Input
        /// The creation time written to the manifest (a parameter so tests can fix it).
        public var created: Date

        public init(panels: Int = 1000, algorithm: String, idColumn: String = "id", householdColumns: [String] = [],
                    seedSource: String, people: Manifest.Input, quotas: Manifest.Input, created: Date = Date()) {
            self.panels = panels; self.algorithm = algorithm; self.idColumn = idColumn
            self.householdColumns = householdColumns; self.seedSource = seedSource
            self.people = people; self.quotas = quotas; self.created = created
        }
    }

    /// A commitment ready to be written.
    public struct Built {
        public var manifest: Manifest
        public var manifestHash: String
        public var rounding: LotteryRounding.Result
        /// The files, in the order they are written.
        public var files: [(name: String, text: String)]

        /// Writes every file into `directory`, all or nothing.
        public func write(to directory: String) throws {
            var out = OutputFiles(directory: directory)
            for (name, text) in files { out.add(name, text) }
            try out.commit()
        }
    }

    /// Rounds the distribution and prepares every published file.
    public static func build(problem: SelectionProblem, quotas: QuotaSet, pool: Pool, distribution: PanelDistribution,
                             settings: Settings) throws -> Built {
        for (i, id) in problem.ids.enumerated() where id.contains(where: { $0.isWhitespace }) {
            throw KleroterionError(file: pool.table.source, line: pool.table.lineNumbers[i], column: settings.idColumn,
                                   "the id '\(id)' contains a space; the lottery table separates ids by spaces",
                                   fix: "use ids without spaces, e.g. numbers")
        }
        for panel in distribution.panels where !panel.isEmpty {
            let problems = problem.violations(of: panel.sorted())
            if !problems.isEmpty {
                throw KleroterionError("the fair distribution contains a panel that breaks the rules: \(problems.joined(separator: "; "))",
                                       fix: "this is a bug in the selection algorithm; please report it with the input files")
            }
        }
        let rounding = try LotteryRounding(panelCount: settings.panels).round(distribution, personCount: problem.count)
        let lottery = lotteryTable(rounding.panels, ids: problem.ids)
        let members = membersTable(problem)
        let quotasText = quotasTable(problem)
        let probabilities = probabilitiesTable(problem.ids, rounding)
        let files = [(lotteryFile, lottery), (membersFile, members), (quotasFile, quotasText), (probabilitiesFile, probabilities)]
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let manifest = Manifest(
            format: Manifest.formatName,
            tool: "kleroterion \(ToolVersion.current)",
            createdUtc: formatter.string(from: settings.created),
            inputs: .init(people: settings.people, quotas: settings.quotas),
            settings: .init(panelSize: problem.panelSize, panels: settings.panels, algorithm: settings.algorithm,
                            idColumn: settings.idColumn, householdColumns: settings.householdColumns, poolSize: problem.count),
            files: Dictionary(uniqueKeysWithValues: files.map { ($0.0, Hashing.sha256($0.1)) }),
            rounding: .init(method: "largest remainder on m·p, then local search on the largest change (support panels only)",
                            supportPanels: rounding.counts.count, distinctPanels: rounding.counts.filter { $0 > 0 }.count,
                            maxChange: rounding.maxDeviation, worstCase: Double(problem.panelSize) / Double(settings.panels)),
            drawRule: .init(name: SeedRule.name, description: SeedRule.description),
            seedSource: settings.seedSource)
        let manifestText = try manifest.json()
        let manifestHash = Hashing.sha256(manifestText)
        let announcement = Announcement.text(manifest: manifest, manifestHash: manifestHash)
        return Built(manifest: manifest, manifestHash: manifestHash, rounding: rounding,
                     files: files + [(manifestFile, manifestText), (announcementFile, announcement)])
    }

    /// `panel,member_ids`, panels numbered from 1.
    public static func lotteryTable(_ panels: [[Int]], ids: [String]) -> String {
        var out = "panel,member_ids\n"
        for (t, panel) in panels.enumerated() {
            out += CSVWriter.line(["\(t + 1)", panel.map { ids[$0] }.joined(separator: " ")])
        }
        return out
    }

    /// `id,household_group,<feature>…`: the quota values (as the quotas name them) and numbered households.
    ///
    /// Household groups are numbered 1, 2, … in order of first appearance in the pool; the addresses never appear.
    public static func membersTable(_ problem: SelectionProblem) -> String {
        var number: [Int: Int] = [:]
        var rows: [[String]] = []
        for i in 0..<problem.count {
            let group: Int
            if let g = number[problem.household[i]] { group = g } else { group = number.count + 1; number[problem.household[i]] = group }
            rows.append([problem.ids[i], "\(group)"] + problem.publishedValues(of: i))
        }
        return CSVWriter.document(header: ["id", householdColumn] + problem.publishedColumns, rows: rows)
    }

    /// `feature,value,min,max`: the quotas exactly as the lottery was checked against.
    public static func quotasTable(_ problem: SelectionProblem) -> String {
        var rows: [[String]] = []
        for feature in problem.features {
            for (v, value) in feature.values.enumerated() where feature.isQuotaRow(v) {
                rows.append([feature.name, value, "\(feature.min[v])", "\(feature.max[v])"])
            }
        }
        return CSVWriter.document(header: ["feature", "value", "min", "max"], rows: rows)
    }

    /// `id,probability,optimal_probability,change`: the lottery chance first, so the file reads like `select`'s.
    public static func probabilitiesTable(_ ids: [String], _ r: LotteryRounding.Result) -> String {
        var out = "id,probability,optimal_probability,change\n"
        for (i, id) in ids.enumerated() {
            out += CSVWriter.line([id, PanelFiles.format(r.lottery[i]), PanelFiles.format(r.optimal[i]),
                                   PanelFiles.format(r.lottery[i] - r.optimal[i])])
        }
        return out
    }
}
