import Foundation

/// The published files of a lottery commitment and how they are made.
///
/// `commit` writes, into one folder:
/// - `lottery.csv`: `panel,pseudonyms`, the m equally likely panels (pseudonyms joined by single spaces, ascending;
///   the panels in lexicographic order, so that their order is not a free choice);
/// - `members.csv`: `pseudonym,household_group,<feature>…`, each respondent's quota values and a numbered
///   household group, by pseudonym, so that anyone can check the quotas and recompute the fair chances;
/// - `quotas.csv`: `feature,value,min,max`, the quotas as used, sorted by feature and value;
/// - `probabilities.csv`: `pseudonym,probability,optimal_probability,change`;
/// - `pseudonym_commitments.csv`: `pseudonym,commitment` (see `Pseudonyms`);
/// - `fair_distribution.csv`: `probability,pseudonyms`, the fair distribution before rounding (never trusted by
///   `verify`; it lets an independent checker prove its own optimum attainable quickly);
/// - with `--alternates A`: `lottery_alternates.csv`, `dropout_rates.csv` and `alternate_targets.csv`, each panel's
///   ranked alternates and the published inputs of the rule that chose them (`LotteryAlternates`);
/// - `manifest.json` (hashes of all the above and of the inputs) and `announcement.md` (text to publish);
/// - `private/pseudonyms.csv`: which resident each pseudonym is. Private; not listed in the manifest.
///
/// The lottery is a deterministic function of the canonical published texts: the fair algorithm runs on the
/// problem read back from `members.csv` and `quotas.csv`, which is exactly what `verify` reads, so that the pool's
/// row order, its ids and the quotas file's order cannot move the lottery.
public enum Commitment {
    public static let lotteryFile = "lottery.csv"
    public static let membersFile = "members.csv"
    public static let quotasFile = "quotas.csv"
    public static let probabilitiesFile = "probabilities.csv"
    public static let manifestFile = "manifest.json"
    public static let announcementFile = "announcement.md"
    /// `probability,pseudonyms`: the fair distribution the lottery was rounded from (a certificate for checkers).
    public static let fairDistributionFile = "fair_distribution.csv"
    /// The column of `members.csv` that holds the numbered household groups.
    public static let householdColumn = "household_group"
    /// The column of `members.csv` and `probabilities.csv` that holds the pseudonyms.
    public static let pseudonymColumn = "pseudonym"
    /// The fair algorithms a commitment can use: those whose chances a verifier can re-derive.
    public static let algorithms = ["leximin", "maximin"]

    /// What `commit` needs besides the pool and the quotas.
    public struct Settings: Sendable {
        public var panels: Int
        public var panelSize: Int
        public var algorithm: String
        public var idColumn: String
        public var householdColumns: [String]
        public var seedSource: String
        public var seedFormat: SeedFormat
        /// Accept a seed format with fewer than 2^24 outcomes; the announcement then states the grinding bound.
        public var allowWeakSeed: Bool
        /// The input files as named on the command line, with the SHA-256 of their bytes.
        public var people: Manifest.Input
        public var quotas: Manifest.Input
        /// The creation time written to the manifest (a parameter so tests can fix it). It does not move the draw.
        public var created: Date
        /// The language of `announcement.md` (Dutch by default). Not in the manifest: the announcement is not hashed
        /// and `verify` reads only its fingerprint line, so the language cannot change what is checked.
        public var language: ReportLanguage
        /// How the pool was read (recorded in the manifest so that the draw reads it the same way).
        public var poolReading: Manifest.PoolReading?
        /// Ranked alternates per panel (0: none; the commitment is then exactly as before alternates existed).
        public var alternates: Int = 0
        /// The drop-out model for the alternates, rates in pool order (nil: 10 % for everybody), and the rates file
        /// it was read from (recorded in the manifest).
        public var dropoutModel: DropoutModel?
        public var dropoutInput: Manifest.Input?

        public init(panels: Int = 1000, panelSize: Int, algorithm: String = "leximin", idColumn: String = "id", householdColumns: [String] = [],
                    seedSource: String, seedFormat: SeedFormat, allowWeakSeed: Bool = false,
                    people: Manifest.Input, quotas: Manifest.Input, created: Date = Date(), language: ReportLanguage = .nl) {
            self.panels = panels; self.panelSize = panelSize; self.algorithm = algorithm; self.idColumn = idColumn
            self.householdColumns = householdColumns; self.seedSource = seedSource
            self.seedFormat = seedFormat; self.allowWeakSeed = allowWeakSeed
            self.people = people; self.quotas = quotas; self.created = created; self.language = language
        }
    }

    /// A commitment ready to be written.
    public struct Built {
        public var manifest: Manifest
        public var manifestHash: String
        public var rounding: LotteryRounding.Result
        /// The canonical problem (rows in pseudonym order) the lottery was computed on.
        public var problem: SelectionProblem
        /// The notes of the fair algorithm's run.
        public var notes: [OutcomeNote]
        /// The files, in the order they are written (the private one last).
        public var files: [(name: String, text: String)]
        /// With `--alternates`: each lottery panel's ranked alternates (person indices of `problem`), in lottery order.
        public var alternates: [[Int]] = []

        /// Writes every file into `directory`, all or nothing.
        public func write(to directory: String) throws {
            try write(to: OutputFiles(directory: directory))
        }

        /// Writes the commitment as one whole folder (all files or none), with `output`'s rules (issue #12).
        public func write(to output: OutputFiles) throws {
            var out = output
            for (name, text) in files { out.add(name, text) }
            try out.commit()
        }
    }

    /// Computes the fair distribution on the canonical problem, rounds it and prepares every file.
    /// `isCancelled` stops the (long) fair computation with `WorkflowCancelled`.
    public static func build(pool: Pool, quotas: QuotaSet, settings: Settings,
                             progress: (@Sendable (String) -> Void)? = nil, isCancelled: (@Sendable () -> Bool)? = nil) throws -> Built {
        guard algorithms.contains(settings.algorithm) else {
            throw KleroterionError("commit needs a fair algorithm whose chances anyone can recompute, and '\(settings.algorithm)' is not one",
                                   fix: "use --algorithm leximin (the default) or maximin")
        }
        if !settings.seedFormat.isStrong && !settings.allowWeakSeed {
            let count = settings.seedFormat.outcomes.map { String(format: "%.0f", $0) } ?? "an unknown number of"
            throw KleroterionError("the seed format \(settings.seedFormat) has \(count) possible seeds, fewer than 2^24 = 16,777,216: whoever prepares the lottery could regenerate it until those few seeds favour someone",
                                   fix: "use more outcomes (e.g. --seed-format dice:10, lotto:6/45 or beacon:drand:ROUND), or accept it with --allow-weak-seed (the announcement then states how much a person's chance could be moved)")
        }
        let original = try SelectionProblem(pool: pool, quotas: quotas, panelSize: settings.panelSize, householdColumns: settings.householdColumns)
        for feature in original.features {
            try PublishableCheck.check([feature.name], file: quotas.source, what: "the feature name")
            try PublishableCheck.check(feature.values, file: quotas.source, what: "the value")
        }
        let pseudonyms = Pseudonyms(pool: pool)
        let members = membersTable(original, pseudonyms: pseudonyms)
        let quotasText = quotasTable(original)
        let problem = try canonicalProblem(members: members, quotas: quotasText, panelSize: settings.panelSize)
        // No time limit: the lottery must be the same on every run, and verify must be able to re-derive it.
        let algorithm = try SelectionAlgorithms.named(settings.algorithm)
        let outcome = try algorithm.select(problem, random: try SeededRandom(seed: "kleroterion commit", purpose: "distribution"),
                                           options: SelectionOptions(progress: progress, isCancelled: isCancelled))
        guard let distribution = outcome.distribution else {
            throw KleroterionError("the '\(outcome.algorithm)' algorithm gives no distribution over panels", fix: "use --algorithm leximin")
        }
        for panel in distribution.panels where !panel.isEmpty {
            let problems = problem.violations(of: panel.sorted())
            if !problems.isEmpty {
                throw KleroterionError("the fair distribution contains a panel that breaks the rules: \(problems.joined(separator: "; "))",
                                       fix: "this is a bug in the selection algorithm; please report it with the input files")
            }
        }
        var rounding = try LotteryRounding(panelCount: settings.panels).round(distribution, personCount: problem.count)
        // The order of the m panels is fixed by their content, not by the order the solver found them in.
        rounding.panels = rounding.panels.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
        let lottery = lotteryTable(rounding.panels, ids: problem.ids)
        let probabilities = probabilitiesTable(problem.ids, rounding)
        // The fair distribution itself, as a certificate: an independent checker that finds these valid panels mix
        // to its own relaxed optimum knows that optimum is attainable, without a long search of its own.
        var certificate = "probability,pseudonyms\n"
        for (panel, p) in zip(distribution.panels, distribution.probabilities) where p > 0 {
            certificate += CSVWriter.line([PanelFiles.format(p), panel.sorted().map { problem.ids[$0] }.joined(separator: " ")])
        }
        var files = [(lotteryFile, lottery), (membersFile, members), (quotasFile, quotasText), (probabilitiesFile, probabilities),
                     (Pseudonyms.commitmentsFile, pseudonyms.commitmentsTable()), (fairDistributionFile, certificate)]
        var alternates: Manifest.Alternates?
        var ranked: [[Int]] = []
        if settings.alternates > 0 {
            progress?("alternates: choosing \(settings.alternates) for each of the \(rounding.counts.filter { $0 > 0 }.count) distinct panels")
            let made = try alternatesFiles(problem: problem, quotas: quotas, pseudonyms: pseudonyms, panels: rounding.panels, settings: settings,
                                           progress: progress, isCancelled: isCancelled)
            files += made.files
            alternates = made.manifest
            ranked = made.ranked
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let format = settings.seedFormat
        let manifest = Manifest(
            format: alternates == nil ? Manifest.formatName : Manifest.formatWithAlternates,
            tool: "kleroterion \(ToolVersion.current)",
            createdUtc: formatter.string(from: settings.created),
            inputs: .init(people: settings.people, quotas: settings.quotas),
            settings: .init(panelSize: problem.panelSize, panels: settings.panels, algorithm: settings.algorithm,
                            idColumn: settings.idColumn, householdColumns: settings.householdColumns, poolSize: problem.count,
                            poolReading: settings.poolReading),
            files: Dictionary(uniqueKeysWithValues: files.map { ($0.0, Hashing.sha256($0.1)) }),
            rounding: .init(method: "largest remainder on m·p, then local search on the largest change (support panels only)",
                            supportPanels: rounding.counts.count, distinctPanels: rounding.counts.filter { $0 > 0 }.count,
                            maxChange: rounding.maxDeviation, worstCase: Double(problem.panelSize) / Double(settings.panels)),
            drawRule: .init(name: SeedRule.name, description: SeedRule.description),
            seedSource: settings.seedSource,
            seed: .init(format: format.description, outcomes: format.outcomes, weak: !format.isStrong,
                        grindingBound: format.isStrong ? nil : (format.grindingBound(people: problem.count) ?? 1)),
            pseudonyms: .init(method: Pseudonyms.method, commitments: Pseudonyms.commitmentsFile),
            alternates: alternates)
        let manifestText = try manifest.json()
        let manifestHash = Hashing.sha256(manifestText)
        let announcement = Announcement.text(manifest: manifest, manifestHash: manifestHash, language: settings.language)
        return Built(manifest: manifest, manifestHash: manifestHash, rounding: rounding, problem: problem, notes: outcome.notes,
                     files: files + [(manifestFile, manifestText), (announcementFile, announcement),
                                     (Pseudonyms.privateFile, pseudonyms.privateTable(pool))],
                     alternates: ranked)
    }

    /// The committed alternates' files (`LotteryAlternates`) and their manifest entry. The rule runs on the rates
    /// and targets as read back from their published texts, exactly as `verify` will read them.
    static func alternatesFiles(problem: SelectionProblem, quotas: QuotaSet, pseudonyms: Pseudonyms, panels: [[Int]], settings: Settings,
                                progress: (@Sendable (String) -> Void)?, isCancelled: (@Sendable () -> Bool)?) throws
        -> (files: [(String, String)], manifest: Manifest.Alternates, ranked: [[Int]]) {
        let model = settings.dropoutModel ?? DropoutModel.uniform(count: pseudonyms.number.count)
        // Canonical person p is pseudonym p + 1, i.e. pool row rowOf[p].
        let ratesText = LotteryAlternates.ratesTable(pseudonyms.rowOf.map { model.rates[$0] }, ids: problem.ids)
        let targets = Misrepresentation.targets(problem, shares: QuotaRelaxation.shares(quotas, for: problem))
        let targetsText = LotteryAlternates.targetsTable(problem, targets: targets)
        let inputs = try LotteryAlternates.inputs(rates: ratesText, targets: targetsText, problem: problem, count: settings.alternates)
        let ranked = try LotteryAlternates.rankAll(problem: problem, panels: panels, inputs: inputs, progress: progress, isCancelled: isCancelled)
        let entry = Manifest.Alternates(count: settings.alternates, method: LotteryAlternates.method, description: LotteryAlternates.description,
                                        file: LotteryAlternates.file, dropoutRates: LotteryAlternates.ratesFile, targets: LotteryAlternates.targetsFile,
                                        ratesSource: model.summary, ratesInput: settings.dropoutInput, ratesModel: model.source)
        return ([(LotteryAlternates.file, LotteryAlternates.table(ranked, ids: problem.ids)),
                 (LotteryAlternates.ratesFile, ratesText), (LotteryAlternates.targetsFile, targetsText)], entry, ranked)
    }

    /// The problem as anyone reads it from the published `members.csv` and `quotas.csv` texts.
    public static func canonicalProblem(members: String, quotas: String, panelSize: Int,
                                        membersSource: String = membersFile, quotasSource: String = quotasFile) throws -> SelectionProblem {
        let pool = try Pool(table: CSVReader.parse(Array(members.utf8), source: membersSource), idColumn: pseudonymColumn)
        let quotaSet = try QuotaSet(table: CSVReader.parse(Array(quotas.utf8), source: quotasSource))
        return try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelSize, householdColumns: [householdColumn])
    }

    /// `panel,pseudonyms`, panels numbered from 1.
    public static func lotteryTable(_ panels: [[Int]], ids: [String]) -> String {
        var out = "panel,pseudonyms\n"
        for (t, panel) in panels.enumerated() {
            out += CSVWriter.line(["\(t + 1)", panel.map { ids[$0] }.joined(separator: " ")])
        }
        return out
    }

    /// `pseudonym,household_group,<feature>…`, by pseudonym: the quota values (as the quotas name them, features
    /// sorted by name) and numbered households.
    ///
    /// Household groups are numbered 1, 2, … in order of first appearance by pseudonym; the addresses never appear.
    public static func membersTable(_ problem: SelectionProblem, pseudonyms: Pseudonyms) -> String {
        // Plain features and the parts of combinations, as the pool holds them (see `publishedColumns`).
        let columns = sortedNames(problem.publishedColumns)
        var number: [Int: Int] = [:]
        var rows: [[String]] = []
        for i in pseudonyms.rowOf {
            let group: Int
            if let g = number[problem.household[i]] { group = g } else { group = number.count + 1; number[problem.household[i]] = group }
            let values = problem.publishedValues(of: i)
            rows.append([pseudonyms.pseudonym(i), "\(group)"] + columns.map { values[$0] })
        }
        return CSVWriter.document(header: [pseudonymColumn, householdColumn] + columns.map { problem.publishedColumns[$0] }, rows: rows)
    }

    /// Indices of names sorted case-insensitively, then as written, so that the quotas file's order does not matter.
    static func sortedNames(_ names: [String]) -> [Int] {
        names.indices.sorted {
            let a = names[$0], b = names[$1]
            return a.lowercased() != b.lowercased() ? a.lowercased() < b.lowercased() : a < b
        }
    }

    /// Feature indices by name (see `sortedNames`).
    static func sortedFeatures(_ problem: SelectionProblem) -> [Int] {
        sortedNames(problem.features.map(\.name))
    }

    /// `feature,value,min,max`: the quotas exactly as the lottery was checked against.
    public static func quotasTable(_ problem: SelectionProblem) -> String {
        var rows: [[String]] = []
        for feature in sortedFeatures(problem).map({ problem.features[$0] }) {
            let order = feature.values.indices.sorted { QuotaSet.matchKey(feature.values[$0]) < QuotaSet.matchKey(feature.values[$1]) }
            for v in order where feature.isQuotaRow(v) {
                let value = feature.values[v]
                rows.append([feature.name, value, "\(feature.min[v])", "\(feature.max[v])"])
            }
        }
        return CSVWriter.document(header: ["feature", "value", "min", "max"], rows: rows)
    }

    /// `pseudonym,probability,optimal_probability,change`: the lottery chance first, so the file reads like `select`'s.
    public static func probabilitiesTable(_ ids: [String], _ r: LotteryRounding.Result) -> String {
        var out = "pseudonym,probability,optimal_probability,change\n"
        for (i, id) in ids.enumerated() {
            out += CSVWriter.line([id, PanelFiles.format(r.lottery[i]), PanelFiles.format(r.optimal[i]),
                                   PanelFiles.format(r.lottery[i] - r.optimal[i])])
        }
        return out
    }
}
