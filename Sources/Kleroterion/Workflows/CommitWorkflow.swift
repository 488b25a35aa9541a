import Foundation

/// `commit`: fix a uniform lottery over numbered fair panels, before the public seed exists (issue #4), and queue
/// lottery.csv, members.csv, quotas.csv, probabilities.csv, pseudonym_commitments.csv, manifest.json,
/// announcement.md (publishable) and private/pseudonyms.csv (private); with `alternates`, also each panel's ranked
/// alternates and the inputs of their rule (lottery_alternates.csv, dropout_rates.csv, alternate_targets.csv).
public enum CommitWorkflow {
    /// What to commit to.
    public struct Request: Sendable {
        public var people: String
        public var columns: PoolColumns = PoolColumns()
        public var quotas: String
        public var panelSize: Int
        /// leximin (the default) or maximin: the algorithms a verifier can recompute.
        public var algorithm: String = "leximin"
        /// How many numbered, equally likely panels the lottery has (1 to 1,000,000).
        public var panels = 1000
        /// The pool's id column (never published: the published files carry pseudonyms).
        public var idColumn: String = "id"
        public var householdColumns: [String] = []
        /// Where and when the seed will come from, e.g. "the drand round 5000000" (announced).
        public var seedSource: String = ""
        /// How the seed is written: dice:N, lotto:K/N, beacon:drand:ROUND, beacon:nist:UNIX_MS or text.
        public var seedFormat: String
        /// Accept a seed format with fewer than 2^24 outcomes (the announcement then says how much could be moved).
        public var allowWeakSeed = false

        /// The language of announcement.md.
        public var language: ReportLanguage = .nl
        /// Ranked alternates per committed panel (0: none, and the commitment is exactly as before alternates existed).
        public var alternates = 0
        /// The drop-out rates the alternates are chosen for (feature,value,dropout_rate or id,dropout_rate; default 10 %).
        public var dropoutRates: String?

        public init(people: String, quotas: String, panelSize: Int, seedFormat: String) {
            self.people = people; self.quotas = quotas; self.panelSize = panelSize; self.seedFormat = seedFormat
        }

        /// Every file the commitment reads, which no output may overwrite.
        public var inputs: [String?] { [people, quotas, dropoutRates] }

        /// Refuses a number of panels or an algorithm a commitment cannot have.
        public func validate() throws {
            guard panels >= 1, panels <= 1_000_000 else {
                throw KleroterionError("--panels is \(panels)", fix: "give between 1 and 1000000 panels, e.g. --panels 1000")
            }
            guard Commitment.algorithms.contains(algorithm) else {
                throw KleroterionError("commit needs a fair algorithm whose chances anyone can recompute from the published files, and '\(algorithm)' is not one",
                                       fix: "use --algorithm leximin (the default) or maximin")
            }
            guard alternates >= 0, alternates <= 1_000_000 else {
                throw KleroterionError("--alternates is \(alternates)", fix: "give a number of alternates of 0 or more, e.g. --alternates 15")
            }
            if dropoutRates != nil && alternates == 0 {
                throw KleroterionError("--dropout-rates is given but no --alternates: in a commitment the drop-out rates serve only to choose the alternates",
                                       fix: "add --alternates A (e.g. --alternates 15), or leave --dropout-rates out")
            }
        }
    }

    /// The commitment's key figures and what to say.
    public struct Result: Sendable {
        /// The lines the CLI prints on stdout once the files are written.
        public var lines: [String]
        /// Warnings (ids that look like BSNs, no seed source) and remarks on how the inputs were read (stderr).
        public var warnings: [String]
        /// The rounding's and the alternates' technical figures, for `--verbose`.
        public var details: [String]
        /// The names of the queued files (the private one last).
        public var files: [String]
        /// The manifest's SHA-256, the fingerprint to announce.
        public var manifestHash: String
        public var manifest: Manifest
        /// The announcement text (announcement.md), to show, print or copy.
        public var announcement: String
        public var panels: Int
        public var distinctPanels: Int
        public var poolCount: Int
        /// The largest change of anyone's chance by rounding, and the naive worst case k/m.
        public var largestRoundingChange: Double
        public var worstCaseRoundingChange: Double
        /// With a weak seed format: how far regenerating the commitment could move one person's chance.
        public var grindingBound: Double?
        /// Ranked alternates per panel (0: none), and the largest chance of anyone to be an alternate in the lottery.
        public var alternates: Int
        public var largestAlternateChance: Double?
    }

    /// Refuses a folder that already holds a commitment (it may have been announced): call it before creating the
    /// `OutputFiles`, whose own refusal of a non-empty folder would say less.
    public static func refuseExistingCommitment(in folder: String) throws {
        let existing = (folder as NSString).appendingPathComponent(Commitment.manifestFile)
        if FileManager.default.fileExists(atPath: existing) {
            throw KleroterionError(file: existing, "this folder already holds a commitment, which may already have been announced",
                                   fix: "choose a new --out folder; keep the old one as it is")
        }
    }

    /// Computes the lottery and queues the commitment's files into `files`.
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        try refuseExistingCommitment(in: files.directory)
        try r.validate()
        var warnings: [String] = [], readingNotes: [String] = []
        let format = try SeedFormat(parsing: r.seedFormat)
        let (quotasInput, quotaSet) = try readInput(r.quotas) { try QuotaSet(table: $0) }
        var header: [String] = []
        let (peopleInput, pool) = try readInput(r.people) {
            header = $0.header
            return try Pool(table: r.columns.remarking(in: r.language).table($0, quotas: quotaSet, notes: &readingNotes), idColumn: r.idColumn)
        }
        warnings += RequestChecks.formulaWarnings(pool.table, language: r.language)
        var settings = Commitment.Settings(panels: r.panels, panelSize: r.panelSize, algorithm: r.algorithm, idColumn: r.idColumn,
                                           householdColumns: r.householdColumns, seedSource: r.seedSource, seedFormat: format,
                                           allowWeakSeed: r.allowWeakSeed, people: peopleInput, quotas: quotasInput,
                                           language: r.language)
        // BRP headers recognised without an option are part of the reading too: the draw must rename the same columns.
        settings.poolReading = try r.columns.reading(header: header)
        settings.alternates = r.alternates
        if let path = r.dropoutRates {
            let bytes = try InputFile.read(path)
            settings.dropoutModel = try DropoutModel.load(path: path, pool: pool)
            settings.dropoutInput = Manifest.Input(file: path, sha256: Hashing.sha256(bytes))
            if let note = LotteryAlternates.publicationWarning(ratesFile: path, quotaFeatures: quotaSet.features, language: r.language) { warnings.append(note) }
        }
        let w = TextTable<LotteryLine>(r.language), common = TextTable<CommonLine>(r.language), n = w.format.count
        // The ids are never published (pseudonyms replace them), but ids like these make the private key file precious.
        if pool.ids.contains(where: { PublishableCheck.looksLikeBSN($0) || PublishableCheck.looksLikeEmail($0) }) {
            warnings.append(common(.note, w(.idsLookPersonal, Pseudonyms.privateFile)))
        }
        var lines: [String] = [], details: [String] = []
        func say(_ line: String) { lines.append(line); events.step(line) }
        say(TextTable<SelectLine>(r.language)(.read, n(pool.count)))
        try events.checkCancelled()
        let built = try Commitment.build(pool: pool, quotas: quotaSet, settings: settings, progress: events.detail, isCancelled: events.isCancelled)
        try events.checkCancelled()
        for (name, text) in built.files { files.add(name, text) }
        let rounding = built.rounding, m = built.manifest
        let out = files.directory
        say(w(.committed, n(r.panels), n(r.panelSize), n(m.rounding.distinctPanels), n(pool.count)))
        lines.append(w(.rounding, Announcement.percent(m.rounding.maxChange, TextTable<AnnouncementKey>(r.language))))
        details.append(w(.roundingDetail, w.format.decimal(rounding.maxDeviation, digits: 5), w.format.decimal(m.rounding.worstCase, digits: 5),
                         n(rounding.moves)))
        if let bound = m.seed.grindingBound {
            lines.append(w(.weakSeed, format.description, w.format.decimal(bound * 100, digits: 1)))
        }
        var largestAlternateChance: Double?
        if let a = m.alternates {
            let chances = LotteryAlternates.chances(built.alternates, personCount: built.problem.count)
            largestAlternateChance = chances.max()
            lines.append(w(.alternates, n(a.count), w.format.percent(largestAlternateChance ?? 0)))
            details.append(w(.alternatesDetail, a.file, a.method, a.dropoutRates, w.format.decimal(largestAlternateChance ?? 0, digits: 3)))
        }
        lines += [w(.fingerprint, built.manifestHash),
                  common(.wrote, out, built.files.map(\.name).joined(separator: ", ")),
                  w(.publish, Pseudonyms.privateFile)]
        if r.seedSource.trimmingSpaces().isEmpty {
            warnings.append(common(.warning, w(.noSeedSource)))
        }
        lines.append(w(.commitNext, out))
        let announcement = built.files.first { $0.name == Commitment.announcementFile }?.text ?? ""
        return Result(lines: lines, warnings: warnings + readingNotes, details: details, files: built.files.map(\.name), manifestHash: built.manifestHash,
                      manifest: m, announcement: announcement, panels: r.panels, distinctPanels: m.rounding.distinctPanels,
                      poolCount: pool.count, largestRoundingChange: rounding.maxDeviation, worstCaseRoundingChange: m.rounding.worstCase,
                      grindingBound: m.seed.grindingBound, alternates: r.alternates, largestAlternateChance: largestAlternateChance)
    }

    /// Reads a CSV input once, so that the hash and the parsed table come from the same bytes.
    private static func readInput<T>(_ path: String, _ make: (Table) throws -> T) throws -> (Manifest.Input, T) {
        let bytes = try InputFile.read(path)
        let value = try make(CSVReader.parse([UInt8](bytes), source: path))
        return (Manifest.Input(file: path, sha256: Hashing.sha256(bytes)), value)
    }
}
