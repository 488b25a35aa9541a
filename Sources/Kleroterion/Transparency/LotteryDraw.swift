import Foundation

/// `draw`: applies a public seed to a committed lottery.
///
/// The commitment must be exactly as committed: every published file and both inputs are hashed again and
/// compared with the manifest, and the manifest with its announced fingerprint. Only then does the seed pick a
/// panel number (`SeedRule`), and the panel is that row of `lottery.csv`, whatever solver or platform runs this.
public enum LotteryDraw {
    public static let auditFile = "audit.json"

    /// The drawn panel and the files to write.
    public struct Result {
        public var panelNumber: Int
        public var panelCount: Int
        public var pool: Pool
        /// Pool row indices of the members, in pool order.
        public var members: [Int]
        /// Pool row indices of the drawn panel's committed alternates, in rank order (empty without alternates).
        public var alternates: [Int] = []
        public var rule: SeedRule.Outcome
        public var manifestHash: String
        /// `panel.csv`, `remaining.csv`, `audit.json` (and with alternates `alternates.csv`, `alternate-probabilities.csv`).
        public var files: [(name: String, text: String)]
        /// The representativeness report of the drawn panel, with the commitment's hashes and the panel number.
        public var report: RepresentativenessReport

        /// Writes every file and the report (`report.md`, `report.json`, `report.html`) into `directory`, all or nothing.
        public func write(to directory: String, language: ReportLanguage = .nl) throws {
            try write(to: OutputFiles(directory: directory), language: language)
        }

        /// Writes the draw as one whole folder (all files or none), with `output`'s rules (issue #12).
        public func write(to output: OutputFiles, language: ReportLanguage = .nl) throws {
            var out = output
            for (name, text) in files { out.add(name, text) }
            try ReportFiles.add(report, language: language, to: &out)
            try out.commit()
        }
    }

    /// The audit record, published with the seed (pseudonyms only).
    public struct Audit: Codable, Sendable, Equatable {
        public var format: String
        public var tool: String
        public var drawnUtc: String
        public var manifestSha256: String
        /// The seed as typed, and its canonical text under `seedFormat` (which the rule hashes).
        public var seedAsTyped: String
        public var seed: String
        public var seedFormat: String
        public var seedUtf8Hex: String
        public var rule: String
        public var hashBlocks: [String]
        public var acceptedWord: String
        public var panelCount: Int
        public var panel: Int
        public var memberPseudonyms: [String]
        /// The drawn panel's committed alternates, in rank order (absent for a commitment without alternates).
        public var alternatePseudonyms: [String]?

        enum CodingKeys: String, CodingKey {
            case format, tool, drawnUtc = "drawn_utc", manifestSha256 = "manifest_sha256", seedAsTyped = "seed_as_typed", seed
            case seedFormat = "seed_format", seedUtf8Hex = "seed_utf8_hex"
            case rule, hashBlocks = "hash_blocks", acceptedWord = "accepted_word", panelCount = "panel_count", panel
            case memberPseudonyms = "member_pseudonyms", alternatePseudonyms = "alternate_pseudonyms"
        }
        public static let formatName = "kleroterion-draw-2"
    }

    /// Checks the commitment, applies the seed and prepares the output files.
    ///
    /// `people`/`quotas` override the input paths recorded in the manifest (e.g. when the files moved).
    public static func perform(commitment directory: String, seed typed: String, people: String? = nil, quotas: String? = nil,
                               populationShares: PopulationShares? = nil, now: Date = Date()) throws -> Result {
        let folder = try CommitmentFolder.load(directory)
        let manifest = folder.manifest
        let seed = try folder.canonicalSeed(typed)
        let refuse = "a changed commitment cannot be drawn: restore the committed files (or commit again and announce the new fingerprint before the seed is known)"
        if let changed = folder.changedFiles().first {
            throw KleroterionError(file: changed.file, changed.message, fix: refuse)
        }
        if let changed = folder.manifestFinding(announced: nil) {
            throw KleroterionError(file: changed.file, changed.message, fix: refuse)
        }
        let (pool, quotaSet) = try loadInputs(manifest, people: people, quotas: quotas, fix: refuse)
        // The published member table must describe this very pool: the same pseudonyms, quota values and households.
        let problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: manifest.settings.panelSize,
                                           householdColumns: manifest.settings.householdColumns)
        let pseudonyms = Pseudonyms(pool: pool)
        if Hashing.sha256(Commitment.membersTable(problem, pseudonyms: pseudonyms)) != manifest.files[Commitment.membersFile] {
            throw KleroterionError(file: folder.path(Commitment.membersFile), "the member table does not match the pool \(pool.table.source)", fix: refuse)
        }
        let panels = try folder.lotteryPanels()
        guard panels.count == manifest.settings.panels else {
            throw KleroterionError(file: folder.path(Commitment.lotteryFile), "the lottery has \(panels.count) panels, but the manifest says \(manifest.settings.panels)", fix: refuse)
        }
        let outcome = folder.seedOutcome(canonicalSeed: seed, panelCount: panels.count)
        // Pseudonym → pool row.
        let index = Dictionary(uniqueKeysWithValues: pool.ids.indices.map { (pseudonyms.pseudonym($0), $0) })
        let members = try panels[outcome.panel - 1].map { p -> Int in
            guard let i = index[p] else {
                throw KleroterionError(file: folder.path(Commitment.lotteryFile), "panel \(outcome.panel) names '\(p)', who is not in the pool", fix: refuse)
            }
            return i
        }.sorted()
        // The committed alternates of this panel, checked against the rules and recomputed before anybody is asked.
        let alternatePseudonyms = try AlternatesCheck.drawn(folder, panelNumber: outcome.panel, panel: panels[outcome.panel - 1], fix: refuse)
        let alternates = try alternatePseudonyms.map { p -> Int in
            guard let i = index[p] else {
                throw KleroterionError(file: folder.path(LotteryAlternates.file), "panel \(outcome.panel)'s alternates name '\(p)', who is not in the pool", fix: refuse)
            }
            return i
        }
        let formatter = ISO8601DateFormatter()
        let audit = Audit(format: Audit.formatName, tool: "kleroterion \(ToolVersion.current)", drawnUtc: formatter.string(from: now),
                          manifestSha256: folder.manifestHash, seedAsTyped: typed, seed: seed, seedFormat: manifest.seed.format,
                          seedUtf8Hex: Hashing.hex(Array(seed.utf8)),
                          rule: SeedRule.name, hashBlocks: outcome.blocks, acceptedWord: String(outcome.word),
                          panelCount: panels.count, panel: outcome.panel, memberPseudonyms: panels[outcome.panel - 1],
                          alternatePseudonyms: manifest.alternates == nil ? nil : alternatePseudonyms)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let auditText = String(decoding: try encoder.encode(audit), as: UTF8.self) + "\n"
        var lottery = lotteryOutcome(panels, index: index, members: members, algorithm: manifest.settings.algorithm, rounding: manifest.rounding)
        let extras = try alternatesExtras(folder, problem: problem, pseudonyms: pseudonyms, index: index, members: members,
                                          alternates: alternates, seed: seed)
        if let note = extras?.note { lottery.notes.append(note) }
        var report = try ReportBuilder.build(problem: problem, quotas: quotaSet, outcome: lottery,
                                             context: .init(seed: seed, populationShares: populationShares,
                                                            transparency: transparency(folder, panelNumber: outcome.panel, seed: seed)))
        report.dropouts = extras?.outlook
        var files = [("panel.csv", PanelFiles.panel(pool, members: members)),
                     ("remaining.csv", PanelFiles.remaining(pool, members: members + alternates))]
        if let extras {
            files += [("alternates.csv", AlternateFiles.csv(pool, ranked: alternates)),
                      ("alternate-probabilities.csv", AlternateFiles.chances(pool.ids, SelectionProbabilities(values: extras.chances)))]
        }
        return Result(panelNumber: outcome.panel, panelCount: panels.count, pool: pool, members: members, alternates: alternates, rule: outcome,
                      manifestHash: folder.manifestHash, files: files + [(auditFile, auditText)], report: report)
    }

    /// The draw as a selection outcome for the report: the chances are exact (each person's share of the m panels).
    static func lotteryOutcome(_ panels: [[String]], index: [String: Int], members: [Int], algorithm: String,
                               rounding: Manifest.Rounding) -> SelectionOutcome {
        var copies: [[Int]: Int] = [:]
        var order: [[Int]] = []
        for ids in panels {
            let panel = ids.compactMap { index[$0] }.sorted()
            if copies[panel] == nil { order.append(panel) }
            copies[panel, default: 0] += 1
        }
        let m = Double(panels.count)
        let distribution = PanelDistribution(panels: order, probabilities: order.map { Double(copies[$0]!) / m })
        let chances = distribution.marginals(personCount: index.count)
        return SelectionOutcome(panel: members, probabilities: SelectionProbabilities(values: chances), distribution: distribution,
                                algorithm: algorithm, notes: [
            .committedLottery(panels: panels.count, distinct: order.count),
            .committedRounding(algorithm: algorithm, largestChange: rounding.maxChange, worstCase: rounding.worstCase)])
    }

    /// The report's transparency section: the committed hashes, the seed source and how to check.
    static func transparency(_ folder: CommitmentFolder, panelNumber: Int, seed: String) -> Transparency {
        let m = folder.manifest
        var hashes = [CommittedHash(file: m.inputs.people.file, sha256: m.inputs.people.sha256),
                      CommittedHash(file: m.inputs.quotas.file, sha256: m.inputs.quotas.sha256)]
        hashes += m.files.keys.sorted().map { CommittedHash(file: $0, sha256: m.files[$0]!) }
        hashes.append(CommittedHash(file: Commitment.manifestFile, sha256: folder.manifestHash))
        let quoted = "\"" + seed.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return Transparency(seedSource: m.seedSource.isEmpty ? nil : m.seedSource, committedAt: m.createdUtc, hashes: hashes,
                            lotteryPanels: m.settings.panels, panelNumber: panelNumber,
                            verifyCommand: "kleroterion verify --commitment \(folder.directory) --seed \(quoted)")
    }

    /// Reads and re-hashes the pool and quotas the manifest names (or the given replacements).
    static func loadInputs(_ manifest: Manifest, people: String?, quotas: String?, fix: String) throws -> (Pool, QuotaSet) {
        func read(_ input: Manifest.Input, _ override: String?, what: String, option: String) throws -> Table {
            let path = override ?? input.file
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw KleroterionError(file: path, "the \(what) named in the manifest cannot be found",
                                       fix: "give the committed \(what) with \(option)")
            }
            let actual = Hashing.sha256(bytes)
            guard actual == input.sha256 else {
                throw KleroterionError(file: path, "this is not the committed \(what): its SHA-256 is \(actual), but manifest.json says \(input.sha256)", fix: fix)
            }
            return try CSVReader.parse([UInt8](bytes), source: path)
        }
        let quotaSet = try QuotaSet(table: read(manifest.inputs.quotas, quotas, what: "quotas file", option: "--quotas"))
        var table = try read(manifest.inputs.people, people, what: "pool of respondents", option: "--people")
        if let reading = manifest.settings.poolReading {
            var notes: [String] = []
            table = try PoolColumns(reading).table(table, quotas: quotaSet, notes: &notes)
        }
        return (try Pool(table: table, idColumn: manifest.settings.idColumn), quotaSet)
    }

    /// Reads an audit record.
    public static func readAudit(_ data: Data, source: String) throws -> Audit {
        do { return try JSONDecoder().decode(Audit.self, from: data) } catch {
            throw KleroterionError(file: source, "this is not a valid audit record", fix: "use audit.json exactly as `kleroterion draw` wrote it")
        }
    }
}
